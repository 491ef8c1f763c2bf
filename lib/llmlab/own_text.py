"""Train a character-level tiny GPT on any text you bring (a book, your notes, code)."""

from __future__ import annotations

from .config import GPTConfig
from .data import TokenStream, text_windows
from .device import seed_everything
from .messages import msg
from .model import GPT
from .tokenizers import CharTokenizer
from .training import History, TrainConfig, train


def train_on_text(
    text: str,
    config: TrainConfig = TrainConfig(steps=500, eval_every=100),
    context_length: int = 64,
    d_model: int = 64,
    n_layers: int = 2,
    n_heads: int = 4,
    val_fraction: float = 0.1,
    progress: bool = True,
) -> tuple[GPT, CharTokenizer, History]:
    """Character tokens, the last ``val_fraction`` of the text held out for validation."""
    split = int(len(text) * (1 - val_fraction))
    if split <= context_length + 1 or len(text) - split <= context_length + 1:
        raise ValueError(msg("own_text.too_short", n=len(text)))
    tokenizer = CharTokenizer.from_text(text)
    ids = tokenizer.encode(text)
    val_x, val_y = text_windows(ids[split:], context_length)
    seed_everything(config.seed)
    model = GPT(GPTConfig(vocab_size=tokenizer.vocab_size, context_length=context_length,
                          d_model=d_model, n_heads=n_heads, n_layers=n_layers))
    history = train(model, TokenStream.from_ids(ids[:split]), val_x, val_y, config, progress)
    return model, tokenizer, history
