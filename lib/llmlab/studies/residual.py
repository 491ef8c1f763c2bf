"""Lesson 07: one block opened, and the residual stream as a sum.

* ``layer_norm_by_hand`` and ``open_block``: every step of a block recomputed from the hidden
  state that enters it, with the block's own weights (no module called), to compare with a trace;
* ``residual_parts``: the embeddings and every sublayer's output; their sum is the final hidden state;
* ``qkv_from_hidden_state``: a block's Q, K, V from the hidden state the previous block left;
* ``run_block``: one block run on a hidden state alone (nothing else goes in).
"""

from __future__ import annotations

import torch
import torch.nn.functional as F
from torch import nn

from llmlab.messages import msg
from llmlab.engine.model import GPT, causal_mask
from llmlab.engine.trace import Trace, residual_name
from llmlab.engine.validate import (LlmlabError, LlmlabTypeError, check_block, check_model, check_trace, float_tensor,
                                    integer, kind_of, listing)
from llmlab.studies.attention_math import attention_steps, linear_by_hand

# The steps of a block, in order, as the trace names them (after "blocks.{b}.").
BLOCK_STEPS = ("ln_attn", "attn.q", "attn.k", "attn.v", "attn.pattern", "attn.z", "attn.out",
               "resid_mid", "ln_mlp", "mlp.pre", "mlp.post", "mlp.out", "resid_post")


def hidden_state(model: GPT, value: object, name: str = "hidden state") -> torch.Tensor:
    """``value`` if it is a (T, d_model) tensor of finite numbers with 1 ≤ T ≤ context length."""
    model, value = check_model(model, "hidden_state"), float_tensor(value, name, dims=2)
    T, d = value.shape
    if d != model.config.d_model or not 1 <= T <= model.config.context_length:
        raise LlmlabError(msg("residual.bad_hidden_state", name=name, d_model=model.config.d_model,
                              context=model.config.context_length, shape=tuple(value.shape)))
    return value


def _recorded(trace: Trace, name: str) -> torch.Tensor:
    try:
        return trace[name]
    except KeyError as error:
        raise LlmlabError(error.args[0]) from None


def layer_norm_by_hand(x: torch.Tensor, norm: nn.LayerNorm) -> torch.Tensor:
    """LayerNorm written out: subtract each row's mean, divide by its standard deviation, scale, shift."""
    x = float_tensor(x, "x")
    if not isinstance(norm, nn.LayerNorm):
        raise LlmlabTypeError(msg("residual.not_a_layer_norm", kind=kind_of(norm)))
    if x.shape[-1] != norm.weight.shape[0]:
        raise LlmlabError(msg("residual.norm_width", width=norm.weight.shape[0], got=x.shape[-1]))
    mean = x.mean(dim=-1, keepdim=True)
    variance = ((x - mean) ** 2).mean(dim=-1, keepdim=True)  # divided by d, not d - 1
    normed = (x - mean) / torch.sqrt(variance + norm.eps)
    out = normed * norm.weight
    return (out + norm.bias if norm.bias is not None else out).detach()


@torch.no_grad()
def open_block(model: GPT, trace: Trace, block: int) -> dict[str, torch.Tensor]:
    """Every step of ``block`` recomputed by hand from ``trace``'s hidden state entering it.

    Keys are the names of :data:`BLOCK_STEPS` (``"attn.q"``, ``"mlp.post"``, ...), shapes as in
    the trace of one sequence; compare with ``trace[f"blocks.{block}.{step}"]``.
    """
    model, trace = check_model(model, "open_block"), check_trace(trace, "open_block", model)
    block = check_block(model, block)
    layer = model.blocks[block]
    attn = layer.attn
    recorded = _recorded(trace, f"blocks.{block}.resid_pre")
    x = hidden_state(model, recorded, msg("residual.traced_hidden_state"))  # (T, d_model)
    T = x.shape[0]
    steps: dict[str, torch.Tensor] = {"ln_attn": layer_norm_by_hand(x, layer.ln_attn)}
    for part in "qkv":  # (T, d_model) -> (heads, T, d_head)
        projected = linear_by_hand(steps["ln_attn"], getattr(attn, "W_" + part.upper()))
        steps[f"attn.{part}"] = projected.view(T, attn.n_heads, attn.d_head).transpose(0, 1)
    heads = [attention_steps(steps["attn.q"][h], steps["attn.k"][h], steps["attn.v"][h], causal_mask(T, T))
             for h in range(attn.n_heads)]  # each head: the lessons' attention by hand
    steps["attn.pattern"] = torch.stack([head.weights for head in heads])  # (heads, T, T)
    steps["attn.z"] = torch.stack([head.output for head in heads])  # (heads, T, d_head)
    steps["attn.out"] = linear_by_hand(torch.cat(list(steps["attn.z"]), dim=-1), attn.W_O)  # heads side by side
    steps["resid_mid"] = x + steps["attn.out"]  # first residual addition
    steps["ln_mlp"] = layer_norm_by_hand(steps["resid_mid"], layer.ln_mlp)
    steps["mlp.pre"] = linear_by_hand(steps["ln_mlp"], layer.mlp.fc_in)  # widen to d_mlp
    steps["mlp.post"] = F.gelu(steps["mlp.pre"], approximate="tanh")
    steps["mlp.out"] = linear_by_hand(steps["mlp.post"], layer.mlp.fc_out)  # back to d_model
    steps["resid_post"] = steps["resid_mid"] + steps["mlp.out"]  # second residual addition
    return steps


def residual_parts(trace: Trace, n_layers: int) -> dict[str, torch.Tensor]:
    """What was added to the residual stream, in order: the two embeddings, then each block's
    attention output and MLP output (T, d_model each). Their sum is the final hidden state."""
    trace = check_trace(trace, "residual_parts")
    n_layers = integer(n_layers, "n_layers", low=1)
    names = ["embed", "pos_embed"]
    for block in range(n_layers):
        names += [f"blocks.{block}.attn.out", f"blocks.{block}.mlp.out"]
    try:
        return {name: trace[name] for name in names}
    except KeyError as error:
        raise LlmlabError(error.args[0]) from None


def sum_of_parts(parts: dict[str, torch.Tensor]) -> torch.Tensor:
    """The parts added up in 64-bit floats (so the sum itself adds almost no rounding)."""
    values = list(parts.values()) if isinstance(parts, dict) else []
    shapes = {tuple(value.shape) for value in values if isinstance(value, torch.Tensor)}
    if not values or len(shapes) != 1 or not all(isinstance(value, torch.Tensor) for value in values):
        got = listing(sorted(shapes)) if shapes else kind_of(parts)
        raise LlmlabError(msg("residual.bad_parts", got=got))
    return torch.stack([float_tensor(part, "part").double() for part in values]).sum(dim=0)


@torch.no_grad()
def qkv_from_hidden_state(model: GPT, trace: Trace, block: int) -> dict[str, torch.Tensor]:
    """``block``'s q, k, v (heads, T, d_head) computed from the hidden state the previous block left
    (the embeddings for block 0): its own LayerNorm, then its own W_Q, W_K, W_V and biases."""
    model, trace = check_model(model, "qkv_from_hidden_state"), check_trace(trace, "qkv_from_hidden_state", model)
    block = check_block(model, block)
    layer = model.blocks[block]
    h = hidden_state(model, _recorded(trace, residual_name(block)), msg("residual.traced_hidden_state"))
    h = layer_norm_by_hand(h, layer.ln_attn)  # (T, d_model)
    T = h.shape[0]
    projected = {part: linear_by_hand(h, getattr(layer.attn, "W_" + part.upper())) for part in "qkv"}  # (T, d_model)
    return {part: p.view(T, layer.attn.n_heads, -1).transpose(0, 1) for part, p in projected.items()}


@torch.no_grad()
def run_block(model: GPT, block: int, hidden: torch.Tensor) -> torch.Tensor:
    """Block ``block`` run on the hidden state ``hidden`` (T, d_model) and nothing else: its output."""
    model = check_model(model, "run_block")
    block = check_block(model, block)
    hidden = hidden_state(model, hidden)
    with model.evaluating():
        return model.blocks[block](hidden[None].to(model.device))[0]
