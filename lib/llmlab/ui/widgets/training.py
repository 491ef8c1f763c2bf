"""Live plots while a model trains, one figure each, its lines updated in place: lesson 09's loss, lesson 08's
copying circuit."""

from __future__ import annotations

import time
from collections.abc import Sequence

import torch
from matplotlib.figure import Figure

from llmlab.messages import msg
from llmlab.engine.model import GPT
from llmlab.engine.tokenizers import Tokenizer
from llmlab.studies.copying import CopyingRecorder, CopyingSnapshots
from llmlab.toy.facts import AccuracyCurve, fact_questions
from llmlab.ui.plots.copying import fill_replay, replay_axes
from llmlab.engine.training import check_windows, evaluate
from llmlab.engine.validate import LlmlabError, LlmlabTypeError, integer, kind_of, real
from llmlab.ui.widgets.base import WidgetPanel


class LiveLossPlot(WidgetPanel):
    """Training loss at every step, validation loss at every validation, the exact floor as a line.

    Pass ``plot.on_step`` and ``plot.on_eval`` to ``llmlab.engine.training.train``. Axes are fixed in
    advance (steps on x, 0 … ``y_max`` on y), so only the lines are redrawn, at most every
    ``min_interval`` seconds: the picture updates in place, without flicker.
    """

    def __init__(
        self,
        steps: int,
        floor: float | None = None,
        val: tuple[torch.Tensor, torch.Tensor] | None = None,
        y_max: float = 5.0,
        min_interval: float = 0.25,
    ) -> None:
        self.steps = integer(steps, "steps", low=1)
        self.floor = None if floor is None else real(floor, "floor", low=0)
        self.y_max = real(y_max, "y_max", low=0 if self.floor is None else self.floor, low_open=True)
        self.min_interval = real(min_interval, "min_interval", low=0, high=60)
        if val is not None and (not isinstance(val, tuple) or len(val) != 2):
            raise LlmlabTypeError(msg("widgets.training.bad_val", kind=kind_of(val)))
        self.val = val
        self.train_steps: list[int] = []
        self.train_losses: list[float] = []
        self.val_steps: list[int] = []
        self.val_losses: list[float] = []
        self._last_refresh = 0.0
        figure = Figure(figsize=(7.5, 3.4), layout="constrained")
        ax = figure.subplots()
        ax.set_xlim(0, self.steps)
        ax.set_ylim(0, self.y_max)
        ax.set_xlabel(msg("words.training_step"))
        ax.set_ylabel(msg("words.loss_per_token"))
        ax.grid(alpha=0.3)
        (self.train_line,) = ax.plot([], [], color="#1f77b4", lw=1, alpha=0.7, label=msg("widgets.training.train"))
        (self.val_line,) = ax.plot([], [], "o-", color="#d62728", ms=4, label=msg("widgets.training.validation"))
        if self.floor is not None:
            ax.axhline(self.floor, color="black", ls="--", lw=1, label=msg("widgets.training.floor", floor=self.floor))
        ax.legend(loc="upper right", fontsize=8)
        self.status = ax.text(0.02, 0.04, "", transform=ax.transAxes, fontsize=9)
        super().__init__([], figure, "training_loss")
        self.dynamic = [self.train_line, self.val_line, self.status]
        self.show()

    def on_step(self, step: int, loss: float) -> None:
        """Record one training step's loss; redraw if ``min_interval`` has passed."""
        step, loss = self._checked(step, loss, self.train_steps)  # both checked before either is kept
        self.train_steps.append(step)
        self.train_losses.append(loss)
        if time.perf_counter() - self._last_refresh >= self.min_interval:
            self.update()

    def on_eval(self, step: int, model: GPT) -> None:
        """Score ``model`` on the validation windows given at construction, record it and redraw."""
        if self.val is None:
            raise LlmlabError(msg("widgets.training.no_val"))
        check_windows(model, *self.val, "validation")
        self.add_validation(step, evaluate(model, *self.val))

    def add_validation(self, step: int, loss: float) -> None:
        """Record a validation loss measured elsewhere and redraw."""
        step, loss = self._checked(step, loss, self.val_steps)
        self.val_steps.append(step)
        self.val_losses.append(loss)
        self.update()

    def _checked(self, step: object, loss: object, steps: list[int]) -> tuple[int, float]:
        """A step on the axis (0 … ``steps``) after the last one recorded, and a loss of at least 0."""
        step, loss = integer(step, "step", low=0, high=self.steps), real(loss, "loss", low=0)
        if steps and step <= steps[-1]:
            raise LlmlabError(msg("widgets.training.step_backwards", step=step, last=steps[-1]))
        return step, loss

    def update(self) -> None:
        """Put the recorded numbers into the lines and the status text, and show the picture."""
        self.train_line.set_data(self.train_steps, self.train_losses)
        self.val_line.set_data(self.val_steps, self.val_losses)
        parts = []
        if self.train_losses:
            parts.append(msg("widgets.training.status_train", step=self.train_steps[-1], loss=self.train_losses[-1]))
        if self.val_losses:
            parts.append(msg("widgets.training.status_val", loss=self.val_losses[-1]))
        self.status.set_text("   ".join(parts))
        self.refresh()
        self._last_refresh = time.perf_counter()


class LiveCopyingPlot(WidgetPanel):
    """Lesson 08's replay drawn live: the copying skill forming while the shipped recipe trains.

    Pass ``plot.on_eval`` to ``llmlab.toy.recipe.train_shipped_model``. At every validation step it scores the
    fact questions in ``lines`` (``AccuracyCurve``) and records the colours' probabilities (``CopyingRecorder``:
    reading only, so the run is the one it would be without the plot), then redraws the lines of
    ``copying_replay_figure``. ``plot.replay()`` gives the run as ``load_copying_snapshots()`` does.
    """

    def __init__(self, tokenizer: Tokenizer, lines: Sequence[str], steps: int) -> None:
        self.steps = integer(steps, "steps", low=1)
        self.curve = AccuracyCurve(tokenizer, lines)
        self.questions = len(fact_questions(lines))
        self.recorder = CopyingRecorder(tokenizer, lines)
        figure = Figure(figsize=(7.5, 3.4), layout="constrained")
        self.lines = replay_axes(figure, self.steps)
        super().__init__([], figure, "copying_replay")
        self.dynamic = [self.lines.right, self.lines.p_asked, self.lines.p_other]
        self.show()

    def on_eval(self, step: int, model: GPT) -> None:
        """Measure ``model`` at this validation step and redraw."""
        step = integer(step, "step", low=0, high=self.steps)
        if self.recorder.steps and step <= self.recorder.steps[-1]:
            raise LlmlabError(msg("widgets.training.step_backwards", step=step, last=self.recorder.steps[-1]))
        self.curve(step, model)
        self.recorder(step, model)
        fill_replay(self.lines, self.replay())
        self.refresh()

    def replay(self) -> CopyingSnapshots:
        """The run so far, as ``llmlab.studies.copying.load_copying_snapshots`` reads a recorded one."""
        n = self.questions
        return CopyingSnapshots(list(self.recorder.steps), n, [round(share * n) for _, _, share in self.curve.points],
                                self.recorder.different, torch.tensor(self.recorder.p_asked),
                                torch.tensor(self.recorder.p_other))
