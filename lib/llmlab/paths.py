"""Where llmlab's files live on disk."""

from pathlib import Path

# The package lives in <repo>/lib/llmlab/, so the repository root is two folders up.
REPO_ROOT: Path = Path(__file__).resolve().parents[2]
DATA_DIR: Path = REPO_ROOT / "data"
# Public-domain Tiny Shakespeare (about 1.1 MB): lesson 03 trains its BPE on it.
SHAKESPEARE_FILE: Path = DATA_DIR / "tinyshakespeare.txt"
# The shipped model's embedding tables at every validation step (`make checkpoint`): lesson 04 replays them.
SNAPSHOT_FILE: Path = DATA_DIR / "tiny_gpt_snapshots.pt"
# A recorded training run of the shipped recipe (`make copying-replay`): the copying circuit forming, lesson 08.
REPLAY_FILE: Path = DATA_DIR / "copying_replay.pt"
