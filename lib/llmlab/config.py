"""The numbers that fix a GPT's shape, in one dataclass."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields

from .messages import msg


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
        if self.d_mlp is None:
            object.__setattr__(self, "d_mlp", 4 * self.d_model)
        for name in ("vocab_size", "context_length", "d_model", "n_heads", "n_layers", "d_mlp"):
            if getattr(self, name) < 1:
                raise ValueError(msg("config.too_small", name=name, value=getattr(self, name)))
        if self.d_model % self.n_heads:
            raise ValueError(msg("config.heads_split", d_model=self.d_model, n_heads=self.n_heads))

    @property
    def d_head(self) -> int:
        """Width of one attention head."""
        return self.d_model // self.n_heads

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, values: dict) -> "GPTConfig":
        known = {f.name for f in fields(cls)}
        unknown = set(values) - known
        if unknown:
            raise ValueError(msg("config.unknown_fields", fields=sorted(unknown)))
        return cls(**values)
