"""A GPT-style decoder in one file: embeddings, N pre-LayerNorm blocks, next-token scores.

Attention is written out step by step (q·k, scale, causal mask, softmax, weighted sum of v)
so that every head's pattern can be recorded. For speed, the same computation can run through
``torch.nn.functional.scaled_dot_product_attention``; the two paths agree to 1e-5.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import torch
import torch.nn.functional as F
from torch import nn

from .config import GPTConfig
from .messages import msg
from .trace import Trace


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


class MultiHeadAttention(nn.Module):
    """Masked multi-head self-attention with separate W_Q, W_K, W_V and W_O.

    Each weight matrix holds all heads side by side: head h uses columns
    h*d_head ... (h+1)*d_head of W_Q, W_K and W_V.
    """

    def __init__(self, config: GPTConfig) -> None:
        super().__init__()
        d = config.d_model
        self.n_heads = config.n_heads
        self.d_head = config.d_head
        self.W_Q = nn.Linear(d, d, bias=config.bias)
        self.W_K = nn.Linear(d, d, bias=config.bias)
        self.W_V = nn.Linear(d, d, bias=config.bias)
        self.W_O = nn.Linear(d, d, bias=config.bias)
        self.dropout = config.dropout

    def split_heads(self, x: torch.Tensor) -> torch.Tensor:
        """(batch, T, d_model) -> (batch, heads, T, d_head)."""
        batch, T, _ = x.shape
        return x.view(batch, T, self.n_heads, self.d_head).transpose(1, 2)

    def forward(
        self,
        x: torch.Tensor,
        trace: Trace | None = None,
        name: str = "",
        cache: KVCache | None = None,
        layer: int = 0,
        use_sdpa: bool = False,
    ) -> torch.Tensor:
        q = self.split_heads(self.W_Q(x))
        k = self.split_heads(self.W_K(x))
        v = self.split_heads(self.W_V(x))
        if cache is not None:
            k, v = self.extend_cache(cache, layer, k, v)
        mask = causal_mask(q.shape[-2], k.shape[-2], device=x.device)
        dropout = self.dropout if self.training else 0.0

        if use_sdpa and trace is None:
            mixed = F.scaled_dot_product_attention(q, k, v, attn_mask=mask, dropout_p=dropout)
        else:
            scores = q @ k.transpose(-2, -1) / math.sqrt(self.d_head)
            pattern = torch.softmax(scores.masked_fill(~mask, float("-inf")), dim=-1)
            if trace is not None:
                for part, value in (("q", q), ("k", k), ("v", v), ("scores", scores), ("pattern", pattern)):
                    trace.record(f"{name}.{part}", value)
            mixed = F.dropout(pattern, dropout, self.training) @ v

        batch, _, T, _ = mixed.shape
        concatenated = mixed.transpose(1, 2).reshape(batch, T, self.n_heads * self.d_head)
        out = self.W_O(concatenated)
        if trace is not None:
            trace.record(f"{name}.out", out)
        return out

    @staticmethod
    def extend_cache(
        cache: KVCache, layer: int, k: torch.Tensor, v: torch.Tensor
    ) -> tuple[torch.Tensor, torch.Tensor]:
        """Append this step's keys and values to the cache and return all of them."""
        while len(cache.keys) <= layer:
            cache.keys.append(None)
            cache.values.append(None)
        if cache.keys[layer] is not None:
            k = torch.cat([cache.keys[layer], k], dim=-2)
            v = torch.cat([cache.values[layer], v], dim=-2)
        cache.keys[layer], cache.values[layer] = k, v
        return k, v


class MLP(nn.Module):
    """The feed-forward sublayer: widen to d_mlp, GELU, project back to d_model."""

    def __init__(self, config: GPTConfig) -> None:
        super().__init__()
        self.fc_in = nn.Linear(config.d_model, config.d_mlp, bias=config.bias)
        self.fc_out = nn.Linear(config.d_mlp, config.d_model, bias=config.bias)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.fc_out(F.gelu(self.fc_in(x), approximate="tanh"))  # GPT-2 uses the tanh form


class Block(nn.Module):
    """One transformer block ("layer"): x + attention(LN(x)), then x + MLP(LN(x))."""

    def __init__(self, config: GPTConfig) -> None:
        super().__init__()
        self.ln_attn = nn.LayerNorm(config.d_model, bias=config.bias)
        self.attn = MultiHeadAttention(config)
        self.ln_mlp = nn.LayerNorm(config.d_model, bias=config.bias)
        self.mlp = MLP(config)
        self.dropout = nn.Dropout(config.dropout)

    def forward(
        self,
        x: torch.Tensor,
        trace: Trace | None = None,
        name: str = "",
        cache: KVCache | None = None,
        layer: int = 0,
        use_sdpa: bool = False,
    ) -> torch.Tensor:
        if trace is not None:
            trace.record(f"{name}.resid_pre", x)
        attn_out = self.attn(self.ln_attn(x), trace, f"{name}.attn", cache, layer, use_sdpa)
        x_mid = x + self.dropout(attn_out)
        mlp_out = self.mlp(self.ln_mlp(x_mid))
        x_post = x_mid + self.dropout(mlp_out)
        if trace is not None:
            trace.record(f"{name}.resid_mid", x_mid)
            trace.record(f"{name}.mlp.out", mlp_out)
            trace.record(f"{name}.resid_post", x_post)
        return x_post


class GPT(nn.Module):
    """Token + position embeddings, a stack of blocks, a final LayerNorm, next-token scores."""

    def __init__(self, config: GPTConfig) -> None:
        super().__init__()
        self.config = config
        self.token_embedding = nn.Embedding(config.vocab_size, config.d_model)
        self.position_embedding = nn.Embedding(config.context_length, config.d_model)
        self.dropout = nn.Dropout(config.dropout)
        self.blocks = nn.ModuleList(Block(config) for _ in range(config.n_layers))
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

    @staticmethod
    def _init_weights(module: nn.Module) -> None:
        """Small random numbers for weights and embeddings, zeros for biases."""
        if isinstance(module, (nn.Linear, nn.Embedding)):
            nn.init.normal_(module.weight, mean=0.0, std=0.02)
        if isinstance(module, nn.Linear) and module.bias is not None:
            nn.init.zeros_(module.bias)

    def check_input(self, idx: torch.Tensor, start: int) -> None:
        """Clear errors for token ids the model cannot read."""
        if idx.dim() != 2 or idx.shape[1] == 0:
            raise ValueError(msg("model.empty_input"))
        if start + idx.shape[1] > self.config.context_length:
            raise ValueError(
                msg("model.too_long", n=start + idx.shape[1], context=self.config.context_length)
            )
        if idx.min() < 0 or idx.max() >= self.config.vocab_size:
            raise ValueError(msg("model.bad_token_id", vocab=self.config.vocab_size))

    def forward(
        self,
        idx: torch.Tensor,
        targets: torch.Tensor | None = None,
        trace: Trace | None = None,
        cache: KVCache | None = None,
    ) -> tuple[torch.Tensor, torch.Tensor | None]:
        """Next-token scores (batch, T, vocab) and, given targets, the mean cross-entropy loss.

        Pass a ``Trace`` to record named activations, a ``KVCache`` to reuse earlier positions.
        Targets equal to -100 are ignored by the loss.
        """
        start = cache.length if cache is not None else 0
        self.check_input(idx, start)
        positions = torch.arange(start, start + idx.shape[1], device=idx.device)
        embed = self.token_embedding(idx)
        pos_embed = self.position_embedding(positions).expand_as(embed)
        x = self.dropout(embed + pos_embed)
        if trace is not None:
            trace.record("embed", embed)
            trace.record("pos_embed", pos_embed)
        for i, block in enumerate(self.blocks):
            x = block(x, trace, f"blocks.{i}", cache, i, self.use_sdpa)
        x = self.ln_final(x)
        logits = self.unembed(x)
        if trace is not None:
            trace.record("ln_final", x)
            trace.record("logits", logits)
        loss = None
        if targets is not None:
            loss = F.cross_entropy(logits.flatten(0, 1), targets.flatten(), ignore_index=-100)
        return logits, loss

    @torch.no_grad()
    def run_with_trace(self, token_ids: list[int] | torch.Tensor) -> tuple[torch.Tensor, Trace]:
        """Run one sequence in eval mode; return its logits (T, vocab) and every named activation."""
        idx = torch.as_tensor(token_ids, dtype=torch.long, device=self.device).reshape(1, -1)
        was_training = self.training
        self.eval()
        try:
            trace = Trace()
            logits, _ = self(idx, trace=trace)
        finally:
            self.train(was_training)
        return logits[0], trace.without_batch()

    @property
    def device(self) -> torch.device:
        return self.token_embedding.weight.device

    def to_residual_scores(self, resid: torch.Tensor) -> torch.Tensor:
        """Next-token scores read straight off a hidden state (final LayerNorm, then unembed)."""
        return self.unembed(self.ln_final(resid))
