"""Train a character-level tiny GPT on your own text file and save it as an llmlab checkpoint.

    .venv/bin/python scripts/train_on_text.py data/tinyshakespeare.txt --steps 1000

It never writes over the text it trains on, nor over any file that is not an llmlab checkpoint;
an existing checkpoint at --out is replaced only with --overwrite.
"""

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

from llmlab.engine.checkpoint import CheckpointError, check_writable, save_checkpoint
from llmlab.engine.generation import complete
from llmlab.messages import msg
from llmlab.studies.own_text import check_text_length, read_text_file, train_on_text
from llmlab.engine.training import MAX_STEPS, TrainConfig, TrainingDiverged
from llmlab.engine.validate import LlmlabError, integer


def whole_number(text: str) -> object:
    """A command-line count as a number: "1000" and "2e3" as ints, anything else as it was typed."""
    for read in (int, float):
        try:
            number = read(text)
        except ValueError:
            continue
        return int(number) if isinstance(number, float) and number.is_integer() else number
    return text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("text", type=Path, help="a UTF-8 text file")
    parser.add_argument("--steps", default="1000", help="a whole number, such as 1000 or 2e3")
    parser.add_argument("--out", type=Path, default=Path("build/my_model.pt"))
    parser.add_argument("--overwrite", action="store_true", help="replace an llmlab checkpoint already at --out")
    args = parser.parse_args()
    try:  # every input is checked before training starts: a bad one costs seconds, not the model
        if args.out.exists() and args.text.exists() and os.path.samefile(args.out, args.text):
            raise LlmlabError(msg("own_text.out_is_input", path=args.out))
        text = read_text_file(args.text)
        check_text_length(text)
        config = TrainConfig(steps=integer(whole_number(args.steps), "--steps", low=1, high=MAX_STEPS),
                             eval_every=100)
        out = check_writable(args.out, args.overwrite)
    except LlmlabError as error:
        parser.error(str(error))  # the usage line and the message; exit status 2
    try:
        model, tokenizer, history = train_on_text(text, config)
    except TrainingDiverged as error:
        sys.exit(str(error))
    metadata = {"source": args.text.name, "history": history}
    try:
        save_checkpoint(out, model, tokenizer, metadata, overwrite=args.overwrite)
    except CheckpointError as error:  # the folder vanished or the disk filled up while training
        fallback = Path(tempfile.gettempdir()) / f"llmlab_model_{time.strftime('%Y%m%d_%H%M%S')}_{os.getpid()}.pt"
        save_checkpoint(fallback, model, tokenizer, metadata)
        print(msg("own_text.saved_elsewhere", path=out, error=error, fallback=fallback))
        out = fallback
    print(msg("own_text.result", loss=history.val_loss[-1], seconds=history.seconds))
    print(msg("own_text.saved", path=out, context=model.config.context_length) + "\n")
    print(text[:20] + complete(model, tokenizer, text[:20], max_new_tokens=40, temperature=0.8,
                                  stop_at_eos=False))


if __name__ == "__main__":
    main()
