"""Next-token explorer: the bars of the most likely next tokens, temperature and top-k sliders,
and buttons that append a sampled or the greedy token to a growing text.

The model runs once per new token (a button press); the sliders only reshape the cached scores.
"""

from __future__ import annotations

import html

import ipywidgets as widgets
import torch

from llmlab.engine.generation import sample_next
from llmlab.messages import msg
from llmlab.engine.model import GPT
from llmlab.ui.plots.generation import NextTokenBars
from llmlab.ui.plots.token_labels import token_labels, visible
from llmlab.engine.sampling import next_token_logits, probabilities
from llmlab.engine.tokenizers import Tokenizer, UnknownTokenError
from llmlab.engine.validate import (LlmlabError, check_ids, check_model, check_seed, check_temperature, check_tokenizer,
                                    check_top_k, listing)
from llmlab.ui.widgets.base import WidgetPanel, default_text, one_torch_thread
from llmlab.ui.widgets.params import Holding

N_BARS = 10
CHOICE_COLOURS = {"sampled": "#1f5fa0", "greedy": "#c25400"}


class NextTokenExplorer(Holding, WidgetPanel):
    """Watch the generation loop one token at a time.

    From Python: ``set(temperature=0.5, top_k=3)``, ``sample()``, ``greedy()``, ``reset("EN: the")``;
    ``ids``, ``text`` and ``choices`` tell what has been generated.
    """

    def __init__(self, model: GPT, tokenizer: Tokenizer, prompt: str | None = None,
                 temperature: float = 1.0, top_k: int | None = None, seed: int = 0) -> None:
        tokenizer = check_tokenizer(tokenizer, "NextTokenExplorer", check_model(model, "NextTokenExplorer"))
        vocab = model.config.vocab_size
        self.model, self.tokenizer, self.seed = model, tokenizer, check_seed(seed)
        self.temperature_slider = widgets.FloatSlider(
            1.0, min=0.05, max=3.0, step=0.05, description=msg("widgets.generation.temperature"),
            continuous_update=False, style={"description_width": "initial"})
        self.top_k_slider = widgets.IntSlider(
            vocab, min=1, max=vocab, description=msg("widgets.generation.top_k"),
            continuous_update=False, style={"description_width": "initial"})
        self.sample_button = widgets.Button(description=msg("widgets.generation.sample"), icon="random")
        self.greedy_button = widgets.Button(description=msg("widgets.generation.greedy"), icon="arrow-up")
        self.reset_button = widgets.Button(description=msg("widgets.generation.reset"), icon="undo")
        self.text_view = widgets.HTML()
        self.plot = NextTokenBars(N_BARS)
        controls = [self.temperature_slider, self.top_k_slider,
                    self.sample_button, self.greedy_button, self.reset_button]
        super().__init__(controls, self.plot.figure, "next_token", below=[self.text_view])
        self.dynamic = self.plot.dynamic
        self.per_input = self.plot.per_text
        self.prompt_ids: list[int] = []
        self.ids: list[int] = []
        self.choices: list[str] = []  # "sampled" or "greedy", one per generated token
        self.logits = torch.zeros(vocab)
        self.finished: str | None = None
        self.top_ids: list[int] = []  # the tokens the bars show, most likely first
        self.shown: list[float] = []  # their probabilities under the current temperature and top-k
        self.kept = 0  # how many tokens can be drawn at all
        self.generator = torch.Generator()
        self.sample_button.on_click(self.guard(lambda _: self.sample()))
        self.greedy_button.on_click(self.guard(lambda _: self.greedy()))
        self.reset_button.on_click(self.guard(lambda _: self.reset()))
        for control in (self.temperature_slider, self.top_k_slider):
            self.on_change(control, lambda _: self._reshape())
        self.prompt = default_text(tokenizer) if prompt is None else prompt
        with self.hold():
            self.set(temperature=temperature, top_k=top_k)
        self.reset(self.prompt)

    # --- Python API ---

    @property
    def temperature(self) -> float:
        return float(self.temperature_slider.value)

    @property
    def top_k(self) -> int | None:
        """None when the slider keeps every token."""
        k = int(self.top_k_slider.value)
        return None if k >= self.model.config.vocab_size else k

    @property
    def text(self) -> str:
        return self.tokenizer.decode(self.ids)

    def probs(self) -> torch.Tensor:
        """The distribution the next sample is drawn from (vocab,)."""
        return probabilities(self.logits, self.temperature, self.top_k)

    def set(self, temperature: float | None = None, top_k: int | None | str = "keep") -> bool:
        """Move the sliders; bad values become a message naming the valid range (returns False)."""
        vocab = self.model.config.vocab_size
        if temperature is not None and not self._valid_temperature(temperature):
            self.say(msg("widgets.generation.bad_temperature", value=temperature,
                         low=self.temperature_slider.min, high=self.temperature_slider.max), "error")
            return False
        if top_k != "keep" and top_k is not None and not self._valid_top_k(top_k):
            self.say(msg("widgets.generation.bad_top_k", value=top_k, high=vocab), "error")
            return False
        with self.muted():
            if temperature is not None:
                self.temperature_slider.value = float(temperature)
            if top_k != "keep":
                self.top_k_slider.value = vocab if top_k is None else int(top_k)
        self.guard(self._reshape)()
        return True

    def sample(self) -> int | None:
        """Draw the next token from the shown distribution (seeded), append it; return its id."""
        return self._append("sampled")

    def greedy(self) -> int | None:
        """Append the single most likely token (argmax: no randomness, not a sample)."""
        return self._append("greedy")

    def reset(self, prompt: str | None = None) -> None:
        """Start again from ``prompt`` (default: the last prompt) with a fresh, seeded random generator."""
        prompt = self.prompt if prompt is None else prompt
        if not isinstance(prompt, str):
            self.say(msg("widgets.generation.bad_prompt", kind=type(prompt).__name__), "error")
            return
        with one_torch_thread():
            try:
                ids = check_ids(self.model, self.tokenizer.encode(prompt))
            except UnknownTokenError as error:
                self.say(msg("widgets.generation.unknown_words", unknown=listing(error.unknown)), "error")
                return
            except ValueError as error:
                self.say(str(error), "error")
                return
            self.prompt, self.prompt_ids, self.ids, self.choices = prompt, ids, list(ids), []
            self.generator.manual_seed(self.seed)
            self.finished = None
            self._predict()
        self.say(msg("widgets.generation.ready"))

    # --- inside ---

    def _valid_temperature(self, value: object) -> bool:
        """A temperature generation accepts (validate.check_temperature) that the slider can show."""
        try:
            number = check_temperature(value)
        except LlmlabError:
            return False
        return self.temperature_slider.min <= number <= self.temperature_slider.max

    def _valid_top_k(self, value: object) -> bool:
        try:
            check_top_k(value, self.model.config.vocab_size)
        except LlmlabError:
            return False
        return True

    def _append(self, how: str) -> int | None:
        if self.finished:
            self.say(msg("widgets.generation.finished", reason=msg(f"widgets.generation.stop_{self.finished}")),
                     "warning")
            return None
        if how == "sampled":
            token = sample_next(self.logits, self.temperature, self.top_k, self.generator)
        else:
            token = int(self.logits.argmax())
        chosen_p, greedy_p = float(self.probs()[token]), float(self.probs()[int(self.logits.argmax())])
        self.ids.append(token)
        self.choices.append(how)
        word = visible(self.tokenizer.token_strings([token])[0])
        if token == self.tokenizer.eos_id:
            self.finished = "end_token"
        elif len(self.ids) >= self.model.config.context_length:
            self.finished = "context"
        with one_torch_thread():
            if not self.finished:
                self._predict()
            else:
                self._show_text()
        key = "widgets.generation.appended_sampled" if how == "sampled" else "widgets.generation.appended_greedy"
        note = msg(key, token=word, p=chosen_p, greedy_p=greedy_p)
        if self.finished:
            note += " " + msg("widgets.generation.finished", reason=msg(f"widgets.generation.stop_{self.finished}"))
        self.say(note)
        return token

    def _predict(self) -> None:
        """Run the model on the text so far (the one forward pass per token), relabel the bars."""
        self.logits = next_token_logits(self.model, self.ids)
        model_probs = torch.softmax(self.logits, dim=-1)
        values, top_ids = torch.topk(model_probs, min(N_BARS, model_probs.numel()))
        self.top_ids = top_ids.tolist()
        labels, _ = token_labels(self.tokenizer.token_strings(self.top_ids))
        step = len(self.ids) - len(self.prompt_ids) + 1
        self.plot.set_tokens(labels, values.tolist(), msg("widgets.generation.title", step=step))
        self._show_text()
        self._set_bars()
        self.redraw()

    def _set_bars(self) -> None:
        probs = self.probs()
        self.shown = probs[self.top_ids].tolist()
        self.plot.set_probs(self.shown, 0)  # row 0 is the most likely token: the greedy choice
        self.kept = int((probs > 0).sum())

    def _reshape(self) -> None:
        """A slider moved: reshape the cached scores, move the bars (no model run)."""
        if self.holding or self.finished:
            return
        self._set_bars()
        self.refresh()
        self.say(msg("widgets.generation.shape", temperature=self.temperature, kept=self.kept,
                     top=self.shown[0]))

    def _show_text(self) -> None:
        """The prompt in grey, then each generated token coloured by how it was chosen."""
        pieces = [f'<span style="color:#777">{html.escape(self.tokenizer.decode(self.prompt_ids))}</span>']
        for token, how in zip(self.ids[len(self.prompt_ids):], self.choices):
            piece = html.escape(visible(self.tokenizer.token_strings([token])[0]))
            pieces.append(f'<span style="color:{CHOICE_COLOURS[how]};font-weight:bold">{piece}</span>')
        legend = msg("widgets.generation.legend")
        self.text_view.value = f"<div style='font-family:monospace'>{' '.join(pieces)}</div><small>{legend}</small>"
