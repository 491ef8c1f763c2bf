"""Matplotlib figures for the lessons, one module per topic.

Importing this package registers the Japanese font that ships inside the pinned
``matplotlib-fontja`` package (IPAexGothic), so Japanese tokens render on any machine,
offline, with DejaVu Sans kept for Latin text.
"""

import importlib.util
from pathlib import Path

import matplotlib
from matplotlib import font_manager

JAPANESE_FONT = "IPAexGothic"


def use_japanese_font() -> bool:
    """Register the bundled Japanese font as a fallback; False if the package is missing."""
    spec = importlib.util.find_spec("matplotlib_fontja")
    if spec is None or not spec.submodule_search_locations:
        return False
    font_file = Path(spec.submodule_search_locations[0]) / "fonts" / "ipaexg.ttf"
    if not font_file.is_file():
        return False
    font_manager.fontManager.addfont(str(font_file))
    matplotlib.rcParams["font.family"] = ["DejaVu Sans", JAPANESE_FONT]
    return True


use_japanese_font()


def show_figures_inline() -> None:
    """In a notebook, display a matplotlib ``Figure`` left as a cell's last value as a picture."""
    try:
        from IPython import get_ipython
    except ImportError:
        return
    shell = get_ipython()
    if shell is None:
        return
    from matplotlib.figure import Figure

    def to_png(figure: Figure) -> bytes:
        from io import BytesIO

        buffer = BytesIO()
        figure.savefig(buffer, format="png", bbox_inches="tight")
        return buffer.getvalue()

    shell.display_formatter.formatters["image/png"].for_type(Figure, to_png)


show_figures_inline()
