"""Test-session extras: the bad-input tests report how many cases they ran."""

import sys


def pytest_terminal_summary(terminalreporter) -> None:
    bad_input = sys.modules.get("bad_input")
    if bad_input is not None and bad_input.CASES["cases"]:
        counts = ", ".join(f"{n} {what}" for what, n in bad_input.CASES.items() if what != "cases")
        terminalreporter.write_line(f"bad-input cases run: {bad_input.CASES['cases']} ({counts})")
