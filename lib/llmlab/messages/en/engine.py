"""English messages of the engine: config, model, trace, edits, generation, sampling, KV cache, data, training,
checkpoints, tokenizers, corpus, parameter counts and the input checks (validate.py)."""

MESSAGES: dict[str, str] = {
    # --- language (messages/__init__.py) ---
    "language.unknown": "llmlab has no language {code}. Choose one of {valid}, e.g. llmlab.set_language(\"ja\").",
    "language.bad_variable": (
        "The environment variable {variable} is {code}, which is not a language llmlab has. "
        "Set it to one of {valid}, or unset it for English."
    ),
    # --- messages (messages/__init__.py: msg; messages/columns.py: padding by display columns) ---
    "messages.unknown_key": (
        "llmlab has no message named {asked}. If this cell comes from your own copy of a lesson, the copy may be "
        "older than the library, which may call this message by another name now. Compare the cell with the same "
        "cell of the current lesson (make lab says where it is when it keeps an edited copy)."
    ),
    "messages.missing_value": (
        "The message {message} needs a value named {name}; this call gives: {given}. If this cell comes from your own "
        "copy of a lesson, the copy may be older than the library, which may have renamed that value. Compare the "
        "cell with the same cell of the current lesson (make lab says where it is when it keeps an edited copy)."
    ),
    "messages.no_values": "(none)",
    "columns.bad_fill": "fill must be one character one column wide (such as \" \" or \".\"), not {value}.",
    # --- config ---
    "config.no_vocab_size": "A GPTConfig needs vocab_size: how many different tokens the model reads.",
    "config.heads_split": (
        "d_model ({d_model}) must split evenly into n_heads ({n_heads}) heads of equal width."
    ),
    "config.unknown_fields": "GPTConfig has no fields named {fields}.",
    # --- trace ---
    "trace.unknown_name": "No activation is named {name!r}. Valid names: {valid}",
    # --- model ---
    "model.empty_input": "There is nothing to run: the input has no tokens.",
    "model.too_long": (
        "The input has {n} tokens but this model reads at most {context} (its context length)."
    ),
    "model.bad_token_id": (
        "Token ids must be between 0 and {last}: this model's vocabulary has {vocab} tokens, so ids from a tokenizer"
        " with more (another model's) do not fit it. Encode with the tokenizer that came with the model."
    ),
    "model.not_a_config": "A GPT is built from a GPTConfig, got {kind}.",
    "numbers.units": "1e12 # trillion|1e9 # billion|1e6 # million",  # size and name of each unit, largest first
    "model.too_big": (
        "This shape holds about {n} numbers ({gb:.0f} GB in float32): too big to build here "
        "(the limit is {limit}). Count it without memory with llmlab.engine.params.count_without_weights."
    ),
    # --- edits ---
    "edits.unknown_name": "No activation is named {name!r}, so it cannot be edited. Valid names: {valid}",
    "edits.not_an_edit": (
        "The edit for {name!r} is a {value}; use llmlab.engine.edits.zero(), mean(...) or patch(...)."
    ),
    "edits.head_on_whole": (
        "{name!r} has no heads axis; head= works on blocks.b.attn.q, .k, .v, .scores, .pattern and .z."
    ),
    "edits.bad_positions": "positions must be a whole number or a non-empty list of them, got {positions}.",
    "edits.bad_position": "Positions must be between 0 and {high} for this input, got {positions}.",
    "edits.bad_shape": "The {name!r} edit needs a tensor of shape {wanted}, got {got}.",
    "edits.mean_not_here": (
        "{name!r} cannot be mean-ablated (its shape depends on the position); zero or patch it instead."
    ),
    "edits.not_a_tensor": "A {what} edit needs a float torch tensor, got {value}.",
    "edits.not_finite": "The {what} tensor holds NaN or infinite numbers.",
    "edits.not_a_mapping": 'edits must be a dict from activation names to edits, such as {{"blocks.1.attn.z": zero(head=2)}}, not {kind}.',
    "edits.no_cache": "Edits need a full forward pass: run without a KV cache.",
    "edits.empty_reference": (
        "The reference set for mean-ablation must be a non-empty list of token-id sequences."
    ),
    # --- generate ---
    "generate.context_full": 'The prompt has {n} tokens and this model reads at most {context} (its context length): there is no room for a new token. Shorten the prompt to fewer than {context} tokens.',
    # --- data ---
    "data.bad_fact_flags": "is_fact needs one True/False per line ({n} lines).",
    "data.bad_answer_starts": "A drill needs at least one question line and, for each of its {n} lines, where its answer starts: a whole number from 1 to the line's last token.",
    "data.not_a_drill": "with_drill needs a Drill (question lines and where their answers start), not {kind}.",
    "data.no_fact_flags": "fact_share needs to know which lines are fact lines: build the stream with TokenStream.from_lines(lines, is_fact=...).",
    "data.no_fact_lines": "A fact share of {share} needs lines of both kinds, but {facts} fact lines and {others} other lines fit a window here. Use fact_share=None to pick every line equally.",
    "data.too_short": (
        "The text has {n} tokens: too short for even one window of {window} tokens. "
        "Use more text or a shorter context."
    ),
    "data.not_lines": "The lines must be a list of lists of token ids, not {kind}.",
    "data.id_too_big": "The training tokens contain id {id}, but this model's ids run from 0 to {last}.",
    "data.line_too_long": (
        "Line {index} has {length} tokens, more than the context length ({context}) + 1."
    ),
    # --- validate ---
    "validate.device_missing": 'This machine has no {device} device for {name} (torch here was installed without it, or there is no such chip). Use {name}="cpu".',
    "validate.targets_not_ids": 'The targets must be a tensor of token ids (int64, torch.long), not {kind}.',
    "validate.targets_shape": 'The targets have shape {got} but the inputs have shape {shape}: every input position needs exactly one target (the token that follows it), so the two shapes must be the same.',
    "validate.targets_range": 'Targets must be token ids from 0 to {last}, or -100 for a position the loss leaves out.',
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
    "validate.id_not_in_model": (
        "{name}: {id} is not a token id of this model: it has {vocab} tokens, so its ids run from 0 to {last}; ids from"
        " a tokenizer with more (another model's) do not fit it. Encode with the tokenizer that came with the model."
    ),
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
    # the one check of each thing passed around (validate.check_model, check_block, check_temperature, ...)
    "validate.not_a_model": "{function} needs an llmlab GPT model (e.g. from load_shipped_model()), not {kind}.",
    "validate.not_a_module": "{function} needs a torch model (an nn.Module, such as an llmlab GPT), not {kind}.",
    "validate.not_a_config": "{function} needs a GPTConfig (a model's shape, e.g. model.config), not {kind}.",
    "validate.not_a_tokenizer": "{function} needs an llmlab tokenizer (the one that came with the model), not {kind}.",
    "validate.vocab_mismatch": (
        "This tokenizer has {tokenizer} tokens but the model reads {model}: they do not belong together."
    ),
    "validate.not_a_trace": "{function} needs a trace (from model.run_with_trace(ids)[1]), not {kind}.",
    "validate.trace_of_another_model": (
        "{function} needs the trace of one sequence by this very model: this one was recorded for a batch or by"
        " a model of another shape (run model.run_with_trace(ids) with the model you pass)."
    ),
    "validate.not_lines": "{name} must be a list of texts (str), not {value} ({kind}).",
    "validate.no_lines": "{name} holds no lines: give at least one.",
    "validate.bad_block": "This model has blocks 0 to {high}; there is no block {value}.",
    "validate.bad_hidden_state": (
        "This model's hidden states are numbered 0 (the embeddings) to {high} (after its last block); "
        "there is no hidden state {value}."
    ),
    "validate.bad_head": "Each block of this model has heads 0 to {high}; there is no head {value}.",
    "validate.bad_logits": "Next-token scores must be one non-empty row of numbers (a 1-D float tensor), not {kind}.",
    "validate.broken_scores": (
        "The model's next-token scores are not numbers (NaN): its weights are broken, "
        "for example by training with far too high a learning rate. Train it again."
    ),
    "validate.bad_temperature": (
        "temperature must be a number from 0 (always the most likely token) to {high}, got {value}."
    ),
    "validate.bad_temperature_positive": "temperature must be a number above 0 and at most {high}, got {value}.",
    "validate.bad_top_k": (
        "top_k must be None (keep every token) or a whole number from 1 to {high} (the vocabulary size), got {value}."
    ),
    "validate.not_an_instance": "{name} must be a {expected} (made by {maker}), not {kind}.",
    # --- training ---
    "training.progress": "training",
    "training.no_drill": "drill_batch_size={n} needs question lines to drill on: give the stream a Drill with TokenStream.with_drill(...) (load_toy_data does).",
    "training.no_targets": "There is nothing to score: the validation data holds no target tokens.",
    "training.diverged": (
        "Training stopped at step {step}: the loss became {loss} at learning rate {lr:.3g} "
        "(peak {peak:.3g}). The learning rate is far too high for this model: try one ten times smaller. "
        "The model keeps the weights it had before step {step}."
    ),
    "training.warmup_too_long": 'The warm-up ({warmup} steps) is longer than the run ({steps} steps), so the learning rate never reaches its peak of {peak:g}. Use fewer warmup_steps (for example a tenth of the steps) or more steps.',
    "training.batch_too_big": 'One training step with batch_size={batch} (and drill_batch_size={drill}) would need about {gb:,.1f} GB of memory for this model; llmlab allows {limit:.0f} GB. Use a smaller batch.',
    "training.no_fact_lines": 'fact_share={share} starts that share of the windows at fact lines, but these training tokens mark no line as a fact (only the toy corpus does: load_toy_data). Leave fact_share at None for your own text.',
    "training.not_a_stream": "train() needs the training tokens as a TokenStream (llmlab.engine.data), not {kind}.",
    "training.not_a_config": "The training recipe must be a TrainConfig, not {kind}.",
    "training.windows_not_tensors": "The {name} inputs and targets must be tensors, not {kind}.",
    "training.windows_shape": (
        "The {name} inputs and targets must be tables of the same shape (windows, T); got {x} and {y}."
    ),
    "training.bad_targets": (
        "The {name} targets must be token ids from 0 to {last} (or -100 for none), as torch.long."
    ),
    # --- checkpoint ---
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
    "checkpoint.metadata_not_dict": "metadata must be a dict (or None), not {kind}.",
    "checkpoint.bad_metadata": (
        "{where} is of type {kind}, which a checkpoint cannot store. Use numbers, text, True/False, None, "
        "lists and dicts of them (objects with to_dict(), dataclasses, numpy numbers and tensors are converted)."
    ),
    "checkpoint.bad_metadata_key": "{where} has the key {name}; dict keys in metadata must be text or numbers.",
    "checkpoint.metadata_too_deep": "{where} nests lists or dicts more than {depth} levels deep (or contains itself).",
    "checkpoint.would_not_load": "Nothing was written to {path}: the checkpoint would not load back ({error}).",
    "checkpoint.not_regular": '{path} is not a regular file (it is a device such as /dev/null, a pipe, or a link to one): llmlab writes checkpoints only to regular files. Choose another name, such as build/my_model.pt.',
    "checkpoint.not_ours": '{path} already exists and is not an llmlab checkpoint; llmlab never writes over it. Choose another name, such as build/my_model.pt.',
    "checkpoint.exists": '{path} already holds an llmlab checkpoint. To replace it, pass overwrite=True (with scripts/train_on_text.py: --overwrite); to keep it, choose another name.',
    "checkpoint.checksum": '{path} is damaged: its weights no longer match the checksum saved with them (bytes changed on disk or while copying). Copy the file again, or train and save the model again.',
    "checkpoint.tied_mismatch": '{path} says its output layer reuses the embedding table (tied_embeddings), but the file holds an output layer with weights of its own: loading it would overwrite the embedding table. Set "tied_embeddings" to False in the file\'s config.',
    "checkpoint.not_plain": '{path} holds Python objects other than tensors, numbers and text. llmlab loads only those, because loading other objects can run code hidden in the file: this is not an llmlab checkpoint (save_checkpoint writes one).',
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
        "{path} does not exist yet. Run `python -m llmlab.toy.corpus` to write the toy corpus."
    ),
    "corpus.file_summary": "{path}: {lines} lines, {size} bytes",
    "corpus.entropy": (
        "Entropy per token of {name}: {value:.4f} nats "
        "(on average no model can get a lower loss on these lines)"
    ),
    # --- params ---
    "params.unknown_component": "{name} is not a parameter of an llmlab GPT: it belongs to none of its components.",
    # --- kv_cache ---
    "kv_cache.bad_bytes": "bytes_per_number must be 1, 2 (fp16/bf16), 4 (fp32) or 8 (fp64), got {value!r}.",
    # --- lens (engine/lens.py) ---
    "lens.empty_text": "Type some text first: there is nothing to run.",
    "lens.unknown_tokens": (
        "The model cannot read {unknown}: its tokenizer has no token for it. "
        "Change or remove it and press Enter again."
    ),
    # --- facts (toy/facts.py) ---
    "facts.not_word_tokens": "Fact questions need the toy corpus's word tokenizer (one token per word); this tokenizer splits them differently.",
    "facts.not_a_question": "This line is not a fact question of the toy corpus ('A has the C T . B has the C T . what does A have ?'): {line!r}",
    "facts.two_objects": 'This story gives {person} two objects, so its question has two right answers: {line!r}. Give the two objects to two different people.',
    "facts.no_questions": "There are no fact questions (lines with a '?') among these lines.",
    # --- kind_targets (toy/kinds.py) ---
    "kind_targets.not_word_tokens": (
        "This needs the toy word tokenizer (one token per word), the one the shipped model uses."
    ),
    "kind_targets.not_kind_targets": (
        "This needs the lines made by kind_targets(lines, tokenizer, context_length), not {kind}."
    ),
}
