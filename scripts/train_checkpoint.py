"""Train the default tiny model on the toy corpus and write the files lessons load.

data/tiny_gpt.pt            config + weights + tokenizer + metadata (loss history, floor, recipe)
data/tiny_gpt_snapshots.pt  the embedding tables at every validation step, for lesson 04's replay
"""

import platform

import torch

from llmlab.checkpoint import SHIPPED_CHECKPOINT, save_checkpoint
from llmlab.paths import DATA_DIR
from llmlab.toy import train_tiny_model
from llmlab.training import TrainConfig

SNAPSHOTS = DATA_DIR / "tiny_gpt_snapshots.pt"


def main() -> None:
    config = TrainConfig()
    snapshots: dict[str, list] = {"steps": [], "token_embedding": [], "position_embedding": []}

    def keep_embeddings(step: int, model) -> None:
        snapshots["steps"].append(step)
        snapshots["token_embedding"].append(model.token_embedding.weight.detach().clone())
        snapshots["position_embedding"].append(model.position_embedding.weight.detach().clone())

    model, data, history = train_tiny_model(config, on_eval=keep_embeddings)
    metadata = {
        "description": "tiny GPT trained on the llmlab toy corpus",
        "train_config": config.to_dict(),
        "history": history.to_dict(),
        "val_loss": history.val_loss[-1],
        "floor": data.floor,
        "torch": str(torch.__version__),
        "python": platform.python_version(),
    }
    save_checkpoint(SHIPPED_CHECKPOINT, model, data.tokenizer, metadata)
    torch.save(
        {"steps": snapshots["steps"],
         "token_embedding": torch.stack(snapshots["token_embedding"]),
         "position_embedding": torch.stack(snapshots["position_embedding"])},
        SNAPSHOTS,
    )
    print(f"wrote {SHIPPED_CHECKPOINT} and {SNAPSHOTS}")
    print(f"validation loss {history.val_loss[-1]:.4f} nats, floor {data.floor:.4f}, "
          f"gap {history.val_loss[-1] - data.floor:.4f}, {history.seconds:.1f} s")


if __name__ == "__main__":
    main()
