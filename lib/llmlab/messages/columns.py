"""Text padded by display columns, so that printed tables line up in every language.

A monospaced printout gives a Chinese or Japanese character (East Asian Width "W" or "F") two columns,
a Latin letter one. Python's ``format("猫", "4")`` counts characters, so a padded Japanese label
pushes every column after it out. ``pad`` counts display columns instead; every padded field of the
catalogues goes through it (``msg`` formats with ``FORMATTER``), and every ``msg`` text is a ``Text``,
whose own format spec (``f"{kind_name(kind):22s}"`` in a lesson) pads the same way. Text made only of
one-column characters pads exactly as ``str.format`` pads it.
"""

from __future__ import annotations

import numbers
import re
import string
import unicodedata

from llmlab.errors import LlmlabError, LlmlabTypeError

WIDE = ("W", "F")  # the East Asian Width classes drawn two columns wide
ALIGNS = ("<", ">", "^")  # left, right, centre: as str.format

# A string field's spec: [[fill]align][width][.precision][s] (the only parts str.format accepts for text).
_TEXT_SPEC = re.compile(r"(?:(?P<fill>.)?(?P<align>[<>^]))?(?P<width>[1-9][0-9]*)?(?:\.(?P<precision>[0-9]+))?s?",
                        re.DOTALL)


# ---------------------------------------------------------------------------
# Input checks, in the words of engine/validate.py (whose keys they use); that module sits above this one, so
# the few checks these functions need are kept here. The catalogue (llmlab.messages) imports this module, so
# msg is imported when a check fails, never at import time.
# ---------------------------------------------------------------------------


def shown(value: object) -> str:
    """A short ``repr`` of ``value`` for a message (at most 60 characters, as engine/validate.py shows one)."""
    text = repr(value)
    return text if len(text) <= 60 else text[:59] + "…"


def _text(value: object, name: str) -> str:
    from llmlab.messages import msg

    if isinstance(value, (bytes, bytearray)):
        raise LlmlabTypeError(msg("validate.bytes_not_text", name=name))
    if not isinstance(value, str):
        raise LlmlabTypeError(msg("validate.not_text", name=name, value=shown(value), kind=type(value).__name__))
    return value


def _width(value: object, name: str = "width") -> int:
    from llmlab.messages import msg

    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise LlmlabTypeError(msg("validate.not_whole", name=name, value=shown(value), kind=type(value).__name__))
    if value < 0:
        raise LlmlabError(msg("validate.out_of_range", name=name, value=value, range=msg("validate.at_least", low=0)))
    return int(value)


def _align(value: object) -> str:
    from llmlab.messages import msg

    if not (isinstance(value, str) and value in ALIGNS):
        raise LlmlabError(msg("validate.not_a_choice", name="align", value=shown(value),
                              options=", ".join(f'"{align}"' for align in ALIGNS)))
    return value


def _fill(value: object) -> str:
    from llmlab.messages import msg

    if not (isinstance(value, str) and len(value) == 1 and display_width(value) == 1):
        raise LlmlabError(msg("columns.bad_fill", value=shown(value)))
    return value


# ---------------------------------------------------------------------------
# Widths and padding
# ---------------------------------------------------------------------------


def display_width(text: str) -> int:
    """The number of columns ``text`` takes in a monospaced printout (wide characters take two)."""
    text = _text(text, "text")
    return sum(2 if unicodedata.east_asian_width(character) in WIDE else 1 for character in text)


def pad(text: str, width: int, align: str = "<", fill: str = " ") -> str:
    """``text`` filled out with ``fill`` to ``width`` display columns: on the right for "<", the left for ">",
    both sides for "^" (the extra one on the right, as ``str.format`` does)."""
    text, width, align, fill = _text(text, "text"), _width(width), _align(align), _fill(fill)
    gap = max(0, width - display_width(text))
    left = {"<": 0, ">": gap, "^": gap // 2}[align]
    return fill * left + text + fill * (gap - left)


def clip(text: str, width: int) -> str:
    """The longest start of ``text`` that fits in ``width`` display columns."""
    text, width, used = _text(text, "text"), _width(width), 0
    for end, character in enumerate(text):
        used += display_width(character)
        if used > width:
            return text[:end]
    return text


def format_text(text: str, spec: str) -> str:
    """``format(text, spec)`` with the width counted in display columns (and the precision too)."""
    text, spec = _text(text, "text"), _text(spec, "spec")
    field = _TEXT_SPEC.fullmatch(spec)
    if field is None:  # a spec str.format itself rejects for text: its own error
        return str.__format__(text, spec)
    shown = text if field["precision"] is None else clip(text, int(field["precision"]))
    return shown if field["width"] is None else pad(shown, int(field["width"]), field["align"] or "<",
                                                    field["fill"] or " ")


class Text(str):
    """A ``str`` whose format spec pads by display columns: ``f"{Text('猫'):>4}"`` is ``"  猫"``."""

    __slots__ = ()

    def __format__(self, spec: str) -> str:
        return format_text(str(self), spec)


class _DisplayFormatter(string.Formatter):
    """``str.format`` that fills every text field by display columns (numbers are formatted as usual)."""

    def format_field(self, value: object, format_spec: str) -> str:
        return format_text(value, format_spec) if isinstance(value, str) else format(value, format_spec)


FORMATTER = _DisplayFormatter()
