"""Setting a widget's controls from Python, as a learner's code does (``widget.set(...)``).

A value a control cannot show becomes llmlab's own error naming the valid range, instead of a
raw traitlets error, and never a value silently clamped to the slider's end.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import ipywidgets as widgets
import traitlets

from llmlab.engine.validate import LlmlabError, boolean, choice, integer, real, text

WHOLE_NUMBERS = (widgets.IntSlider, widgets.BoundedIntText, widgets.IntText)
NUMBERS = (widgets.FloatSlider, widgets.BoundedFloatText, widgets.FloatText)
SWITCHES = (widgets.Checkbox, widgets.ToggleButton)
CHOICES = (widgets.Dropdown, widgets.SelectionSlider, widgets.RadioButtons, widgets.ToggleButtons, widgets.Select)
TEXTS = (widgets.Text, widgets.Textarea)


def checked_value(control: widgets.ValueWidget, value: object, name: str | None = None) -> object:
    """``value`` as ``control`` would hold it, or an ``LlmlabError`` naming what the control accepts."""
    name = name or getattr(control, "description", "") or "value"
    bounded = hasattr(control, "min") and hasattr(control, "max")
    if isinstance(control, widgets.FloatLogSlider):  # its min and max are powers of its base
        return real(value, name, low=control.base**control.min, high=control.base**control.max)
    if isinstance(control, WHOLE_NUMBERS):
        return integer(value, name, *((control.min, control.max) if bounded else ()))
    if isinstance(control, NUMBERS):
        return real(value, name, *((control.min, control.max) if bounded else ()))
    if isinstance(control, SWITCHES):
        return boolean(value, name)
    if isinstance(control, CHOICES):
        return choice(value, name, list(control._options_values))
    if isinstance(control, TEXTS):
        return text(value, name)
    return value


def keep_valid(control: widgets.ValueWidget, complain: Callable[[LlmlabError], None]) -> None:
    """Make ``control.value = ...`` from Python check the value as :func:`checked_value` does.

    An impossible value leaves the control as it was and goes to ``complain`` (the panel's message
    area) instead of raising a traitlets error or being clamped to a slider's end. The control's own
    type check is loosened to "anything" so that text in a number box reaches this check too.
    """
    if not isinstance(control, (*WHOLE_NUMBERS, *NUMBERS, *SWITCHES, *CHOICES, *TEXTS)):
        return
    own_check = control._trait_validators.get("value")  # e.g. a drop-down's "is it an option?"

    def check(owner: widgets.ValueWidget, proposal: traitlets.Bunch) -> object:
        try:
            value = checked_value(owner, proposal.value)
        except LlmlabError as error:
            complain(error)
            return owner.value
        return own_check(owner, traitlets.Bunch(proposal, value=value)) if own_check else value

    tags = {key: value for key, value in control.traits()["value"].metadata.items() if key != "help"}  # sync=True...
    loose = traitlets.Any(control.value).tag(**tags)
    loose.allow_none = False  # else None would skip every check (Any lets it through by default)
    control.add_traits(value=loose)
    control._register_validator(check, ["value"])


def checked_values(
    pairs: Sequence[tuple[widgets.ValueWidget, object]], optional: bool = True,
) -> list[tuple[widgets.ValueWidget, object]]:
    """Every (control, value) pair checked, all or an error, never half; ``optional``: None means "leave it"."""
    return [(control, checked_value(control, value)) for control, value in pairs
            if value is not None or not optional]


def as_list(value: object) -> list | None:
    """``value`` as a list if it is a list, tuple, array or tensor with at least one axis, else None."""
    if isinstance(value, (str, bytes, dict)):
        return None
    try:
        return list(value)
    except (TypeError, ValueError, RuntimeError):  # a number, a 0-d tensor or array...
        return None
