"""Interventions: editing nothing changes nothing, edits stay where they are put, errors are clear."""

import pytest
import torch

from llmlab.engine.config import GPTConfig
from llmlab.engine.edits import Edit, head_output_name, mean, patch, reference_means, zero
from llmlab.engine.model import GPT
from llmlab.engine.trace import activation_names

CONFIG = GPTConfig(vocab_size=23, context_length=16, d_model=32, n_heads=4, n_layers=3)
IDS = [3, 1, 4, 1, 5, 9, 2, 6]


@pytest.fixture(scope="module")
def model() -> GPT:
    torch.manual_seed(0)
    return GPT(CONFIG).eval()


def test_every_named_activation_is_recorded_in_order(model):
    _, trace = model.run_with_trace(IDS)
    assert trace.names() == activation_names(CONFIG)
    assert trace["blocks.1.mlp.pre"].shape == (len(IDS), CONFIG.d_mlp)
    assert trace["blocks.2.attn.z"].shape == (CONFIG.n_heads, len(IDS), CONFIG.d_head)
    gelu = torch.nn.functional.gelu(trace["blocks.0.mlp.pre"], approximate="tanh")
    assert torch.equal(trace["blocks.0.mlp.post"], gelu)
    assert torch.equal(trace["blocks.1.ln_attn"], model.blocks[1].ln_attn(trace["blocks.1.resid_pre"]))


def test_no_edits_is_bit_identical_to_the_plain_forward(model):
    idx = torch.tensor([IDS])
    model.use_sdpa = False
    try:
        plain, _ = model(idx)
    finally:
        model.use_sdpa = True
    traced, _ = model.run_with_trace(IDS, edits={})
    batched, _ = model.run_with_edits(idx, {})
    assert torch.equal(traced, plain[0]) and torch.equal(batched, plain)
    fast, _ = model(idx)
    assert torch.allclose(fast, plain, atol=1e-5)


@pytest.mark.parametrize("name", activation_names(CONFIG))
def test_patching_an_activation_with_itself_changes_nothing(model, name):
    logits, trace = model.run_with_trace(IDS)
    patched, _ = model.run_with_trace(IDS, edits={name: patch(trace[name])})
    assert torch.equal(patched, logits)


@pytest.mark.parametrize("t", [0, 3, 7])
def test_ablating_a_head_at_position_t_changes_no_logits_before_t(model, t):
    logits, _ = model.run_with_trace(IDS)
    edited, trace = model.run_with_trace(IDS, edits={head_output_name(0): zero(head=1, positions=[t])})
    assert torch.equal(edited[:t], logits[:t])
    assert not torch.equal(edited[t:], logits[t:])
    assert torch.all(trace["blocks.0.attn.z"][1, t] == 0)
    untouched = [h for h in range(CONFIG.n_heads) if h != 1]
    _, clean = model.run_with_trace(IDS)
    assert torch.equal(trace["blocks.0.attn.z"][untouched], clean["blocks.0.attn.z"][untouched])


def test_mean_ablation_uses_the_stated_reference_set(model):
    reference = [[1, 2, 3, 4], [5, 6, 7], [8]]
    means = reference_means(model, reference, ["blocks.1.attn.z", "blocks.0.mlp.out"])
    stacked = torch.cat([model.run_with_trace(ids)[1]["blocks.0.mlp.out"] for ids in reference])
    assert torch.allclose(means["blocks.0.mlp.out"], stacked.mean(dim=0), atol=1e-6)
    _, trace = model.run_with_trace(IDS, edits={"blocks.1.attn.z": mean(means["blocks.1.attn.z"], head=2)})
    assert torch.allclose(trace["blocks.1.attn.z"][2], means["blocks.1.attn.z"][2].expand(len(IDS), -1))
    other = reference_means(model, [[9, 9, 9]], ["blocks.1.attn.z"])
    assert not torch.allclose(other["blocks.1.attn.z"], means["blocks.1.attn.z"])


def test_zeroing_a_whole_sublayer_removes_its_contribution(model):
    _, trace = model.run_with_trace(IDS, edits={"blocks.2.mlp.out": zero()})
    assert torch.equal(trace["blocks.2.resid_post"], trace["blocks.2.resid_mid"])
    _, trace = model.run_with_trace(IDS, edits={"blocks.0.attn.out": zero()})
    assert torch.equal(trace["blocks.0.resid_mid"], trace["blocks.0.resid_pre"])


def test_batched_edits_match_one_sequence_at_a_time(model):
    batch = torch.tensor([IDS, IDS[::-1]])
    edits = {"blocks.1.attn.z": zero(head=3)}
    logits, _ = model.run_with_edits(batch, edits)
    for row in range(2):
        single, _ = model.run_with_trace(batch[row].tolist(), edits=edits)
        assert torch.allclose(logits[row], single, atol=1e-6)


@pytest.mark.parametrize(
    ("edits", "says"),
    [
        ({"blocks.7.attn.z": zero()}, "Valid names"),
        ({"blocks.0.attn.pattrn": zero()}, "Valid names"),
        ({"blocks.0.attn.z": zero(head=4)}, "heads 0 to 3"),
        ({"blocks.0.attn.z": zero(positions=[8])}, "between 0 and 7"),
        ({"blocks.0.mlp.out": zero(head=0)}, "no heads axis"),
        ({"blocks.0.mlp.out": patch(torch.zeros(8, 5))}, r"shape \(8, 32\)"),
        ({"blocks.0.attn.z": mean(torch.zeros(32))}, r"shape \(4, 8\)"),
        ({"blocks.0.attn.pattern": mean(torch.zeros(4, 8))}, "cannot be mean-ablated"),
        ({"blocks.0.attn.z": "zero"}, "llmlab.engine.edits.zero"),
    ],
)
def test_bad_edits_get_a_clear_message(model, edits, says):
    with pytest.raises(ValueError, match=says):
        model.run_with_trace(IDS, edits=edits)


@pytest.mark.parametrize(
    "make",
    [
        lambda: zero(head=1.5),
        lambda: zero(head=True),
        lambda: zero(positions="3"),
        lambda: zero(positions=[]),
        lambda: patch([1.0, 2.0]),
        lambda: patch(torch.tensor([float("nan")])),
        lambda: mean(torch.tensor([1, 2])),
    ],
)
def test_bad_edit_arguments_get_a_clear_message(make):
    with pytest.raises(ValueError):
        make()


def test_edits_refuse_a_kv_cache(model):
    from llmlab.engine.model import KVCache
    from llmlab.engine.trace import Trace

    with pytest.raises(ValueError, match="without a KV cache"):
        model(torch.tensor([IDS]), trace=Trace({"embed": zero()}), cache=KVCache())
    assert isinstance(zero(), Edit)


def test_without_the_causal_mask_earlier_positions_see_later_tokens(model):
    changed_last = IDS[:-1] + [0]
    masked_a, _ = model.run_with_trace(IDS)
    masked_b, _ = model.run_with_trace(changed_last)
    assert torch.equal(masked_a[:-1], masked_b[:-1])
    model.causal = False
    try:
        open_a, trace = model.run_with_trace(IDS)
        open_b, _ = model.run_with_trace(changed_last)
        fast, _ = model(torch.tensor([IDS]))
    finally:
        model.causal = True
    assert not torch.allclose(open_a[:-1], open_b[:-1])
    assert trace["blocks.0.attn.pattern"].triu(diagonal=1).sum() > 0
    assert torch.allclose(fast[0], open_a, atol=1e-5)


def test_bad_reference_sets_and_names_get_a_clear_message(model):
    from llmlab.engine.validate import LlmlabError

    for bad in ([], "abc", [[]], [[1.5, 2]], [[1, 99]], 7, [[1, 2], "x"]):
        with pytest.raises(LlmlabError):
            reference_means(model, bad, ["blocks.0.attn.z"])
    with pytest.raises(LlmlabError, match="Valid names"):
        reference_means(model, [[1, 2]], ["blocks.0.attn.zz"])


def test_an_unknown_trace_name_is_an_llmlab_error_and_a_key_error(model):
    from llmlab.engine.validate import LlmlabError

    _, trace = model.run_with_trace([1, 2])
    with pytest.raises(LlmlabError) as caught:
        trace["nope"]
    assert isinstance(caught.value, KeyError)
    assert str(caught.value).startswith("No activation is named 'nope'")


def test_a_model_too_big_for_memory_is_refused_before_allocating():
    from llmlab.engine.validate import LlmlabError

    huge = GPTConfig(vocab_size=50_000, context_length=2048, d_model=12288, n_heads=96, n_layers=96)
    with pytest.raises(LlmlabError, match="too big to build here"):
        GPT(huge)
    with torch.device("meta"):
        assert GPT(huge).token_embedding.weight.device.type == "meta"
