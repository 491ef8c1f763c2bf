"""Replace each live widget of an executed notebook by what it last showed: its pictures and texts."""

from __future__ import annotations

import html
from typing import Any

from nbformat import NotebookNode, v4

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
LIVE_NOTE = ("<p class='llmlab-live-note'><em>A live explorer in JupyterLab (make lab): here, the last "
             "picture it drew.</em></p>")


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
    if name == "OutputModel":
        return [f"<img alt='figure' src='data:image/png;base64,{out['data']['image/png']}'>"
                for out in values.get("outputs", []) if "image/png" in out.get("data", {})]
    parts: list[str] = []
    for child in values.get("children", []):
        parts += widget_parts(str(child).removeprefix("IPY_MODEL_"), state)
    return parts


def freeze_widgets(nb: NotebookNode) -> int:
    """Turn every widget output into static HTML; drop the widget state. Returns how many were frozen."""
    state = nb.metadata.get("widgets", {}).get(WIDGET_STATE, {}).get("state", {})
    frozen = 0
    for cell in nb.cells:
        for index, output in enumerate(cell.get("outputs", [])):
            view = output.get("data", {}).get(WIDGET_VIEW)
            if view is None:
                continue
            body = "\n".join(widget_parts(view["model_id"], state))
            cell.outputs[index] = v4.new_output("display_data", data={"text/html": LIVE_NOTE + body})
            frozen += 1
    nb.metadata.pop("widgets", None)
    return frozen
