"""English messages of the widgets (widgets/)."""

MESSAGES: dict[str, str] = {
    # --- widgets ---
    "widgets.save_button": "save figure",
    "widgets.saved": "Saved {paths}",
    "widgets.text_label": "text",
    "widgets.block_label": "block",
    "widgets.hidden_state_label": "hidden state",
    "widgets.query_label": "query",
    "widgets.temperature_label": "what-if temperature",
    "widgets.temperature_help": (
        "What-if only: the attention scores are divided by this number before the softmax "
        "(below 1 sharpens, above 1 flattens). The model itself always uses 1."
    ),
    "widgets.generation.unknown_words": (
        "The model cannot read {unknown}: its vocabulary has no token for it. "
        "Use words from the toy sentences (the lessons' examples show them) and reset again."
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
    "widgets.attention_title_what_if": "block {layer}, head {head}, what-if temperature {temperature:#.3g}",  # as the slider shows it,
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
    "widgets.custom": "(your own)",
    "widgets.n_layers": "blocks",
    "widgets.d_model": "d_model",
    "widgets.mlp_ratio": "MLP width (× d_model)",
    "widgets.bad_presets": "The presets must map names (text) to GPTConfig objects, e.g. PUBLISHED_CONFIGS; got {kind}.",
    "widgets.mlp_not_multiple": (
        "The model {name!r} has an MLP width of {d_mlp}, not a whole multiple of its d_model ({d_model}); "
        "this calculator takes the MLP width as a multiple of d_model."
    ),
    "widgets.n_heads": "heads",
    "widgets.vocab_size": "vocabulary",
    "widgets.context_length": "context",
    "widgets.tied": "tied embeddings",
    "widgets.transformer_title": "{total} parameters",
    "widgets.transformer_summary": (
        "formula: {formula:,} · torch, counting a model built without memory (\"meta\" device): {torch:,}"
    ),
    "widgets.custom_chosen": "Your own model: type its numbers into the boxes; the bars follow every change.",
    "widgets.heads_same_count": (
        "The count stays the same with {heads} heads: each head reads all {d_model} numbers and projects them to "
        "its own {width}, and {heads} × {width} = {d_model}, so the Q, K, V and output matrices keep their size."
    ),
    "widgets.neuron_no_weights": (
        "Both weights are 0: every point gets the same output, b = {b:.1f}, so there is no line."
    ),
    "widgets.neuron_summary": "{positive} points give an output above 0 (orange), {negative} at or below 0 (blue).",
    "widgets.bias_names": (
        "Use set(b_Q=(x, y), b_K=(x, y), b_V=(x, y)): {name!r} is not one of them or does not have two numbers."
    ),
    "widgets.bias_effect": (
        "b_Q = {b_Q}, b_K = {b_K}, b_V = {b_V}. Compared with all biases at 0, the largest change of an attention "
        "weight is {weights:.4f}, of an output number {output:.4f}, of an output number once b_V is subtracted "
        "{rest:.4f}."
    ),
    "widgets.qkv.query_x": "query x",
    "widgets.qkv.query_y": "query y",
    "widgets.qkv.summary": (
        "scores (scaled) {scores}; weights {weights} (they add up to {total:.2f}); output ({x:+.2f}, {y:+.2f})"
    ),
    "widgets.training.train": "training batch",
    "widgets.training.validation": "validation",
    "widgets.training.floor": "exact floor {floor:.3f}",
    "widgets.training.status_train": "step {step}: batch loss {loss:.3f}",
    "widgets.training.status_val": "validation {loss:.3f}",
    "widgets.training.bad_val": "val must be a pair (inputs, targets) of validation windows, not {kind}.",
    "widgets.training.step_backwards": 'Step {step} cannot come after step {last}: steps must go forwards. Make a new plot for a new run.',
    "widgets.training.no_val": (
        "This plot was made without validation windows: pass val=(val_x, val_y) to score the model."
    ),
}
