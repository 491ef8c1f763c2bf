"""Replay the embedding table while the tiny model trained: a word map and word-pair similarities."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import ipywidgets as widgets

from matplotlib.transforms import Bbox

from llmlab.studies.embeddings import PCA, Snapshots, word_ids
from llmlab.messages import msg
from llmlab.ui.plots.embeddings import SimilarityTimeline, WordMap, new_figure
from llmlab.engine.tokenizers import Tokenizer
from llmlab.engine.validate import LlmlabError, integer
from llmlab.ui.widgets.base import WidgetPanel


class EmbeddingReplay(WidgetPanel):
    """A slider over saved training steps.

    Left: the chosen words on a 2-D map. The map's two directions are fitted once, on the
    final embeddings, and every step is projected onto them, so the picture never flips.
    Right: cosine similarity of anchor–near and anchor–far over all steps, marked at the
    current one.
    """

    def __init__(
        self,
        snapshots: Snapshots,
        tokenizer: Tokenizer,
        words: Sequence[str],
        kinds: dict[str, str],
        pair: tuple[str, str, str] = ("cat", "dog", "car"),
    ) -> None:
        self.snapshots = snapshots
        self.tokenizer = tokenizer
        self.words = list(words)
        self.rows = word_ids(tokenizer, self.words)
        self.pca = PCA.fit(snapshots.token_embedding[-1][self.rows])
        self.step = snapshots.steps[-1]
        self.slider = widgets.SelectionSlider(
            options=snapshots.steps, value=self.step, description=msg("widgets.embeddings.step"),
            continuous_update=False,
        )
        self.word_boxes = [
            widgets.Text(value=word, description=msg(key), continuous_update=False,
                         style={"description_width": "initial"}, layout=widgets.Layout(width="15em"))
            for word, key in zip(pair, ("widgets.embeddings.anchor", "widgets.embeddings.near",
                                        "widgets.embeddings.far"))
        ]
        figure, (map_ax, time_ax) = new_figure(8.4, 4.4, columns=2, width_ratios=[3, 2])
        super().__init__([self.slider, *self.word_boxes], figure, "embedding_replay")
        self.word_map = WordMap(map_ax, self.words, kinds)
        self.timeline = SimilarityTimeline(time_ax)
        # The map at each step is drawn once and kept (its pixels); the step slider pastes it back.
        self.dynamic = [map_ax, self.timeline.marker]
        self.map_frames: dict[int, Any] = {}  # step → pixels (matplotlib's BufferRegion)
        self.map_area: Bbox | None = None
        self.on_change(self.slider, self._set_step)
        for box in self.word_boxes:
            self.on_change(box, lambda _: self._set_words(*(b.value for b in self.word_boxes)))
        self.set_words(*pair)
        for step in snapshots.steps:  # every map now: moving the slider then only pastes pictures
            self._map_frame(step)

    def set_step(self, step: int) -> None:
        """Show the embeddings as they were at training step ``step``."""
        try:
            self.snapshots.index_of(integer(step, "step"))
        except LlmlabError as error:
            self.say(str(error), "warning")
            return
        if self.accepted([(self.slider, step)]) is None:
            return
        with self.muted():
            self.slider.value = step
        self.guard(self._set_step)(step)

    def set_words(self, anchor: str, near: str, far: str) -> None:
        """Follow the cosine similarity of anchor–near and anchor–far through training."""
        if self.accepted(list(zip(self.word_boxes, (anchor, near, far))), optional=False) is None:
            return
        with self.muted():
            for box, word in zip(self.word_boxes, (anchor, near, far)):
                box.value = word
        self.guard(self._set_words)(anchor, near, far)

    def _set_step(self, step: int) -> None:
        index = self.snapshots.index_of(step)
        self.step = step
        table = self.snapshots.token_embedding[index]
        self.word_map.update(self.pca.project(table[self.rows]), msg("widgets.embeddings.map_title", step=step))
        self.timeline.mark(step)
        self.refresh()
        self.say(self.summary())

    def draw_dynamic(self) -> None:
        """Paste the word map of the current step (drawn once per step), then the step marker."""
        self.canvas.restore_region(self._map_frame(self.step))
        self.figure.draw_artist(self.timeline.marker)

    def _map_frame(self, step: int) -> Any:
        """The pixels of the word map at ``step``, drawn on first use (everything left of the timeline)."""
        if step not in self.map_frames:
            self.canvas.restore_region(self.background())
            table = self.snapshots.token_embedding[self.snapshots.index_of(step)]
            self.word_map.update(self.pca.project(table[self.rows]), msg("widgets.embeddings.map_title", step=step))
            self.figure.draw_artist(self.word_map.ax)
            if self.map_area is None:  # measured once: the layout stays as it is
                timeline_left = self.timeline.ax.get_tightbbox(self.canvas.get_renderer()).x0
                self.map_area = Bbox.from_extents(0, 0, timeline_left - 1, self.figure.bbox.height)
            self.map_frames[step] = self.canvas.copy_from_bbox(self.map_area)
        return self.map_frames[step]

    def _set_words(self, anchor: str, near: str, far: str) -> None:
        chosen = [word.strip() for word in (anchor, near, far)]
        if not all(chosen):
            self.say(msg("widgets.embeddings.empty_word"), "warning")
            return
        a, b, c = word_ids(self.tokenizer, chosen)
        self.series = {
            f"{chosen[0]}–{chosen[1]}": self.snapshots.similarity_over_time(a, b),
            f"{chosen[0]}–{chosen[2]}": self.snapshots.similarity_over_time(a, c),
        }
        self.timeline.set_series(self.snapshots.steps, self.series)
        # only the pairs' lines and their legend changed: they are drawn again over the kept still picture
        self.per_input = [*self.timeline.lines, self.timeline.ax.get_legend()]
        self.forget_input()
        self._set_step(self.step)

    def summary(self) -> str:
        """The two similarities at the current step, in words."""
        index = self.snapshots.index_of(self.step)
        (near_label, near), (far_label, far) = ((label, values[index]) for label, values in self.series.items())
        return msg("widgets.embeddings.summary", step=self.step, near_label=near_label, near=near,
                   far_label=far_label, far=far)
