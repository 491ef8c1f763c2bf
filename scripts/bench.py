"""`make bench`: speed and memory figures on this machine (benchmarks, not pass/fail tests).

1. Training the default tiny model on the toy corpus: wall time, tokens/s, final validation
   loss against the exact floor (target: within 0.05 nats of the floor in <= 60 s on 2 cores).
2. Widget redraw latency (scripts/bench_widgets.py).
3. Running the whole series: every notebook top to bottom on a fresh kernel.
"""

import resource
import runpy
import sys
import time
from pathlib import Path

import nbformat
import torch
from nbclient import NotebookClient

from llmlab.toy import load_toy_data, train_tiny_model
from llmlab.training import TrainConfig

ROOT = Path(__file__).resolve().parents[1]


def bench_training() -> None:
    config = TrainConfig()
    data = load_toy_data()
    _, _, history = train_tiny_model(config, data, progress=False)
    gap = history.val_loss[-1] - data.floor
    print("== training the tiny model (default recipe) ==")
    print(f"recipe: {config}")
    print(f"torch threads: {torch.get_num_threads()}")
    print(f"wall time: {history.seconds:.1f} s for {config.steps} steps, "
          f"{history.tokens_seen / history.seconds:,.0f} tokens/s")
    print(f"validation loss: {history.val_loss[-1]:.4f} nats; floor: {data.floor:.4f}; gap: {gap:.4f} "
          f"({'within' if gap <= 0.05 else 'NOT within'} 0.05)")
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
    total = 0.0
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        notebook = nbformat.read(path, as_version=4)
        started = time.perf_counter()
        NotebookClient(notebook, timeout=600, resources={"metadata": {"path": str(path.parent)}}).execute()
        seconds = time.perf_counter() - started
        total += seconds
        print(f"{path.name:45s} {seconds:6.1f} s")
    print(f"{'all notebooks':45s} {total:6.1f} s")


if __name__ == "__main__":
    parts = {"training": bench_training, "widgets": bench_widgets, "series": bench_series}
    for name in sys.argv[1:] or parts:
        parts[name]()
