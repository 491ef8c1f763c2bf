"""The message catalogues: English and Japanese in step, every key used, the engine apart, the switch.

Placeholder rule: a Japanese template has exactly the same set of fields as its English twin, each
with the same conversion (``!r``) and format spec (``:.2f``): translators move fields, never change
how a value is written. Only the width a field is padded to (and its alignment) may differ: a Japanese
label takes more display columns, and its table pads it to fit (``llmlab.messages.columns``).
"""

from __future__ import annotations

import json
import os
import re
import string
import subprocess
import sys
from pathlib import Path

import pytest
import torch

import llmlab
from llmlab.messages.merge import PARTS
from llmlab.messages import CATALOGUES, LANGUAGES, en, ja, msg
from llmlab.messages.stale import stale_keys

ROOT = Path(__file__).resolve().parents[2]
LIB = ROOT / "lib" / "llmlab"
# the GPT machinery and the toy world below it: no lesson, exercise, widget or plot code, no widgets.* or plots.* keys
ENGINE_MODULES = tuple(sorted(
    ".".join(p.relative_to(LIB).with_suffix("").parts) for folder in ("engine", "toy")
    for p in (LIB / folder).glob("*.py") if p.name != "__init__.py"))
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


# A format spec's layout: [[fill]align][0][width], which may differ between languages (the rest may not).
LAYOUT = re.compile(r"^(?:.?[<>=^])?0?[0-9]*")


def fields(template: str) -> set[tuple[str, str | None, str | None]]:
    """The template's {fields} as (name, conversion, format spec without its layout)."""
    return {(name, conversion, LAYOUT.sub("", spec, count=1)) for _, name, spec, conversion
            in string.Formatter().parse(template) if name is not None}


def sources() -> dict[str, str]:
    """Where keys may be used: the library (not the catalogues), the scripts, the English lessons' code cells."""
    catalogues = [LIB / "messages" / code for code in LANGUAGES]
    found = {str(p.relative_to(ROOT)): p.read_text() for p in LIB.rglob("*.py")
             if not any(p.is_relative_to(folder) for folder in catalogues)}
    found |= {str(p.relative_to(ROOT)): p.read_text() for p in (ROOT / "scripts").glob("*.py")}
    for notebook in (ROOT / "notebooks").glob("*.ipynb"):
        cells = json.loads(notebook.read_text())["cells"]
        found[str(notebook.relative_to(ROOT))] = "\n".join(
            "".join(cell["source"]) for cell in cells if cell["cell_type"] == "code")
    return found


PREFIXES = "|".join(map(re.escape, {key.split(".")[0] for key in en.MESSAGES}))
FSTRING_KEY = re.compile(r"""\bf(["'])((?:%s)\.[^"'{}]*\{.*?)\1""" % PREFIXES)  # f"ex05.attention.{name}"
JOINED_KEY = re.compile(r"""(["'])((?:%s)\.[^"'{}]*\.)\1\s*\+""" % PREFIXES)  # "words.component." + name


def key_patterns(text: str) -> list[re.Pattern]:
    """Keys built at run time: each {...} of an f-string, or what is added to "prefix.", is one key segment."""
    patterns = []
    for match in FSTRING_KEY.finditer(text):
        pieces = re.split(r"\{[^{}]*\}", match.group(2))
        patterns.append(re.compile("[^.]+".join(re.escape(piece) for piece in pieces) + r"\Z"))
    for match in JOINED_KEY.finditer(text):
        patterns.append(re.compile(re.escape(match.group(2)) + r"[^.]+\Z"))
    return patterns


def keys_used(text: str) -> set[str]:
    """The catalogue keys ``text`` names, literally or through a run-time pattern."""
    patterns = key_patterns(text)
    return {key for key in en.MESSAGES
            if f'"{key}"' in text or f"'{key}'" in text or any(p.match(key) for p in patterns)}


@pytest.mark.parametrize("part", PARTS)
def test_both_languages_have_the_same_keys(part):
    english, japanese = set(en.PARTS[part]), set(ja.PARTS[part])
    assert not english - japanese, f"missing from ja/{part}.py: {sorted(english - japanese)}"
    assert not japanese - english, f"in ja/{part}.py but not in en/{part}.py: {sorted(japanese - english)}"


def test_both_languages_have_the_same_placeholders():
    wrong = {key: (sorted(map(str, fields(text))), sorted(map(str, fields(ja.MESSAGES[key]))))
             for key, text in en.MESSAGES.items() if key in ja.MESSAGES and fields(text) != fields(ja.MESSAGES[key])}
    assert not wrong, wrong


def test_every_japanese_entry_translates_the_current_english():
    """ja/SOURCES records the English each Japanese entry was translated from; a changed English needs review."""
    behind = stale_keys()
    assert not any(behind.values()), (
        f"Japanese entries behind their English: {behind}. Update their Japanese (ja/*.py), then record it with "
        "`python -m llmlab.messages.stale --record KEY ...` (run it without arguments to see the texts; "
        "`--record` alone forgets the keys that are gone).")


def test_a_changed_english_text_leaves_its_japanese_stale(monkeypatch):
    before = stale_keys()
    monkeypatch.setitem(en.MESSAGES, "model.empty_input", en.MESSAGES["model.empty_input"] + " Really.")
    after = stale_keys()
    assert set(after["stale"]) - set(before["stale"]) == {"model.empty_input"}
    assert (after["new"], after["gone"]) == (before["new"], before["gone"])


# Keys whose English is the same on purpose, each with the reason its Japanese must differ.
SAME_ENGLISH = {
    frozenset({"printouts.stop.context", "widgets.context_length"}):
        "as a reason generation stopped, 'context' means the context window is full; as a widget label, its length",
}


def test_one_text_one_key():
    keys_of: dict[str, set[str]] = {}
    for key, text in en.MESSAGES.items():
        keys_of.setdefault(text, set()).add(key)
    shared = sorted(sorted(keys) for keys in keys_of.values() if len(keys) > 1 and frozenset(keys) not in SAME_ENGLISH)
    assert not shared, f"one English text under several keys (use one key, or see SAME_ENGLISH): {shared}"
    assert not [key for key in en.MESSAGES if re.search(r"\s", key)], "keys are code names: no spaces"


def test_japanese_texts_are_japanese():
    # without Japanese characters a text may hold code names and numbers ("d_model", "q {q}、k {k}"), not English words
    untranslated = [key for key, text in ja.MESSAGES.items()
                    if not JAPANESE.search(text) and re.search(r"[A-Za-z]+ [A-Za-z]+", re.sub(r"\{[^{}]*\}", "", text))]
    assert not untranslated, untranslated


def test_every_key_is_used():
    text = "\n".join(sources().values())
    unused = set(en.MESSAGES) - keys_used(text)
    assert not unused, f"keys no module, script or lesson uses: {sorted(unused)}"
    stale = [p.pattern for p in key_patterns(text) if not any(p.match(key) for key in en.MESSAGES)]
    assert not stale, f"run-time key patterns that match no key: {stale}"


@pytest.mark.parametrize("module", ENGINE_MODULES)
def test_the_engine_uses_engine_keys(module):
    """(Imports are the layer test's: tests/engine/test_layers.py.)"""
    text = (LIB / (module.replace(".", "/") + ".py")).read_text()
    assert not re.search(r"""["'](widgets|plots)\.""", text), f"{module}.py names a widgets.* or plots.* key"
    assert keys_used(text) <= set(en.PARTS["engine"]), sorted(keys_used(text) - set(en.PARTS["engine"]))


def test_no_message_is_made_at_import_and_the_engine_loads_alone():
    """Text made while llmlab is imported would stay in the language of that moment."""
    script = """if True:
        import importlib, json, pkgutil, sys
        import llmlab, llmlab.messages as m
        calls, original = [], m.msg
        def recording(key, **values):
            calls.append(f"{sys._getframe(1).f_code.co_filename}:{sys._getframe(1).f_lineno} {key}")
            return original(key, **values)
        m.msg = recording
        for name in %r:
            importlib.import_module("llmlab." + name)
        teaching = sorted(n for n in sys.modules if n.split(".")[1:2] in (["studies"], ["ui"]))
        for info in pkgutil.walk_packages(llmlab.__path__, "llmlab."):
            importlib.import_module(info.name)
        print(json.dumps({"teaching": teaching, "calls": calls}))
    """ % (ENGINE_MODULES,)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.splitlines()[-1])
    assert report["teaching"] == [], report["teaching"]
    assert report["calls"] == [], report["calls"]


@pytest.mark.parametrize("code", ["fr", "", "JA", "japanese", None, 3, ["ja"]])
def test_set_language_refuses_a_bad_code(code):
    with pytest.raises(llmlab.errors.LlmlabError) as error:
        llmlab.set_language(code)
    assert all(f'"{name}"' in str(error.value) for name in LANGUAGES), str(error.value)
    assert llmlab.language() == "en"


def test_set_language_refuses_in_the_current_language(japanese):
    with pytest.raises(llmlab.errors.LlmlabError, match='"en", "ja"') as error:
        llmlab.set_language("fr")
    assert JAPANESE.search(str(error.value)) and llmlab.language() == "ja"


def run_with_language(value: str, code: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "LLMLAB_LANG": value}
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60)


def test_the_environment_variable_chooses_the_starting_language():
    shown = run_with_language("ja",
                              "import llmlab.messages as m; print(m.language()); print(m.msg('model.empty_input'))")
    assert shown.stdout.splitlines() == ["ja", CATALOGUES["ja"]["model.empty_input"]], shown.stderr
    bad = run_with_language("klingon", "import llmlab")
    assert bad.returncode != 0 and "LLMLAB_LANG" in bad.stderr and '"en", "ja"' in bad.stderr, bad.stderr
    assert run_with_language("", "import llmlab; print(llmlab.language())").stdout.strip() == "en"


def japanese_text(call) -> str:
    with pytest.raises(ValueError) as error:
        call()
    return str(error.value)


def test_bad_input_after_switching_gets_japanese(japanese):
    from llmlab.engine.config import GPTConfig
    from llmlab.engine.model import GPT
    from llmlab.engine.tokenizers import WordTokenizer
    from llmlab.engine.validate import integer

    assert japanese_text(lambda: GPTConfig(vocab_size=10, d_model=10, n_heads=3)) == msg(
        "config.heads_split", d_model=10, n_heads=3)
    valid = msg("validate.and", first=msg("validate.at_least", low=1), second=msg("validate.at_most", high=4))
    assert japanese_text(lambda: integer(7, "n_layers", low=1, high=4)) == msg(
        "validate.out_of_range", name="n_layers", value=7, range=valid)
    model = GPT(GPTConfig(vocab_size=5, context_length=4, d_model=8, n_heads=2, n_layers=1))
    assert japanese_text(lambda: model(torch.tensor([[0, 9]]))) == msg("model.bad_token_id", last=4, vocab=5)
    words = WordTokenizer(["the", "cat"])
    assert JAPANESE.search(japanese_text(lambda: words.encode("the zebra")))


def test_exercises_registered_at_import_answer_in_the_language_chosen_later(japanese, capsys):
    from llmlab.ui.checks import EXERCISES, check, solution

    solution("05.scaled_score")
    check("05.scaled_score", 99.0)
    check("no.such.exercise", 1)
    from llmlab.ui.exercises.lesson05 import SCALED_SCORE

    assert capsys.readouterr().out.splitlines() == [
        *msg("checks.solution", solution=SCALED_SCORE, explanation=msg("ex05.scaled_score.why")).splitlines(),
        msg("checks.not_yet", hint=msg("ex05.scaled_score.hint")),
        msg("checks.unknown_exercise", id="no.such.exercise", known=", ".join(sorted(EXERCISES))),
    ]
    assert JAPANESE.search(msg("ex05.scaled_score.why"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_renamed_key_or_value_in_an_old_lesson_copy_gets_llmlabs_words(language, capsys):
    """A learner's edited copy of an older lesson may ask for a key, or give a value, the library has renamed
    since: msg (and say, which prints it) names it and says the copy may be older than the library."""
    from llmlab.ui.printouts import say

    llmlab.set_language(language)
    try:
        with pytest.raises(llmlab.errors.LlmlabError) as unknown:
            say("lesson04.old_name_of_a_printout", answer=True)
        assert isinstance(unknown.value, KeyError)  # a missing key, as before: a KeyError too
        assert str(unknown.value) == msg("messages.unknown_key", asked="'lesson04.old_name_of_a_printout'")
        with pytest.raises(llmlab.errors.LlmlabError) as missing:
            msg("lesson04.after_positions", old_name=0.5)  # the template's value is {cosine}
        assert isinstance(missing.value, KeyError)
        assert str(missing.value) == msg("messages.missing_value", message="'lesson04.after_positions'",
                                         name="'cosine'", given="old_name")
        assert str(msg("lesson04.after_positions", cosine=0.5)).endswith("0.50")  # the right name still works
        assert capsys.readouterr().out == ""
        if language == "ja":
            assert JAPANESE.search(str(unknown.value)) and JAPANESE.search(str(missing.value))
    finally:
        llmlab.set_language("en")
