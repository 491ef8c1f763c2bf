"""One round of the bench: N learners at once on a running hub, with the memory they use sampled."""

from __future__ import annotations

import re
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import psutil

from classroom.hub import Hub
from classroom.learner import LearnerResult, run_learner

SAMPLE_EVERY_S = 0.5
ROUND_TIMEOUT_S = 3600
GB = 1024 ** 3
KERNEL_ID = re.compile(r"kernel-([0-9a-f-]{36})\.json")


@dataclass
class Peak:
    """A learner's largest memory at one moment: server and kernels together (bytes), and how many kernels."""

    rss: int = 0
    pss: int = 0
    kernels: int = 0  # kernels running at the moment of the largest PSS
    most_kernels: int = 0  # kernels running at once, at any moment


@dataclass
class RoundResult:
    """The learners' results and the memory peaks (bytes) of one round."""

    learners: list[LearnerResult]
    learner_peak: dict[str, Peak] = field(default_factory=dict)
    kernel_peak: dict[str, int] = field(default_factory=dict)  # RSS by kernel id
    server_peak: dict[str, int] = field(default_factory=dict)  # RSS by learner
    machine_before: int = 0
    machine_peak: int = 0
    load_before: float = 0.0
    load_after: float = 0.0
    seconds: float = 0.0


def machine_used() -> int:
    memory = psutil.virtual_memory()
    return memory.total - memory.available


class MemorySampler(threading.Thread):
    """Every SAMPLE_EVERY_S: each learner's server and kernels (RSS, PSS), each kernel's RSS, the machine's use."""

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
        now: dict[str, Peak] = {}
        for process in psutil.process_iter(["cmdline"]):
            cmdline = " ".join(process.info["cmdline"] or [])
            kind = ("kernel" if "ipykernel_launcher" in cmdline
                    else "server" if "jupyterhub-singleuser" in cmdline else None)
            name = self.owner(process) if kind else None
            if name is None:
                continue
            try:
                memory = process.memory_full_info()  # rss, and pss from /proc/PID/smaps_rollup
            except psutil.Error:
                continue
            total = now.setdefault(name, Peak())
            total.rss += memory.rss
            total.pss += memory.pss
            if kind == "server":
                self.result.server_peak[name] = max(self.result.server_peak.get(name, 0), memory.rss)
            else:
                total.kernels += 1
                if found := KERNEL_ID.search(cmdline):
                    self.result.kernel_peak[found[1]] = max(self.result.kernel_peak.get(found[1], 0), memory.rss)
        for name, total in now.items():
            peak = self.result.learner_peak.setdefault(name, Peak())
            peak.most_kernels = max(peak.most_kernels, total.kernels)
            peak.rss = max(peak.rss, total.rss)
            if total.pss > peak.pss:
                peak.pss, peak.kernels = total.pss, total.kernels
        self.result.machine_peak = max(self.result.machine_peak, machine_used())

    def run(self) -> None:
        while not self.done.wait(SAMPLE_EVERY_S):
            self.sample()


def run_round(hub: Hub, n_learners: int, lessons: list[Path], updates: int, tag: str,
              lesson_span_s: float = 0) -> RoundResult:
    """N learners log in together, each works through ``lessons`` (``updates`` slider moves in each);
    servers stopped after."""
    result = RoundResult(learners=[], machine_before=machine_used(), load_before=psutil.getloadavg()[0])
    names = [f"{tag}-{i + 1}" for i in range(n_learners)]
    sampler = MemorySampler(hub.homes.resolve(), result)
    sampler.start()
    start = time.monotonic()
    try:
        with ThreadPoolExecutor(n_learners) as pool:
            futures = [pool.submit(run_learner, hub, name, lessons, updates, start, lesson_span_s)
                       for name in names]
            result.learners = [future.result(timeout=ROUND_TIMEOUT_S) for future in futures]
    finally:
        result.seconds = time.monotonic() - start
        result.load_after = psutil.getloadavg()[0]
        sampler.done.set()
        sampler.join()
        for name in names:
            hub.api("DELETE", f"/users/{name}/server")
    return result
