"""The toy world: its corpus and exact probabilities, the shipped model's recipe, fact questions and kinds of word.

It builds on the engine and knows nothing of the lessons' studies, plots or widgets.
"""
