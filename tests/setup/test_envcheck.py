"""The environment report: one [OK]/[FAIL] line per check, and missing pieces reported as [FAIL]."""

from __future__ import annotations

from pathlib import Path

import pytest

from llmlab.ui import envcheck
from llmlab.engine.device import pick_device


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty data/ folder in place of the repository's."""
    monkeypatch.setattr(envcheck, "DATA_DIR", tmp_path)
    return tmp_path


def by_name(results: list[envcheck.CheckResult]) -> dict[str, envcheck.CheckResult]:
    return {result.name: result for result in results}


def test_installed_packages_and_tokenizer_pass(data_dir: Path) -> None:
    results = by_name(envcheck.check_environment())
    for package in envcheck.REQUIRED_PACKAGES:
        assert results[package].ok, results[package].detail
    assert results["torch threads"].ok
    assert str(pick_device()) in results["device"].detail
    assert results["cl100k_base file"].ok
    assert results["cl100k_base tokenizer"].ok


def test_data_files_missing_then_present(data_dir: Path) -> None:
    assert not any(by_name(envcheck.check_environment())[f"data/{f}"].ok for f in envcheck.DATA_FILES)
    for filename in envcheck.DATA_FILES:
        (data_dir / filename).write_bytes(b"x" * 2048)
    results = by_name(envcheck.check_environment())
    assert all(results[f"data/{f}"].ok for f in envcheck.DATA_FILES)
    assert results["data/toy_train.txt"].detail == "present (2 KiB)"


def test_missing_package_fails_with_a_hint() -> None:
    result = envcheck.check_package("no_such_package_llmlab")
    assert not result.ok
    assert "make lab" in result.detail


def test_report_prints_one_tagged_line_per_check(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    envcheck.print_environment_report()
    lines = capsys.readouterr().out.splitlines()
    checks = lines[1:-1]
    assert len(checks) == len(envcheck.check_environment())
    assert all(line.startswith(("[OK]", "[FAIL]")) for line in checks)
    missing = len(envcheck.DATA_FILES)  # every data file is missing from the empty data/
    assert lines[-1].startswith(f"{missing} of")
