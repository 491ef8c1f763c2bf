"""The lens: hidden states layer by layer, the logit lens, checks, text encoding, attention what-ifs."""

import pytest
import torch

from llmlab.engine.config import GPTConfig
from llmlab.engine.lens import (
    attention_patterns,
    encode_for_model,
    hidden_states,
    lens_logits,
    logit_lens,
    most_read,
)
from llmlab.engine.model import GPT
from llmlab.engine.tokenizers import UnknownTokenError, WordTokenizer
from llmlab.engine.validate import check_block, check_head, check_hidden_state

CONFIG = GPTConfig(vocab_size=12, context_length=8, d_model=16, n_heads=2, n_layers=3)
TOKENIZER = WordTokenizer(["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"])


@pytest.fixture(scope="module")
def model() -> GPT:
    torch.manual_seed(0)
    return GPT(CONFIG).eval()


def test_hidden_states_stack_embeddings_then_every_block(model):
    _, trace = model.run_with_trace([1, 2, 3])
    states = hidden_states(trace, CONFIG.n_layers)
    assert states.shape == (CONFIG.n_layers + 1, 3, CONFIG.d_model)
    assert torch.equal(states[0], trace["blocks.0.resid_pre"])
    assert torch.equal(states[-1], trace["blocks.2.resid_post"])


def test_logit_lens_at_the_last_layer_is_the_models_output(model):
    logits, trace = model.run_with_trace([1, 2, 3, 4])
    assert torch.allclose(lens_logits(model, trace)[-1], logits, atol=1e-6)
    lens = logit_lens(model, trace, top_k=3)
    assert lens.ids.shape == lens.probs.shape == (CONFIG.n_layers + 1, 4, 3)
    assert torch.equal(lens.ids[-1, :, 0], logits.argmax(-1))
    assert torch.all(lens.probs[..., :-1] >= lens.probs[..., 1:])


def test_checks_list_the_valid_range(model):
    assert check_block(model, 2) == 2 and check_head(model, 1) == 1 and check_block(model.config, 0) == 0
    assert [check_hidden_state(model, layer) for layer in range(4)] == [0, 1, 2, 3]  # 0: the embeddings
    with pytest.raises(ValueError, match="blocks 0 to 2; there is no block 3"):
        check_block(model, 3)
    with pytest.raises(ValueError, match="heads 0 to 1; there is no head -1"):
        check_head(model, -1)
    for layer in (-1, 4):
        with pytest.raises(ValueError, match=f"0 \\(the embeddings\\) to 3 .*no hidden state {layer}"):
            check_hidden_state(model, layer)
    with pytest.raises(TypeError, match="whole number"):
        check_block(model, 1.0)


def test_encoding_keeps_the_last_context_length_tokens(model):
    encoded = encode_for_model(model, TOKENIZER, "a b c d e f g h i j")
    assert encoded.ids == TOKENIZER.encode("c d e f g h i j") and encoded.dropped == 2


def test_encoding_names_unknown_words_and_refuses_empty_text(model):
    with pytest.raises(UnknownTokenError, match="'zebra'") as caught:
        encode_for_model(model, TOKENIZER, "a zebra b")
    assert caught.value.unknown == ["zebra"]
    with pytest.raises(ValueError, match="nothing to run"):
        encode_for_model(model, TOKENIZER, "   ")


def test_temperature_one_is_the_models_own_attention_and_others_stay_causal(model):
    _, trace = model.run_with_trace([1, 2, 3, 4, 5])
    own = attention_patterns(trace, CONFIG.n_layers)
    assert torch.equal(own[1], trace["blocks.1.attn.pattern"])
    assert torch.allclose(attention_patterns(trace, CONFIG.n_layers, 1.0 + 1e-9), own, atol=1e-6)
    sharp = attention_patterns(trace, CONFIG.n_layers, 0.25)
    assert torch.allclose(sharp.sum(-1), torch.ones(sharp.shape[:-1]))
    assert torch.all(sharp.triu(diagonal=1) == 0)
    with pytest.raises(ValueError, match="above 0"):
        attention_patterns(trace, CONFIG.n_layers, 0)


def test_most_read_lists_the_heaviest_keys_first():
    read = most_read(torch.tensor([0.1, 0.6, 0.3, 0.0]), 3)
    assert [position for position, _ in read] == [1, 2, 0]
    assert [weight for _, weight in read] == pytest.approx([0.6, 0.3, 0.1])
