"""Big counts the way the learner's language says them.

124M and 174.6 billion in English; 1.24億 and 1,746億 in Japanese.
"""

from __future__ import annotations

from llmlab.messages import msg


def in_units(n: float, digits: int, units_key: str = "numbers.units") -> str:
    """``n`` in the largest unit of the learner's language it reaches, to ``digits`` significant digits.

    ``units_key`` names a catalogue entry such as ``"1e9 # billion|1e6 # million"`` (largest first, ``#``
    standing for the number), so English counts in thousands (124M) and Japanese in 万 and 億 (1.24億).
    Below the smallest unit ``n`` is written in full, with thousands separators."""
    for unit in msg(units_key).split("|"):
        size, form = unit.split(" ", 1)
        if abs(n) >= float(size):
            value = n / float(size)
            number = f"{value:,.{max(0, digits - len(str(int(abs(value)))))}f}"
            return form.replace("#", number.rstrip("0").rstrip(".") if "." in number else number)
    return f"{n:,.0f}"
