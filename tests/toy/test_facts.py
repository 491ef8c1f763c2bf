"""The fact questions of lesson 00: parsing a story, the chance of a random pick, counting answers."""

import pytest

from llmlab.engine.validate import LlmlabError

from llmlab.toy.facts import FactQuestion, count_answers

LINE = "ken has the red ball . mia has the red cup . what does mia have ? the red cup"


def test_parse_reads_owners_and_the_asked_person():
    question = FactQuestion.parse(LINE)
    assert question.prompt == "ken has the red ball . mia has the red cup . what does mia have ?"
    assert question.owned == {"ken": ("red", "ball"), "mia": ("red", "cup")} and question.asked == "mia"
    assert question.answer == "the red cup"


def test_a_shared_colour_makes_a_random_pick_likelier():
    assert FactQuestion.parse(LINE).chance_of_a_random_pick() == pytest.approx(0.5)
    other = FactQuestion.parse("ken has the red ball . mia has the blue cup . what does ken have ?")
    assert other.chance_of_a_random_pick() == pytest.approx(0.25)


def test_count_answers_tells_copied_parts_from_invented_ones():
    question = FactQuestion.parse(LINE)
    counts = count_answers([question] * 3, ["the red cup", "the red box", ""])
    assert (counts.n, counts.right) == (3, 1)
    assert (counts.colour_from_story, counts.colour_right) == (2, 2)
    assert (counts.thing_from_story, counts.thing_right) == (1, 1)
    assert counts.expected_by_chance == pytest.approx(1.5)


def test_answer_accuracy_is_the_greedy_answers_and_refuses_what_is_not_a_question():
    from llmlab.engine.checkpoint import load_shipped_model
    from llmlab.toy.corpus import load_corpus
    from llmlab.toy.facts import answer_accuracy
    from llmlab.engine.generation import complete
    from llmlab.engine.validate import LlmlabError

    model, tokenizer, _ = load_shipped_model()
    questions = [line for line in load_corpus()[1] if " ? " in line][:40]
    greedy = [complete(model, tokenizer, line.split(" ? ")[0] + " ?", 3, temperature=0).split()[-3:]
              for line in questions]
    right = sum(" ".join(words) == FactQuestion.parse(line).answer for words, line in zip(greedy, questions))
    assert answer_accuracy(model, tokenizer, questions) == pytest.approx(right / len(questions))
    asked_only = [line.split(" ? ")[0] + " ?" for line in questions]  # a line may stop at its "?"
    assert answer_accuracy(model, tokenizer, asked_only) == answer_accuracy(model, tokenizer, questions)
    for bad in ("ken has the red ball", [1], [], ["ken has the red ball ? the red ball"],
                ["ken has the red ball . mia has the blue cup . what does tom have ?"]):
        with pytest.raises(LlmlabError):
            answer_accuracy(model, tokenizer, bad)
    with pytest.raises(LlmlabError, match="GPT model"):
        answer_accuracy(None, tokenizer, questions)


def test_answer_accuracy_with_edits_and_the_curve_callback():
    from llmlab.engine.checkpoint import load_shipped_model
    from llmlab.toy.corpus import load_corpus
    from llmlab.engine.edits import head_output_name, zero
    from llmlab.toy.facts import AccuracyCurve, answer_accuracy

    model, tokenizer, _ = load_shipped_model()
    questions = [line for line in load_corpus()[1] if " ? " in line][:40]
    every_head_off = {head_output_name(b): zero() for b in range(model.config.n_layers)}
    assert answer_accuracy(model, tokenizer, questions, {}) == answer_accuracy(model, tokenizer, questions)
    assert answer_accuracy(model, tokenizer, questions, every_head_off) < answer_accuracy(model, tokenizer, questions)
    curve = AccuracyCurve(tokenizer, questions)
    curve(0, model)
    curve(10, model)
    assert [step for step, _, _ in curve.points] == [0, 10] and curve.points[0][2] == curve.points[1][2]
    assert 0 <= curve.points[0][1] <= curve.points[1][1]
    with pytest.raises(LlmlabError):
        AccuracyCurve(tokenizer, ["no question here"])
