"""Japanese messages: see ../en/lessons.py for the English and the layer it serves."""

MESSAGES: dict[str, str] = {}
