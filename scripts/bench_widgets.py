"""Time the attention and hidden-state explorers on the shipped model with a 32-token input, and lesson 05's widget.

Slider change → new image ready (median and p95, targets 50 ms and 100 ms);
text change → every view updated (median, target 300 ms).
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

from llmlab.checkpoint import load_shipped_model
from llmlab.widgets.attention import AttentionExplorer
from llmlab.widgets.hidden_states import HiddenStateExplorer
from llmlab.widgets.qkv import QKVWidget

TEXTS = (  # 32 tokens each, with the word tokenizer of the toy corpus
    "EN: the small cats near the big car sleep in the garden JA: "
    "大きい 車 の 近く の 小さい 猫 たち が 庭 で 寝る ken has the red ball . what",
    "EN: the trains near the small dogs wait in the road JA: "
    "小さい 犬 たち の 近く の 電車 が 道 で 待つ mia has the blue cup . what does ken",
)
SLIDER_MOVES = 60
TEXT_CHANGES = 6


CPU_MS: list[float] = []  # processor time of every timed action, to tell slowness from a busy machine


def milliseconds(action: Callable[[], None]) -> float:
    """Wall-clock time of ``action``; its processor time goes to CPU_MS."""
    start, start_cpu = time.perf_counter(), time.process_time()
    action()
    CPU_MS.append((time.process_time() - start_cpu) * 1000)
    return (time.perf_counter() - start) * 1000


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def report(name: str, slider_ms: list[float], text_ms: list[float]) -> bool:
    """Print one explorer's figures; return whether they meet the targets."""
    median, p95 = statistics.median(slider_ms), percentile(slider_ms, 0.95)
    text = statistics.median(text_ms)
    ok = median <= 50 and p95 <= 100 and text <= 300
    print(f"{name:22s} slider median {median:5.1f} ms  p95 {p95:5.1f} ms   "
          f"text change median {text:6.1f} ms (max {max(text_ms):6.1f})   {'OK' if ok else 'SLOW'}")
    return ok


def report_cpu(name: str, n_slider: int) -> None:
    """Processor time of the last run (one thread is used, so this is the time on an idle machine)."""
    slider, text = CPU_MS[-(n_slider + TEXT_CHANGES):-TEXT_CHANGES], CPU_MS[-TEXT_CHANGES:]
    print(f"{'':22s} cpu:   median {statistics.median(slider):5.1f} ms  p95 {percentile(slider, 0.95):5.1f} ms   "
          f"text change median {statistics.median(text):6.1f} ms")


def bench(explorer, slider, values: list, texts: tuple[str, ...]) -> tuple[list[float], list[float]]:
    """Time slider moves through ``values`` and alternating text changes."""
    def move(value) -> None:
        slider.value = value

    slider_ms = [milliseconds(lambda v=values[i % len(values)]: move(v)) for i in range(SLIDER_MOVES)]
    text_ms = [milliseconds(lambda t=texts[i % len(texts)]: explorer.set_text(t)) for i in range(TEXT_CHANGES)]
    return slider_ms, text_ms


def bench_query_widget() -> bool:
    """Lesson 05's Q/K/V widget: the query's x slider dragged across its range (no text box)."""
    widget = QKVWidget()
    values = [round(-3 + 0.1 * i, 1) for i in range(61)]
    slider_ms = [milliseconds(lambda v=values[i % len(values)]: setattr(widget.x_slider, "value", v))
                 for i in range(SLIDER_MOVES)]
    median, p95 = statistics.median(slider_ms), percentile(slider_ms, 0.95)
    ok = median <= 50 and p95 <= 100
    print(f"{'05 query: x slider':22s} slider median {median:5.1f} ms  p95 {p95:5.1f} ms   {'OK' if ok else 'SLOW'}")
    return ok


def main() -> None:
    model, tokenizer, _ = load_shipped_model()
    assert all(len(tokenizer.encode(text)) == 32 for text in TEXTS), "each bench text must be 32 tokens"
    attention = AttentionExplorer(model, tokenizer, TEXTS[0])
    hidden = HiddenStateExplorer(model, tokenizer, TEXTS[0])
    n_heads, n_layers = model.config.n_heads, model.config.n_layers
    heads = list(range(n_heads)) + list(range(n_heads - 2, 0, -1))
    layers = list(range(n_layers + 1)) + list(range(n_layers - 1, 0, -1))
    cases = [
        ("attention: head", attention, attention.head_slider, heads),
        ("attention: query", attention, attention.query_menu, list(range(31, 0, -3))),
        ("hidden states: layer", hidden, hidden.layer_slider, layers),
    ]
    results = []
    for name, explorer, control, values in cases:
        results.append(report(name, *bench(explorer, control, values, TEXTS)))
        report_cpu(name, SLIDER_MOVES)
    results.append(bench_query_widget())
    print("all within targets" if all(results) else "SOME FIGURES MISS THEIR TARGETS")


if __name__ == "__main__":
    main()
