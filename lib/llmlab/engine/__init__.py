"""The engine: a GPT, its trace and edits, tokenizers, data, training, generation and checkpoints.

It knows nothing of the toy world, the lessons' studies, plots or widgets: it imports only
``llmlab.errors``, ``llmlab.messages``, ``llmlab.paths`` and itself.
"""
