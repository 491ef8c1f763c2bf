"""Random odd input where work could be lost: checkpoints, training that diverges, train_on_text.py.

A checkpoint that saves must load back with the same metadata; one that cannot be saved must leave
the previous file alone; a config asking for a huge model is refused before anything is allocated.
"""

from __future__ import annotations

import io
import math
import runpy
import sys
from pathlib import Path

import numpy as np
import pytest
import torch
from bad_input import ANYTHING, NUMBERS, Anything, fuzz, outcome
from hypothesis import given
from hypothesis import strategies as st

from llmlab.engine.checkpoint import CheckpointError, load_checkpoint, plain_metadata, save_checkpoint
from llmlab.engine.config import GPTConfig
from llmlab.engine.data import TokenStream, text_windows
from llmlab.engine.model import GPT
from llmlab.engine.tokenizers import CharTokenizer
from llmlab.engine.training import History, TrainConfig, TrainingDiverged, train

REPO = Path(__file__).resolve().parents[2]
TEXT = "the quick brown fox jumps over the lazy dog. " * 20
TOKENIZER = CharTokenizer.from_text(TEXT)


def tiny_model(seed: int = 0) -> GPT:
    torch.manual_seed(seed)
    return GPT(GPTConfig(vocab_size=TOKENIZER.vocab_size, context_length=8, d_model=8, n_heads=2, n_layers=1))


MODEL = tiny_model()


# --- checkpoints ---

LEAVES = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=5), st.binary(max_size=3),
    st.integers(-5, 5).map(np.int64), st.floats(-1, 1).map(np.float32), st.booleans().map(np.bool_),
    st.lists(st.integers(0, 3), max_size=3).map(np.array), st.integers(0, 3).map(lambda n: torch.ones(n)),
    st.builds(Anything), st.builds(object), st.just(1 + 2j), st.just(Path("a/b.txt")),
    st.builds(History, steps=st.lists(st.integers(0, 9), max_size=3),
              train_loss=st.lists(st.floats(0, 9).map(np.float32), max_size=3)),
)
KEYS = st.one_of(st.text(max_size=4), st.integers(-3, 3), st.integers(0, 3).map(np.int64), st.none(),
                 st.tuples(st.integers(0, 2)))
METADATA = st.recursive(LEAVES, lambda inner: st.one_of(
    st.lists(inner, max_size=3), st.tuples(inner, inner), st.dictionaries(KEYS, inner, max_size=3),
    st.frozensets(st.integers(0, 5), max_size=3)), max_leaves=8)


def same(a: object, b: object) -> bool:
    """Equal, with NaN equal to NaN and tensors compared by value."""
    if isinstance(a, torch.Tensor) or isinstance(b, torch.Tensor):
        return isinstance(a, torch.Tensor) and isinstance(b, torch.Tensor) and torch.equal(a, b)
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
        return True
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return type(a) is type(b) and len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    return type(a) is type(b) and a == b


@fuzz(80)
@given(metadata=st.dictionaries(KEYS, METADATA, max_size=3))
def test_what_saves_loads_back_and_what_cannot_leaves_the_old_file(tmp_path, metadata):
    path = tmp_path / "model.pt"
    save_checkpoint(path, MODEL, TOKENIZER, {"previous": True}, overwrite=True)
    worked, _ = outcome(save_checkpoint, path, MODEL, TOKENIZER, metadata, overwrite=True)
    _, _, loaded = load_checkpoint(path)
    if worked:
        assert same(loaded, plain_metadata(metadata))
    else:
        assert loaded == {"previous": True}
    assert [p.name for p in tmp_path.iterdir()] == ["model.pt"]  # no half-written file left


@fuzz(40)
@given(path=ANYTHING, model=st.one_of(st.just(MODEL), ANYTHING), tokenizer=st.one_of(st.just(TOKENIZER), ANYTHING))
def test_save_with_odd_arguments(tmp_path, monkeypatch, path, model, tokenizer):
    monkeypatch.chdir(tmp_path)
    worked, _ = outcome(save_checkpoint, path, model, tokenizer, {})
    if worked:
        assert load_checkpoint(path)[0].config == MODEL.config


SIZES = st.one_of(st.integers(1, 16), st.integers(10**6, 10**12), ANYTHING)


@fuzz(60)
@given(config=st.dictionaries(st.sampled_from(["vocab_size", "context_length", "d_model", "n_heads", "n_layers",
                                               "d_mlp"]), SIZES, max_size=3),
       drop=st.sampled_from([None, "state_dict", "tokenizer", "config", "metadata"]))
def test_loading_a_doctored_file_never_builds_a_huge_model(tmp_path, config, drop):
    payload = torch.load(saved_once(tmp_path), weights_only=True)
    payload["config"].update(config)
    payload.pop(drop, None)
    path = tmp_path / "doctored.pt"
    torch.save(payload, path)
    worked, loaded = outcome(load_checkpoint, path)
    if worked:  # n_heads shapes no tensor, so a changed n_heads cannot be told from the weights
        assert {**loaded[0].config.to_dict(), "n_heads": 2} == MODEL.config.to_dict()


def saved_once(directory: Path) -> Path:
    path = directory / "original.pt"
    if not path.exists():
        save_checkpoint(path, MODEL, TOKENIZER, {"note": "original"})
    return path


def test_a_16_gb_config_in_a_small_file_is_refused_before_allocating(tmp_path):
    payload = torch.load(saved_once(tmp_path), weights_only=True)
    payload["config"].update(d_model=65_536, n_heads=1, n_layers=1)  # ~ 4 * 65536² numbers, 64 GB
    path = tmp_path / "huge.pt"
    torch.save(payload, path)
    with pytest.raises(CheckpointError, match="asks for a model of"):
        load_checkpoint(path)


@fuzz(40)
@given(data=st.binary(max_size=200))
def test_random_bytes_are_a_damaged_checkpoint(tmp_path, data):
    path = tmp_path / "random.pt"
    path.write_bytes(data)
    assert not outcome(load_checkpoint, path)[0]


# --- training that diverges ---


def tiny_data() -> tuple[TokenStream, torch.Tensor, torch.Tensor]:
    ids = TOKENIZER.encode(TEXT)
    return TokenStream.from_ids(ids[:600]), *text_windows(ids[600:], 8)


def test_a_far_too_high_learning_rate_stops_training_and_keeps_the_weights():
    model, (data, val_x, val_y) = tiny_model(), tiny_data()
    with pytest.raises(TrainingDiverged, match=r"step \d+.*learning rate") as caught:
        train(model, data, val_x, val_y, TrainConfig(steps=50, batch_size=4, warmup_steps=1, eval_every=10,
                                                     learning_rate=1e30), progress=False)
    assert all(torch.isfinite(p).all() for p in model.parameters())
    assert len(caught.value.history.train_loss) < 50


@fuzz(8)
@given(learning_rate=st.one_of(NUMBERS, st.sampled_from([1e-3, 1e3, 1e12, 1e300])))
def test_training_at_any_learning_rate_works_or_says_why(learning_rate):
    model, (data, val_x, val_y) = tiny_model(), tiny_data()
    config = outcome(TrainConfig, steps=3, batch_size=2, warmup_steps=1, eval_every=3, learning_rate=learning_rate)
    if config[0]:
        worked, history = outcome(train, model, data, val_x, val_y, config[1], progress=False)
        if worked:
            assert all(torch.isfinite(p).all() for p in model.parameters()) and len(history.train_loss) == 3


# --- scripts/train_on_text.py: every bad input is caught before training ---


def run_script(monkeypatch, capsys, *args: str) -> tuple[int, str]:
    monkeypatch.setattr(sys, "argv", ["train_on_text.py", *args])
    with pytest.raises(SystemExit) as exit_:
        runpy.run_path(str(REPO / "scripts" / "train_on_text.py"), run_name="__main__")
    return exit_.value.code, capsys.readouterr().err


@pytest.mark.parametrize("name, content, extra, message", [
    ("missing.txt", None, [], "There is no file"),
    ("folder", "folder", [], "is a folder"),
    ("binary.txt", b"ab\x00cd" * 500, [], "zero bytes"),
    ("latin1.txt", "café ".encode("latin-1") * 500, [], "not UTF-8"),
    ("short.txt", b"hello", [], "too short"),
    ("ok.txt", TEXT.encode() * 2, ["--steps", "0"], "--steps must be at least 1"),
    ("ok.txt", TEXT.encode() * 2, ["--out", "OUT_IS_A_FOLDER"], "is a folder"),
    ("ok.txt", TEXT.encode() * 2, ["--out", "FILE/model.pt"], "Cannot write"),
])
def test_train_on_text_checks_everything_before_training(tmp_path, monkeypatch, capsys, name, content, extra,
                                                         message):
    path = tmp_path / name
    if content == "folder":
        path.mkdir()
    elif content is not None:
        path.write_bytes(content)
    (tmp_path / "FILE").write_text("a file, not a folder")
    extra = [str(tmp_path) if a == "OUT_IS_A_FOLDER" else str(tmp_path / a) if a.startswith("FILE") else a
             for a in extra]
    code, err = run_script(monkeypatch, capsys, str(path), *extra)
    assert code == 2 and message in err and "Traceback" not in err, err


def test_save_failure_after_training_falls_back_instead_of_losing_the_model(tmp_path, monkeypatch):
    import llmlab.engine.checkpoint as checkpoint

    original = checkpoint.write_file
    calls = []

    def fail_once(path, data):
        calls.append(path)
        if len(calls) == 1:
            raise checkpoint.CheckpointError("disk full")
        original(path, data)

    monkeypatch.setattr(checkpoint, "write_file", fail_once)
    monkeypatch.setattr("tempfile.gettempdir", lambda: str(tmp_path))
    text = tmp_path / "text.txt"
    text.write_text(TEXT * 2)
    monkeypatch.setattr(sys, "argv", ["train_on_text.py", str(text), "--steps", "2", "--out", str(tmp_path / "m.pt")])
    out = io.StringIO()
    monkeypatch.setattr(sys, "stdout", out)
    runpy.run_path(str(REPO / "scripts" / "train_on_text.py"), run_name="__main__")
    assert "saved to" in out.getvalue() and len(calls) == 2 and load_checkpoint(calls[1])[0] is not None
