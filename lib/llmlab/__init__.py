"""llmlab: build a tiny GPT and look inside it."""
