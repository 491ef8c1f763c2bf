"""Train a character-level tiny GPT on your own text file and save it as an llmlab checkpoint.

    .venv/bin/python scripts/train_on_text.py data/tinyshakespeare.txt --steps 1000
"""

import argparse
from pathlib import Path

from llmlab.checkpoint import save_checkpoint
from llmlab.generation import complete
from llmlab.own_text import train_on_text
from llmlab.training import TrainConfig


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("text", type=Path, help="a UTF-8 text file")
    parser.add_argument("--steps", type=int, default=1000)
    parser.add_argument("--out", type=Path, default=Path("build/my_model.pt"))
    args = parser.parse_args()
    text = args.text.read_text(encoding="utf-8")
    model, tokenizer, history = train_on_text(text, TrainConfig(steps=args.steps, eval_every=100))
    save_checkpoint(args.out, model, tokenizer, {"source": args.text.name, "history": history.to_dict()})
    print(f"validation loss {history.val_loss[-1]:.3f} nats/character after {history.seconds:.0f} s")
    print(f"saved {args.out}; a sample (the context holds {model.config.context_length} characters):\n")
    print(text[:20] + complete(model, tokenizer, text[:20], max_new_tokens=40, temperature=0.8,
                                  stop_at_eos=False))


if __name__ == "__main__":
    main()
