"""Translations that no longer match their English: catalogue entries and lesson cells (a translator's tool).

Every Japanese text records which English text it translates, as a short hash of that English:
catalogue entries in ``ja/SOURCES`` (one ``hash  key`` line per key), the Japanese lessons' markdown cells
in their metadata (``"llmlab": {"translates": hash}``; code cells are the English code itself, checked by
tests/languages/test_japanese_parity.py). When an English text changes, its hash no longer matches and the
Japanese is *stale* until a translator has updated it and recorded the new hash (as gettext marks such
entries "fuzzy").
tests/languages/test_messages.py and tests/languages/test_japanese_parity.py fail while anything is stale.

    python -m llmlab.messages.stale                         # list what is stale, new or gone
    python -m llmlab.messages.stale --record KEY ...        # after updating the Japanese of these keys
    python -m llmlab.messages.stale --record 05_attention.ipynb:12   # ... of this lesson cell (its index)
    python -m llmlab.messages.stale --record                # only forget keys no longer in the catalogue
    python -m llmlab.messages.stale --record-all            # after reviewing everything listed
"""

from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path

from llmlab.messages import en, ja
from llmlab.paths import REPO_ROOT

SOURCES = Path(__file__).resolve().parent / "ja" / "SOURCES"
NOTEBOOKS = REPO_ROOT / "notebooks"
HEADER = ("# The English text each Japanese catalogue entry translates: the first 8 hex digits of the sha256 of\n"
          "# the English template, then the key. Written by `python -m llmlab.messages.stale --record`; do not edit.\n")


def english_hash(text: str) -> str:
    """The short hash a translation records of the English ``text`` it translates."""
    return hashlib.sha256(text.encode()).hexdigest()[:8]


def recorded() -> dict[str, str]:
    """key -> hash of the English its Japanese entry translates, as ``ja/SOURCES`` records it."""
    lines = [line for line in SOURCES.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    return {key: digest for digest, key in (line.split("  ", 1) for line in lines)}


def stale_keys() -> dict[str, list[str]]:
    """Catalogue keys whose Japanese is behind: "stale" (English changed), "new" (none recorded), "gone"."""
    sources = recorded()
    return {"stale": [key for key in ja.MESSAGES if key in sources and sources[key] != english_hash(en.MESSAGES[key])],
            "new": [key for key in ja.MESSAGES if key not in sources],
            "gone": [key for key in sources if key not in ja.MESSAGES]}


def record_keys(keys: list[str]) -> None:
    """Record the current English of ``keys`` as translated; drop lines of keys no longer in the catalogue."""
    unknown = sorted(set(keys) - set(ja.MESSAGES))
    if unknown:
        raise SystemExit(f"no such catalogue keys: {unknown}")
    sources = recorded() | {key: english_hash(en.MESSAGES[key]) for key in keys}
    SOURCES.write_text(HEADER + "".join(f"{sources[key]}  {key}\n" for key in ja.MESSAGES if key in sources),
                       encoding="utf-8")


def cell_id(name: str, index: int) -> str:
    """How the tool names one lesson cell: ``05_attention.ipynb:12``."""
    return f"{name}:{index}"


def _cells(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def stale_cells() -> dict[str, list[str]]:
    """Japanese markdown cells whose English twin changed ("stale") or that record no English ("new")."""
    found: dict[str, list[str]] = {"stale": [], "new": []}
    for english_path in sorted(NOTEBOOKS.glob("*.ipynb")):
        japanese_path = NOTEBOOKS / "ja" / english_path.name
        if not japanese_path.exists():  # a missing twin is tests/languages/test_japanese_parity.py's to report
            continue
        for index, (english, japanese) in enumerate(zip(_cells(english_path), _cells(japanese_path))):
            if english["cell_type"] == japanese["cell_type"] == "markdown":
                translates = japanese["metadata"].get("llmlab", {}).get("translates")
                if translates != english_hash("".join(english["source"])):
                    found["new" if translates is None else "stale"].append(cell_id(english_path.name, index))
    return found


def record_cells(ids: list[str]) -> None:
    """Record, in each Japanese cell named in ``ids``, the hash of its English twin's current source."""
    by_notebook: dict[str, set[int]] = {}
    for name, _, index in (identifier.rpartition(":") for identifier in ids):
        by_notebook.setdefault(name, set()).add(int(index))
    for name, indices in by_notebook.items():
        english, japanese_path = _cells(NOTEBOOKS / name), NOTEBOOKS / "ja" / name
        notebook = json.loads(japanese_path.read_text(encoding="utf-8"))
        for index in indices:
            cell = notebook["cells"][index]
            if cell["cell_type"] != "markdown" or english[index]["cell_type"] != "markdown":
                raise SystemExit(f"{cell_id(name, index)} is not a markdown cell in both languages")
            cell["metadata"]["llmlab"] = {"translates": english_hash("".join(english[index]["source"]))}
        # the layout Jupyter writes, so that only the changed metadata shows in a diff
        japanese_path.write_text(json.dumps(notebook, indent=1, ensure_ascii=False, sort_keys=True) + "\n",
                                 encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    """List what is behind its English (exit status 1 if anything is), or record reviewed translations."""
    parser = argparse.ArgumentParser(prog="python -m llmlab.messages.stale", description=__doc__.split("\n")[0])
    parser.add_argument("--record", nargs="*", metavar="NAME",
                        help="catalogue keys or lesson cells (05_attention.ipynb:12) whose Japanese is up to date; "
                             "with no NAME, only forget the keys that are gone")
    parser.add_argument("--record-all", action="store_true", help="record everything listed as reviewed")
    arguments = parser.parse_args(argv)
    keys, cells = stale_keys(), stale_cells()
    if arguments.record_all:
        record_keys(keys["stale"] + keys["new"])
        record_cells(cells["stale"] + cells["new"])
    elif arguments.record is not None:
        record_keys([name for name in arguments.record if ".ipynb:" not in name])
        record_cells([name for name in arguments.record if ".ipynb:" in name])
    else:
        for kind, names in (*keys.items(), *cells.items()):
            for name in names:
                if ".ipynb:" in name:
                    print(f"{kind:5s}  notebooks/ja/{name}")
                else:
                    shown = en.MESSAGES.get(name, "")
                    print(f"{kind:5s}  {name}\n         en: {shown!r}\n         ja: {ja.MESSAGES.get(name, '')!r}")
        return int(any(keys.values()) or any(cells.values()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
