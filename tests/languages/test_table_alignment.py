"""Every table the lessons print lines up by display columns, in English and in Japanese.

A Japanese character takes two columns of a monospaced printout (``llmlab.messages.columns``). Each test
prints one table of a lesson the way its cell does (the catalogue's row template through ``say``, the
printers of ``llmlab.ui.printouts``, or the cell's own f-string around a ``msg`` label), with the lesson's
own labels and numbers of the size the lesson prints, and checks that the numbers of every row end at the
same display column, that a heading ends (or starts) where its column does, and that "|" rules stack up.
"""

from __future__ import annotations

import re

import pytest
import torch

from llmlab.engine.checkpoint import load_shipped_model
from llmlab.engine.params import PUBLISHED_CONFIGS, formula_parameters, memory_bytes, total
from llmlab.messages import msg, set_language
from llmlab.messages.columns import Text, clip, display_width, format_text, pad
from llmlab.studies.head_roles import ABLATIONS, TASKS, AblationEffects, AttentionStatistics
from llmlab.studies.knowledge import LensScores
from llmlab.toy.kinds import KINDS
from llmlab.ui.plots.hidden_states import hidden_state_name
from llmlab.ui.printouts import (ablation_table, cache_path_name, component_name, kind_name, lens_table, run_name,
                                 say, shape_name, statistic_name, stop_reason)

# A number standing alone (not the "2" of "GPT-2", the "175" of "175B" or a digit inside a word).
NUMBER = re.compile(r"(?<![A-Za-z0-9_.-])[-+]?\d[\d,]*(?:\.\d+)?(?:e[-+]\d+)?%?(?![A-Za-z0-9_.])")
CELL = re.compile(r"[^\s|]+(?: [^\s|]+)*")  # a heading's cell: words one space apart, cells two or more apart


@pytest.fixture(params=["en", "ja"], autouse=True)
def lang(request):
    """Every test runs in both languages."""
    set_language(request.param)
    yield request.param
    set_language("en")


@pytest.fixture(scope="module")
def shipped():
    return load_shipped_model()[0]


def printed(capsys, print_table) -> list[str]:
    """The lines ``print_table()`` prints."""
    print_table()
    return capsys.readouterr().out.splitlines()


def columns(line: str, pattern: re.Pattern = NUMBER, end: bool = True) -> list[int]:
    """The display column where each match of ``pattern`` in ``line`` ends (or starts)."""
    return [display_width(line[: match.end() if end else match.start()]) for match in pattern.finditer(line)]


def colon(line: str, last: bool = False) -> int:
    """The display column of the first (or ``last``) colon of ``line``, half- or full-width."""
    found = [match.start() for match in re.finditer("[:：]", line)]
    return display_width(line[: found[-1] if last else found[0]])


def rules(line: str) -> list[int]:
    """The display columns of the "|" rules of ``line``."""
    return [display_width(line[:i]) for i, character in enumerate(line) if character == "|"]


def assert_rows_aligned(rows: list[str], values: int, free: int = 0) -> list[int]:
    """The last ``values`` numbers of every row (before the ``free`` ones ending a row, printed as wide as they
    are) end at the same display columns; those columns."""
    ends = {tuple(columns(row)[len(columns(row)) - values - free:][:values]) for row in rows}
    assert all(len(row_ends) == values for row_ends in ends), rows
    assert len(ends) == 1, "\n" + "\n".join(rows)
    return list(next(iter(ends)))


def assert_heading_over(heading: str, number_ends: list[int], cells: int) -> None:
    """The last ``cells`` cells of ``heading`` end where columns of numbers end."""
    ends = columns(heading, CELL)[-cells:]
    assert len(ends) == cells and set(ends) <= set(number_ends), f"\n{heading}\n{number_ends}"


# The helper itself.

def test_pad_counts_display_columns():
    assert display_width("猫 cat") == 6 and pad("猫", 4, ">") == "  猫" and pad("猫", 5, "^") == " 猫  "
    assert clip("ブロック", 5) == "ブロ" and format_text("日本語", ".4") == "日本"
    assert f"{Text('猫'):4}|" == "猫  |" and f"{msg('printouts.kind'):>10}".endswith(msg("printouts.kind"))


def test_english_pads_exactly_as_str_format():
    for spec in ("", "10", "<10", ">10", "^11", "*^9", "10s", ".3", "12.3s", "3"):
        assert format_text("a word", spec) == format("a word", spec) == f"{Text('a word'):{spec}}"


@pytest.mark.parametrize(("call", "key"), [
    (lambda: pad(5, 3), "validate.not_text"), (lambda: clip(None, 3), "validate.not_text"),
    (lambda: clip(b"cat", 3), "validate.bytes_not_text"), (lambda: display_width(["猫"]), "validate.not_text"),
    (lambda: format_text(3, "4"), "validate.not_text"), (lambda: pad("猫", 2.5), "validate.not_whole"),
    (lambda: clip("猫", True), "validate.not_whole"), (lambda: pad("猫", -1), "validate.out_of_range"),
    (lambda: pad("猫", 4, "right"), "validate.not_a_choice"), (lambda: pad("猫", 4, ">", "猫"), "columns.bad_fill"),
    (lambda: pad("猫", 4, ">", ""), "columns.bad_fill")])
@pytest.mark.parametrize("language", ["en", "ja"])
def test_pad_and_clip_answer_bad_input_in_llmlabs_words(call, key, language):
    from llmlab.errors import LlmlabError
    from llmlab.messages import CATALOGUES

    set_language(language)
    try:
        with pytest.raises(LlmlabError) as error:
            call()
        assert isinstance(error.value, TypeError) == (key in ("validate.not_text", "validate.bytes_not_text",
                                                                "validate.not_whole"))
        template = CATALOGUES[language][key]  # the message is this template, its {fields} filled in
        pattern = ".*".join(re.escape(words) for words in re.split(r"\{[^{}]*\}", template))
        assert re.fullmatch(pattern, str(error.value), flags=re.DOTALL), (str(error.value), template)
    finally:
        set_language("en")


# Lesson 00.

def test_00_parameter_table(capsys, shipped):
    counts = formula_parameters(shipped.config)
    everything = total(counts)
    rows = printed(capsys, lambda: [say("lesson00.part_row", part=component_name(part), n=n, share=n / everything)
                                    for part, n in counts.items()] + [say("lesson00.total_row", n=everything)])
    ends = assert_rows_aligned(rows[:-1], 2)
    assert columns(rows[-1]) == ends[:1]  # the total under the counts


def test_00_blocks(capsys, shipped):
    rows = printed(capsys, lambda: [say("lesson00.blocks_row", name=name, n=n) for name, n in
                                    {msg("lesson00.our_model"): shipped.config.n_layers,
                                     **{name: c.n_layers for name, c in PUBLISHED_CONFIGS.items()}}.items()])
    assert_rows_aligned(rows, 1)


# Lesson 01.

def test_01_formula_table(capsys, shipped):
    by_formula = formula_parameters(shipped.config)
    rows = printed(capsys, lambda: [say("lesson01.formula_row", part=component_name(part), formula=n, torch=n)
                                    for part, n in by_formula.items()]
                   + [say("lesson01.formula_total", formula=total(by_formula), torch=total(by_formula))])
    assert_rows_aligned(rows, 2)
    assert len({colon(row) for row in rows}) == 1  # the labels end at one column


def test_01_embedding_share_and_memory(capsys, shipped):
    counts = {msg("lesson00.our_model"): formula_parameters(shipped.config)}
    counts |= {name: formula_parameters(c) for name, c in PUBLISHED_CONFIGS.items()}
    shares = printed(capsys, lambda: [say("lesson01.embedding_share", name=name, embedding=c["token embedding"],
                                          total=total(c), percent=100 * c["token embedding"] / total(c))
                                      for name, c in counts.items()])
    assert_rows_aligned(shares, 2, free=1)  # the percentage ends the line
    memory = printed(capsys, lambda: [say("lesson01.memory_row", name=name, n=total(c),
                                          float32=memory_bytes(total(c), 4) / 1e9,
                                          bfloat16=memory_bytes(total(c), 2) / 1e9) for name, c in counts.items()])
    assert_rows_aligned(memory, 3)


# Lesson 03: the tokenizers' names, the notebook's own f-strings among them.

def tokenizer_names() -> list[str]:
    return [msg("lesson03.characters"), msg("lesson03.toy_words"),
            *(msg("lesson03.our_bpe", size=size) for size in (300, 1000, 2000)), "cl100k_base"]


def test_03_tokenizer_tables(capsys):
    names = tokenizer_names()
    vocab = printed(capsys, lambda: [print(f"{name:>16}: vocab_size {n:,}") for name, n in zip(names, (80, 250, 300,
                                                                                                    1000, 2000))])
    assert len({colon(row) for row in vocab}) == 1
    for key, values, n in (("lesson03.per_sentence", dict(english=12.5, japanese=14.25), 2),
                           ("lesson03.rare_row", dict(n=8, exact=True), 1),
                           ("lesson03.table_row", dict(vocab_size=2000, shape=(2000, 64)), 3)):
        rows = printed(capsys, lambda: [say(key, name=name, **values) for name in names])
        assert_rows_aligned(rows, n)
        assert len({colon(row) for row in rows}) == 1


def test_03_tokens_per_character(capsys):
    compared = [msg("lesson03.our_bpe", size=2000), "cl100k_base"]
    texts = [msg("lesson03.english_toy"), msg("lesson03.japanese_spaced"), msg("lesson03.japanese_unspaced"),
             msg("lesson03.japanese_prose")]
    lines = printed(capsys, lambda: [say("lesson03.prose_header", names="  ".join(f"{name:>16}" for name in compared))]
                    + [say("lesson03.prose_row", text=text, values="  ".join(f"{v:16.2f}" for v in (0.25, 1.5)))
                       for text in texts])
    ends = assert_rows_aligned(lines[1:], 2)
    assert_heading_over(lines[0], ends, 1)  # "cl100k_base" over its numbers (the first name holds a number)
    assert columns(lines[0], CELL)[-2] == ends[0]


# Lesson 04: the stages and curves of its comparisons.

@pytest.mark.parametrize("key, values, n", [
    ("lesson04.same_and_different", dict(same=0.25, different=-0.05), 2),
    ("lesson04.translation_rank", dict(median=3, others=99, nearest=4, pairs=20), 4),
    ("lesson04.rulers", dict(dimension=0.8, dimension_score=1.5, direction=1.0, direction_score=3.2), 4),
    ("lesson04.dimension_share", dict(dimension=17, share=0.21, largest=True), 3),
])
def test_04_stages(capsys, key, values, n):
    stages = [msg("lesson04.random_start"), msg("lesson04.after_training")]
    rows = printed(capsys, lambda: [say(key, stage=stage, **values) for stage in stages])
    assert len({colon(row) for row in rows}) == 1, "\n" + "\n".join(rows)  # the same numbers follow


def test_04_tables_and_curves(capsys):
    labels = [msg("lesson04.trained_table"), msg("lesson04.rotations"), msg("lesson04.random_tables")]
    rows = printed(capsys, lambda: [say("lesson04.tables_row", tables=label, median=0.12, largest=0.31, perfect=3,
                                        direction=20, n=20) for label in labels])
    assert_rows_aligned(rows, 4, free=2)  # "of 20" ends the line twice
    curves = printed(capsys, lambda: [say("lesson04.neighbours", curve=msg("plots.step", step=step), next_to=0.5,
                                          five=0.125, fifteen=-0.02) for step in (0, 3000)])
    assert_rows_aligned(curves, 3)


# Lesson 05.

def test_05_sharpness_table(capsys):
    lines = printed(capsys, lambda: [say("lesson05.sharpness_header")] + [
        print(f"{d:7} | {2.5 * d:9.2f} {1.0:6.2f} | {2.1:9.2f} {3.2:6.2f} | {0.75:15.2f} {0.3:6.2f}")
        for d in (2, 64, 256)])
    assert len({tuple(rules(line)) for line in lines}) == 1, "\n" + "\n".join(lines)


def test_05_most_weight(capsys):
    names = AttentionStatistics(*(torch.zeros(1, 1) for _ in range(5))).as_table()
    rows = printed(capsys, lambda: [say("lesson05.most_weight", statistic=statistic_name(name), block=1, head=2,
                                        weight=0.41) for name in names])
    assert_rows_aligned(rows, 3)
    assert len({colon(row) for row in rows}) == 1


def test_05_ablation_table(capsys, shipped):
    n_layers, n_heads = shipped.config.n_layers, shipped.config.n_heads
    heads = torch.linspace(-0.5, 0.5, n_layers * n_heads).reshape(n_layers, n_heads)
    effects = AblationEffects({task: 0.5 for task in TASKS},
                              {how: {task: 0.5 + heads for task in TASKS} for how in ABLATIONS}, "0")
    lines = printed(capsys, lambda: ablation_table(effects))
    ends = assert_rows_aligned(lines[1:], len(TASKS) * len(ABLATIONS))
    assert columns(lines[0], CELL)[1:] == ends


# Lesson 06.

def test_06_tables(capsys):
    runs = printed(capsys, lambda: [say("lesson06.run_loss", run=run_name(run), train=1.25, val=1.5)
                                    for run in ("unmasked", "masked")])
    assert_rows_aligned(runs, 2)
    contexts = {"the cat sleeps . 猫": "が 0.52, は 0.21, も 0.10", "EN: the dog": "sleeps 0.61, runs 0.20, . 0.05",
                "JA: 犬 が 庭 で": "寝る 0.70, 走る 0.11, ⏎ 0.09"}
    steps = printed(capsys, lambda: [say("lesson06.step", number=number, context=context, candidates=candidates,
                                         chosen="が", p=0.52, stop=stop_reason(None))
                                     for number, (context, candidates) in enumerate(contexts.items(), 1)])
    chosen = {display_width(line[: line.rindex("'", 0, line.rindex("'"))]) for line in steps}
    assert len(chosen) == 1, "\n" + "\n".join(steps)  # the word chosen starts at one column
    times = printed(capsys, lambda: [say("lesson06.step_times", model=msg("printouts.tiny_model", context=32),
                                         path=cache_path_name(path), times="1: 0.5 ms, 32: 0.9 ms")
                                     for path in ("with cache", "without cache")])
    assert len({colon(line) for line in times}) == 1  # the times start at one column


# Lesson 07.

def test_07_loss_by_kind(capsys):
    lines = printed(capsys, lambda: [say("lesson08.kind_header")] + [
        print(f"{kind_name(kind):22s} {1234:6d} {1.5:7.3f} {1.25:7.3f} {0.25:7.3f}") for kind in KINDS])
    ends = assert_rows_aligned(lines[1:], 4)
    assert_heading_over(lines[0], ends, 4)


def test_07_looks_table(capsys):
    targets = ("asked_colour", "other_colour", "asked_name", "other_name", "first_name", "question_name")
    lines = printed(capsys, lambda: [say("lesson08.looks_header")] + [
        say("lesson08.looks_row", block=block, head=head, **dict.fromkeys(targets, 0.25))
        for block in range(2) for head in range(4)])
    heading, rows = lines[1:3], lines[3:]
    assert len({tuple(rules(line)) for line in [*heading, *rows]}) == 1, "\n" + "\n".join(lines)
    starts = columns(rows[0], end=False)[2:]  # the numbers after "block 0, head 0"
    assert_rows_aligned(rows, len(targets))
    for line in heading:  # every heading starts where a column of numbers does, or on its sign's column before
        assert all(start in starts or start + 1 in starts for start in columns(line, CELL, end=False)), (
            "\n" + "\n".join(lines))


def test_07_most_needed(capsys):
    rows = printed(capsys, lambda: [say("lesson08.most_needed", kind=kind_name(kind), part="block 1 MLP", rise=0.5,
                                        head="block 1, head 2", head_rise=0.25, next_rise=0.125, many=5, n=24)
                                    for kind in KINDS])
    assert len({colon(row) for row in rows}) == 1


def test_07_lens_table(capsys, shipped):
    states = shipped.config.n_layers + 1
    kinds = ("all", *KINDS)
    lens = LensScores({kind: [0.125 * i for i in range(states)] for kind in kinds},
                      {kind: [-10.5 + i for i in range(states)] for kind in kinds}, {kind: 1234 for kind in kinds})
    lines = printed(capsys, lambda: lens_table(lens))
    accuracy, logprob = lines[1::2], lines[2::2]
    ends = assert_rows_aligned(accuracy, states + 1)
    assert assert_rows_aligned(logprob, states) == ends[1:]
    assert_heading_over(lines[0], ends, states + 1)
    assert [hidden_state_name(i) for i in range(states)] == [cell for cell in CELL.findall(lines[0])][-states:]


# Lessons 09 and 09.

def test_08_tables(capsys, shipped):
    names = [shape_name(shipped, shipped=True), msg("printouts.shape", blocks=4, width=192)]
    costs = printed(capsys, lambda: [say("lesson09.step_cost", name=name, n=n, forward=1.5, step=4.25, ratio=2.8,
                                         backward=1.9, adamw=12) for name, n in zip(names, (200_000, 1_900_000))])
    assert_rows_aligned(costs, 6)
    kinds = printed(capsys, lambda: [say("lesson09.kind_loss", kind=kind_name(kind), targets=1234, loss=1.5,
                                         floor=1.25, gap=0.25) for kind in KINDS])
    assert_rows_aligned(kinds, 4)
    positions = printed(capsys, lambda: [say("lesson09.position", position=i, read=read, target=target)
                                         for i, (read, target) in enumerate([("EN:", "the"), ("猫", "が"),
                                                                            ("が", "寝る")])])
    assert len({colon(line) for line in positions}) == 1


def test_09_lens_guesses(capsys, shipped):
    rows = printed(capsys, lambda: [say("lesson10.lens_guess", state=hidden_state_name(i), token="JA:", word="猫",
                                        p=0.5) for i in range(shipped.config.n_layers + 1)])
    assert len({colon(row) for row in rows}) == 1
