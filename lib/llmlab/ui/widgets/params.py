"""Parameter calculators of lesson 01: one for a small network (MLP), one for a transformer config."""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import asdict

import ipywidgets as widgets
from matplotlib.figure import Figure

from llmlab.engine.config import GPTConfig
from llmlab.messages import msg
from llmlab.studies.neurons import build_mlp, mlp_layer_counts, neuron_count, torch_layer_counts
from llmlab.engine.params import COMPONENTS, PUBLISHED_CONFIGS, count_without_weights, formula_parameters, total
from llmlab.ui.plots.params import ComponentBars, short_number
from llmlab.engine.validate import LlmlabError, LlmlabTypeError, kind_of, listing, shown
from llmlab.ui.widgets.base import WidgetPanel
from llmlab.ui.widgets.controls import as_list

MAX_MLP_LAYERS = 3  # inputs -> hidden 1 -> hidden 2 -> outputs


class Holding:
    """Lets a widget (a WidgetPanel) move several controls at once and redraw only after the last one."""

    holding = False

    @contextlib.contextmanager
    def hold(self) -> Iterator[None]:
        """Inside ``with self.hold():`` control callbacks see ``self.holding`` and do nothing."""
        self.holding = True
        try:
            yield
        finally:
            self.holding = False

    def set_values(self, pairs: Sequence[tuple[widgets.ValueWidget, object]]) -> None:
        """Set every (control, value) pair, None meaning "leave it", then redraw once; all or nothing:
        one impossible value leaves every control as it was and says why."""
        checked = self.accepted(pairs)
        if checked is None:
            return
        with self.hold():
            for control, value in checked:
                control.value = value
        self.update()


def mlp_components(n_layers: int = MAX_MLP_LAYERS) -> list[str]:
    """Segment names of the MLP bar: weights and biases of every linear layer."""
    names = []
    for i in range(1, n_layers + 1):
        names += [msg("widgets.mlp_weights", layer=i), msg("widgets.mlp_biases", layer=i)]
    return names


def component_names() -> dict[str, str]:
    """Each component of ``params.COMPONENTS`` → its name on screen, in the current language."""
    return {name: msg("words.component." + name.lower().replace(" ", "_")) for name in COMPONENTS}


def on_screen(counts: Mapping[str, int]) -> dict[str, int]:
    """``counts`` keyed by the components' names on screen."""
    names = component_names()
    return {names[name]: value for name, value in counts.items()}


class MLPCalculator(Holding, WidgetPanel):
    """Sliders for layer sizes; bars of parameters per layer by formula and by torch's own count."""

    def __init__(self, sizes: Sequence[int] = (10, 100, 1), bias: bool = True) -> None:
        slider = lambda key, low, high: widgets.IntSlider(  # noqa: E731
            min=low, max=high, description=msg(key), continuous_update=False
        )
        self.inputs = slider("widgets.mlp_inputs", 1, 1000)
        self.hidden_1 = slider("widgets.mlp_hidden_1", 1, 1000)
        self.hidden_2 = slider("widgets.mlp_hidden_2", 0, 1000)
        self.outputs = slider("widgets.mlp_outputs", 1, 100)
        self.bias = widgets.Checkbox(description=msg("widgets.biases"))
        figure = Figure(figsize=(7.5, 3.6), layout="constrained")
        self.bars = ComponentBars(
            figure.subplots(), [msg("widgets.by_formula"), msg("widgets.by_torch")], mlp_components()
        )
        controls = [self.inputs, self.hidden_1, self.hidden_2, self.outputs, self.bias]
        super().__init__(controls, figure, "mlp_parameters")
        self.dynamic = self.bars.dynamic
        self.formula_total = self.torch_total = 0
        self.update = self.guard(self._update)
        self.set(sizes, bias)
        for control in controls:
            control.observe(lambda _: self.update(), names="value")

    @property
    def sizes(self) -> list[int]:
        """Layer sizes shown by the sliders; a second hidden layer of 0 means there is none."""
        hidden = [self.hidden_1.value] + ([self.hidden_2.value] if self.hidden_2.value else [])
        return [self.inputs.value, *hidden, self.outputs.value]

    def set(self, sizes: Sequence[int] | None = None, bias: bool | None = None) -> None:
        """Move the controls (as a learner would) and redraw once. ``sizes``: 3 or 4 numbers."""
        pairs = [(self.bias, bias)]
        if sizes is not None:
            listed = as_list(sizes)
            if listed is None or not 3 <= len(listed) <= 4:
                self.say(msg("widgets.mlp_sizes", n=shown(sizes)), "error")
                return
            sizes = listed
            pairs += [(self.inputs, sizes[0]), (self.hidden_1, sizes[1]),
                      (self.hidden_2, sizes[2] if len(sizes) == 4 else 0), (self.outputs, sizes[-1])]
        self.set_values(pairs)

    def _update(self) -> None:
        if self.holding:
            return
        sizes, bias = self.sizes, self.bias.value
        names = mlp_components(len(sizes) - 1)
        by_formula, by_torch = {}, {}
        for i, layer in enumerate(mlp_layer_counts(sizes, bias)):
            by_formula[names[2 * i]], by_formula[names[2 * i + 1]] = layer.weights, layer.biases
        for i, (weights, biases) in enumerate(torch_layer_counts(build_mlp(sizes, bias))):
            by_torch[names[2 * i]], by_torch[names[2 * i + 1]] = weights, biases
        self.formula_total, self.torch_total = sum(by_formula.values()), sum(by_torch.values())
        self.bars.update([by_formula, by_torch])
        self.bars.ax.set_title(" → ".join(str(n) for n in sizes))
        self.say(
            msg("widgets.mlp_summary", neurons=neuron_count(sizes), formula=self.formula_total, torch=self.torch_total)
        )
        self.refresh()


@functools.lru_cache(maxsize=32)
def meta_count(config: GPTConfig) -> dict[str, int]:
    """torch's per-component count of a model built without weights (cached: GPT-3 takes a tenth of a second)."""
    return count_without_weights(config)


class TransformerCalculator(Holding, WidgetPanel):
    """A GPT config in boxes (or a preset); its parameters per component, by formula and by torch."""

    def __init__(self, presets: Mapping[str, GPTConfig] | None = None, start: str | None = None) -> None:
        if presets is not None and not isinstance(presets, Mapping):
            raise LlmlabTypeError(msg("widgets.bad_presets", kind=kind_of(presets)))
        self.presets = dict(presets or PUBLISHED_CONFIGS)
        for name, config in self.presets.items():  # the MLP width box holds a multiple of d_model
            if not isinstance(name, str) or not isinstance(config, GPTConfig):
                raise LlmlabTypeError(msg("widgets.bad_presets", kind=f"{kind_of(name)} → {kind_of(config)}"))
            if config.d_mlp % config.d_model:
                raise LlmlabError(msg("widgets.mlp_not_multiple", name=name, d_mlp=config.d_mlp,
                                      d_model=config.d_model))
        self.custom = msg("widgets.custom")
        self.preset = widgets.Dropdown(options=[*self.presets, self.custom], description=msg("words.model"))
        box = lambda key, high: widgets.BoundedIntText(  # noqa: E731
            min=1, max=high, description=msg(key), layout=widgets.Layout(width="190px"),
            style={"description_width": "initial"},  # a label as wide as it needs (Japanese ones are wider)
        )
        self.n_layers = box("widgets.n_layers", 1000)
        self.d_model = box("widgets.d_model", 100_000)
        self.mlp_ratio = box("widgets.mlp_ratio", 100)  # d_mlp = mlp_ratio × d_model (4 in GPT-2)
        self.n_heads = box("widgets.n_heads", 1000)
        self.vocab_size = box("widgets.vocab_size", 1_000_000)
        self.context_length = box("widgets.context_length", 1_000_000)
        self.tied = widgets.Checkbox(description=msg("widgets.tied"))
        self.bias = widgets.Checkbox(description=msg("widgets.biases"))
        self.fields = [self.n_layers, self.d_model, self.mlp_ratio, self.n_heads, self.vocab_size, self.context_length,
                       self.tied, self.bias]
        figure = Figure(figsize=(8, 4), layout="constrained")
        self.bars = ComponentBars(figure.subplots(), [msg("widgets.by_formula"), msg("widgets.by_torch")],
                                  list(component_names().values()))
        super().__init__([self.preset, *self.fields], figure, "transformer_parameters")
        self.dynamic = self.bars.dynamic
        self.counts: tuple[dict[str, int], dict[str, int]] | None = None
        self.counted: GPTConfig | None = None  # the config the bars show
        for config in self.presets.values():  # count the presets now: the menu then answers at once
            meta_count(config)
        self.update = self.guard(self._update)
        self.choose(start or next(iter(self.presets)))
        self.preset.observe(lambda change: self.holding or self.guard(self.choose)(change["new"]), names="value")
        for field in self.fields:
            field.observe(lambda _: self.holding or self.set(), names="value")

    def config(self) -> GPTConfig:
        """The config the boxes describe (raises a ValueError with a clear message if impossible)."""
        return GPTConfig(
            vocab_size=self.vocab_size.value,
            context_length=self.context_length.value,
            d_model=self.d_model.value,
            n_heads=self.n_heads.value,
            n_layers=self.n_layers.value,
            d_mlp=self.mlp_ratio.value * self.d_model.value,
            bias=self.bias.value,
            tied_embeddings=self.tied.value,
        )

    def choose(self, name: str) -> None:
        """Fill the boxes with a preset's config and redraw once."""
        if self.accepted([(self.preset, name)], optional=False) is None:
            return
        if name == self.custom:  # nothing to fill in: the boxes are the learner's from here on
            self.say(msg("widgets.custom_chosen"))
            return
        config = self.presets[name]
        with self.hold():
            for field, value in (
                (self.n_layers, config.n_layers), (self.d_model, config.d_model),
                (self.mlp_ratio, config.d_mlp // config.d_model), (self.n_heads, config.n_heads),
                (self.vocab_size, config.vocab_size), (self.context_length, config.context_length),
                (self.tied, config.tied_embeddings), (self.bias, config.bias),
            ):
                field.value = value
            self.preset.value = name
        self.update()

    def set(self, **values: int | bool) -> None:
        """Type into the boxes, e.g. ``set(d_model=768, n_heads=12)``, then redraw once.

        Names: n_layers, d_model, mlp_ratio (the MLP's width in multiples of d_model), n_heads, vocab_size,
        context_length, tied, bias.
        """
        boxes = {"n_layers": self.n_layers, "d_model": self.d_model, "mlp_ratio": self.mlp_ratio,
                 "n_heads": self.n_heads, "vocab_size": self.vocab_size, "context_length": self.context_length,
                 "tied": self.tied, "bias": self.bias}
        unknown = [name for name in values if name not in boxes]
        if unknown:
            self.say(msg("widgets.unknown_boxes", names=listing(unknown), known=", ".join(boxes)), "error")
            return
        checked = self.accepted([(boxes[name], value) for name, value in values.items()])
        if checked is None:
            return
        with self.hold():
            for box, value in checked:
                box.value = value
            self.preset.value = self.custom
        self.update()

    def _update(self) -> None:
        config = self.config()
        by_formula, by_torch = formula_parameters(config), dict(meta_count(config))
        self.counts = (by_formula, by_torch)
        self.bars.update([on_screen(by_formula), on_screen(by_torch)])
        self.bars.ax.set_title(msg("widgets.transformer_title", total=short_number(total(by_torch))))
        summary = msg("widgets.transformer_summary", formula=total(by_formula), torch=total(by_torch))
        # only the number of heads changed: no bar moved, so say why
        if self.counted is not None and self.counted.n_heads != config.n_heads \
                and asdict(self.counted) | {"n_heads": config.n_heads} == asdict(config):
            summary += " " + msg("widgets.heads_same_count", heads=config.n_heads, d_model=config.d_model,
                                 width=config.d_model // config.n_heads)
        self.counted = config
        self.say(summary)
        self.refresh()
