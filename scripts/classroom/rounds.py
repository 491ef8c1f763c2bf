"""One round of the bench: N learners at once on a running hub, with the memory they use sampled."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import psutil

from classroom.hub import Hub
from classroom.learner import LearnerResult, run_learner

SAMPLE_EVERY_S = 0.25
ROUND_TIMEOUT_S = 900
GB = 1024 ** 3


@dataclass
class RoundResult:
    """The learners' results and the memory peaks (bytes) of one round."""

    learners: list[LearnerResult]
    kernel_peak: dict[str, int] = field(default_factory=dict)
    server_peak: dict[str, int] = field(default_factory=dict)
    machine_before: int = 0
    machine_peak: int = 0
    load_before: float = 0.0


def machine_used() -> int:
    memory = psutil.virtual_memory()
    return memory.total - memory.available


class MemorySampler(threading.Thread):
    """Every SAMPLE_EVERY_S, the resident memory of each learner's kernel and server, and the machine's."""

    def __init__(self, homes: Path, result: RoundResult) -> None:
        super().__init__(daemon=True)
        self.homes, self.result, self.done = homes, result, threading.Event()

    def owner(self, process: psutil.Process) -> str | None:
        """The learner whose home folder the process runs in, if any."""
        try:
            relative = Path(process.cwd()).relative_to(self.homes)
        except (ValueError, psutil.Error):
            return None
        return relative.parts[0] if relative.parts else None

    def sample(self) -> None:
        for process in psutil.process_iter(["cmdline"]):
            cmdline = " ".join(process.info["cmdline"] or [])
            kind = ("kernel" if "ipykernel_launcher" in cmdline
                    else "server" if "jupyterhub-singleuser" in cmdline else None)
            name = self.owner(process) if kind else None
            if name is None:
                continue
            try:
                rss = process.memory_info().rss
            except psutil.Error:
                continue
            peaks = self.result.kernel_peak if kind == "kernel" else self.result.server_peak
            peaks[name] = max(peaks.get(name, 0), rss)
        self.result.machine_peak = max(self.result.machine_peak, machine_used())

    def run(self) -> None:
        while not self.done.wait(SAMPLE_EVERY_S):
            self.sample()


def run_round(hub: Hub, n_learners: int, lesson: Path, updates: int, tag: str) -> RoundResult:
    """N learners log in together, each runs ``lesson`` and ``updates`` slider moves; servers stopped after."""
    result = RoundResult(learners=[], machine_before=machine_used(), load_before=psutil.getloadavg()[0])
    names = [f"{tag}-{i + 1}" for i in range(n_learners)]
    sampler = MemorySampler(hub.homes.resolve(), result)
    sampler.start()
    start = time.monotonic()
    try:
        with ThreadPoolExecutor(n_learners) as pool:
            futures = [pool.submit(run_learner, hub, name, lesson, updates, start) for name in names]
            result.learners = [future.result(timeout=ROUND_TIMEOUT_S) for future in futures]
    finally:
        sampler.done.set()
        sampler.join()
        for name in names:
            hub.api("DELETE", f"/users/{name}/server")
    return result
