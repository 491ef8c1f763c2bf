"""The GPT: both attention paths agree, traces are named predictably, the KV cache is exact."""

import pytest
import torch

from llmlab.engine.config import GPTConfig
from llmlab.engine.generation import generate, sample_next
from llmlab.engine.model import GPT, KVCache, causal_mask
from llmlab.engine.trace import residual_name

CONFIG = GPTConfig(vocab_size=23, context_length=16, d_model=32, n_heads=4, n_layers=3)


@pytest.fixture
def model() -> GPT:
    torch.manual_seed(0)
    return GPT(CONFIG).eval()


def test_fast_and_explicit_attention_agree(model):
    idx = torch.randint(0, CONFIG.vocab_size, (3, 16))
    model.use_sdpa = True
    fast, _ = model(idx)
    model.use_sdpa = False
    explicit, _ = model(idx)
    assert torch.allclose(fast, explicit, atol=1e-5)


def test_trace_names_and_shapes(model):
    logits, trace = model.run_with_trace([1, 2, 3, 4, 5])
    T, H, d = 5, CONFIG.n_heads, CONFIG.d_model
    assert logits.shape == (T, CONFIG.vocab_size)
    assert trace["embed"].shape == (T, d)
    assert trace["blocks.1.attn.pattern"].shape == (H, T, T)
    assert trace["blocks.2.attn.q"].shape == (H, T, CONFIG.d_head)
    assert trace["blocks.0.resid_post"].shape == (T, d)
    assert torch.equal(trace["logits"], logits)
    assert torch.allclose(trace["blocks.0.resid_pre"], trace["embed"] + trace["pos_embed"])
    assert residual_name(0) == "blocks.0.resid_pre" and residual_name(3) == "blocks.2.resid_post"


def test_head_weights_are_the_slices_of_each_linear_layer(model):
    attn, H, dh, d = model.blocks[1].attn, CONFIG.n_heads, CONFIG.d_head, CONFIG.d_model
    heads = attn.head_weights()
    assert {name: tuple(w.shape) for name, w in heads.items()} == {
        "W_Q": (H, d, dh), "W_K": (H, d, dh), "W_V": (H, d, dh), "W_O": (H, dh, d)}
    for h in range(H):
        rows = slice(h * dh, (h + 1) * dh)
        for name in ("W_Q", "W_K", "W_V"):  # head h's columns of W are rows of the Linear's .weight (W transposed)
            assert torch.equal(heads[name][h], getattr(attn, name).weight[rows].T)
        assert torch.equal(heads["W_O"][h], attn.W_O.weight[:, rows].T)
    _, trace = model.run_with_trace([3, 1, 4, 1, 5])
    x = trace["blocks.1.ln_attn"]
    q = x @ heads["W_Q"][2] + attn.W_Q.bias[2 * dh:3 * dh]
    assert torch.allclose(q, trace["blocks.1.attn.q"][2], atol=1e-6)
    out = sum(trace["blocks.1.attn.z"][h] @ heads["W_O"][h] for h in range(H)) + attn.W_O.bias
    assert torch.allclose(out, trace["blocks.1.attn.out"], atol=1e-5)
    assert heads["W_Q"].data_ptr() == attn.W_Q.weight.data_ptr()  # a view: no copy


def test_residual_stream_adds_up(model):
    _, trace = model.run_with_trace([3, 1, 4, 1, 5])
    pre, mid, post = (trace[f"blocks.1.{n}"] for n in ("resid_pre", "resid_mid", "resid_post"))
    assert torch.allclose(mid, pre + trace["blocks.1.attn.out"], atol=1e-6)
    assert torch.allclose(post, mid + trace["blocks.1.mlp.out"], atol=1e-6)


def test_patterns_are_causal_and_sum_to_one(model):
    _, trace = model.run_with_trace(list(range(8)))
    pattern = trace["blocks.0.attn.pattern"]
    assert torch.allclose(pattern.sum(-1), torch.ones(CONFIG.n_heads, 8))
    assert torch.all(pattern.triu(diagonal=1) == 0)


def test_wrong_trace_name_lists_valid_names(model):
    _, trace = model.run_with_trace([1, 2])
    with pytest.raises(KeyError, match="blocks.0.attn.pattern"):
        trace["blocks.9.attn.pattern"]


@pytest.mark.parametrize(
    "ids, message",
    [([], "nothing to run"), (list(range(17)), "at most 16"), ([99], "from 0 to 22")],
)
def test_bad_input_gets_a_clear_message(model, ids, message):
    with pytest.raises(ValueError, match=message):
        model.run_with_trace(ids)


def test_kv_cache_gives_the_same_logits(model):
    ids = torch.randint(0, CONFIG.vocab_size, (1, 12))
    full, _ = model(ids)
    cache = KVCache()
    first, _ = model(ids[:, :5], cache=cache)
    steps = [first] + [model(ids[:, t : t + 1], cache=cache)[0] for t in range(5, 12)]
    assert torch.allclose(torch.cat(steps, dim=1), full, atol=1e-5)


def test_cached_and_uncached_generation_match(model):
    with_cache = generate(model, [1, 2, 3], max_new_tokens=10, temperature=1.0, seed=7)
    without = generate(model, [1, 2, 3], max_new_tokens=10, temperature=1.0, seed=7, use_cache=False)
    assert with_cache == without and len(with_cache) == 10


def test_generation_stops_at_stop_token_and_context(model):
    greedy = generate(model, [1], max_new_tokens=5, temperature=0)
    stopped = generate(model, [1], max_new_tokens=5, temperature=0, stop_token=greedy[1])
    assert stopped == greedy[: greedy.index(greedy[1]) + 1]
    assert len(generate(model, [1] * 14, max_new_tokens=50)) == 2


def test_sampling_rules():
    logits = torch.tensor([0.0, 5.0, 1.0])
    assert sample_next(logits, temperature=0) == 1
    g = torch.Generator().manual_seed(0)
    assert {sample_next(logits, top_k=1, generator=g) for _ in range(20)} == {1}
    with pytest.raises(ValueError):
        sample_next(logits, temperature=-1)


def test_causal_mask_with_cache_offset():
    assert causal_mask(1, 4).tolist() == [[True, True, True, True]]
    assert causal_mask(2, 3).tolist() == [[True, True, False], [True, True, True]]


def test_untied_model_has_its_own_output_matrix():
    untied = GPT(GPTConfig(vocab_size=10, tied_embeddings=False))
    assert untied.unembed.weight is not untied.token_embedding.weight
    tied = GPT(GPTConfig(vocab_size=10))
    assert tied.unembed.weight is tied.token_embedding.weight
