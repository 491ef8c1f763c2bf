"""The bench's tables and the capacity rule drawn from them."""

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


def spread(values: list[float], digits: int = 0) -> str:
    """'median/p95' of ``values``, or '-'."""
    return f"{statistics.median(values):.{digits}f}/{percentile(values, 0.95):.{digits}f}" if values else "-"


def all_kernels_kept_gb(result: RoundResult, name: str) -> float:
    """What one learner would hold with no cull (every lesson's kernel at its peak, and the server), RSS."""
    learner = next(learner for learner in result.learners if learner.name == name)
    kernels = sum(result.kernel_peak.get(run.kernel_id, 0) for run in learner.lessons)
    return (kernels + result.server_peak.get(name, 0)) / GB


def table(rounds: dict[int, RoundResult]) -> str:
    """One line per N (memory per learner, the machine's, times, culls, failures), then one line per lesson."""
    lines = [f"{'N':>3} {'load':>9} {'round':>6} {'learner GB rss/pss':>18} {'kernels':>7} {'no cull':>7} "
             f"{'machine GB':>12} {'lesson s p50/p95':>16} {'update ms p50/p95':>17} {'cpu ms':>6} "
             f"{'culled':>6} {'failures':>8}"]
    for n, result in rounds.items():
        learners = result.learners
        peaks = [result.learner_peak[r.name] for r in learners if r.name in result.learner_peak]
        rss = f"{max(p.rss for p in peaks) / GB:.2f}" if peaks else "-"
        pss = f"{max(p.pss for p in peaks) / GB:.2f}" if peaks else "-"
        kernels = f"{max(p.most_kernels for p in peaks)}" if peaks else "-"
        no_cull = max((all_kernels_kept_gb(result, r.name) for r in learners if r.name in result.learner_peak),
                      default=0)
        lessons = [run.seconds for r in learners for run in r.lessons if run.seconds is not None]
        cpu = [run.update_cpu_ms for r in learners for run in r.lessons if run.update_cpu_ms is not None]
        machine = f"{result.machine_before / GB:.1f}->{result.machine_peak / GB:.1f}"
        load = f"{result.load_before:.1f}->{result.load_after:.1f}"
        failures = sum(r.error is not None for r in learners)
        lines.append(f"{n:>3} {load:>9} {result.seconds:>5.0f}s {rss + '/' + pss:>18} {kernels:>7} "
                     f"{no_cull:>7.2f} {machine:>12} {spread(lessons, 1):>16} "
                     f"{spread([ms for r in learners for ms in r.update_ms]):>17} "
                     f"{statistics.median(cpu) if cpu else 0:>6.0f} {sum(r.culled for r in learners):>6} "
                     f"{failures:>8}")
    lines.append("per lesson (all rounds): kernel peak GB (largest), cells s p50/p95 at each N, "
                 "update ms p50/p95 at each N, the slider moved")
    names = list(dict.fromkeys(run.lesson for result in rounds.values() for r in result.learners
                               for run in r.lessons))
    for lesson in names:
        runs = {n: [run for r in result.learners for run in r.lessons if run.lesson == lesson]
                for n, result in rounds.items()}
        kernel = max((result.kernel_peak.get(run.kernel_id, 0) for n, result in rounds.items()
                      for run in runs[n]), default=0) / GB
        seconds = "  ".join(f"N={n} {spread([run.seconds for run in found if run.seconds is not None], 1)}"
                            for n, found in runs.items())
        updates = "  ".join(f"N={n} {spread([ms for run in found for ms in run.update_ms])}"
                            for n, found in runs.items())
        slider = next((run.slider for found in runs.values() for run in found if run.slider), "no slider redraws")
        lines.append(f"  {lesson:<36} {kernel:.2f} GB | {seconds} | {updates} | {slider}")
    for n, result in rounds.items():
        for learner in result.learners:
            if learner.reconnects:
                lines.append(f"  N={n} {learner.name}: a kernel websocket dropped before its first cell, "
                             f"opened again ({learner.reconnects}x)")
            if learner.error:
                lines.append(f"  N={n} {learner.name}: {learner.error}")
    lines.append("learner GB: the largest memory of one learner's server and kernels together at one moment "
                 "(RSS counts torch's shared libraries in every process, PSS shares them out); kernels: the most "
                 "kernels one learner had at once; no cull: server + every lesson's kernel at its peak (RSS), "
                 "what a learner holds when nothing is culled; culled: kernels the server had ended when the "
                 "learners finished")
    return "\n".join(lines)


def learner_gb(rounds: dict[int, RoundResult]) -> float:
    """The most memory one learner used at one moment: server and kernels together, PSS (what they cost the
    machine: the libraries every kernel maps are counted once, shared out)."""
    return max(peak.pss for result in rounds.values() for peak in result.learner_peak.values()) / GB


def update_core_ms(rounds: dict[int, RoundResult]) -> float:
    """Processor milliseconds one slider move costs in a kernel: the costliest lesson's median, any round.

    Measured as processor time, not wall time, so that others' work on a shared machine does not count.
    When every learner moves a slider at the same moment, N updates share C cores and the last one is
    ready after about N x cost / C; keeping that under the target gives the CPU side of the rule.
    (The Jupyter server and the proxy relaying the picture add a little on top, not counted here.)
    """
    by_lesson: dict[str, list[float]] = {}
    for result in rounds.values():
        for learner in result.learners:
            for run in learner.lessons:
                if run.update_cpu_ms is not None:
                    by_lesson.setdefault(run.lesson, []).append(run.update_cpu_ms)
    return max(statistics.median(costs) for costs in by_lesson.values())


def capacity(cores: int, memory_gb: float, per_learner_gb: float, core_ms: float) -> tuple[int, int]:
    """(learners the CPU holds with p95 under the target, learners the memory holds)."""
    by_cpu = math.floor(cores * TARGET_P95_MS / core_ms)
    by_memory = math.floor((memory_gb - SYSTEM_RESERVE_GB) / per_learner_gb)
    return by_cpu, by_memory


def capacity_rule(rounds: dict[int, RoundResult]) -> str:
    """The rule, its inputs, and what it says for a few common machines."""
    per_learner, core_ms = learner_gb(rounds), update_core_ms(rounds)
    lines = [
        f"Capacity rule (slider move p95 < {TARGET_P95_MS} ms when the whole class moves a slider at once):",
        f"  learners = min( floor(C x {TARGET_P95_MS} / {core_ms:.1f}),  floor((M - {SYSTEM_RESERVE_GB:.0f}) / "
        f"{per_learner:.2f}) )   for C cores and M GB",
        f"  ({core_ms:.1f} processor-ms per slider move in the kernel, the costliest lesson's; "
        f"{per_learner:.2f} GB per learner = the largest PSS of one learner's server and kernels at one moment; "
        f"{SYSTEM_RESERVE_GB:.0f} GB kept for the system and the hub)",
    ]
    for cores, memory in ((2, 8), (4, 16), (8, 32), (16, 64), (32, 128)):
        by_cpu, by_memory = capacity(cores, memory, per_learner, core_ms)
        limit = "CPU" if by_cpu <= by_memory else "memory"
        lines.append(f"  {cores:>2} cores, {memory:>3} GB: {min(by_cpu, by_memory):>3} learners ({limit} bound)")
    return "\n".join(lines)
