"""One language's catalogue from its files: the engine, one per lesson, the checker, shared words, widgets, plots."""

from __future__ import annotations

import importlib
from collections.abc import Mapping

# the same files in every language
PARTS = ("engine", *(f"lesson{n:02d}" for n in range(11)), "checks", "words", "widgets", "plots")


def merged(parts: Mapping[str, Mapping[str, str]]) -> dict[str, str]:
    """Every part's messages in one dict; a key in two parts is an error (each key has one home)."""
    catalogue: dict[str, str] = {}
    home: dict[str, str] = {}
    for name, messages in parts.items():
        for key, text in messages.items():
            if key in catalogue:
                raise ValueError(f"message key {key!r} is in both {home[key]}.py and {name}.py")
            catalogue[key], home[key] = text, name
    return catalogue


def language_parts(package: str) -> dict[str, dict[str, str]]:
    """The messages of each file of one language's package (e.g. ``llmlab.messages.ja``)."""
    return {part: importlib.import_module(f"{package}.{part}").MESSAGES for part in PARTS}
