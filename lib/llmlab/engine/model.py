"""A GPT-style decoder in one file: embeddings, N pre-LayerNorm blocks, next-token scores.

Attention is written out step by step (q·k, scale, causal mask, softmax, weighted sum of v)
so that every head's pattern can be recorded. For speed, the same computation can run through
``torch.nn.functional.scaled_dot_product_attention``; the two paths agree to 1e-5.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field

import torch
import torch.nn.functional as F
from torch import nn

from llmlab.engine.config import GPTConfig
from llmlab.engine.edits import Edit, check_edits
from llmlab.messages import msg
from llmlab.messages.numbers import in_units
from llmlab.engine.trace import Trace
from llmlab.engine.validate import LlmlabError, token_batch, token_ids_tensor, token_targets


def causal_mask(n_queries: int, n_keys: int, device: torch.device | None = None) -> torch.Tensor:
    """True where a query may look: at its own position and earlier ones, never later.

    With a KV cache the queries are the last ``n_queries`` of ``n_keys`` positions.
    """
    full = torch.ones(n_queries, n_keys, dtype=torch.bool, device=device)
    return torch.tril(full, diagonal=n_keys - n_queries)


@dataclass
class KVCache:
    """Keys and values of the positions seen so far, one (k, v) pair per block."""

    keys: list[torch.Tensor | None] = field(default_factory=list)
    values: list[torch.Tensor | None] = field(default_factory=list)

    @property
    def length(self) -> int:
        """How many positions the cache holds."""
        return 0 if not self.keys or self.keys[0] is None else self.keys[0].shape[-2]

    def extend(self, layer: int, k: torch.Tensor, v: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        """Append block ``layer``'s new keys and values; return all of them (past + new)."""
        while len(self.keys) <= layer:
            self.keys.append(None)
            self.values.append(None)
        if self.keys[layer] is not None:
            k = torch.cat([self.keys[layer], k], dim=-2)  # (batch, heads, T_past + T, d_head)
            v = torch.cat([self.values[layer], v], dim=-2)
        self.keys[layer], self.values[layer] = k, v
        return k, v


MAX_PARAMETERS = 4_000_000_000  # 16 GB of float32 numbers: beyond that, count on the meta device


def approximate_parameters(config: GPTConfig) -> int:
    """Roughly how many numbers the model holds (biases and norms left out)."""
    d, layers = config.d_model, config.n_layers
    tables = (config.vocab_size + config.context_length) * d
    unembed = 0 if config.tied_embeddings else config.vocab_size * d
    return tables + unembed + layers * (4 * d * d + 2 * d * config.d_mlp)


def check_buildable(config: GPTConfig) -> None:
    """Refuse, before allocating, a model whose weights would not fit in memory here."""
    if not isinstance(config, GPTConfig):
        raise LlmlabError(msg("model.not_a_config", kind=type(config).__name__))
    n = approximate_parameters(config)
    if n > MAX_PARAMETERS and torch.empty(0).device.type != "meta":
        raise LlmlabError(msg("model.too_big", n=in_units(n, 3), gb=n * 4 / 1e9, limit=in_units(MAX_PARAMETERS, 3)))


def _hook_for(trace: Trace | None, prefix: str) -> Callable[[str, torch.Tensor], torch.Tensor]:
    """``hook(part, value)``: pass ``value`` through the trace as ``prefix.part`` (no trace: unchanged)."""
    if trace is None:
        return lambda part, value: value
    return lambda part, value: trace.hook(f"{prefix}.{part}" if prefix else part, value)


class MultiHeadAttention(nn.Module):
    """Masked multi-head self-attention with separate W_Q, W_K, W_V and W_O.

    Reading the weights: ``W_Q`` is an ``nn.Linear``, which computes ``x @ W_Q.weight.T + W_Q.bias``,
    so ``W_Q.weight`` is W_Q transposed (out × in). Each matrix holds all heads side by side: head h's
    query columns of W_Q are the ROWS ``h*d_head:(h+1)*d_head`` of ``W_Q.weight`` (the same for W_K
    and W_V); head h's part of W_O is the COLUMNS ``h*d_head:(h+1)*d_head`` of ``W_O.weight``.
    :meth:`head_weights` gives every head's matrices separately, shaped as the lessons draw them.
    The module knows its place in the model (``layer_idx``), hence the names of its activations
    (``blocks.{layer_idx}.attn.q`` ...).
    """

    def __init__(self, config: GPTConfig, layer_idx: int = 0) -> None:
        super().__init__()
        d = config.d_model
        self.layer_idx = layer_idx
        self.name = f"blocks.{layer_idx}.attn"
        self.n_heads = config.n_heads
        self.d_head = config.d_head
        self.W_Q = nn.Linear(d, d, bias=config.bias)
        self.W_K = nn.Linear(d, d, bias=config.bias)
        self.W_V = nn.Linear(d, d, bias=config.bias)
        self.W_O = nn.Linear(d, d, bias=config.bias)
        self.dropout = config.dropout
        self.use_sdpa = False  # GPT switches the fast path on; it runs only when nothing is traced
        self.causal = True  # False lets every position read later ones too (lesson 06's experiment)

    def head_weights(self) -> dict[str, torch.Tensor]:
        """Every head's own weights (views): ``W_Q``, ``W_K``, ``W_V`` (heads, d_model, d_head),
        ``W_O`` (heads, d_head, d_model).

        Head h computes its queries as ``x @ head_weights()["W_Q"][h]`` (plus its slice of the bias).
        """
        d = self.n_heads * self.d_head
        per_head = {name: getattr(self, name).weight.view(self.n_heads, self.d_head, d).transpose(1, 2)
                    for name in ("W_Q", "W_K", "W_V")}
        per_head["W_O"] = self.W_O.weight.view(d, self.n_heads, self.d_head).permute(1, 2, 0)
        return per_head

    def split_heads(self, x: torch.Tensor) -> torch.Tensor:
        """(batch, T, d_model) -> (batch, heads, T, d_head)."""
        batch, T, _ = x.shape
        return x.view(batch, T, self.n_heads, self.d_head).transpose(1, 2)

    def forward(self, x: torch.Tensor, trace: Trace | None = None, cache: KVCache | None = None) -> torch.Tensor:
        hook = _hook_for(trace, self.name)
        q = hook("q", self.split_heads(self.W_Q(x)))  # (batch, heads, T, d_head)
        k = hook("k", self.split_heads(self.W_K(x)))  # (batch, heads, T, d_head)
        v = hook("v", self.split_heads(self.W_V(x)))  # (batch, heads, T, d_head)
        if cache is not None:
            k, v = cache.extend(self.layer_idx, k, v)  # (batch, heads, T_past + T, d_head)
        mask = causal_mask(q.shape[-2], k.shape[-2], device=x.device)  # (T, T_keys)
        if not self.causal:
            mask = torch.ones_like(mask)
        dropout = self.dropout if self.training else 0.0

        if self.use_sdpa and trace is None:
            z = F.scaled_dot_product_attention(q, k, v, attn_mask=mask, dropout_p=dropout)
        else:
            scores = hook("scores", q @ k.transpose(-2, -1) / math.sqrt(self.d_head))  # (batch, heads, T, T_keys)
            pattern = torch.softmax(scores.masked_fill(~mask, float("-inf")), dim=-1)  # rows sum to 1
            pattern = hook("pattern", pattern)  # (batch, heads, T, T_keys)
            z = F.dropout(pattern, dropout, self.training) @ v  # (batch, heads, T, d_head)
        z = hook("z", z)  # (batch, heads, T, d_head): each head's weighted sum of values

        batch, _, T, _ = z.shape
        concatenated = z.transpose(1, 2).reshape(batch, T, self.n_heads * self.d_head)  # (batch, T, d_model)
        return hook("out", self.W_O(concatenated))  # (batch, T, d_model)


class MLP(nn.Module):
    """The feed-forward sublayer: widen to d_mlp, GELU, project back to d_model."""

    def __init__(self, config: GPTConfig, layer_idx: int = 0) -> None:
        super().__init__()
        self.name = f"blocks.{layer_idx}.mlp"
        self.fc_in = nn.Linear(config.d_model, config.d_mlp, bias=config.bias)
        self.fc_out = nn.Linear(config.d_mlp, config.d_model, bias=config.bias)

    def forward(self, x: torch.Tensor, trace: Trace | None = None) -> torch.Tensor:
        hook = _hook_for(trace, self.name)
        pre = hook("pre", self.fc_in(x))  # (batch, T, d_mlp)
        post = hook("post", F.gelu(pre, approximate="tanh"))  # (batch, T, d_mlp); GPT-2 uses the tanh form
        return hook("out", self.fc_out(post))  # (batch, T, d_model)


class Block(nn.Module):
    """One transformer block ("layer"): x + attention(LN(x)), then x + MLP(LN(x))."""

    def __init__(self, config: GPTConfig, layer_idx: int = 0) -> None:
        super().__init__()
        self.name = f"blocks.{layer_idx}"
        self.ln_attn = nn.LayerNorm(config.d_model, bias=config.bias)
        self.attn = MultiHeadAttention(config, layer_idx)
        self.ln_mlp = nn.LayerNorm(config.d_model, bias=config.bias)
        self.mlp = MLP(config, layer_idx)
        self.dropout = nn.Dropout(config.dropout)

    def forward(self, x: torch.Tensor, trace: Trace | None = None, cache: KVCache | None = None) -> torch.Tensor:
        hook = _hook_for(trace, self.name)
        x = hook("resid_pre", x)  # (batch, T, d_model)
        attn_out = self.attn(hook("ln_attn", self.ln_attn(x)), trace, cache)  # (batch, T, d_model)
        x = hook("resid_mid", x + self.dropout(attn_out))  # (batch, T, d_model)
        mlp_out = self.mlp(hook("ln_mlp", self.ln_mlp(x)), trace)  # (batch, T, d_model)
        return hook("resid_post", x + self.dropout(mlp_out))  # (batch, T, d_model)


class GPT(nn.Module):
    """Token + position embeddings, a stack of blocks, a final LayerNorm, next-token scores."""

    def __init__(self, config: GPTConfig) -> None:
        super().__init__()
        check_buildable(config)
        self.config = config
        self.token_embedding = nn.Embedding(config.vocab_size, config.d_model)
        self.position_embedding = nn.Embedding(config.context_length, config.d_model)
        self.dropout = nn.Dropout(config.dropout)
        self.blocks = nn.ModuleList(Block(config, i) for i in range(config.n_layers))
        self.ln_final = nn.LayerNorm(config.d_model, bias=config.bias)
        self.unembed = nn.Linear(config.d_model, config.vocab_size, bias=False)
        if config.tied_embeddings:
            self.unembed.weight = self.token_embedding.weight
        self.use_sdpa = True  # fast path when nothing is recorded
        self.apply(self._init_weights)
        # GPT-2's trick: shrink the layers that write into the residual stream by depth.
        for name, param in self.named_parameters():
            if name.endswith(("attn.W_O.weight", "mlp.fc_out.weight")):
                nn.init.normal_(param, mean=0.0, std=0.02 / math.sqrt(2 * config.n_layers))

    @property
    def use_sdpa(self) -> bool:
        """Whether attention runs through torch's fused kernel when nothing is traced or edited."""
        return all(block.attn.use_sdpa for block in self.blocks)

    @use_sdpa.setter
    def use_sdpa(self, value: bool) -> None:
        for block in self.blocks:
            block.attn.use_sdpa = bool(value)

    @property
    def causal(self) -> bool:
        """Whether every attention sublayer applies the causal mask (True for a real GPT)."""
        return all(block.attn.causal for block in self.blocks)

    @causal.setter
    def causal(self, value: bool) -> None:
        for block in self.blocks:
            block.attn.causal = bool(value)

    @staticmethod
    def _init_weights(module: nn.Module) -> None:
        """Small random numbers for weights and embeddings, zeros for biases."""
        if isinstance(module, (nn.Linear, nn.Embedding)):
            nn.init.normal_(module.weight, mean=0.0, std=0.02)
        if isinstance(module, nn.Linear) and module.bias is not None:
            nn.init.zeros_(module.bias)

    def check_input(self, idx: torch.Tensor, start: int) -> None:
        """Clear errors (``LlmlabError``) for token ids the model cannot read."""
        token_batch(idx, self.config.vocab_size, self.config.context_length, start)

    def forward(
        self,
        idx: torch.Tensor,
        targets: torch.Tensor | None = None,
        trace: Trace | None = None,
        cache: KVCache | None = None,
    ) -> tuple[torch.Tensor, torch.Tensor | None]:
        """Next-token scores (batch, T, vocab) and, given targets, the mean cross-entropy loss.

        Pass a ``Trace`` to record named activations (and apply its edits), a ``KVCache`` to
        reuse earlier positions. Targets equal to -100 are ignored by the loss.
        """
        start = cache.length if cache is not None else 0
        self.check_input(idx, start)
        if targets is not None:
            token_targets(targets, tuple(idx.shape), self.config.vocab_size)
        if trace is not None and trace.edits:
            if cache is not None:
                raise LlmlabError(msg("edits.no_cache"))
            check_edits(trace.edits, self.config, idx.shape[0], idx.shape[1])
        hook = _hook_for(trace, "")
        positions = torch.arange(start, start + idx.shape[1], device=idx.device)  # (T,)
        embed = hook("embed", self.token_embedding(idx))  # (batch, T, d_model)
        pos_embed = hook("pos_embed", self.position_embedding(positions).expand_as(embed))  # (batch, T, d_model)
        x = self.dropout(embed + pos_embed)  # (batch, T, d_model): the residual stream
        for block in self.blocks:
            x = block(x, trace, cache)  # (batch, T, d_model)
        x = hook("ln_final", self.ln_final(x))  # (batch, T, d_model)
        logits = hook("logits", self.unembed(x))  # (batch, T, vocab)
        loss = None
        if targets is not None:
            loss = F.cross_entropy(logits.flatten(0, 1), targets.flatten(), ignore_index=-100)
        return logits, loss

    @torch.no_grad()
    def run_with_trace(
        self, token_ids: list[int] | torch.Tensor, edits: Mapping[str, Edit] | None = None
    ) -> tuple[torch.Tensor, Trace]:
        """Run one sequence in eval mode; return its logits (T, vocab) and every named activation.

        ``edits`` maps activation names to ``llmlab.engine.edits`` edits (zero, mean, patch) applied
        on the way; the trace then records the edited activations.
        """
        idx = token_ids_tensor(token_ids, self.config.vocab_size, self.config.context_length, self.device)
        with self.evaluating():
            trace = Trace(edits)
            logits, _ = self(idx, trace=trace)
        return logits[0], trace.without_batch()

    @torch.no_grad()
    def trace_batch(
        self, idx: torch.Tensor, edits: Mapping[str, Edit] | None = None
    ) -> tuple[torch.Tensor, Trace]:
        """Like ``run_with_trace`` for a batch (batch, T): logits and a trace that keep the batch axis."""
        with self.evaluating():
            trace = Trace(edits)
            logits, _ = self(idx, trace=trace)
        return logits, trace

    @torch.no_grad()
    def run_with_edits(
        self, idx: torch.Tensor, edits: Mapping[str, Edit], targets: torch.Tensor | None = None
    ) -> tuple[torch.Tensor, torch.Tensor | None]:
        """A batch (batch, T) in eval mode with ``edits`` applied, recording nothing: (logits, loss)."""
        with self.evaluating():
            return self(idx, targets, trace=Trace(edits, record=False))

    @contextmanager
    def evaluating(self) -> Iterator[None]:
        """Eval mode (no dropout) inside the block, the previous mode afterwards."""
        was_training = self.training
        self.eval()
        try:
            yield
        finally:
            self.train(was_training)

    @property
    def device(self) -> torch.device:
        return self.token_embedding.weight.device

    def logits_from_residual(self, resid: torch.Tensor) -> torch.Tensor:
        """The logits (next-token scores) read straight off a hidden state: final LayerNorm, then unembed."""
        return self.unembed(self.ln_final(resid))
