"""Issue 21: nothing a learner owns is overwritten, nothing is silently wrong, no deep error reaches them.

One test (or a few) per case of the issue's "Unsafe", "Silently wrong" and "Crashes" lists.
"""

from __future__ import annotations

import html
import os
import runpy
import stat
import sys
import warnings
from pathlib import Path

import ipywidgets as widgets
import numpy as np
import pytest
import torch
from bad_input import ANYTHING, fuzz, outcome
from hypothesis import given
from hypothesis import strategies as st

from llmlab.engine.checkpoint import (
    SHIPPED_CHECKPOINT,
    CheckpointError,
    check_writable,
    load_checkpoint,
    load_shipped_model,
    save_checkpoint,
)
from llmlab.engine.config import GPTConfig
from llmlab.engine.data import TokenStream
from llmlab.engine.edits import zero
from llmlab.engine.generation import generate
from llmlab.engine.model import GPT
from llmlab.engine.tokenizers import CharTokenizer
from llmlab.engine.training import TrainConfig, TrainingWarning, train
from llmlab.engine.validate import LlmlabError, LlmlabTypeError
from llmlab.messages import msg
from llmlab.toy.facts import fact_questions
from llmlab.ui import checks
from llmlab.ui.widgets.tokens import TokenizerPlayground
from llmlab.ui.widgets.training import LiveLossPlot

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "train_on_text.py"
TEXT = "It was the best of times, it was the worst of times.\n" * 40
TOKENIZER = CharTokenizer.from_text(TEXT)


def tiny_model(tied: bool = True) -> GPT:
    torch.manual_seed(0)
    return GPT(GPTConfig(vocab_size=TOKENIZER.vocab_size, context_length=8, d_model=16, n_heads=2, n_layers=1,
                         tied_embeddings=tied))


def run_script(monkeypatch, capsys, *arguments: str) -> tuple[int, str]:
    """Run scripts/train_on_text.py with ``arguments``; its exit status and what it wrote to stderr."""
    monkeypatch.setattr(sys, "argv", [str(SCRIPT), *arguments])
    with pytest.raises(SystemExit) as stopped:
        runpy.run_path(str(SCRIPT), run_name="__main__")
    return stopped.value.code, capsys.readouterr().err


# --- Unsafe ---


def test_train_on_text_refuses_to_write_over_its_input(tmp_path, monkeypatch, capsys):
    notes = tmp_path / "notes.txt"
    notes.write_text(TEXT)
    status, err = run_script(monkeypatch, capsys, str(notes), "--out", str(notes), "--steps", "1")
    assert status == 2 and "is the text file you train on" in err
    assert notes.read_text() == TEXT


def test_save_refuses_a_file_that_is_not_a_checkpoint(tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text(TEXT)
    for save in (lambda: save_checkpoint(notes, tiny_model(), TOKENIZER, overwrite=True),
                 lambda: check_writable(notes, overwrite=True)):
        with pytest.raises(CheckpointError, match="not an llmlab checkpoint; llmlab never writes over it"):
            save()
    assert notes.read_text() == TEXT and [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


def test_overwriting_a_checkpoint_needs_overwrite_true(tmp_path):
    path = tmp_path / "model.pt"
    save_checkpoint(path, tiny_model(), TOKENIZER, {"run": 1})
    with pytest.raises(CheckpointError, match="overwrite=True"):
        save_checkpoint(path, tiny_model(), TOKENIZER, {"run": 2})
    assert load_checkpoint(path)[2] == {"run": 1}
    save_checkpoint(path, tiny_model(), TOKENIZER, {"run": 2}, overwrite=True)
    assert load_checkpoint(path)[2] == {"run": 2}


def test_save_writes_only_regular_files(tmp_path):
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    notes = tmp_path / "notes.txt"
    notes.write_text(TEXT)
    link_to_notes = tmp_path / "link.pt"
    link_to_notes.symlink_to(notes)
    for path in (Path(os.devnull), pipe):
        with pytest.raises(CheckpointError, match="not a regular file"):
            save_checkpoint(path, tiny_model(), TOKENIZER, overwrite=True)
    with pytest.raises(CheckpointError, match="not an llmlab checkpoint"):
        save_checkpoint(link_to_notes, tiny_model(), TOKENIZER, overwrite=True)
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode) and stat.S_ISFIFO(os.stat(pipe).st_mode)
    assert notes.read_text() == TEXT


def test_a_batch_too_big_for_memory_is_refused_before_allocating():
    model = tiny_model()
    stream = TokenStream.from_lines([TOKENIZER.encode(line) + [0] for line in TEXT.splitlines()])
    x = torch.zeros(2, 8, dtype=torch.long)
    with pytest.raises(LlmlabError, match="GB of memory"):
        train(model, stream, x, x, TrainConfig(steps=1, batch_size=10**9, warmup_steps=0), progress=False)


def test_a_network_too_big_for_memory_is_refused_before_allocating():
    from llmlab.studies.neurons import build_mlp

    with pytest.raises(LlmlabError, match="too big to build"):
        build_mlp([100_000, 100_000])
    with pytest.raises(LlmlabError) as refused:  # the bad sizes are shown, not all repeated
        build_mlp([0] * 100_000)
    assert len(str(refused.value)) < 300


def test_error_messages_cap_the_lists_they_repeat(shipped):
    model, _ = shipped
    with pytest.raises(LlmlabError) as refused:
        model.run_with_trace([1, 2, 3], edits={"blocks.0.attn.z": zero(positions=range(10**6))})
    assert "(999997 in all)" in str(refused.value) and len(str(refused.value)) < 500
    with pytest.raises(LlmlabError) as refused:
        zero(positions=[0.5] * 10**6)
    assert len(str(refused.value)) < 300


# --- Silently wrong ---


def doctored(tmp_path: Path, model: GPT, change) -> Path:
    """A checkpoint of ``model`` whose payload ``change`` edited (as an older or damaged file would be)."""
    path = tmp_path / "original.pt"
    save_checkpoint(path, model, TOKENIZER, overwrite=True)
    payload = torch.load(path, weights_only=True)
    change(payload)
    out = tmp_path / "doctored.pt"
    torch.save(payload, out)
    return out


@pytest.mark.parametrize("tied", [True, False])
def test_a_checkpoint_without_tied_embeddings_is_read_by_what_it_holds(tmp_path, tied):
    model = tiny_model(tied)
    path = doctored(tmp_path, model, lambda payload: payload["config"].pop("tied_embeddings"))
    loaded = load_checkpoint(path)[0]
    assert loaded.config.tied_embeddings is tied
    for (name, a), (_, b) in zip(model.state_dict().items(), loaded.state_dict().items()):
        assert torch.equal(a, b), name


def test_tied_embeddings_over_an_untied_file_is_refused(tmp_path):
    path = doctored(tmp_path, tiny_model(tied=False), lambda payload: payload["config"].update(tied_embeddings=True))
    with pytest.raises(CheckpointError, match="overwrite the embedding table"):
        load_checkpoint(path)


def test_a_tied_file_without_an_output_weight_loads(tmp_path):
    model = tiny_model(tied=True)
    path = doctored(tmp_path, model, lambda payload: payload["state_dict"].pop("unembed.weight"))
    payload = torch.load(path, weights_only=True)
    payload.pop("checksum")  # a file from before the checksum
    torch.save(payload, path)
    loaded = load_checkpoint(path)[0]
    assert torch.equal(loaded.unembed.weight, model.token_embedding.weight)


def test_a_flipped_byte_in_the_weights_is_refused(tmp_path):
    def flip(payload):
        weights = payload["state_dict"]["position_embedding.weight"]
        weights.view(-1).view(torch.uint8)[5] ^= 0x10

    path = doctored(tmp_path, tiny_model(), flip)
    with pytest.raises(CheckpointError, match="checksum"):
        load_checkpoint(path)


def test_a_checkpoint_stores_a_checksum_and_the_shipped_one_loads_without(tmp_path):
    path = tmp_path / "model.pt"
    save_checkpoint(path, tiny_model(), TOKENIZER)
    assert torch.load(path, weights_only=True)["checksum"].startswith("sha256:")
    assert "checksum" not in torch.load(SHIPPED_CHECKPOINT, weights_only=True)
    load_shipped_model()


def test_a_prompt_that_fills_the_context_is_refused():
    model = tiny_model()
    with pytest.raises(LlmlabError, match="no room for a new token"):
        generate(model, [1] * model.config.context_length, max_new_tokens=3)
    assert len(generate(model, [1] * (model.config.context_length - 1), max_new_tokens=3)) == 1


def test_a_warm_up_longer_than_the_run_warns():
    model = tiny_model()
    stream = TokenStream.from_lines([TOKENIZER.encode(line) + [0] for line in TEXT.splitlines()])
    x = torch.zeros(2, 8, dtype=torch.long)
    with pytest.warns(TrainingWarning, match="never reaches its peak"):
        train(model, stream, x, x, TrainConfig(steps=2, batch_size=2, eval_every=10), progress=False)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        train(model, stream, x, x, TrainConfig(steps=2, batch_size=2, warmup_steps=1, eval_every=10), progress=False)


def test_a_story_giving_one_person_two_objects_is_refused():
    with pytest.raises(LlmlabError, match="gives ken two objects"):
        fact_questions(["ken has the red ball . ken has the blue cup . what does ken have ? the red ball"])


def test_the_live_loss_plot_refuses_impossible_points():
    plot = LiveLossPlot(steps=10, min_interval=60)
    plot.on_step(0, 2.0)
    for step, loss, says in [(1, -0.5, "at least 0"), (10**6, 1.0, "at most 10"), (0, 1.0, "steps must go forwards")]:
        with pytest.raises(LlmlabError, match=says):
            plot.on_step(step, loss)
    plot.add_validation(5, 1.5)
    with pytest.raises(LlmlabError, match="forwards"):
        plot.add_validation(3, 1.4)
    assert plot.train_steps == [0] and plot.val_steps == [5]


# --- Crashes ---


@pytest.mark.parametrize("edits", [zero(head=2), ["blocks.0.attn.z"]])
def test_run_with_trace_needs_a_dict_of_edits(shipped, edits):
    with pytest.raises(LlmlabTypeError, match="edits must be a dict"):
        shipped[0].run_with_trace([1, 2, 3], edits=edits)


def test_targets_of_the_wrong_shape_get_a_message():
    model = tiny_model()
    x = torch.zeros(3, 4, dtype=torch.long)
    with pytest.raises(LlmlabError, match=r"targets have shape \(2, 4\)"):
        model(x, torch.zeros(2, 4, dtype=torch.long))
    with pytest.raises(LlmlabTypeError, match="tensor of token ids"):
        model(x, torch.zeros(3, 4))


def test_setting_a_control_directly_to_an_impossible_value_shows_a_message(shipped):
    from llmlab.ui.widgets.hidden_states import HiddenStateExplorer

    model, tokenizer = shipped
    explorer = HiddenStateExplorer(model, tokenizer)
    playground = TokenizerPlayground({"characters": TOKENIZER, "words": tokenizer})
    for panel, control, value in [(explorer, explorer.layer_slider, 99), (explorer, explorer.text_box, 5),
                                  (playground, playground.menu, "no such tokenizer")]:
        before = control.value
        control.value = value  # no traitlets error
        assert control.value == before
        assert "must" in panel.message.value
    explorer.layer_slider.value = 0  # a possible value still works
    assert explorer.layer_slider.value == 0 and isinstance(explorer.layer_slider, widgets.SelectionSlider)


def test_train_on_text_steps_too_many(tmp_path, monkeypatch, capsys):
    notes = tmp_path / "notes.txt"
    notes.write_text(TEXT)
    for steps, says in [("1e23", "at most 1000000000"), ("lots", "whole number")]:
        status, err = run_script(monkeypatch, capsys, str(notes), "--out", str(tmp_path / "m.pt"), "--steps", steps)
        assert status == 2 and says in err and "Traceback" not in err


def test_a_device_this_machine_lacks_is_refused(monkeypatch):
    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)
    with pytest.raises(LlmlabError, match="no cuda device"):
        load_shipped_model(device="cuda")


def test_system_exit_in_a_learners_function_is_a_verdict(monkeypatch):
    checks.verdict("01.neurons", ...)  # registers the exercises
    monkeypatch.setitem(checks.EXERCISES, "test.calls", checks.Exercise(
        "test.calls", lambda answer: answer(), None, "", None))
    right, text = checks.verdict("test.calls", lambda: sys.exit(3))
    assert not right and text == msg("checks.function_exited")


def test_the_new_messages_speak_japanese(japanese, tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text(TEXT)
    with pytest.raises(CheckpointError) as refused:
        save_checkpoint(notes, tiny_model(), TOKENIZER)
    assert str(refused.value) == msg("checkpoint.not_ours", path=notes) and not str(refused.value).isascii()


# --- Confusing (checkpoint messages) ---


class Thing:
    """An object a checkpoint must never hold: loading it would mean running code from the file."""


def test_a_file_with_other_objects_is_refused_without_torchs_advice(tmp_path):
    path = tmp_path / "odd.pt"
    torch.save({"format": "llmlab-checkpoint", "thing": Thing()}, path)
    with pytest.raises(CheckpointError) as refused:
        load_checkpoint(path)
    text = str(refused.value)
    assert text == msg("checkpoint.not_plain", path=path)
    assert "weights_only" not in text and "\x1b" not in text


def test_a_version_of_the_wrong_kind_is_shown_as_such(tmp_path):
    path = doctored(tmp_path, tiny_model(), lambda payload: payload.update(version="1"))
    with pytest.raises(CheckpointError, match="version '1'; this llmlab reads version 1"):
        load_checkpoint(path)


def test_fact_share_on_text_without_fact_lines_is_refused_before_training():
    stream = TokenStream.from_lines([TOKENIZER.encode(line) + [0] for line in TEXT.splitlines()])
    x = torch.zeros(2, 8, dtype=torch.long)
    steps = []
    with pytest.raises(LlmlabError, match="Leave fact_share at None"):
        train(tiny_model(), stream, x, x, TrainConfig(steps=2, batch_size=2, warmup_steps=1, fact_share=0.5),
              progress=False, on_step=lambda step, loss: steps.append(step), on_eval=lambda *_: steps.append("eval"))
    assert steps == []


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_a_utf16_file_is_called_utf16(tmp_path, encoding):
    from llmlab.studies.own_text import read_text_file

    path = tmp_path / "notes.txt"
    path.write_text(TEXT, encoding=encoding)
    with pytest.raises(LlmlabError, match="UTF-16, not UTF-8"):
        read_text_file(path)


def test_a_named_pipe_is_not_called_a_folder(tmp_path):
    from llmlab.studies.own_text import read_text_file

    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    with pytest.raises(LlmlabError, match="named pipe"):
        read_text_file(pipe)


@fuzz(60)
@given(which=st.integers(0, 10), value=ANYTHING)
def test_any_value_set_directly_on_a_control_works_or_is_refused_in_the_message_area(shipped, which, value):
    from llmlab.ui.widgets.controls import CHOICES, NUMBERS, SWITCHES, TEXTS, WHOLE_NUMBERS, checked_value
    from llmlab.ui.widgets.generation import NextTokenExplorer
    from llmlab.ui.widgets.hidden_states import HiddenStateExplorer

    if not PANELS:
        model, tokenizer = shipped
        PANELS.extend([HiddenStateExplorer(model, tokenizer), NextTokenExplorer(model, tokenizer),
                       TokenizerPlayground({"characters": TOKENIZER, "words": tokenizer})])
    controls = [(panel, control) for panel in PANELS for control in panel.view.children[0].children
                if isinstance(control, (*WHOLE_NUMBERS, *NUMBERS, *SWITCHES, *CHOICES, *TEXTS))]
    panel, control = controls[which % len(controls)]
    before = control.value
    panel.say("")
    control.value = value  # never a traitlets error
    if control.value is before or control.value == before:
        accepted = outcome(checked_value, control, value)[0]
        assert accepted or 'color:#b00020' in panel.message.value
    else:
        assert control.value == checked_value(control, value)


PANELS: list = []


# --- Confusing (edits, tokenizer mismatch, the hidden-state explorer, count_parameters) ---


@pytest.mark.parametrize("whole", [np.int64(2), np.int32(1), torch.tensor(2), torch.tensor(1, dtype=torch.int32)])
def test_edits_take_numpy_and_torch_integers_as_every_other_function_does(whole):
    edit = zero(head=whole, positions=whole)
    assert (edit.head, edit.positions) == (int(whole), (int(whole),))
    assert zero(positions=[np.int64(0), torch.tensor(1)]).positions == (0, 1)
    assert zero(positions=torch.tensor([0, 1])).positions == zero(positions=np.array([0, 1])).positions == (0, 1)


@pytest.mark.parametrize("bad", [np.float64(1.5), torch.tensor(1.5), np.bool_(True), [torch.tensor(0.5)]])
def test_edits_still_refuse_numbers_that_are_not_whole(bad):
    with pytest.raises(LlmlabError, match="whole number"):
        zero(positions=bad)


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_ids_from_a_bigger_tokenizer_get_a_message_naming_the_mismatch(lang):
    from llmlab.engine.sampling import next_token_logits
    from llmlab.messages import language, set_language

    bigger = CharTokenizer.from_text("abcdefghijklmnopqrstuvwxyz ,.")
    model, ids = tiny_model(), bigger.encode("xyz")  # TOKENIZER has fewer tokens than bigger
    last, vocab = model.config.vocab_size - 1, model.config.vocab_size
    before = language()
    set_language(lang)
    try:
        for call, name in [(lambda: model.run_with_trace(ids), "token ids"),
                           (lambda: generate(model, ids, 2), "prompt_ids"),
                           (lambda: next_token_logits(model, ids), "token ids")]:
            with pytest.raises(LlmlabError) as refused:
                call()
            assert str(refused.value) == msg("validate.id_not_in_model", name=name, id=ids[0], last=last, vocab=vocab)
        with pytest.raises(LlmlabError) as refused:
            model(torch.tensor([ids]))
        assert str(refused.value) == msg("model.bad_token_id", last=last, vocab=vocab)
        for message in ("validate.id_not_in_model", "model.bad_token_id"):
            assert (msg(message, name="ids", id=1, last=1, vocab=2).isascii()) == (lang == "en")
        # given the tokenizer too, the functions and widgets name both vocabularies
        from llmlab.engine.generation import complete
        from llmlab.ui.widgets.attention import AttentionExplorer
        from llmlab.ui.widgets.generation import NextTokenExplorer
        from llmlab.ui.widgets.hidden_states import HiddenStateExplorer

        mismatch = msg("validate.vocab_mismatch", tokenizer=bigger.vocab_size, model=vocab)
        for call in (lambda: complete(model, bigger, "xyz", 2), lambda: NextTokenExplorer(model, bigger),
                     lambda: HiddenStateExplorer(model, bigger), lambda: AttentionExplorer(model, bigger)):
            with pytest.raises(LlmlabError) as refused:
                call()
            assert str(refused.value) == mismatch
    finally:
        set_language(before)


@pytest.mark.parametrize("text, key", [("", "lens.empty_text"), ("   ", "lens.empty_text"),
                                       ("zebra quark", "lens.unknown_tokens"), (None, "widgets.truncated")])
def test_the_hidden_state_explorers_text_box_answers_in_its_message_area(shipped, text, key):
    from llmlab.ui.widgets.hidden_states import HiddenStateExplorer

    model, tokenizer = shipped
    explorer = HiddenStateExplorer(model, tokenizer)
    text = (explorer.text_box.value + " ") * 20 if text is None else text  # None: longer than the context
    explorer.text_box.value = text  # as typing it and pressing Enter does
    shown = html.unescape(explorer.message.value)
    assert "StopIteration" not in shown and "Traceback" not in shown
    first_words = msg(key, unknown="'zebra', 'quark'", n=1, context=1, dropped=1).split(" ")[:2]
    assert " ".join(first_words) in shown


def test_count_parameters_of_a_plain_torch_layer_is_llmlabs_message_in_both_languages(japanese):
    from llmlab.engine.params import count_parameters
    from llmlab.messages import set_language

    for lang in ("ja", "en"):
        set_language(lang)
        with pytest.raises(LlmlabTypeError) as refused:
            count_parameters(torch.nn.Linear(3, 3))
        assert str(refused.value) == msg("validate.not_a_model", function="count_parameters", kind="Linear")
        assert str(refused.value).isascii() == (lang == "en")
