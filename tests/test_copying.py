"""The copying-circuit measurements: where heads look when the answer is written, and ablating each head."""

import pytest

from llmlab.checkpoint import load_shipped_model
from llmlab.copying import TARGETS, accuracy_without_each_head, mention_attention, mention_positions
from llmlab.corpus import load_corpus
from llmlab.edits import head_output_name, zero
from llmlab.facts import FactQuestion, answer_accuracy
from llmlab.validate import LlmlabError


@pytest.fixture(scope="module")
def shipped():
    model, tokenizer, _ = load_shipped_model()
    questions = [line for line in load_corpus()[1] if " ? " in line][:30]
    return model, tokenizer, questions


def test_mention_positions_follow_the_asked_person():
    first = FactQuestion.parse("ken has the red ball . mia has the blue cup . what does ken have ?")
    second = FactQuestion.parse("ken has the red ball . mia has the blue cup . what does mia have ?")
    assert mention_positions(first) == [0, 3, 4, 9, 10]
    assert mention_positions(second) == [6, 9, 10, 3, 4]


def test_mention_attention_is_a_share_of_each_heads_attention(shipped):
    model, tokenizer, questions = shipped
    seen = mention_attention(model, tokenizer, questions)
    shape = (model.config.n_layers, model.config.n_heads, len(TARGETS))
    assert seen.from_colour.shape == seen.from_thing.shape == shape
    for table in (seen.from_colour, seen.from_thing):
        assert bool((table >= 0).all()) and bool((table.sum(-1) <= 1 + 1e-5).all())


def test_accuracy_without_each_head_is_one_ablation_per_head(shipped):
    model, tokenizer, questions = shipped
    shares = accuracy_without_each_head(model, tokenizer, questions)
    assert shares.shape == (model.config.n_layers, model.config.n_heads)
    edits = {head_output_name(1): zero(head=2)}
    assert shares[1, 2] == pytest.approx(answer_accuracy(model, tokenizer, questions, edits))


def test_bad_input_is_refused_in_llmlab_words(shipped):
    model, tokenizer, questions = shipped
    with pytest.raises(LlmlabError, match="GPT model"):
        mention_attention("model", tokenizer, questions)
    with pytest.raises(LlmlabError, match="GPT model"):
        accuracy_without_each_head(None, tokenizer, questions)
    with pytest.raises(LlmlabError):
        mention_attention(model, tokenizer, ["no question"])
