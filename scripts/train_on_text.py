"""Train a character-level tiny GPT on your own text file and save it as an llmlab checkpoint.

    .venv/bin/python scripts/train_on_text.py data/tinyshakespeare.txt --steps 1000
"""

import argparse
import sys
import tempfile
import time
from pathlib import Path

from llmlab.engine.checkpoint import CheckpointError, check_writable, save_checkpoint
from llmlab.engine.generation import complete
from llmlab.messages import msg
from llmlab.studies.own_text import check_text_length, read_text_file, train_on_text
from llmlab.engine.training import TrainConfig, TrainingDiverged
from llmlab.engine.validate import LlmlabError, integer


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("text", type=Path, help="a UTF-8 text file")
    parser.add_argument("--steps", type=int, default=1000)
    parser.add_argument("--out", type=Path, default=Path("build/my_model.pt"))
    args = parser.parse_args()
    try:  # every input is checked before training starts: a bad one costs seconds, not the model
        text = read_text_file(args.text)
        check_text_length(text)
        config = TrainConfig(steps=integer(args.steps, "--steps", low=1), eval_every=100)
        out = check_writable(args.out)
    except LlmlabError as error:
        parser.error(str(error))  # the usage line and the message; exit status 2
    try:
        model, tokenizer, history = train_on_text(text, config)
    except TrainingDiverged as error:
        sys.exit(str(error))
    metadata = {"source": args.text.name, "history": history}
    try:
        save_checkpoint(out, model, tokenizer, metadata)
    except CheckpointError as error:  # the folder vanished or the disk filled up while training
        fallback = Path(tempfile.gettempdir()) / f"llmlab_model_{time.strftime('%Y%m%d_%H%M%S')}.pt"
        save_checkpoint(fallback, model, tokenizer, metadata)
        print(msg("own_text.saved_elsewhere", path=out, error=error, fallback=fallback))
        out = fallback
    print(msg("own_text.result", loss=history.val_loss[-1], seconds=history.seconds))
    print(msg("own_text.saved", path=out, context=model.config.context_length) + "\n")
    print(text[:20] + complete(model, tokenizer, text[:20], max_new_tokens=40, temperature=0.8,
                                  stop_at_eos=False))


if __name__ == "__main__":
    main()
