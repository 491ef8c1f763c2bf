"""The English catalogue: every message, one file per layer."""

from ..merge import merged
from . import engine, exercises, lessons, plots, widgets

PARTS = {
    "engine": engine.MESSAGES,
    "lessons": lessons.MESSAGES,
    "exercises": exercises.MESSAGES,
    "widgets": widgets.MESSAGES,
    "plots": plots.MESSAGES,
}
MESSAGES = merged(PARTS)
