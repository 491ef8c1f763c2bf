"""The numbers that fix a GPT's shape, in one dataclass."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields

from llmlab.messages import msg
from llmlab.engine.validate import LlmlabError, boolean, integer, listing, mapping, real


@dataclass(frozen=True)
class GPTConfig:
    """Shape of a GPT-style decoder. Names follow the papers (d_model, n_heads, ...)."""

    vocab_size: int
    context_length: int = 64
    d_model: int = 64
    n_heads: int = 4
    n_layers: int = 2
    d_mlp: int | None = None  # None means 4 * d_model, as in GPT-2
    dropout: float = 0.0
    bias: bool = True  # biases in every linear layer (GPT-2: yes; many newer models: no)
    tied_embeddings: bool = True  # the output layer reuses the token embedding table

    def __post_init__(self) -> None:
        """Whole numbers of at least 1, dropout in [0, 1), True/False switches; else an LlmlabError."""
        if self.d_mlp is None:
            object.__setattr__(self, "d_mlp", 4 * integer(self.d_model, "GPTConfig.d_model", low=1))
        for name in ("vocab_size", "context_length", "d_model", "n_heads", "n_layers", "d_mlp"):
            object.__setattr__(self, name, integer(getattr(self, name), f"GPTConfig.{name}", low=1))
        object.__setattr__(self, "dropout", real(self.dropout, "GPTConfig.dropout", low=0, high=1, high_open=True))
        for name in ("bias", "tied_embeddings"):
            object.__setattr__(self, name, boolean(getattr(self, name), f"GPTConfig.{name}"))
        if self.d_model % self.n_heads:
            raise LlmlabError(msg("config.heads_split", d_model=self.d_model, n_heads=self.n_heads))

    @property
    def d_head(self) -> int:
        """Width of one attention head."""
        return self.d_model // self.n_heads

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, values: dict) -> "GPTConfig":
        known = {f.name for f in fields(cls)}
        unknown = set(mapping(values, "config")) - known
        if unknown:
            raise LlmlabError(msg("config.unknown_fields", fields=listing(sorted(map(str, unknown)))))
        if "vocab_size" not in values:
            raise LlmlabError(msg("config.no_vocab_size"))
        return cls(**values)
