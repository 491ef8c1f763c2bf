"""What the prose of lessons 00, 01, 02, 03 and 09 says about the shipped model holds (issue 10).

The lessons print these numbers; these tests fail if a new checkpoint or tokenizer makes the
prose around them wrong, so the prose gets rewritten with it.
"""

import re
from collections import Counter

import pytest
import torch

from llmlab.engine.checkpoint import load_shipped_model
from llmlab.toy.corpus import TRAIN_SEED, generate_lines, line_logprobs, load_corpus
from llmlab.toy.facts import FactQuestion, count_answers
from llmlab.engine.generation import complete, generate
from llmlab.engine.lens import attention_patterns, logit_lens
from llmlab.studies.neurons import linear_layers_per_block
from llmlab.paths import SHAKESPEARE_FILE
from llmlab.engine.tokenizers import BPETokenizer, TiktokenTokenizer, tokens_per_character
from llmlab.engine.validate import LlmlabError

TRANSLATION = "EN: the cats near the big car sleep in the garden JA: 大きい 車 の 近く の"


@pytest.fixture(scope="module")
def shipped():
    model, tokenizer, _ = load_shipped_model()
    return model, tokenizer


@pytest.fixture(scope="module")
def corpus():
    return load_corpus()


@pytest.fixture(scope="module")
def trained_on(corpus):
    """Every line the shipped model trained on, as lesson 00 writes them again."""
    _, _, info = load_shipped_model()
    lines = generate_lines(info["train_lines"], TRAIN_SEED)
    assert lines[: len(corpus[0])] == corpus[0]  # "the file holds only the first lines of it"
    return set(lines)


def grammar_allows(line: str) -> bool:
    try:
        line_logprobs(line.split())
    except LlmlabError:
        return False
    return True


def test_00_the_shown_sentence_is_copied_and_the_new_samples_hold_a_new_sentence_and_a_mistake(shipped, trained_on):
    model, tokenizer = shipped
    assert "EN: " + complete(model, tokenizer, "EN:", temperature=1.0, seed=1) in trained_on
    samples = ["EN: " + complete(model, tokenizer, "EN:", temperature=1.0, seed=seed) for seed in range(20)]
    new = [line for line in samples if line not in trained_on]
    assert len(new) < len(samples) / 2  # "most sentences the model writes are lines it has seen"
    allowed = [grammar_allows(line) for line in new]
    assert any(allowed) and not all(allowed)  # a new sentence the grammar allows, and a mistake


def test_00_fact_answers_are_read_from_the_story_not_recalled(shipped, corpus, trained_on):
    model, tokenizer = shipped
    lines = [line for line in corpus[1] if " ? " in line][:100]
    questions = [FactQuestion.parse(line) for line in lines]
    answers = [complete(model, tokenizer, q.prompt, temperature=0) for q in questions]
    counts = count_answers(questions, answers)
    assert counts.right >= 0.9 * counts.n  # "nearly all of them right"
    assert counts.right > 2 * counts.expected_by_chance  # "far more than random picking would"
    right = [answer.strip() == q.answer for q, answer in zip(questions, answers)]
    seen = [line in trained_on for line in lines]
    assert 0 < sum(seen) < len(seen)  # "many of these questions also appear ... in the text the model trained on"
    seen_share = sum(r for r, s in zip(right, seen) if s) / sum(seen)
    unseen_share = sum(r for r, s in zip(right, seen) if not s) / (len(seen) - sum(seen))
    assert unseen_share >= seen_share  # "the questions it has never seen at least as well as the ones it has"
    assert counts.colour_from_story == counts.thing_from_story == counts.n  # "both ... from the story"
    wrong = [(q, answer.strip()) for q, answer, r in zip(questions, answers, right) if not r]
    assert wrong
    for q, answer in wrong:
        first, second = q.owned
        assert q.asked == second  # "the question asks about the second person of the story"
        assert answer == "the {} {}".format(*q.owned[first])  # "the *other* person's colour and thing"


def test_00_the_kv_cache_changes_no_sampled_token(shipped):
    model, tokenizer = shipped
    prompt = tokenizer.encode("EN: the small birds eat in the garden JA:")
    for seed in range(5):
        assert generate(model, prompt, temperature=1.0, seed=seed, use_cache=True) == generate(
            model, prompt, temperature=1.0, seed=seed, use_cache=False)


def test_00_01_three_blocks_of_six_linear_layers_and_an_unembedding_of_its_own(shipped):
    model, _ = shipped
    groups = linear_layers_per_block(model)
    assert model.config.n_layers == 3  # "our model's 3 blocks"
    assert [len(groups[f"blocks.{i}"]) for i in range(3)] == [6, 6, 6]  # "3 × 6 = 18 linear layers"
    assert not model.config.tied_embeddings and model.unembed.weight is not model.token_embedding.weight
    assert model.unembed.weight.shape == model.token_embedding.weight.shape  # "one row ... per vocabulary token"


def test_02_trained_b_K_is_small_and_changes_no_attention_weight():
    model, tokenizer, _ = load_shipped_model()
    for block in model.blocks:
        assert 0 < block.attn.W_K.bias.abs().max() < block.attn.W_Q.bias.abs().max() / 10
    ids = tokenizer.encode(TRANSLATION)
    _, trace = model.run_with_trace(ids)
    with torch.no_grad():
        for block in model.blocks:
            block.attn.W_K.bias.zero_()
    _, without = model.run_with_trace(ids)
    n = model.config.n_layers
    assert (attention_patterns(trace, n) - attention_patterns(without, n)).abs().max() < 1e-5


def test_03_cl100k_spends_more_than_a_token_per_japanese_character(corpus):
    pairs = [line.removeprefix("EN: ").split(" JA: ") for line in corpus[1] if line.startswith("EN: ")][:300]
    japanese = "\n".join(ja for _, ja in pairs)
    cl100k = TiktokenTokenizer("cl100k_base")
    for text in (japanese, japanese.replace(" ", "")):
        assert tokens_per_character(cl100k, text) > 1


def test_03_no_bpe_token_reaches_across_a_word(corpus):
    text = "\n".join(corpus[0])[:50_000] + "\n" + SHAKESPEARE_FILE.read_text(encoding="utf-8")[:50_000]
    bpe = BPETokenizer.train(text, vocab_size=600)
    assert not [piece for piece in bpe.pieces if re.search(rb"\S\s", piece)]


def test_09_three_heads_read_the_subject_two_the_previous_token_and_the_last_block_spreads(shipped):
    model, tokenizer = shipped
    ids = tokenizer.encode(TRANSLATION)
    tokens = tokenizer.token_strings(ids)
    logits, trace = model.run_with_trace(ids)
    last_row = attention_patterns(trace, model.config.n_layers)[:, :, -1, :]  # (blocks, heads, keys)
    strongest = last_row.max(dim=-1)  # (blocks, heads)
    subject = strongest.indices == tokens.index("cats")
    assert int(subject.sum()) == 3  # "three heads read the English subject, cats, more than any other token"
    assert (strongest.values[0][subject[0]] > 0.9).any()  # "one of them, in block 0, puts almost all its weight there"
    assert int((strongest.indices == len(ids) - 2).sum()) == 2  # "two heads read the Japanese word just before"
    assert (strongest.values[-1] < 0.5).all()  # "the last block: none gives any one token even half its weight"
    assert tokenizer.token_strings([int(logits[-1].argmax())]) == ["猫"]


def test_09_the_lens_on_the_embeddings_never_names_the_token_itself_and_gives_a_next_word(shipped, corpus):
    model, tokenizer = shipped
    assert not model.config.tied_embeddings and model.unembed.weight is not model.token_embedding.weight
    ids = tokenizer.encode(TRANSLATION)
    _, trace = model.run_with_trace(ids)
    guesses = logit_lens(model, trace, top_k=1).ids[:, :, 0]  # (hidden states, tokens)
    assert not any(guess == token for guess, token in zip(guesses[0].tolist(), ids))  # "there are none"
    assert tokenizer.token_strings([int(guesses[0, -1])]) == ["近く"]  # the embeddings of 'の' give '近く'
    assert tokenizer.token_strings([int(guesses[1, -1])]) == ["猫"]  # "after block 0 ... already the final one"
    followers = Counter(line.split()[i + 1] for line in corpus[0] for i, word in enumerate(line.split()[:-1])
                        if word == "の")
    assert followers.most_common(1)[0][0] == "近く"  # "a word that often comes next after 'の'"


def test_09_the_exercise_counts_the_shipped_model_s_blocks(shipped):
    from llmlab.ui.exercises.lesson09 import N_BLOCKS

    assert N_BLOCKS == shipped[0].config.n_layers  # "Our model has 3 blocks" (the exercise cell)
