"""`make bench`: speed and memory figures on this machine (benchmarks, not pass/fail tests).

1. Training the shipped model as `make checkpoint` does: wall time, tokens/s, the gap to the exact
   floor (target <= 0.015 nats) and the fact questions answered right against training time (target
   >= 90% of 200; within 3 minutes if possible, else within 10).
2. Widget redraw latency (scripts/bench_widgets.py).
3. Running the whole series: every notebook top to bottom on a fresh kernel.
4. Lesson 09's Tiny Shakespeare recipe: time to reach 1.88 nats/character on validation (target:
   <= 55 s on 2 cores) and training tokens/s.
"""

import importlib
import os
import resource
import runpy
import sys
import time
from pathlib import Path

import nbformat
import torch
from nbclient import NotebookClient

from llmlab.studies.own_text import (SHAKESPEARE_RECIPE, SHAKESPEARE_SHAPE, check_text_length, held_out_sizes,
                              held_out_windows, read_text_file, train_on_text)
from llmlab.paths import SHAKESPEARE_FILE
from llmlab.toy.corpus import load_corpus
from llmlab.toy.facts import AccuracyCurve
from llmlab.toy.recipe import SHIPPED_RECIPE, shipped_training_data, train_shipped_model
from llmlab.engine.training import evaluate

ROOT = Path(__file__).resolve().parents[1]


def bench_training() -> None:
    """`make checkpoint`'s training: time, tokens/s, the gap to the floor and the copying accuracy against time."""
    data = shipped_training_data()
    questions = [line for line in load_corpus()[1] if " ? " in line][:200]
    curve = AccuracyCurve(data.tokenizer, questions)
    _, _, history = train_shipped_model(data, progress=False, on_eval=curve)
    gap = history.val_loss[-1] - data.floor
    print("== training the shipped model (make checkpoint's recipe, one torch thread) ==")
    print(f"recipe: {SHIPPED_RECIPE}")
    print(f"wall time: {history.seconds:.1f} s for {SHIPPED_RECIPE.steps} steps, "
          f"{history.tokens_seen / history.seconds:,.0f} tokens/s (text windows and drill questions)")
    print(f"validation loss: {history.val_loss[-1]:.4f} nats; floor: {data.floor:.4f}; gap: {gap:.4f} "
          f"({'within' if gap <= 0.015 else 'NOT within'} 0.015)")
    print("fact questions answered right (greedy, 200 validation questions) against training time:")
    for step, seconds, share in curve.points:
        print(f"  step {step:5d} at {seconds:6.1f} s: {share * 200:3.0f}/200")
    within_3_min = [share for _, seconds, share in curve.points if seconds <= 180]
    print(f"best within 3 minutes: {max(within_3_min) * 200:.0f}/200; at the end: {curve.points[-1][2] * 200:.0f}/200 "
          f"({'within' if history.seconds <= 600 else 'NOT within'} 10 minutes)")
    print(f"peak memory (RSS) so far: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


def bench_widgets() -> None:
    script = ROOT / "scripts" / "bench_widgets.py"
    print("\n== widget latency ==")
    if script.exists():
        runpy.run_path(str(script), run_name="__main__")
    else:
        print("scripts/bench_widgets.py not found")


def bench_series() -> None:
    print("\n== running the whole series ==")
    totals = {"en": 0.0, "ja": 0.0}
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        for language, lesson in (("en", path), ("ja", path.parent / "ja" / path.name)):
            if not lesson.exists():
                continue
            notebook = nbformat.read(lesson, as_version=4)
            started = time.perf_counter()
            NotebookClient(notebook, timeout=600, resources={"metadata": {"path": str(lesson.parent)}}).execute()
            seconds = time.perf_counter() - started
            totals[language] += seconds
            print(f"{language} {path.name:45s} {seconds:6.1f} s")
    for language, total in totals.items():
        print(f"{language} {'all notebooks':45s} {total:6.1f} s")


def bench_shakespeare(target: float = 1.88) -> None:
    """Lesson 09's recipe: when validation first reaches ``target``, with and without validation time."""
    torch.set_num_threads(2)
    importlib.import_module("torch._dynamo")  # torch's optimizer imports it on first use (~2 s): not training
    started, cpu_started = time.perf_counter(), time.process_time()
    last_step_end = [started]
    validating = [0.0]  # seconds not spent on training steps: reading the text, building the model, validation
    marks: list[tuple[float, float]] = []  # (wall seconds, training-only seconds) at each validation

    def step_done(step: int, loss: float) -> None:
        last_step_end[0] = time.perf_counter()

    def validated(step: int, model) -> None:
        now = time.perf_counter()
        validating[0] += now - last_step_end[0]
        last_step_end[0] = now
        marks.append((now - started, now - started - validating[0]))

    load_before = os.getloadavg()[0]
    text = read_text_file(SHAKESPEARE_FILE)
    model, tokenizer, history = train_on_text(text, SHAKESPEARE_RECIPE, **SHAKESPEARE_SHAPE, progress=False,
                                              on_eval=validated, on_step=step_done)
    cpu_seconds = time.process_time() - cpu_started
    print("\n== Tiny Shakespeare, lesson 09's recipe ==")
    print(f"shape: {SHAKESPEARE_SHAPE}; recipe: {SHAKESPEARE_RECIPE}")
    print(f"torch threads: {torch.get_num_threads()}; load average before {load_before:.1f}, "
          f"after {os.getloadavg()[0]:.1f} (other work on the machine slows every figure below)")
    training_seconds = marks[-1][1]
    print(f"{history.tokens_seen:,} training tokens in {training_seconds:.1f} s of training steps: "
          f"{history.tokens_seen / training_seconds:,.0f} tokens/s; {marks[-1][0]:.1f} s with setup and validation "
          f"({cpu_seconds:.1f} s of processor time)")
    context = SHAKESPEARE_SHAPE["context_length"]
    held_out, scored = held_out_sizes(text, context)
    print(f"validation scores {scored:,} of the {held_out:,} held-out characters (every k-th window)")
    for step, loss, (wall, training) in zip(history.val_steps, history.val_loss, marks):
        print(f"  step {step:5d}: validation {loss:.3f} nats/character at {wall:6.1f} s ({training:6.1f} s training)")
    reached = [(step, wall, training)
               for step, loss, (wall, training) in zip(history.val_steps, history.val_loss, marks) if loss <= target]
    if reached:
        step, wall, training = reached[0]
        print(f"time to {target}: {wall:.1f} s including setup and validation, "
              f"{training:.1f} s of training (step {step}) "
              f"({'within' if wall <= 55 else 'NOT within'} 55 s)")
    else:
        print(f"validation never reached {target} (best {min(history.val_loss):.3f})")
    every_x, every_y = held_out_windows(tokenizer.encode(text)[check_text_length(text, context):], context, None)
    print(f"the final model on all {every_x.numel():,} held-out characters (not timed): "
          f"{evaluate(model, every_x, every_y):.3f} nats/character")


if __name__ == "__main__":
    parts = {"training": bench_training, "widgets": bench_widgets, "series": bench_series,
             "shakespeare": bench_shakespeare}
    for name in sys.argv[1:] or parts:
        parts[name]()
