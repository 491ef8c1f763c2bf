"""Japanese messages: see ../en/engine.py for the English and the layer it serves."""

MESSAGES: dict[str, str] = {}
