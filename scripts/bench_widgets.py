"""Time every widget of the lessons in the kernel: a control changes → the new image is ready.

For each control: median and p95 over many moves (targets 50 ms and 100 ms). Text boxes (Enter
pressed) and buttons that rerun a model: median 50 ms and p95 60 ms, so that in the browser, which
adds the trip to the page and back and the PNG decoding (about 40 ms on a quiet machine), they stay
within p95 100 ms from input to new image (scripts/bench_browser.py measures that). The processor
time is printed too: on a busy machine the wall time grows, the processor time much less.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import matplotlib

matplotlib.use("Agg")

from llmlab.engine.checkpoint import load_shipped_model  # noqa: E402
from llmlab.toy.corpus import word_kinds  # noqa: E402
from llmlab.studies.embeddings import load_snapshots, words_of_kind  # noqa: E402
from llmlab.engine.params import PUBLISHED_CONFIGS  # noqa: E402
from llmlab.paths import DATA_DIR  # noqa: E402
from llmlab.engine.tokenizers import BPETokenizer, CharTokenizer, TiktokenTokenizer, available_tiktoken_encodings  # noqa: E402
from llmlab.ui.widgets.attention import AttentionExplorer  # noqa: E402
from llmlab.ui.widgets.embeddings import EmbeddingReplay  # noqa: E402
from llmlab.ui.widgets.generation import NextTokenExplorer  # noqa: E402
from llmlab.ui.widgets.hidden_states import HiddenStateExplorer  # noqa: E402
from llmlab.ui.widgets.neurons import AttentionBiasWidget, NeuronWidget  # noqa: E402
from llmlab.ui.widgets.params import MLPCalculator, TransformerCalculator  # noqa: E402
from llmlab.ui.widgets.qkv import QKVWidget  # noqa: E402
from llmlab.ui.widgets.tokens import TokenizerPlayground  # noqa: E402

TEXTS = (  # 32 tokens each, with the word tokenizer of the toy corpus
    "EN: the small cats near the big car sleep in the garden JA: "
    "大きい 車 の 近く の 小さい 猫 たち が 庭 で 寝る ken has the red ball . what",
    "EN: the trains near the small dogs wait in the road JA: "
    "小さい 犬 たち の 近く の 電車 が 道 で 待つ mia has the blue cup . what does ken",
)
MOVES = 40  # per slider or menu
TEXT_CHANGES = 20
FAST, SLOW = (50.0, 100.0), (50.0, 60.0)  # (median, p95) targets in ms: controls; texts and model runs


@dataclass
class Case:
    """One control of one widget, and the values to move it through."""

    name: str
    move: Callable[[object], None]
    values: Sequence[object]
    targets: tuple[float, float] = FAST
    n: int = MOVES


@dataclass
class Timing:
    wall_ms: list[float]
    cpu_ms: list[float]


def percentile(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def timed(case: Case) -> Timing:
    """Wall and processor time of each move (the first value is set once, untimed, as a warm-up)."""
    case.move(case.values[0])
    timing = Timing([], [])
    for i in range(case.n):
        value = case.values[(i + 1) % len(case.values)]
        start, start_cpu = time.perf_counter(), time.process_time()
        case.move(value)
        timing.cpu_ms.append((time.process_time() - start_cpu) * 1000)
        timing.wall_ms.append((time.perf_counter() - start) * 1000)
    return timing


def setter(control) -> Callable[[object], None]:
    """Move ``control`` as the browser would: set its value (the widget's observers then run)."""
    return lambda value: setattr(control, "value", value)


def there_and_back(values: Sequence[object]) -> list[object]:
    """0, 1, ..., n-1, n-2, ..., 1: a slider dragged right and back."""
    values = list(values)
    return values + values[-2:0:-1]


def steps(low: float, high: float, step: float) -> list[float]:
    return [round(low + i * step, 6) for i in range(int(round((high - low) / step)) + 1)]


def lesson_01() -> list[Case]:
    mlp = MLPCalculator(sizes=(10, 100, 1))
    transformer = TransformerCalculator(PUBLISHED_CONFIGS)
    return [
        Case("01 MLP: hidden 1 slider", setter(mlp.hidden_1), there_and_back(range(80, 121, 2))),
        Case("01 MLP: biases box", setter(mlp.bias), [True, False]),
        Case("01 transformer: model menu", setter(transformer.preset), list(PUBLISHED_CONFIGS)),
        Case("01 transformer: layers box", setter(transformer.n_layers), there_and_back(range(10, 15))),
    ]


def lesson_02() -> list[Case]:
    neuron, biases = NeuronWidget(), AttentionBiasWidget()
    sweep = there_and_back(steps(-2, 2, 0.1))
    return [
        Case("02 neuron: w1 slider", setter(neuron.w1), sweep),
        Case("02 neuron: b slider", setter(neuron.b), sweep),
        Case("02 biases: b_Q[0] slider", setter(biases.sliders["b_Q"][0]), sweep),
        Case("02 biases: b_K[1] slider", setter(biases.sliders["b_K"][1]), sweep),
        Case("02 biases: b_V[0] slider", setter(biases.sliders["b_V"][0]), sweep),
    ]


def lesson_03(word_tokenizer) -> list[Case]:
    text = (DATA_DIR / "toy_train.txt").read_text(encoding="utf-8")[:20_000]
    tokenizers = {
        "characters": CharTokenizer.from_text(text),
        "toy words": word_tokenizer,
        "our BPE, 400": BPETokenizer.train(text, 400),
    }
    if "cl100k_base" in available_tiktoken_encodings():
        tokenizers["cl100k_base"] = TiktokenTokenizer("cl100k_base")
    playground = TokenizerPlayground(tokenizers, "the cats sleep in the garden")
    typed = "the cats sleep in the garden 猫 が 寝る"
    keystrokes = [typed[: i + 1] for i in range(len(typed))]  # the text box reports every keystroke
    return [
        Case("03 tokenizers: menu", setter(playground.menu), list(tokenizers)),
        Case("03 tokenizers: typing", setter(playground.text_box), keystrokes),
    ]


def lesson_04(tokenizer) -> list[Case]:
    kinds = word_kinds()
    words = [word for kind in ("animal", "vehicle", "place") for word in words_of_kind(tokenizer, kinds, kind)]
    replay = EmbeddingReplay(load_snapshots(), tokenizer, words, kinds)
    return [
        Case("04 replay: step slider", setter(replay.slider), there_and_back(replay.snapshots.steps)),
        Case("04 replay: word box (Enter)", setter(replay.word_boxes[1]), ["dog", "cats", "bird"], SLOW, TEXT_CHANGES),
    ]


def lesson_05() -> list[Case]:
    query = QKVWidget()
    return [Case("05 query: x slider", setter(query.x_slider), there_and_back(steps(-3, 3, 0.1)))]


def lesson_06(model, tokenizer) -> list[Case]:
    explorer = NextTokenExplorer(model, tokenizer, "EN: the small cats near the big car", seed=0)

    def press_sample(_: object) -> None:  # one new token: a model run and new labels (reset when finished)
        if explorer.sample() is None:
            explorer.reset()

    return [
        Case("06 next token: temperature", setter(explorer.temperature_slider), there_and_back(steps(0.1, 3, 0.1))),
        Case("06 next token: top-k", setter(explorer.top_k_slider), there_and_back(range(1, 21))),
        Case("06 next token: sample button", press_sample, [None], SLOW, TEXT_CHANGES),
    ]


def lesson_10(model, tokenizer) -> list[Case]:
    assert all(len(tokenizer.encode(text)) == 32 for text in TEXTS), "each bench text must be 32 tokens"
    attention = AttentionExplorer(model, tokenizer, TEXTS[0])
    hidden = HiddenStateExplorer(model, tokenizer, TEXTS[0])
    n_heads, n_layers = model.config.n_heads, model.config.n_layers
    return [
        Case("09 attention: layer slider", setter(attention.layer_slider), there_and_back(range(n_layers))),
        Case("09 attention: head slider", setter(attention.head_slider), there_and_back(range(n_heads))),
        Case("09 attention: query menu", setter(attention.query_menu), list(range(31, 0, -3))),
        Case("09 attention: temperature", setter(attention.temperature_slider),
             there_and_back([2.0**e for e in steps(-3, 3, 0.25)])),
        Case("09 attention: text (Enter)", attention.set_text, TEXTS, SLOW, TEXT_CHANGES),
        Case("10 hidden states: layer slider", setter(hidden.layer_slider), there_and_back(range(n_layers + 1))),
        Case("10 hidden states: text (Enter)", hidden.set_text, TEXTS, SLOW, TEXT_CHANGES),
    ]


def report(case: Case, timing: Timing) -> bool:
    """Print one line; return whether the wall times meet the case's targets."""
    median, p95 = statistics.median(timing.wall_ms), percentile(timing.wall_ms, 0.95)
    cpu_median, cpu_p95 = statistics.median(timing.cpu_ms), percentile(timing.cpu_ms, 0.95)
    ok = median <= case.targets[0] and p95 <= case.targets[1]
    print(f"{case.name:34s} median {median:6.1f}  p95 {p95:6.1f} ms   (cpu {cpu_median:6.1f} / {cpu_p95:6.1f})"
          f"   target {case.targets[0]:.0f}/{case.targets[1]:.0f}  {'OK' if ok else 'SLOW'}")
    return ok


def main() -> None:
    model, tokenizer, _ = load_shipped_model()
    results = []
    print(f"{'widget: control':34s} wall time, n = {MOVES} moves ({TEXT_CHANGES} for texts)")
    for make in (lesson_01, lesson_02, lambda: lesson_03(tokenizer), lambda: lesson_04(tokenizer),
                 lesson_05, lambda: lesson_06(model, tokenizer), lambda: lesson_10(model, tokenizer)):
        for case in make():
            results.append(report(case, timed(case)))
    print("all within targets" if all(results) else "SOME FIGURES MISS THEIR TARGETS (a busy machine inflates them)")


if __name__ == "__main__":
    main()
