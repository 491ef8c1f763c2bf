"""Checkpoints round-trip, and every kind of broken file gets a clear error naming it."""

import pytest
import torch

from llmlab.engine.checkpoint import (
    SHIPPED_CHECKPOINT,
    CheckpointError,
    load_checkpoint,
    load_shipped_model,
    save_checkpoint,
)
from llmlab.engine.config import GPTConfig
from llmlab.engine.model import GPT
from llmlab.engine.tokenizers import CharTokenizer
from llmlab.toy.recipe import load_toy_data
from llmlab.engine.training import evaluate


@pytest.fixture
def saved(tmp_path):
    tokenizer = CharTokenizer.from_text("hello world\n")
    model = GPT(GPTConfig(vocab_size=tokenizer.vocab_size, context_length=8, d_model=16, n_heads=2, n_layers=1))
    path = tmp_path / "model.pt"
    save_checkpoint(path, model, tokenizer, {"note": "test", "losses": [1.0, 0.5]})
    return path, model, tokenizer


def test_round_trip(saved):
    path, model, tokenizer = saved
    loaded, loaded_tokenizer, metadata = load_checkpoint(path)
    assert metadata == {"note": "test", "losses": [1.0, 0.5]}
    assert loaded_tokenizer.encode("hello") == tokenizer.encode("hello")
    for (name, a), (_, b) in zip(model.state_dict().items(), loaded.state_dict().items()):
        assert torch.equal(a, b), name


def test_missing_file(tmp_path):
    with pytest.raises(CheckpointError, match="nothing.pt"):
        load_checkpoint(tmp_path / "nothing.pt")


def test_truncated_file(saved, tmp_path):
    path = saved[0]
    broken = tmp_path / "truncated.pt"
    broken.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    with pytest.raises(CheckpointError, match="truncated.pt.*damaged"):
        load_checkpoint(broken)


def test_corrupted_bytes(saved, tmp_path):
    data = bytearray(saved[0].read_bytes())
    data[100:400] = b"\x00" * 300
    broken = tmp_path / "corrupted.pt"
    broken.write_bytes(bytes(data))
    with pytest.raises(CheckpointError, match="corrupted.pt"):
        load_checkpoint(broken)


def test_not_an_llmlab_checkpoint(tmp_path):
    path = tmp_path / "other.pt"
    torch.save({"weights": torch.zeros(3)}, path)
    with pytest.raises(CheckpointError, match="not an llmlab checkpoint"):
        load_checkpoint(path)


def test_mismatched_weights(saved, tmp_path):
    payload = torch.load(saved[0], weights_only=True)
    payload["config"]["d_model"] = 32
    path = tmp_path / "mismatched.pt"
    torch.save(payload, path)
    with pytest.raises(CheckpointError, match="mismatched.pt.*do not match"):
        load_checkpoint(path)


def test_tokenizer_does_not_fit_model(saved, tmp_path):
    payload = torch.load(saved[0], weights_only=True)
    payload["config"]["vocab_size"] += 1
    path = tmp_path / "vocab.pt"
    torch.save(payload, path)
    with pytest.raises(CheckpointError, match="does not fit together"):
        load_checkpoint(path)


def test_shipped_model_matches_its_recorded_validation_loss():
    model, tokenizer, metadata = load_shipped_model()
    data = load_toy_data(model.config.context_length)
    assert tokenizer.to_dict() == data.tokenizer.to_dict()
    assert evaluate(model, data.val_x, data.val_y) == pytest.approx(metadata["val_loss"], abs=1e-4)
    assert metadata["floor"] == pytest.approx(data.floor, abs=1e-9)
    assert SHIPPED_CHECKPOINT.stat().st_size < 5_000_000
