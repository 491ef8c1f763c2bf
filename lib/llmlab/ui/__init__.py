"""The teaching UI: widgets, figures, printouts, exercises and the environment check.

The top layer: it may import everything below it, and nothing imports it.
"""
