"""The English catalogue: every message, one file per part (merge.PARTS)."""

from llmlab.messages.merge import language_parts, merged

PARTS = language_parts(__name__)
MESSAGES = merged(PARTS)
