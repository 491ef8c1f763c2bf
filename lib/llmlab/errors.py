"""llmlab's own error types (kept apart so that ``messages`` can raise them without an import cycle)."""


class LlmlabError(ValueError):
    """Input llmlab cannot use; the message says what would work."""


class LlmlabTypeError(LlmlabError, TypeError):
    """Input of the wrong kind (text where a number belongs, a float where a whole number does...)."""


class UnknownMessage(LlmlabError, KeyError):
    """A message asked for by a key (or with values) the catalogue does not have: usually a learner's copy of
    a lesson older than the library. Also a ``KeyError``, as a missing key is."""

    def __str__(self) -> str:  # KeyError would show the message in quotes
        return str(self.args[0])
