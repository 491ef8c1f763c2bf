"""llmlab's own error types (kept apart so that ``messages`` can raise them without an import cycle)."""


class LlmlabError(ValueError):
    """Input llmlab cannot use; the message says what would work."""


class LlmlabTypeError(LlmlabError, TypeError):
    """Input of the wrong kind (text where a number belongs, a float where a whole number does...)."""
