"""English messages of the exercise checker (ui/checks.py): its verdicts, the same for every lesson."""

MESSAGES: dict[str, str] = {
    # --- verdicts (ui/checks.py) ---
    "checks.correct": "✅ Correct!",
    "checks.not_yet": "❌ Not yet. Hint: {hint}",
    "checks.unanswered": "✏️ Not answered yet: replace ... with your answer and run the cell again.",
    "checks.give_a_number": "Answer with one number (True and False do not count as numbers here).",
    "checks.give_numbers": "Answer with {n} numbers, for example as a list.",
    "checks.function_exited": '❌ Your function stopped with SystemExit (it called exit() or sys.exit()): return the answer instead.',
    "checks.could_not_check": "❌ That answer could not be checked ({error}). Look at its type and shape.",
    "checks.unknown_exercise": "There is no exercise {id!r}. Known exercises: {known}",
    "checks.solution": "Solution: {solution}\nWhy: {explanation}",
    "checks.one_number": "Answer with one whole number.",
}
