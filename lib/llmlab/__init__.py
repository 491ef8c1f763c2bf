"""llmlab: build a tiny GPT and look inside it.

``llmlab.set_language("ja")`` shows every message, widget label and figure text from then on in
Japanese (``"en"`` switches back); ``llmlab.language()`` says which is in use.
"""

from llmlab.messages import LANGUAGES, language, set_language

__all__ = ["LANGUAGES", "language", "set_language"]
