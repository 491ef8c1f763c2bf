"""Replace each live widget of an executed notebook by what it last showed: its pictures and texts."""

from __future__ import annotations

import html
from typing import Any

from nbformat import NotebookNode, v4

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
# The caption put above a frozen widget, per language of the lesson.
LIVE_NOTE = {
    "en": ("<p class='llmlab-live-note'><em>A live explorer in JupyterLab (make lab): here, the last "
           "picture it drew.</em></p>"),
    "ja": ("<p class='llmlab-live-note'><em>JupyterLab（make lab）では操作できるエクスプローラーです。"
           "ここでは、最後に描いた図を表示しています。</em></p>"),
}
PROGRESS_NOTE = {
    "en": ("<p class='llmlab-live-note'><em>A training progress bar (in JupyterLab it fills while the "
           "model trains): here, as it ended when this page was built.</em></p>"),
    "ja": ("<p class='llmlab-live-note'><em>学習の進捗バーです（JupyterLab では学習中に伸びていきます）。"
           "ここでは、このページを作ったときの最後の状態を表示しています。</em></p>"),
}
PROGRESS_MODELS = ("FloatProgressModel", "IntProgressModel")


def widget_parts(model_id: str, state: dict[str, Any]) -> list[str]:
    """HTML for the images and HTML texts inside widget ``model_id``, in the order they are laid out."""
    model = state.get(model_id)
    if model is None:
        return []
    name, values = model["model_name"], model["state"]
    if name == "ImageModel":
        buffers = [b for b in model.get("buffers", []) if b["path"] == ["value"]]
        fmt = values.get("format", "png")
        return [f"<img alt='explorer picture' src='data:image/{fmt};base64,{b['data']}'>" for b in buffers]
    if name == "HTMLModel" and values.get("value"):
        return [f"<div>{values['value']}</div>"]
    if name == "LabelModel" and values.get("value"):
        return [f"<div>{html.escape(values['value'])}</div>"]
    if name in PROGRESS_MODELS:
        return [f"<progress value='{values.get('value', 0)}' max='{values.get('max', 100)}'></progress>"]
    if name == "OutputModel":
        return [f"<img alt='figure' src='data:image/png;base64,{out['data']['image/png']}'>"
                for out in values.get("outputs", []) if "image/png" in out.get("data", {})]
    parts: list[str] = []
    for child in children(model):
        parts += widget_parts(child, state)
    if name == "HBoxModel" and parts:  # side by side, as the page lays out a row (a progress bar and its texts)
        return ["<div style='display:flex;gap:0.5em;align-items:center'>" + "".join(parts) + "</div>"]
    return parts


def children(model: dict[str, Any]) -> list[str]:
    """The model ids of a container widget's children."""
    return [str(child).removeprefix("IPY_MODEL_") for child in model["state"].get("children", [])]


def is_progress_bar(model_id: str, state: dict[str, Any]) -> bool:
    """Whether widget ``model_id`` is, or holds, a progress bar (tqdm's in a notebook: texts around a bar)."""
    model = state.get(model_id)
    if model is None:
        return False
    return model["model_name"] in PROGRESS_MODELS or any(is_progress_bar(child, state) for child in children(model))


def freeze_widgets(nb: NotebookNode, language: str = "en") -> int:
    """Turn every widget output into static HTML, captioned in ``language``; drop the widget state.
    Returns how many were frozen."""
    state = nb.metadata.get("widgets", {}).get(WIDGET_STATE, {}).get("state", {})
    frozen = 0
    for cell in nb.cells:
        for index, output in enumerate(cell.get("outputs", [])):
            view = output.get("data", {}).get(WIDGET_VIEW)
            if view is None:
                continue
            body = "\n".join(widget_parts(view["model_id"], state))
            note = (PROGRESS_NOTE if is_progress_bar(view["model_id"], state) else LIVE_NOTE)[language]
            cell.outputs[index] = v4.new_output("display_data", data={"text/html": note + body})
            frozen += 1
    nb.metadata.pop("widgets", None)
    return frozen
