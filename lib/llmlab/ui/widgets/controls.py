"""Setting a widget's controls from Python, as a learner's code does (``widget.set(...)``).

A value a control cannot show becomes llmlab's own error naming the valid range, instead of a
raw traitlets error, and never a value silently clamped to the slider's end.
"""

from __future__ import annotations

from collections.abc import Sequence

import ipywidgets as widgets

from llmlab.engine.validate import boolean, choice, integer, real, text

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
