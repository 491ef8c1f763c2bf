"""What the prose of lessons 00, 01, 02, 03 and 09 says about the shipped model holds (issue 10).

The lessons print these numbers; these tests fail if a new checkpoint or tokenizer makes the
prose around them wrong, so the prose gets rewritten with it.
"""

import re
from collections import Counter

import pytest
import torch

from llmlab.engine.checkpoint import load_shipped_model
from llmlab.toy.corpus import TRAIN_SEED, generate_lines, line_logprobs
from llmlab.toy.facts import FactQuestion, count_answers
from llmlab.engine.generation import complete, generate
from llmlab.engine.lens import attention_patterns, logit_lens
from llmlab.studies.neurons import linear_layers_per_block
from llmlab.paths import SHAKESPEARE_FILE
from llmlab.engine.tokenizers import BPETokenizer, TiktokenTokenizer, tokens_per_character
from llmlab.engine.validate import LlmlabError

TRANSLATION = "EN: the cats near the big car sleep in the garden JA: 大きい 車 の 近く の"


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


def test_00_temperature_by_hand_is_sampling_s_and_sharpens_below_1_flattens_above(shipped):
    """Lesson 00, section 4: softmax(scores / T) after "EN: the" at T = 1, 0.5, 2, then T = 0."""
    from llmlab.engine import sampling

    model, tokenizer = shipped
    with torch.no_grad():
        scores = model(torch.tensor([tokenizer.encode("EN: the")]))[0][0, -1]
    by_hand = {t: torch.softmax(scores / t, dim=-1) for t in (1.0, 0.5, 2.0)}
    assert all(torch.allclose(p, sampling.probabilities(scores, t)) for t, p in by_hand.items())
    assert by_hand[0.5].max() > by_hand[1.0].max() > by_hand[2.0].max()  # "at T = 0.5 ... more, at T = 2 less"
    assert len({int(p.argmax()) for p in by_hand.values()}) == 1  # the same word is likeliest at every T
    assert sampling.probabilities(scores, 0)[int(scores.argmax())] == 1  # "all the probability on the highest score"


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


def test_10_three_heads_read_the_subject_two_the_previous_token_and_the_last_block_spreads(shipped):
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


def test_10_the_lens_on_the_embeddings_never_names_the_token_itself_and_gives_a_next_word(shipped, corpus):
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
    (first, n), (_, second) = followers.most_common(2)
    assert first == "近く" and n == sum(followers.values()) / 2  # "'近く' follows 'の' half of the time" (1,673)
    assert n > 5 * second  # "far more often than any other word"


def test_10_the_exercise_counts_the_shipped_model_s_blocks(shipped):
    from llmlab.ui.exercises.lesson10 import N_BLOCKS

    assert N_BLOCKS == shipped[0].config.n_layers  # "Our model has 3 blocks" (the exercise cell)


# --- issue 18: the numbers lessons 00–03's corrected sentences rely on ---


def test_00_the_pipeline_arrows_start_and_end_on_box_edges():
    from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

    from llmlab.ui.plots.pipeline import BOX_PAD, pipeline_figure

    ax = pipeline_figure(3).axes[0]
    boxes = [(box.get_x() - BOX_PAD, box.get_y() - BOX_PAD, box.get_x() + box.get_width() + BOX_PAD,
              box.get_y() + box.get_height() + BOX_PAD) for box in ax.patches if isinstance(box, FancyBboxPatch)]
    arrows = [arrow for arrow in ax.patches if isinstance(arrow, FancyArrowPatch)]
    assert len(boxes) == 9 and len(arrows) == 12
    for arrow in arrows:
        for x, y in arrow._posA_posB:  # where the arrow starts and where it points
            assert not any(x0 + 1e-6 < x < x1 - 1e-6 and y0 + 1e-6 < y < y1 - 1e-6 for x0, y0, x1, y1 in boxes)
            assert any(x0 - 1e-6 <= x <= x1 + 1e-6 and y0 - 1e-6 <= y <= y1 + 1e-6 for x0, y0, x1, y1 in boxes)


def test_00_the_loss_is_a_few_hundredths_of_a_nat_above_the_exact_floor_on_seen_and_unseen_lines(
        shipped, corpus, trained_on):
    model, tokenizer = shipped
    loss, floor = {True: [], False: []}, {True: [], False: []}
    with torch.no_grad():
        for line in corpus[1]:
            ids = tokenizer.encode(line + "\n")
            logits, _ = model(torch.tensor([ids[:-1]]))
            next_ids = torch.tensor(ids[1:])
            p = torch.softmax(logits[0], dim=-1)[torch.arange(len(next_ids)), next_ids]
            loss[line in trained_on] += (-p.log()).tolist()
            floor[line in trained_on] += [-logp for logp in line_logprobs(line.split())[1:]]
    gap = {seen: sum(loss[seen]) / len(loss[seen]) - sum(floor[seen]) / len(floor[seen]) for seen in (True, False)}
    # "within a few hundredths of a nat of the exact floor", "a little larger on the lines it never trained on"
    assert 0 < gap[True] < gap[False] < 0.02


def test_01_gpt2_small_s_published_config_counts_124_million():
    from llmlab.engine.params import PUBLISHED_CONFIGS, formula_parameters, total

    gpt2 = PUBLISHED_CONFIGS["GPT-2 small"]
    assert f"{total(formula_parameters(gpt2)) / 1e6:.1f}" == "124.4"  # "'124M' is what counting ... gives"
    assert gpt2.n_layers == 12  # "the same 12-block model"


def test_02_row_0_has_a_single_1():
    from llmlab.studies.attention_biases import attention_example, biased_attention

    assert biased_attention(attention_example()).weights[0].tolist() == [1.0, 0.0, 0.0]  # "token 0 ... only itself"


def test_03_an_id_past_the_end_names_the_last_id_there_is():
    from llmlab.engine.model import GPT
    from llmlab.toy.recipe import tiny_config

    with pytest.raises(LlmlabError, match="between 0 and 299: ") as error:
        GPT(tiny_config(300))(torch.tensor([[300]]))
    assert "300 - 1" not in str(error.value)


def test_03_the_held_out_toy_lines_are_not_in_the_bpe_training_text(corpus):
    text = "\n".join(corpus[0])[:50_000] + "\n" + SHAKESPEARE_FILE.read_text(encoding="utf-8")[:50_000]
    bpe_lines = set(text.split("\n"))
    assert len([line for line in corpus[1] if line not in bpe_lines][:300]) == 300
    assert sum(line in bpe_lines for line in corpus[1][:300]) > 50  # "the toy generator repeats lines, so many are"


def test_03_counting_pairs_by_hand_gives_bpe_s_first_merge(corpus):
    from llmlab.engine.tokenizers import readable_bytes, split_chunks

    text = "\n".join(corpus[0])[:50_000] + "\n" + SHAKESPEARE_FILE.read_text(encoding="utf-8")[:50_000]
    pairs = Counter()
    for chunk in split_chunks(text):
        data = chunk.encode("utf-8")
        pairs.update(zip(data, data[1:]))
    (pair, count), (_, runner_up) = pairs.most_common(2)
    assert count > runner_up  # no tie: BPE's tie rule (smaller ids first) plays no part
    first = next(BPETokenizer.train_steps(text, 1))
    assert (first.pair, first.count) == (tuple(readable_bytes(bytes([byte])) for byte in pair), count)


# --- lesson 06 (issue 18) ---


def lesson06_section_4_text(model, tokenizer):
    """Section 4's sampled text (prompt "EN: the", seed 0) without its end token, and the prompt's length."""
    prompt = tokenizer.encode("EN: the")
    new = generate(model, prompt, 20, temperature=1.0, stop_token=tokenizer.eos_id, seed=0)
    return prompt + new[:-1], len(prompt)


def test_06_the_jA_row_writes_the_first_japanese_word_and_block_0_head_1_reads_rabbit_there(shipped):
    model, tokenizer = shipped
    text, prompt_length = lesson06_section_4_text(model, tokenizer)
    tokens = tokenizer.token_strings(text)
    ja = tokens.index("JA:")
    assert tokens[ja + 1] == "うさぎ" and tokens[ja + 2] == "が"  # the row of うさぎ writes が
    _, trace = model.run_with_trace(text)
    patterns = attention_patterns(trace, model.config.n_layers)
    shares = patterns[:, :, ja, prompt_length:ja].sum(-1)
    assert divmod(int(shares.argmax()), model.config.n_heads) == (0, 1)  # "the largest share is block 0 head 1's"
    row = patterns[0, 1, ja]
    assert tokens[int(row.argmax())] == "rabbit" and round(float(row.max()), 2) == 0.86


def test_06_the_sentence_section_4_writes_is_a_training_line_112_times(shipped):
    model, tokenizer = shipped
    _, _, info = load_shipped_model()
    text, _ = lesson06_section_4_text(model, tokenizer)
    line = tokenizer.decode(text)
    assert line == "EN: the rabbit eats in the garden JA: うさぎ が 庭 で 食べる"
    assert generate_lines(info["train_lines"], TRAIN_SEED).count(line) == 112


def test_06_counting_tables_on_the_validation_windows():
    from llmlab.studies.mask_experiment import ScoredWindows, table_losses
    from llmlab.toy.recipe import load_toy_data

    data = load_toy_data()
    tables = table_losses(data, ScoredWindows(data.val_x, data.val_y, data.floor))
    assert (round(tables.uniform, 2), round(tables.unigram, 2), round(tables.bigram, 2)) == (4.53, 3.98, 1.22)
    assert tables.uniform == pytest.approx(torch.log(torch.tensor(93.0)).item())


@pytest.mark.slow
def test_06_the_unmasked_model_with_its_future_hidden_is_worse_than_a_bigram_table_and_ken_gets_the_wrong_cup():
    from llmlab.engine.training import evaluate
    from llmlab.studies.mask_experiment import run_mask_experiment, table_losses

    experiment = run_mask_experiment(progress=False)
    windows = experiment.val_windows
    tables = table_losses(experiment.data, windows)
    cheater = experiment.unmasked.model
    cheater.causal = True
    hidden_again = evaluate(cheater, windows.x, windows.y)
    assert windows.floor < tables.bigram < hidden_again < tables.unigram  # "above the bigram table too"
    assert experiment.unmasked.val_loss < windows.floor < experiment.masked.val_loss
    tokenizer = experiment.data.tokenizer
    new = generate(experiment.masked.model, tokenizer.encode("ken has"), 20, stop_token=tokenizer.eos_id,
                   use_cache=False, seed=0)
    story = "ken has " + tokenizer.decode(new).strip()  # cell 17's third story, with the mask
    told, question = story.split(" ? ")
    assert told.endswith("what does ken have")  # the question asks about ken, who is in the story
    owned = told.split(" . ")[0].split()  # "ken has the red cup"
    answer = question.split()
    assert owned[:2] == ["ken", "has"] and answer[-1] == owned[-1] == "cup" and answer[-2] != owned[-2]


# --- lesson 05 (issue 18) ---


def test_05_heads_are_measured_on_unseen_lines_and_agreement_is_scored_by_number_alone(shipped, corpus, trained_on):
    from llmlab.engine.edits import zero
    from llmlab.studies.head_roles import attention_statistics, task_lines, task_probabilities

    model, tokenizer = shipped
    translations = [line for line in corpus[1] if line.startswith("EN: ")]
    unseen = [line for line in translations if line not in trained_on]
    assert (len(translations), len(unseen)) == (710, 115)  # "710 ... 595 are word for word ... 115 are not"
    data = task_lines(unseen, tokenizer)
    stats = attention_statistics(model, data)
    assert f"{stats.previous_token.max():.2f}" == "0.18"
    assert f"{stats.subject_when_translating[0, 0]:.2f}" == "0.49"
    clean = {task: values.mean().item() for task, values in task_probabilities(model, data).items()}
    for edit, task, printed in ((zero(head=1), "translation", "-0.769"), (zero(head=0), "translation", "-0.002")):
        assert f"{task_probabilities(model, data, {'blocks.0.attn.z': edit})[task].mean().item() - clean[task]:+.3f}" \
            == printed
    # the hidden head's solution: block 0's head 3 reads "near", not the subject; removed, the number share falls
    # and the model starts to expect a second "near"
    near = tokenizer.encode("near")[0]
    _, trace = model.trace_batch(data.ids)
    pattern = trace["blocks.0.attn.pattern"][data.agreement_lines, 3, data.agreement_query]
    on_near = (pattern * (data.ids[data.agreement_lines] == near)).sum(dim=1).mean()
    assert (f"{stats.subject_when_agreeing[0, 3]:.2f}", f"{on_near:.2f}") == ("0.03", "0.74")
    ablated = task_probabilities(model, data, {"blocks.0.attn.z": zero(head=3)})["agreement"].mean().item()
    assert (f"{clean['agreement']:.3f}", f"{ablated:.3f}") == ("0.998", "0.944")
    with torch.no_grad():
        p_near = [torch.softmax(model.run_with_edits(data.ids, edits)[0], dim=-1)[
            data.agreement_lines, data.agreement_query, near].mean().item()
            for edits in ({}, {"blocks.0.attn.z": zero(head=3)})]
    assert [f"{p:.3f}" for p in p_near] == ["0.002", "0.053"]
    # block 1's heads 0 and 1: the number share falls by 0.221 and 0.064
    for head, printed in ((0, "-0.221"), (1, "-0.064")):
        edited = task_probabilities(model, data, {"blocks.1.attn.z": zero(head=head)})["agreement"].mean().item()
        assert f"{edited - clean['agreement']:+.3f}" == printed


def test_05_head_1_s_queries_are_rows_of_the_stored_weight_and_a_column_slice_is_wrong(shipped):
    model, tokenizer = shipped
    _, trace = model.run_with_trace(tokenizer.encode("EN: the cat near the cars sleeps in the house JA:"))
    W_Q, h = model.blocks[0].attn.W_Q, trace["blocks.0.ln_attn"]
    with torch.no_grad():
        right = h @ W_Q.weight[16:32].T + W_Q.bias[16:32]
        wrong = h @ W_Q.weight[:, 16:32] + W_Q.bias[16:32]
    assert torch.allclose(right, trace["blocks.0.attn.q"][1], atol=1e-5)
    assert (wrong - trace["blocks.0.attn.q"][1]).abs().max() > 1  # "the wrong numbers"


def test_05_the_by_hand_experiment_at_d_head_64_saturates_without_the_scale():
    from llmlab.studies.attention_math import softmax_sharpness

    sharp = softmax_sharpness([64], n_keys=32)  # what section 3's plain-torch cell prints
    assert (f"{sharp.max_weight_unscaled[0]:.2f}", f"{sharp.max_weight_scaled[0]:.2f}") == ("0.82", "0.17")


# --- issue 18: the numbers lessons 09 and 10's corrected sentences rely on ---


def test_09_the_validation_lines_are_not_all_unseen(corpus, trained_on):
    train_lines, val_lines = corpus
    here = set(train_lines)
    assert len(val_lines) == 1000
    assert sum(line in here for line in val_lines) == 528  # the printout of §3 (data/toy_train.txt)
    assert sum(line in trained_on for line in val_lines) == 735  # "735 of the 1,000 ... shipped model's ... text"


def test_09_only_the_shipped_recipe_starts_windows_at_fact_lines():
    from llmlab.engine.training import TrainConfig
    from llmlab.toy.recipe import SHIPPED_RECIPE

    assert TrainConfig().fact_share is None and SHIPPED_RECIPE.fact_share == 0.5  # "the short run's ... anywhere"


def test_09_the_unk_row_moves_by_weight_decay_alone_and_every_other_row_by_its_gradient(shipped):
    import copy

    from llmlab.engine.training import TrainConfig, train
    from llmlab.studies.weight_changes import component_changes, snapshot
    from llmlab.toy.recipe import load_toy_data

    model, tokenizer = shipped
    data = load_toy_data()
    student = copy.deepcopy(model)
    before = snapshot(student)
    config = TrainConfig(steps=3, learning_rate=1e-3, warmup_steps=0)  # §5's three steps
    train(student, data.train, data.val_x, data.val_y, config, progress=False)
    table_before, table_after = before["token_embedding.weight"], student.token_embedding.weight.detach()
    factor = table_after / table_before
    scaled_only = [row for row in range(len(factor)) if torch.allclose(factor[row], factor[row, 0].expand(
        factor.shape[1]), rtol=1e-5)]
    assert tokenizer.token_strings(scaled_only) == ["<unk>"]  # "All the other rows moved because the gradient ..."
    assert config.weight_decay == 0.1 and 0.999 < float(factor[scaled_only[0], 0]) < 1  # "weight decay (0.1) shrinks"
    rows = component_changes(before, student)
    assert rows[0].changed == int((table_after != table_before).sum()) == table_before.numel()  # "= by hand: True"
    assert {"block 0 · W_Q", "block 0 · W_K", "block 0 · W_V"} <= {r.component for r in rows}  # docs/questions.md


def test_10_refers_to_the_lessons_that_define_the_cache_and_the_logit_lens():
    import json

    from llmlab.paths import REPO_ROOT

    def text(name):
        cells = json.loads((REPO_ROOT / "notebooks" / name).read_text(encoding="utf-8"))["cells"]
        return ["".join(cell["source"]) for cell in cells]

    assert any("key-value cache" in cell or "KV cache" in cell for cell in text("06_masking_and_generation.ipynb"))
    lesson_08 = text("08_where_the_knowledge_is.ipynb")
    assert any("**logit lens** (nostalgebraist 2020" in cell for cell in lesson_08)
    lesson_10 = text("10_exploring_the_trained_model.ipynb")
    assert all(cell.strip() for cell in lesson_10)  # no empty cell
    assert any("key-value cache of lesson 06" in cell for cell in lesson_10)


# --- lessons 07 and 08 (issue 18) ---


@pytest.fixture(scope="module")
def fact_lines_08(corpus):
    """The 200 fact questions of lesson 08 (the first of the validation lines)."""
    return [line for line in corpus[1] if " ? " in line][:200]


def test_08_98_of_the_200_fact_questions_are_training_lines_and_the_unseen_are_answered_as_well(
        shipped, fact_lines_08, trained_on):
    from llmlab.studies.knowledge import fact_answers_right
    from llmlab.toy.kinds import kind_targets

    model, tokenizer = shipped
    right = {}
    for seen in (True, False):
        group = [line for line in fact_lines_08 if (line in trained_on) == seen]
        right[seen] = fact_answers_right(model, kind_targets(group, tokenizer, model.config.context_length))
    assert right == {True: (90, 98), False: (95, 102)}  # 08 §1: "98 of these 200", "the 102 it never saw"
    assert f"{95 / 102:.3f}" == "0.931" and f"{90 / 98:.3f}" == "0.918"  # "0.931 against 0.918"


def test_07_at_cat_a_few_neurons_are_slightly_negative_one_part_is_6_times_longer_and_the_sum_is_allclose(shipped):
    from llmlab.studies.residual import residual_parts, sum_of_parts

    model, tokenizer = shipped
    ids = tokenizer.encode("EN: the cat near the cars sleeps in the house JA:")
    _, trace = model.run_with_trace(ids)
    cat = tokenizer.token_strings(ids).index("cat")
    post = trace["blocks.0.mlp.post"][cat]
    assert int((post < -0.1).sum()) == 8 and float(post.min()) > -0.171  # §1: "8 ... below −0.1", GELU dips to −0.17
    assert int((post > 0.1).sum()) == 12 and int((post.abs() <= 0.1).sum()) == 108  # "most ... within 0.1 of zero"
    parts = residual_parts(trace, model.config.n_layers)
    lengths = {name: float(value[cat].norm()) for name, value in parts.items()}
    longest = max(lengths, key=lengths.get)
    others = max(length for name, length in lengths.items() if name != longest)
    assert longest == "blocks.1.mlp.out" and 5.5 < lengths[longest] / others < 7  # "about 6 times longer"
    final = trace[f"blocks.{model.config.n_layers - 1}.resid_post"].double()
    assert torch.allclose(sum_of_parts(parts), final, rtol=1e-5, atol=1e-6)  # the relative tolerance §1 states
    assert 0.005 < float(final.abs().min()) and float(final.abs().max()) < 200  # "from about 0.01 to about 100"


def test_08_a_head_serves_several_kinds_of_word(shipped, corpus):
    from llmlab.studies.knowledge import knowledge_table
    from llmlab.toy.kinds import kind_targets

    model, tokenizer = shipped
    data = kind_targets(corpus[1][:400], tokenizer, model.config.context_length)
    reference = [tokenizer.encode(line + "\n") for line in corpus[0][:300]]
    table = knowledge_table(model, data, reference, "the first 300 training lines")
    zero = table.increase("zero")
    matters = {(p.block, p.head): {kind for kind, rise in zip(table.kinds, zero[row].tolist()) if rise > 0.1}
               for row, p in enumerate(table.parts) if p.kind == "head"}
    assert all({"facts", "fact_answers"} <= matters[(0, head)] for head in range(4))  # §4 and "What we found"
    assert "japanese" in matters[(0, 1)] and "japanese" in matters[(0, 3)] and "agreement" in matters[(0, 3)]
    assert {"agreement", "fact_answers"} <= matters[(1, 0)]


def test_08_block_1_s_head_3_reads_the_names_but_matters_little_and_weights_alone_turn_fewer(shipped, fact_lines_08):
    from llmlab.engine.edits import patch
    from llmlab.studies.copying import (COLOUR_FROM, TARGETS, accuracy_without_each_head, changed_stories,
                                        changed_trace, head_patching, mention_attention, other_colour_share)

    model, tokenizer = shipped
    without = accuracy_without_each_head(model, tokenizer, fact_lines_08)
    assert [f"{v:.3f}" for v in without[1].tolist()] == ["0.715", "0.685", "0.900", "0.845"]  # 08 §2's numbers
    seen = mention_attention(model, tokenizer, fact_lines_08).from_colour[1]  # (heads, targets)
    first, asked = seen[:, TARGETS.index("first_name")], seen[:, TARGETS.index("question_name")]
    assert [f"{float(first[h]):.2f}" for h in (3, 1)] == ["0.46", "0.40"]  # "as much as head 1"
    assert [f"{float(asked[h]):.2f}" for h in (3, 1)] == ["0.33", "0.49"]
    stories = changed_stories(tokenizer, fact_lines_08)
    heads = {change: head_patching(model, stories, change) for change in ("asked", "colours")}
    assert [f"{float(heads[c][1, 3]):.2f}" for c in heads] == ["0.21", "0.09"]  # head 3 alone
    assert [f"{float(heads[c][1, 1]):.2f}" for c in heads] == ["0.40", "0.40"]  # head 1 alone
    assert [f"{float(heads[c][1, -1]):.2f}" for c in heads] == ["0.92", "0.85"]  # all four heads' outputs
    weights_only = []
    for change in ("asked", "colours"):
        changed = changed_trace(model, stories, change)
        edits = {"blocks.1.attn.pattern": patch(changed["blocks.1.attn.pattern"], positions=[COLOUR_FROM])}
        weights_only.append(f"{other_colour_share(model, stories, edits):.2f}")
    assert weights_only == ["0.62", "0.85"]  # "most of the choice is made in where block 1's heads look"


def test_07_and_08_the_corrected_sentences_are_the_ones_the_lessons_say(shipped):
    import json

    from llmlab.paths import REPO_ROOT

    cells = [cell for name in ("07_blocks_and_the_residual_stream.ipynb", "08_where_the_knowledge_is.ipynb")
             for cell in json.loads((REPO_ROOT / "notebooks" / name).read_text(encoding="utf-8"))["cells"]]
    text = "\n".join("".join(cell["source"]) for cell in cells)
    for gone in ("single heads for single skills", "in its simplest form", "no shortcut past a block",
                 "below 10⁻⁵ \"equal\"", "\"attention moves information"):
        assert gone not in text
    for cited in ("Brown et al. 2020", "Elhage et al. 2021", "nostalgebraist 2020"):
        assert cited in text
    assert "rise_table" not in text and "knowledge_figure(table)" in text  # the ablation table shown once
