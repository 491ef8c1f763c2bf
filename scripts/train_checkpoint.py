"""Train the shipped tiny model on the toy corpus and write the files lessons load (`make checkpoint`).

data/tiny_gpt.pt            config + weights + tokenizer + metadata (loss history, floor, recipe, copying)
data/tiny_gpt_snapshots.pt  the embedding tables at every validation step, for lesson 04's replay

The shipped files are replaced only by a model that answers at least TARGET of the fact questions: the lessons
are about its copying circuit. A run that misses it (when the copying appears depends on the start and on how
the processor rounds) is written to build/checkpoint/ instead, and the shipped files stay as they are.
"""

import platform
import time

import torch

from llmlab.engine.checkpoint import SHIPPED_CHECKPOINT, save_checkpoint
from llmlab.toy.corpus import load_corpus
from llmlab.toy.facts import AccuracyCurve
from llmlab.paths import REPO_ROOT, SNAPSHOT_FILE
from llmlab.toy.recipe import SHIPPED_RECIPE, SHIPPED_TRAIN_LINES, shipped_training_data, train_shipped_model

QUESTIONS = 200  # validation fact questions, scored at every validation step
TARGET = 0.9  # the shipped model answers at least 90% of them
MISSED_DIR = REPO_ROOT / "build" / "checkpoint"  # where a run below TARGET goes


def main() -> None:
    started = time.perf_counter()
    data = shipped_training_data()
    copying = AccuracyCurve(data.tokenizer, [line for line in load_corpus()[1] if " ? " in line][:QUESTIONS])
    snapshots: dict[str, list] = {"steps": [], "token_embedding": [], "position_embedding": []}

    def at_validation(step: int, model) -> None:
        snapshots["steps"].append(step)
        snapshots["token_embedding"].append(model.token_embedding.weight.detach().clone())
        snapshots["position_embedding"].append(model.position_embedding.weight.detach().clone())
        copying(step, model)

    model, data, history = train_shipped_model(data, on_eval=at_validation)
    seconds = time.perf_counter() - started
    accuracy = copying.points[-1][2]
    metadata = {
        "description": "tiny GPT trained on the llmlab toy corpus",
        "train_config": SHIPPED_RECIPE.to_dict(),
        "train_lines": SHIPPED_TRAIN_LINES,
        "history": history.to_dict(),
        "val_loss": history.val_loss[-1],
        "floor": data.floor,
        "answer_accuracy": accuracy,
        "copying_curve": copying.points,
        "seconds": seconds,
        "torch": str(torch.__version__),
        "python": platform.python_version(),
    }
    passed = accuracy >= TARGET
    checkpoint_file, snapshot_file = ((SHIPPED_CHECKPOINT, SNAPSHOT_FILE) if passed else
                                      (MISSED_DIR / SHIPPED_CHECKPOINT.name, MISSED_DIR / SNAPSHOT_FILE.name))
    checkpoint_file.parent.mkdir(parents=True, exist_ok=True)
    save_checkpoint(checkpoint_file, model, data.tokenizer, metadata, overwrite=True)
    torch.save(
        {"steps": snapshots["steps"],
         "token_embedding": torch.stack(snapshots["token_embedding"]),
         "position_embedding": torch.stack(snapshots["position_embedding"])},
        snapshot_file,
    )
    print(f"wrote {checkpoint_file} and {snapshot_file}")
    for step, at, share in copying.points:
        print(f"  step {step:5d} at {at:6.1f} s: {share * QUESTIONS:3.0f}/{QUESTIONS} fact questions answered right")
    print(f"validation loss {history.val_loss[-1]:.4f} nats, floor {data.floor:.4f}, "
          f"gap {history.val_loss[-1] - data.floor:.4f}; {seconds:.1f} s in all")
    if not passed:
        print(f"WARNING: {accuracy:.0%} of the fact questions answered right, below {TARGET:.0%}: this run did not "
              f"form the copying circuit the lessons study, so {SHIPPED_CHECKPOINT.name} and {SNAPSHOT_FILE.name} in "
              f"data/ were kept. When the copying appears depends on the start and on how this processor rounds; "
              "see docs/research/copying_recipe.md.")


if __name__ == "__main__":
    main()
