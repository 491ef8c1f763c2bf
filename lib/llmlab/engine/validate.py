"""Checks for what a learner passes to llmlab, with messages that name the valid range.

Every public entry point calls these before doing any work, so bad input becomes an
:class:`LlmlabError` in llmlab's own words instead of a deep torch, numpy or traitlets error
(or, worse, a silently wrong result).
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

import numpy as np
import torch

from llmlab.errors import LlmlabError, LlmlabTypeError  # defined apart; other modules import them from here
from llmlab.messages import msg

if TYPE_CHECKING:  # these modules import this one: at run time the checks import them when called
    from llmlab.engine.config import GPTConfig
    from llmlab.engine.model import GPT
    from llmlab.engine.tokenizers import Tokenizer
    from llmlab.engine.trace import Trace
    from llmlab.engine.training import TrainConfig

MAX_LISTED = 20  # how many items an error message lists before "…"
MAX_SHOWN = 60  # how many characters of a bad value a message shows


# ---------------------------------------------------------------------------
# Showing bad values in a message
# ---------------------------------------------------------------------------


def shown(value: object) -> str:
    """A short ``repr`` of ``value`` for a message."""
    text = repr(value)
    return text if len(text) <= MAX_SHOWN else text[: MAX_SHOWN - 1] + "…"


def kind_of(value: object) -> str:
    """The type name of ``value``, as a message shows it."""
    return type(value).__name__


def listing(items: Sequence[object], limit: int = MAX_LISTED) -> str:
    """``items`` as a short quoted list: at most ``limit`` of them, then "… (N in all)"."""
    text = ", ".join(shown(item) for item in items[:limit])
    return text + (msg("validate.and_more", n=len(items)) if len(items) > limit else "")


def _range(low: float | None, high: float | None, low_open: bool, high_open: bool) -> str:
    """The valid range in words: "at least 1", "at least 0 and less than 1", ..."""
    parts = []
    if low is not None:
        parts.append(msg("validate.more_than" if low_open else "validate.at_least", low=low))
    if high is not None:
        parts.append(msg("validate.less_than" if high_open else "validate.at_most", high=high))
    return msg("validate.and", first=parts[0], second=parts[1]) if len(parts) == 2 else parts[0]


def _check_range(number: float, name: str, low: float | None, high: float | None,
                 low_open: bool = False, high_open: bool = False) -> None:
    too_low = low is not None and (number <= low if low_open else number < low)
    too_high = high is not None and (number >= high if high_open else number > high)
    if too_low or too_high:
        raise LlmlabError(msg("validate.out_of_range", name=name, value=number,
                              range=_range(low, high, low_open, high_open)))


# ---------------------------------------------------------------------------
# Single values
# ---------------------------------------------------------------------------


def _unwrap(value: object) -> object:
    """A one-number tensor or numpy array/scalar as a plain Python number; anything else as it is."""
    if isinstance(value, (torch.Tensor, np.ndarray)) and value.ndim == 0:
        return value.item()
    if isinstance(value, np.generic):
        return value.item()
    return value


def integer(value: object, name: str, low: int | None = None, high: int | None = None) -> int:
    """``value`` as an int if it is a whole number (int, numpy or torch integer; not bool, not float)."""
    plain = _unwrap(value)
    if isinstance(plain, bool) or not isinstance(plain, numbers.Integral):
        raise LlmlabTypeError(msg("validate.not_whole", name=name, value=shown(value), kind=kind_of(value)))
    number = int(plain)
    _check_range(number, name, low, high)
    return number


def real(value: object, name: str, low: float | None = None, high: float | None = None,
         low_open: bool = False, high_open: bool = False) -> float:
    """``value`` as a finite float (int, float, numpy or torch number; not bool, NaN or infinity)."""
    plain = _unwrap(value)
    if isinstance(plain, bool) or not isinstance(plain, numbers.Real):
        raise LlmlabTypeError(msg("validate.not_number", name=name, value=shown(value), kind=kind_of(value)))
    number = float(plain)
    if not math.isfinite(number):
        raise LlmlabError(msg("validate.not_finite", name=name, value=number))
    _check_range(number, name, low, high, low_open, high_open)
    return number


def boolean(value: object, name: str) -> bool:
    """``value`` if it is True or False (numpy's bools too)."""
    plain = _unwrap(value)
    if not isinstance(plain, bool):
        raise LlmlabTypeError(msg("validate.not_bool", name=name, value=shown(value), kind=kind_of(value)))
    return plain


def text(value: object, name: str = "text") -> str:
    """``value`` if it is a str; bytes get advice on decoding them."""
    if isinstance(value, (bytes, bytearray)):
        raise LlmlabTypeError(msg("validate.bytes_not_text", name=name))
    if not isinstance(value, str):
        raise LlmlabTypeError(msg("validate.not_text", name=name, value=shown(value), kind=kind_of(value)))
    return value


def choice(value: object, name: str, options: Sequence[object]) -> object:
    """``value`` if it is one of ``options``."""
    for option in options:
        try:
            same = bool(option == value) and isinstance(option, bool) == isinstance(value, bool)
        except (TypeError, ValueError, RuntimeError):  # e.g. an array compared with a string
            same = False
        if same:
            return option
    raise LlmlabError(msg("validate.not_a_choice", name=name, value=shown(value), options=listing(options)))


def _items(value: object, name: str) -> list:
    """The items of a flat sequence (list, tuple, range, 1-D array or tensor)."""
    if isinstance(value, (torch.Tensor, np.ndarray)):
        if value.ndim != 1:
            raise LlmlabError(msg("validate.not_flat", name=name, shape=tuple(value.shape)))
        return value.tolist()
    if not isinstance(value, (list, tuple, range)):
        raise LlmlabTypeError(msg("validate.not_sequence", name=name, value=shown(value), kind=kind_of(value)))
    return list(value)


def number_list(value: object, name: str, length: int | None = None) -> list[float]:
    """A flat sequence of finite numbers as floats (``length`` of them, if given)."""
    values = [real(item, f"{name}[{i}]") for i, item in enumerate(_items(value, name))]
    if length is not None and len(values) != length:
        raise LlmlabError(msg("validate.wrong_length", name=name, length=length, got=len(values)))
    return values


def whole_numbers(value: object, name: str, low: int | None = None) -> list[int]:
    """A flat sequence of whole numbers as ints (each at least ``low``, if given)."""
    return [integer(item, f"{name}[{i}]", low=low) for i, item in enumerate(_items(value, name))]


def float_tensor(value: object, name: str, dims: int | None = None) -> torch.Tensor:
    """A tensor of finite numbers (``dims`` axes, if given), as floats."""
    if not isinstance(value, torch.Tensor) or value.dtype == torch.bool or value.is_complex():
        raise LlmlabTypeError(msg("validate.not_tensor", name=name, value=shown(value), kind=kind_of(value)))
    if dims is not None and value.dim() != dims:
        raise LlmlabError(msg("validate.tensor_dims", name=name, dims=dims, shape=tuple(value.shape)))
    if value.numel() == 0:
        raise LlmlabError(msg("validate.empty_tensor", name=name))
    value = value if value.is_floating_point() else value.float()
    if not torch.isfinite(value).all():
        raise LlmlabError(msg("validate.tensor_not_finite", name=name))
    return value


def mapping(value: object, name: str) -> dict:
    """``value`` if it is a dict."""
    if not isinstance(value, dict):
        raise LlmlabTypeError(msg("validate.not_dict", name=name, value=shown(value), kind=kind_of(value)))
    return value


def number_or_none(value: object) -> float | None:
    """The tolerant scalar reader of exercise checkers: a number as a float, else None.

    Accepts ints, floats, numpy and torch scalars and one-element arrays or tensors
    (``probabilities.sum()`` and ``probabilities.sum().item()`` alike). True and False,
    text, NaN and lists of several numbers give None.
    """
    if isinstance(value, np.ndarray) and value.size == 1:
        value = value.reshape(()).item()
    elif isinstance(value, torch.Tensor) and value.numel() == 1:
        value = value.item()
    plain = _unwrap(value)
    if isinstance(plain, bool) or not isinstance(plain, numbers.Real):
        return None
    number = float(plain)
    return number if not math.isnan(number) else None


def numbers_or_none(value: object) -> list[float] | None:
    """A flat list of finite numbers (list, tuple, numpy array, tensor) as floats, else None."""
    if isinstance(value, (str, bytes, dict, bool)) or not isinstance(value, (Sequence, np.ndarray, torch.Tensor)):
        return None
    items = value.flatten().tolist() if isinstance(value, (np.ndarray, torch.Tensor)) else list(value)
    values = [number_or_none(item) for item in items]
    return None if any(v is None for v in values) else values


def block_and_head(value: object) -> tuple[int, int] | None:
    """[block, head] as two whole numbers, else None (so [0, 3.4] is not read as head 3)."""
    values = numbers_or_none(value)
    if values is None or len(values) != 2 or any(v != int(v) for v in values):
        return None
    return int(values[0]), int(values[1])


def close(value: float, expected: float, relative: float = 1e-6, absolute: float = 1e-9) -> bool:
    """Whether two numbers agree up to rounding (a relative and an absolute tolerance)."""
    return math.isclose(value, expected, rel_tol=relative, abs_tol=absolute)


# ---------------------------------------------------------------------------
# Token ids
# ---------------------------------------------------------------------------



def is_integer_dtype(dtype: torch.dtype) -> bool:
    """Whether tensors of ``dtype`` hold whole numbers (bool does not count)."""
    return not (dtype.is_floating_point or dtype.is_complex or dtype == torch.bool)


def token_ids(ids: object, vocab_size: int, name: str = "token ids",
              out_of_range: str = "validate.id_out_of_range") -> list[int]:
    """A flat sequence of token ids (list, tuple, range, 1-D integer array or tensor) as a list of ints.

    Nested lists, floats, text and ids outside 0 … vocab_size - 1 raise an :class:`LlmlabError`; an id out
    of range gets the message ``out_of_range`` (a model's input: one that names a tokenizer mismatch).
    """
    if isinstance(ids, (str, bytes, bytearray)):
        raise LlmlabTypeError(msg("validate.ids_are_text", name=name))
    if isinstance(ids, (torch.Tensor, np.ndarray)):
        whole = ids.dtype.kind in "iu" if isinstance(ids, np.ndarray) else is_integer_dtype(ids.dtype)
        if not whole:
            raise LlmlabTypeError(msg("validate.ids_not_whole", name=name, kind=str(ids.dtype)))
        if ids.ndim != 1:
            raise LlmlabError(msg("validate.ids_not_flat", name=name, shape=tuple(ids.shape)))
        values = [int(v) for v in ids.tolist()]
    elif isinstance(ids, Iterable) and not isinstance(ids, dict):
        values = list(ids)
        if not all(type(value) is int for value in values):  # the common case needs no more checks
            for value in values:
                if isinstance(value, (list, tuple, torch.Tensor, np.ndarray)) and not _is_scalar(value):
                    raise LlmlabError(msg("validate.ids_nested", name=name))
            values = [_id(value, name) for value in values]
    else:
        raise LlmlabTypeError(msg("validate.ids_not_sequence", name=name, value=shown(ids), kind=kind_of(ids)))
    if values and not 0 <= min(values) <= max(values) < vocab_size:
        bad = next(v for v in values if not 0 <= v < vocab_size)
        raise LlmlabError(msg(out_of_range, name=name, id=bad, last=vocab_size - 1, vocab=vocab_size))
    return values


def _is_scalar(value: object) -> bool:
    return isinstance(value, (torch.Tensor, np.ndarray)) and value.ndim == 0


def _id(value: object, name: str) -> int:
    plain = _unwrap(value)
    if isinstance(plain, bool) or not isinstance(plain, numbers.Integral):
        raise LlmlabTypeError(msg("validate.id_not_whole", name=name, value=shown(value), kind=kind_of(value)))
    return int(plain)


def token_ids_tensor(ids: object, vocab_size: int, context_length: int,
                     device: torch.device | str | None = None) -> torch.Tensor:
    """One sequence of token ids, checked, as a (1, T) long tensor a model can read.

    Accepts what :func:`token_ids` accepts, and a (1, T) tensor. Empty or longer than
    ``context_length`` raises an :class:`LlmlabError`.
    """
    return torch.tensor([_sequence(ids, vocab_size, context_length)], dtype=torch.long, device=device)


def _sequence(ids: object, vocab_size: int, context_length: int, name: str = "token ids") -> list[int]:
    """One sequence of ids (a (1, T) tensor too): at least one, each valid, at most ``context_length``."""
    if isinstance(ids, torch.Tensor) and ids.ndim == 2 and ids.shape[0] == 1:
        ids = ids[0]
    values = token_ids(ids, vocab_size, name, out_of_range="validate.id_not_in_model")
    if not values:
        raise LlmlabError(msg("model.empty_input"))
    if len(values) > context_length:
        raise LlmlabError(msg("model.too_long", n=len(values), context=context_length))
    return values


def token_batch(idx: object, vocab_size: int, context_length: int, start: int = 0) -> None:
    """Check what a model's forward pass is given: a (batch, T) integer tensor of valid ids.

    ``start`` is how many positions a KV cache already holds.
    """
    if not isinstance(idx, torch.Tensor):
        raise LlmlabTypeError(msg("validate.batch_not_tensor", kind=kind_of(idx)))
    if idx.dtype not in (torch.long, torch.int32):  # what an embedding lookup accepts
        raise LlmlabTypeError(msg("validate.batch_not_whole", dtype=str(idx.dtype).replace("torch.", "")))
    if idx.dim() != 2:
        raise LlmlabError(msg("validate.batch_shape", shape=tuple(idx.shape)))
    if idx.shape[0] == 0 or idx.shape[1] == 0:
        raise LlmlabError(msg("model.empty_input"))
    if start + idx.shape[1] > context_length:
        raise LlmlabError(msg("model.too_long", n=start + idx.shape[1], context=context_length))
    if idx.min() < 0 or idx.max() >= vocab_size:
        raise LlmlabError(msg("model.bad_token_id", last=vocab_size - 1, vocab=vocab_size))


# ---------------------------------------------------------------------------
# The model, its tokenizer, and what a learner asks of them
#
# One check each, used by every module: a bad value gets the same message wherever it is passed.
# The engine's modules (config, model, tokenizers, trace, training) import this one, so their classes are
# imported inside the functions (by then every module is loaded).
# ---------------------------------------------------------------------------

MAX_TEMPERATURE = 10.0  # sampling temperatures run from 0 (greedy) to this
MAX_SEED = 2**32 - 1  # the largest seed Python, NumPy and torch all accept


def check_model(model: object, function: str) -> GPT:
    """``model`` if it is an llmlab GPT; else an error naming ``function``, the function that needs it."""
    from llmlab.engine.model import GPT

    if not isinstance(model, GPT):
        raise LlmlabTypeError(msg("validate.not_a_model", function=function, kind=kind_of(model)))
    return model


def check_module(model: object, function: str) -> torch.nn.Module:
    """``model`` if it is any torch model (an ``nn.Module``, an llmlab GPT or a part of one)."""
    if not isinstance(model, torch.nn.Module):
        raise LlmlabTypeError(msg("validate.not_a_module", function=function, kind=kind_of(model)))
    return model


def check_config(config: object, function: str) -> GPTConfig:
    """``config`` if it is a GPTConfig (a model's shape); else an error naming ``function``."""
    from llmlab.engine.config import GPTConfig

    if not isinstance(config, GPTConfig):
        raise LlmlabTypeError(msg("validate.not_a_config", function=function, kind=kind_of(config)))
    return config


def check_recipe(config: object) -> TrainConfig:
    """``config`` if it is a training recipe (a TrainConfig)."""
    from llmlab.engine.training import TrainConfig

    if not isinstance(config, TrainConfig):
        raise LlmlabTypeError(msg("training.not_a_config", kind=kind_of(config)))
    return config


def check_tokenizer(tokenizer: object, function: str, model: object = None) -> Tokenizer:
    """``tokenizer`` if it is an llmlab tokenizer (with ``model``: one with the model's vocabulary size)."""
    from llmlab.engine.tokenizers import Tokenizer

    if not isinstance(tokenizer, Tokenizer):
        raise LlmlabTypeError(msg("validate.not_a_tokenizer", function=function, kind=kind_of(tokenizer)))
    if model is not None and tokenizer.vocab_size != check_model(model, function).config.vocab_size:
        raise LlmlabError(msg("validate.vocab_mismatch", tokenizer=tokenizer.vocab_size,
                              model=model.config.vocab_size))
    return tokenizer


def check_lines(lines: object, name: str = "lines", empty_ok: bool = False) -> list[str]:
    """A list (or tuple) of texts, as a list: text lines, or words (``name``); at least one unless ``empty_ok``."""
    if isinstance(lines, (str, bytes, bytearray)) or not isinstance(lines, Sequence):
        raise LlmlabTypeError(msg("validate.not_lines", name=name, value=shown(lines), kind=kind_of(lines)))
    values = [text(line, f"{name}[{i}]") for i, line in enumerate(lines)]
    if not values and not empty_ok:
        raise LlmlabError(msg("validate.no_lines", name=name))
    return values


def check_instance(value: object, expected: type, name: str, maker: str) -> object:
    """``value`` if it is an ``expected`` (what ``maker`` makes, e.g. "fact_questions(lines)"), else an error."""
    if not isinstance(value, expected):
        raise LlmlabTypeError(msg("validate.not_an_instance", name=name, expected=expected.__name__, maker=maker,
                                  kind=kind_of(value)))
    return value


def check_trace(trace: object, function: str, model: object = None) -> Trace:
    """``trace`` if it is a Trace (what ``model.run_with_trace`` or ``model.trace_batch`` records).

    Given ``model`` (a GPT), the trace must also be of one sequence (no batch axis), by a model of its shape:
    every activation that model records, with its widths (d_model, heads, d_mlp).
    """
    from llmlab.engine.trace import Trace, activation_names

    if not isinstance(trace, Trace):
        raise LlmlabTypeError(msg("validate.not_a_trace", function=function, kind=kind_of(trace)))
    if model is not None:
        config = check_model(model, function).config
        widths = {"embed": (-1, config.d_model), "blocks.0.attn.q": (-3, config.n_heads),
                  "blocks.0.mlp.pre": (-1, config.d_mlp)}
        if set(trace.names()) != set(activation_names(config)) or trace["embed"].dim() != 2 or any(
                trace[name].shape[axis] != width for name, (axis, width) in widths.items()):
            raise LlmlabError(msg("validate.trace_of_another_model", function=function))
    return trace


def _config(model: object, function: str) -> GPTConfig:
    """The GPTConfig of ``model`` (a GPT), or ``model`` itself if it is one."""
    from llmlab.engine.config import GPTConfig

    return model if isinstance(model, GPTConfig) else check_model(model, function).config


def _index(value: object, name: str, high: int, key: str) -> int:
    """``value`` as a whole number from 0 to ``high``; otherwise the catalogue's message ``key``."""
    number = integer(value, name)
    if not 0 <= number <= high:
        raise LlmlabError(msg(key, high=high, value=number))
    return number


def check_block(model: object, block: object, name: str = "block") -> int:
    """``block`` if ``model`` (a GPT or its GPTConfig) has that block: a whole number from 0 to n_layers - 1."""
    return _index(block, name, _config(model, "check_block").n_layers - 1, "validate.bad_block")


def check_hidden_state(model: object, layer: object, name: str = "layer") -> int:
    """``layer`` if ``model`` has that hidden state: 0 is the embeddings, i ≥ 1 the one after block i - 1.

    The same numbering as the blocks, shifted by one: the check is the block check of ``layer - 1``.
    """
    n_layers = _config(model, "check_hidden_state").n_layers
    number = integer(layer, name)
    if number == 0:
        return 0
    try:
        return check_block(model, number - 1, name) + 1
    except LlmlabError:
        raise LlmlabError(msg("validate.bad_hidden_state", high=n_layers, value=number)) from None


def check_head(model: object, head: object, name: str = "head") -> int:
    """``head`` if every block of ``model`` (a GPT or its GPTConfig) has it: 0 to n_heads - 1."""
    return _index(head, name, _config(model, "check_head").n_heads - 1, "validate.bad_head")


def check_ids(model: object, ids: object, name: str = "token ids") -> list[int]:
    """One sequence of token ids ``model`` can read, as a list: at least one, each a valid id, no more
    than its context holds (what :func:`token_ids` accepts, and a (1, T) tensor)."""
    config = _config(model, "check_ids")
    return _sequence(ids, config.vocab_size, config.context_length, name)


def check_logits(logits: object) -> torch.Tensor:
    """One row of next-token scores: a 1-D float tensor, not empty, its best score finite and no NaN."""
    if (not isinstance(logits, torch.Tensor) or logits.dim() != 1 or not logits.is_floating_point()
            or logits.numel() == 0):
        raise LlmlabTypeError(msg("validate.bad_logits", kind=kind_of(logits)))
    if torch.isnan(logits).any() or not torch.isfinite(logits.max()):
        raise LlmlabError(msg("validate.broken_scores"))
    return logits


def check_temperature(temperature: object, positive: bool = False) -> float:
    """A sampling temperature: a finite number from 0 (always the most likely token) to MAX_TEMPERATURE.

    With ``positive`` 0 is refused too (where the scores are divided by it, as in the attention what-if).
    """
    plain = _unwrap(temperature)
    is_number = isinstance(plain, numbers.Real) and not isinstance(plain, bool)
    number = plain if is_number else math.nan  # compared as it is: float() of a huge int overflows
    if not 0 <= number <= MAX_TEMPERATURE or (positive and number == 0):  # NaN is never in range
        key = "validate.bad_temperature_positive" if positive else "validate.bad_temperature"
        error = LlmlabError if is_number else LlmlabTypeError
        raise error(msg(key, value=shown(temperature), high=MAX_TEMPERATURE))
    return float(number)


def check_top_k(top_k: object, vocab_size: int) -> int | None:
    """None (keep every token) or a whole number from 1 to ``vocab_size``."""
    if top_k is None:
        return None
    try:
        return integer(top_k, "top_k", low=1, high=vocab_size)
    except LlmlabError as error:
        raise type(error)(msg("validate.bad_top_k", value=shown(top_k), high=vocab_size)) from None


def check_seed(seed: object, name: str = "seed") -> int:
    """A random seed: a whole number from 0 to MAX_SEED (what Python, NumPy and torch all accept)."""
    return integer(seed, name, low=0, high=MAX_SEED)


# ---------------------------------------------------------------------------
# Devices
# ---------------------------------------------------------------------------


def torch_device(value: object, name: str = "device") -> torch.device:
    """``value`` ("cpu", "cuda", "cuda:0", "mps" or a torch.device) as a device this machine has."""
    try:
        device = torch.device(value)  # type: ignore[arg-type]
    except (RuntimeError, TypeError, ValueError) as error:
        raise LlmlabError(msg("checkpoint.bad_device", device=shown(value))) from error
    present = {"cpu": True, "meta": True, "cuda": torch.cuda.is_available(), "mps": torch.backends.mps.is_available()}
    if not present.get(device.type, False):
        raise LlmlabError(msg("validate.device_missing", name=name, device=str(device)))
    return device


def token_targets(targets: object, shape: tuple[int, ...], vocab_size: int) -> None:
    """Check a forward pass's targets: a long tensor of the inputs' ``shape``, each an id or -100 (ignored)."""
    if not isinstance(targets, torch.Tensor) or targets.dtype != torch.long:
        raise LlmlabTypeError(msg("validate.targets_not_ids", kind=kind_of(targets) if not isinstance(
            targets, torch.Tensor) else str(targets.dtype).replace("torch.", "")))
    if tuple(targets.shape) != shape:
        raise LlmlabError(msg("validate.targets_shape", got=tuple(targets.shape), shape=shape))
    if bool(((targets != -100) & ((targets < 0) | (targets >= vocab_size))).any()):
        raise LlmlabError(msg("validate.targets_range", last=vocab_size - 1))
