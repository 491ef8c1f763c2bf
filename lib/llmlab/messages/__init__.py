"""Every sentence llmlab shows a learner, one catalogue per language.

``msg("key", name=value)`` fills in the current language's ``str.format`` template. The catalogues
live in ``en/`` and ``ja/``, in the same files (``merge.PARTS``: the engine and toy world, one file per
lesson with its study modules, printouts and exercises, the checker, shared words, widgets, plots) with
exactly the same keys and placeholders, one key per English text (tests/languages/test_messages.py). Each Japanese
entry records the English it translates in ``ja/SOURCES``; ``python -m llmlab.messages.stale`` lists the
translations whose English has changed since (see that module). ``set_language("ja")`` switches
every message shown from then on; the environment variable ``LLMLAB_LANG`` chooses the language a
session starts in. Text made before a learner can switch (an exercise's explanation, registered when
llmlab is imported) is kept as ``later("key")`` and put into words only when shown.
"""

from __future__ import annotations

import os

from llmlab.errors import LlmlabError, LlmlabTypeError, UnknownMessage
from llmlab.messages import en, ja
from llmlab.messages.columns import FORMATTER, Text, shown

LANGUAGES = ("en", "ja")
LANGUAGE_VARIABLE = "LLMLAB_LANG"
CATALOGUES: dict[str, dict[str, str]] = {"en": en.MESSAGES, "ja": ja.MESSAGES}
MESSAGES = en.MESSAGES  # the English catalogue, the one every other is kept in step with


def msg(key: str, **values: object) -> Text:
    """The learner-facing text for ``key`` in the current language, with ``values`` filled in.

    A padded field (``{name:20s}``) is filled to that many display columns, and the text returned pads
    the same way in a lesson's own f-string, so Japanese tables line up (``llmlab.messages.columns``)."""
    catalogue = CATALOGUES[_current]
    if not isinstance(key, str) or key not in catalogue:  # tests keep llmlab's own keys in both catalogues, so
        # this is a cell of a lesson copy older than the library (a key renamed since), or a typo in one
        raise UnknownMessage(_explained("messages.unknown_key", asked=shown(key)))
    try:
        return Text(FORMATTER.format(catalogue[key], **values))  # padded by display columns (messages.columns)
    except KeyError as missing:  # a value the template names was not given: the same story, a placeholder renamed
        raise UnknownMessage(_explained("messages.missing_value", message=shown(key), name=shown(missing.args[0]),
                                        given=", ".join(sorted(values)) or _explained("messages.no_values"))) from None


def language() -> str:
    """The code of the language messages are shown in ("en" or "ja")."""
    return _current


def set_language(code: str) -> None:
    """Show every message from now on in language ``code``: "en" (English) or "ja" (日本語).

    Widgets and figures made after the switch speak the new language; one already on screen keeps
    the labels it was built with (run its cell again to rebuild it).
    """
    global _current
    _current = _checked(code, "language.unknown")


class Later:
    """A message put into words only when it is shown, in the language chosen by then."""

    __slots__ = ("key", "values")

    def __init__(self, key: str, **values: object) -> None:
        self.key, self.values = key, values

    def __str__(self) -> str:
        return msg(self.key, **self.values)

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)

    def __repr__(self) -> str:
        return f"later({self.key!r})"


def later(key: str, **values: object) -> Later:
    """``msg(key, **values)``, looked up when shown instead of now (for text made at import time)."""
    return Later(key, **values)


def _explained(which: str, **values: str) -> str:
    """The text of one of msg's own errors, in the current language (in English if that catalogue lacks it)."""
    template = CATALOGUES[_current].get(which) or CATALOGUES["en"][which]
    return FORMATTER.format(template, **values)


def _checked(code: object, key: str) -> str:
    """``code`` if it names a language llmlab has, else an error in llmlab's words listing them."""
    if isinstance(code, str) and code in LANGUAGES:
        return code
    shown = repr(code) if len(repr(code)) <= 40 else repr(code)[:39] + "…"
    error = LlmlabError if isinstance(code, str) else LlmlabTypeError
    raise error(msg(key, code=shown, valid=", ".join(f'"{name}"' for name in LANGUAGES),
                    variable=LANGUAGE_VARIABLE))


_current = "en"
_current = _checked(os.environ.get(LANGUAGE_VARIABLE) or "en", "language.bad_variable")
