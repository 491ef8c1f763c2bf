"""The bench's table and the capacity rule drawn from it."""

from __future__ import annotations

import math
import statistics

from classroom.rounds import GB, RoundResult

TARGET_P95_MS = 100
# Memory a machine keeps for itself and the hub (operating system, JupyterHub, the proxy).
SYSTEM_RESERVE_GB = 1.0


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def all_updates(result: RoundResult) -> list[float]:
    return [ms for learner in result.learners for ms in learner.update_ms]


def table(rounds: dict[int, RoundResult]) -> str:
    """One line per N: first-cell time, lesson times, update p50/p95, memory peaks, failures."""
    lines = [f"{'N':>3} {'load':>5} {'all 1st cells':>13} {'lesson s min/med/max':>21} {'update p50':>10} "
             f"{'p95 ms':>7} {'cpu ms':>6} {'kernel GB':>9} {'server GB':>9} {'machine GB':>16} {'failures':>8}"]
    for n, result in rounds.items():
        learners = result.learners
        firsts = [r.first_cell_done_s for r in learners if r.first_cell_done_s is not None]
        lessons = [r.lesson_s for r in learners if r.lesson_s is not None]
        updates = all_updates(result)
        failures = sum(r.error is not None for r in learners)
        first = f"{max(firsts):.1f} s" if len(firsts) == len(learners) else "-"
        lesson = (f"{min(lessons):.1f}/{statistics.median(lessons):.1f}/{max(lessons):.1f}" if lessons else "-")
        p50 = f"{statistics.median(updates):.0f}" if updates else "-"
        p95 = f"{percentile(updates, 0.95):.0f}" if updates else "-"
        cpu = [r.update_cpu_ms for r in learners if r.update_cpu_ms is not None]
        cpu_ms = f"{statistics.median(cpu):.0f}" if cpu else "-"
        kernel = f"{max(result.kernel_peak.values()) / GB:.2f}" if result.kernel_peak else "-"
        server = f"{max(result.server_peak.values()) / GB:.2f}" if result.server_peak else "-"
        machine = f"{result.machine_before / GB:.1f} -> {result.machine_peak / GB:.1f}"
        lines.append(f"{n:>3} {result.load_before:>5.1f} {first:>13} {lesson:>21} {p50:>10} {p95:>7} {cpu_ms:>6} "
                     f"{kernel:>9} {server:>9} {machine:>16} {failures:>8}")
    lines.append("each learner: lesson time, explorer update p95, kernel peak memory")
    for n, result in rounds.items():
        each = [f"{learner.lesson_s:.1f} s/{percentile(learner.update_ms, 0.95):.0f} ms/"
                f"{result.kernel_peak.get(learner.name, 0) / GB:.2f} GB"
                for learner in result.learners if learner.lesson_s is not None and learner.update_ms]
        lines.append(f"  N={n}: " + ", ".join(each))
        for learner in result.learners:
            if learner.reconnects:
                lines.append(f"  N={n} {learner.name}: kernel websocket dropped before the first cell, "
                             f"opened again ({learner.reconnects}x)")
            if learner.error:
                lines.append(f"  N={n} {learner.name}: {learner.error}")
    return "\n".join(lines)


def learner_gb(rounds: dict[int, RoundResult]) -> float:
    """The most memory one learner used: their kernel's peak plus their server's."""
    return max(
        result.kernel_peak.get(learner.name, 0) / GB + result.server_peak.get(learner.name, 0) / GB
        for result in rounds.values() for learner in result.learners
    )


def update_core_ms(rounds: dict[int, RoundResult]) -> float:
    """Processor milliseconds one explorer update costs in a kernel: the highest learner's mean, any round.

    Measured as processor time, not wall time, so that others' work on a shared machine does not count.
    When every learner moves a slider at the same moment, N updates share C cores and the last one is
    ready after about N x cost / C; keeping that under the target gives the CPU side of the rule.
    (The Jupyter server and the proxy relaying the picture add a little on top, not counted here.)
    """
    costs = [learner.update_cpu_ms for result in rounds.values() for learner in result.learners
             if learner.update_cpu_ms is not None]
    return max(costs)


def capacity(cores: int, memory_gb: float, per_learner_gb: float, core_ms: float) -> tuple[int, int]:
    """(learners the CPU holds with p95 under the target, learners the memory holds)."""
    by_cpu = math.floor(cores * TARGET_P95_MS / core_ms)
    by_memory = math.floor((memory_gb - SYSTEM_RESERVE_GB) / per_learner_gb)
    return by_cpu, by_memory


def capacity_rule(rounds: dict[int, RoundResult]) -> str:
    """The rule, its inputs, and what it says for a few common machines."""
    per_learner, core_ms = learner_gb(rounds), update_core_ms(rounds)
    lines = [
        f"Capacity rule (explorer update p95 < {TARGET_P95_MS} ms when the whole class moves a slider at once):",
        f"  learners = min( floor(C x {TARGET_P95_MS} / {core_ms:.1f}),  floor((M - {SYSTEM_RESERVE_GB:.0f}) / "
        f"{per_learner:.2f}) )   for C cores and M GB",
        f"  ({core_ms:.1f} processor-ms per explorer update in the kernel; "
        f"{per_learner:.2f} GB per learner = peak kernel + server; "
        f"{SYSTEM_RESERVE_GB:.0f} GB kept for the system and the hub)",
    ]
    for cores, memory in ((2, 8), (4, 16), (8, 32), (16, 64), (32, 128)):
        by_cpu, by_memory = capacity(cores, memory, per_learner, core_ms)
        limit = "CPU" if by_cpu <= by_memory else "memory"
        lines.append(f"  {cores:>2} cores, {memory:>3} GB: {min(by_cpu, by_memory):>3} learners ({limit} bound)")
    return "\n".join(lines)
