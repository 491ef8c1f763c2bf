"""Random odd input at the engine's public entry points: each call works correctly or says why not.

See ``bad_input.py`` for the rule and the strategies. The tokenizers, GPTConfig, the model,
generation, checkpoints, training settings and the exercise checks are covered here.
"""

from __future__ import annotations

import math

import torch
from bad_input import ANYTHING, NUMBERS, finite_number, fuzz, mostly, outcome, tensors, valid_ids, whole
from hypothesis import given
from hypothesis import strategies as st

from llmlab.engine import params
from llmlab.studies import attention_biases, embeddings, neurons
from llmlab.toy import corpus
from llmlab.ui.checks import verdict
from llmlab.engine.config import GPTConfig
from llmlab.engine.data import TokenStream, text_windows
from llmlab.engine.generation import complete, generate, sample_next
from llmlab.engine.sampling import generation_steps, next_token_distribution, next_token_logits, probabilities
from llmlab.engine.model import GPT
from llmlab.studies.own_text import check_text_length, held_out_sizes
from llmlab.engine.tokenizers import BPETokenizer, CharTokenizer, TiktokenTokenizer, WordTokenizer, tokenizer_from_dict
from llmlab.engine.training import TrainConfig, evaluate
from llmlab.engine.validate import token_ids_tensor

CHARS = CharTokenizer.from_text("abc xyz\n")
WORDS = WordTokenizer("the cat sat on mat".split())
BPE = BPETokenizer.train("the cat sat on the mat " * 5, 265)
TIKTOKEN = TiktokenTokenizer("cl100k_base")
TOKENIZERS = [CHARS, WORDS, BPE, TIKTOKEN]

torch.manual_seed(0)
MODEL = GPT(GPTConfig(vocab_size=CHARS.vocab_size, context_length=8, d_model=8, n_heads=2, n_layers=1)).eval()
V, CONTEXT = MODEL.config.vocab_size, MODEL.config.context_length
TEXTS = st.one_of(st.text(max_size=30), st.text("abc xyz\n", max_size=30), ANYTHING)


# --- tokenizers ---


@fuzz(150)
@given(tokenizer=st.sampled_from(TOKENIZERS), text=TEXTS)
def test_encode(tokenizer, text):
    worked, ids = outcome(tokenizer.encode, text)
    if worked:
        assert isinstance(text, str) and valid_ids(ids, tokenizer.vocab_size)
        if tokenizer is not WORDS:  # words are re-spaced; every other tokenizer gives the text back
            assert tokenizer.decode(ids) == text


@fuzz(150)
@given(tokenizer=st.sampled_from(TOKENIZERS), ids=ANYTHING, method=st.sampled_from(["decode", "token_strings"]))
def test_decode(tokenizer, ids, method):
    worked, _ = outcome(getattr(tokenizer, method), ids)
    assert worked == valid_ids(ids, tokenizer.vocab_size), ids  # floats, nested lists, text: refused


@fuzz(80)
@given(kind=st.sampled_from([CharTokenizer, WordTokenizer, BPETokenizer, TiktokenTokenizer]),
       value=st.one_of(ANYTHING, st.lists(st.text(max_size=2), max_size=4),
                       st.lists(st.lists(st.integers(-2, 300), max_size=3), max_size=3)))
def test_tokenizer_constructors(kind, value):
    worked, tokenizer = outcome(kind, value)
    if worked:
        assert tokenizer.vocab_size >= 1 and tokenizer_from_dict(tokenizer.to_dict()).to_dict() == tokenizer.to_dict()


@fuzz(80)
@given(description=st.one_of(ANYTHING, st.fixed_dictionaries(
    {"kind": st.sampled_from(["char", "word", "bpe", "tiktoken", "nope", 3])},
    optional={"chars": ANYTHING, "vocab": ANYTHING, "unknown": ANYTHING, "merges": ANYTHING, "encoding": ANYTHING})))
def test_tokenizer_from_dict(description):
    outcome(tokenizer_from_dict, description)


@fuzz(40)
@given(text=TEXTS, vocab_size=NUMBERS)
def test_bpe_training(text, vocab_size):
    worked, tokenizer = outcome(BPETokenizer.train, text, vocab_size)
    if worked:
        assert whole(vocab_size) and 257 <= tokenizer.vocab_size <= int(vocab_size)


# --- config and model ---

FIELDS = ["vocab_size", "context_length", "d_model", "n_heads", "n_layers", "d_mlp", "dropout", "bias",
          "tied_embeddings"]


@fuzz(150)
@given(values=st.dictionaries(st.sampled_from(FIELDS), st.one_of(ANYTHING, st.integers(1, 8)), max_size=4))
def test_config(values):
    worked, config = outcome(GPTConfig.from_dict, {"vocab_size": 5, **values})
    if worked:
        for name in FIELDS[:6]:
            value = getattr(config, name)
            assert type(value) is int and value >= 1, name
        assert 0 <= config.dropout < 1 and type(config.bias) is bool and config.d_model % config.n_heads == 0


def valid_batch(idx: object) -> bool:
    return (isinstance(idx, torch.Tensor) and idx.dtype in (torch.long, torch.int32) and idx.dim() == 2
            and idx.shape[0] >= 1 and 1 <= idx.shape[1] <= CONTEXT and bool(((idx >= 0) & (idx < V)).all()))


@fuzz(150)
@given(idx=st.one_of(tensors(low=-2, high=V + 2), ANYTHING))
def test_model_forward(idx):
    worked, result = outcome(MODEL, idx)
    assert worked == valid_batch(idx), idx
    if worked:
        assert result[0].shape == (*idx.shape, V) and torch.isfinite(result[0]).all()


@fuzz(100)
@given(ids=st.one_of(ANYTHING, st.lists(st.integers(0, V - 1), max_size=10), tensors(low=0, high=V)))
def test_token_ids_tensor(ids):
    worked, idx = outcome(token_ids_tensor, ids, V, CONTEXT)
    one_row = ids[0] if isinstance(ids, torch.Tensor) and ids.dim() == 2 and ids.shape[0] == 1 else ids
    assert worked == (valid_ids(one_row, V) and 1 <= len(one_row) <= CONTEXT), ids
    if worked:
        assert idx.shape == (1, len(one_row)) and idx[0].tolist() == [int(i) for i in one_row]


@fuzz(60)
@given(ids=st.one_of(ANYTHING, st.lists(st.integers(0, V - 1), max_size=10), st.just([[1, 2], [3, 4]]),
                     st.just([1.7, 2.2])))
def test_run_with_trace(ids):
    worked, result = outcome(MODEL.run_with_trace, ids)
    if worked:  # nested lists are never flattened, floats never truncated
        assert valid_ids(ids, V) and result[0].shape == (len(ids), V)


# --- generation ---


@fuzz(150)
@given(prompt=st.one_of(ANYTHING, st.lists(st.integers(0, V - 1), min_size=1, max_size=4)),
       max_new_tokens=st.one_of(NUMBERS, st.integers(0, 5)), temperature=st.one_of(NUMBERS, st.just(0.7)),
       top_k=st.one_of(st.none(), NUMBERS, st.integers(1, 5)), stop_token=st.one_of(st.none(), NUMBERS))
def test_generate(prompt, max_new_tokens, temperature, top_k, stop_token):
    worked, new = outcome(generate, MODEL, prompt, max_new_tokens, temperature, top_k, stop_token)
    if worked:
        assert finite_number(temperature) and float(temperature) >= 0 and whole(max_new_tokens)
        assert top_k is None or (whole(top_k) and int(top_k) >= 1)
        assert valid_ids(prompt, V) or (isinstance(prompt, torch.Tensor) and prompt.dim() == 2)
        assert valid_ids(new, V) and len(new) <= int(max_new_tokens)


@fuzz(150)
@given(prompt=mostly(st.lists(st.integers(0, V - 1), min_size=1, max_size=CONTEXT)),
       max_new_tokens=mostly(st.integers(0, 5)),
       temperature=mostly(st.sampled_from([0, 0.7, 1, 10, 10.5, 20])),
       top_k=mostly(st.one_of(st.none(), st.integers(0, V + 1))),
       stop_token=mostly(st.one_of(st.none(), st.integers(-1, V))),
       seed=mostly(st.one_of(st.none(), st.sampled_from([0, 2**32 - 1, 2**32, 2**63, 2**64 - 1, -1]))))
def test_generate_and_generation_steps_accept_and_refuse_the_same(prompt, max_new_tokens, temperature, top_k,
                                                                     stop_token, seed):
    """Documented to pick the same tokens with the same arguments: so they take exactly the same arguments."""
    arguments = (prompt, max_new_tokens, temperature, top_k, stop_token)
    fast_worked, fast = outcome(generate, MODEL, *arguments, use_cache=False, seed=seed)
    steps_worked, steps = outcome(generation_steps, MODEL, *arguments, seed=seed)
    assert fast_worked == steps_worked, (fast, steps)
    if fast_worked and (seed is not None or temperature == 0):  # seed None: drawn from torch's global generator
        assert fast == [step.chosen for step in steps]
    elif not fast_worked:
        assert type(fast) is type(steps) and str(fast) == str(steps).replace("generation_steps", "generate")


@fuzz(100)
@given(ids=mostly(st.lists(st.integers(0, V - 1), min_size=1, max_size=4)),
       temperature=mostly(st.sampled_from([1.0, 0, 0.5, 10, 11])),
       top_k=mostly(st.one_of(st.none(), st.integers(0, V + 1))),
       how=st.sampled_from(["distribution", "logits", "probabilities"]))
def test_next_token_distribution(ids, temperature, top_k, how):
    if how == "probabilities":  # the scores of a model, or odd ones
        worked, probs = outcome(probabilities, torch.randn(V) if isinstance(ids, list) else ids, temperature, top_k)
    elif how == "logits":
        worked, logits = outcome(next_token_logits, MODEL, ids)
        if worked:
            assert logits.shape == (V,) and valid_ids(ids, V)
        return
    else:
        worked, result = outcome(next_token_distribution, MODEL, ids, temperature, top_k)
        probs = result.probs if worked else None
    if worked:
        assert finite_number(temperature) and 0 <= float(temperature) <= 10
        assert math.isclose(float(probs.sum()), 1.0, rel_tol=1e-4) and bool((probs >= 0).all())
        assert top_k is None or int((probs > 0).sum()) <= int(top_k)


@fuzz(60)
@given(logits=st.one_of(ANYTHING, tensors(max_dims=2)), temperature=NUMBERS, top_k=st.one_of(st.none(), NUMBERS))
def test_sample_next(logits, temperature, top_k):
    worked, token = outcome(sample_next, logits, temperature, top_k)
    if worked:
        assert logits.dim() == 1 and 0 <= token < logits.numel() and not torch.isnan(logits).any()


@fuzz(60)
@given(prompt=TEXTS, temperature=NUMBERS)
def test_complete(prompt, temperature):
    worked, text = outcome(complete, MODEL, CHARS, prompt, 3, temperature)
    if worked:
        assert isinstance(prompt, str) and isinstance(text, str) and finite_number(temperature)


# --- training settings, data, own text, exercises ---

TRAIN_FIELDS = ["steps", "batch_size", "learning_rate", "min_learning_rate", "warmup_steps", "weight_decay",
                "grad_clip", "eval_every", "seed", "hold_steps", "fact_share", "drill_batch_size"]


@fuzz(100)
@given(values=st.dictionaries(st.sampled_from(TRAIN_FIELDS), st.one_of(ANYTHING, st.integers(0, 3)), max_size=3))
def test_train_config(values):
    worked, config = outcome(TrainConfig, **values)
    if worked:
        assert config.steps >= 1 and config.batch_size >= 1 and config.eval_every >= 1
        assert config.learning_rate > 0 and math.isfinite(config.learning_rate)
        assert config.fact_share is None or 0 <= config.fact_share <= 1
        assert config.drill_batch_size >= 0 and config.hold_steps >= 0


@fuzz(60)
@given(x=st.one_of(ANYTHING, tensors(low=-101, high=V + 1)), y=st.one_of(ANYTHING, tensors(low=-101, high=V + 1)),
       batch_size=st.one_of(NUMBERS, st.just(4)))
def test_evaluate(x, y, batch_size):
    worked, loss = outcome(evaluate, MODEL, x, y, batch_size)
    if worked:
        assert math.isfinite(loss) and x.shape == y.shape


@fuzz(60)
@given(ids=ANYTHING, context=NUMBERS)
def test_token_data(ids, context):
    if outcome(TokenStream.from_ids, ids)[0]:
        assert valid_ids(ids, 2**62)
    worked, windows = outcome(text_windows, ids, context)
    if worked:
        assert whole(context) and windows[0].shape == windows[1].shape and windows[0].shape[1] == int(context)


@fuzz(60)
@given(text=TEXTS, context=st.one_of(NUMBERS, st.just(4)), fraction=st.one_of(NUMBERS, st.just(0.1)))
def test_own_text_length_check(text, context, fraction):
    worked, split = outcome(check_text_length, text, context, fraction)
    if worked:
        assert 0 < split < len(text) and 0 < float(fraction) < 1


@fuzz(60)
@given(text=st.one_of(TEXTS, st.just("ab" * 600)), context=st.one_of(NUMBERS, st.just(4)),
       most=st.one_of(NUMBERS, st.just(64), st.none()))
def test_held_out_sizes(text, context, most):
    worked, sizes = outcome(held_out_sizes, text, context, 0.1, most)
    if worked:
        held, scored = sizes
        assert 0 < scored <= held < len(text) and (most is None or scored <= int(most))


@fuzz(100)
@given(id=st.one_of(ANYTHING, st.sampled_from(["00.blocks", "00.probabilities_sum", "02.useless_bias",
                                               "04.lookup_row", "01.memory_gb"])), answer=ANYTHING)
def test_exercise_checks_never_raise(id, answer):
    worked, (right, text) = outcome(verdict, id, answer)
    assert worked and isinstance(right, bool) and text


# --- the lesson helpers a learner calls in a cell (lessons 01-04) ---

VECTORS = st.sampled_from([torch.tensor([1.0, -2.0]), torch.tensor([3.0, 1.0, 0.0]), [0.5, 2.0]])
LESSON_CALLS = {
    "neuron": lambda a, b: neurons.neuron(a, b, 0.5),
    "build_mlp": lambda a, b: neurons.build_mlp(a, bias=b),
    "neuron_count": lambda a, b: neurons.neuron_count(a),
    "output_changes": lambda a, b: neurons.output_changes(a, b, "weight"),
    "biased_attention": lambda a, b: attention_biases.biased_attention(attention_biases.attention_example(), b_Q=a,
                                                                       b_V=b),
    "one_hot": lambda a, b: embeddings.one_hot(a, b),
    "lookup_by_one_hot": lambda a, b: embeddings.lookup_by_one_hot(torch.ones(5, 3), a),
    "cosine": lambda a, b: embeddings.cosine(a, b),
    "nearest": lambda a, b: embeddings.nearest(torch.randn(5, 3), a, b),
    "mean_similarity_at_offset": lambda a, b: embeddings.mean_similarity_at_offset(torch.randn(8, 3), a),
    "formula_parameters": lambda a, b: params.formula_parameters(a),
    "memory_bytes": lambda a, b: params.memory_bytes(a, b),
    "line_logprobs": lambda a, b: corpus.line_logprobs(a),
}


@fuzz(200)
@given(name=st.sampled_from(sorted(LESSON_CALLS)),
       a=st.one_of(ANYTHING, st.integers(0, 4), st.lists(st.integers(1, 4), min_size=1, max_size=4), VECTORS),
       b=st.one_of(ANYTHING, st.integers(1, 4), st.booleans(), VECTORS))
def test_lesson_helpers(name, a, b):
    worked, result = outcome(LESSON_CALLS[name], a, b)
    if worked and name == "one_hot":
        assert result.sum().item() == len(a) and whole(b)
    if worked and name in ("neuron", "cosine", "mean_similarity_at_offset"):
        assert math.isfinite(result)
