"""English messages of lesson 06: its modules (studies/mask_experiment.py), its printouts (printouts.say("lesson06.…")
and the printouts' shared words) and its exercises (ui/exercises/lesson06.py)."""

MESSAGES: dict[str, str] = {
    # --- mask_experiment (studies/mask_experiment.py) ---
    "mask_experiment.not_toy_data": "data must be the toy corpus from load_toy_data() (a ToyData), not {kind}.",
    # --- printouts' shared words (ui/printouts.py) ---
    "printouts.run.unmasked": "without the mask",
    "printouts.run.masked": "with the mask",
    "printouts.stop": "   → stop: {reason}",
    "printouts.stop.stop_token": "stop_token",
    "printouts.stop.limit": "limit",
    "printouts.stop.context": "context",
    "printouts.tiny_model": "tiny model (context {context})",
    "printouts.bigger_model": "bigger model (context {context})",
    # --- printouts (printouts.say("lesson06.…")) ---
    "lesson06.hidden_weight": "largest weight on a hidden (later) token: {weight}",
    "lesson06.rows_add_up": "rows add up to 1 (largest error): {error}",
    "lesson06.recipe": "{steps} steps each, batch {batch}, learning rate {rate} (the shipped recipe: {shipped_rate}), seed {seed}",
    "lesson06.trained_in": "{run}: trained in {seconds:.1f} s",
    "lesson06.training_floor": "training windows ({n} windows): exact floor {floor:.3f}",
    "lesson06.validation_floor": "validation windows ({n} windows): exact floor {floor:.3f}",
    "lesson06.run_loss": "{run:16s}: loss {train:.3f} on the training windows, {val:.3f} on the validation windows",
    "lesson06.versus_floor": "without the mask the validation loss is {share:.0%} of the floor; with it, {above:+.3f} above the floor",
    "lesson06.hidden_again": "unmasked model, future hidden again: {loss:.3f} (floor {floor:.3f})",
    "lesson06.table_losses": (
        "counting tables, no network, on the same windows: uniform {uniform:.2f}, unigram {unigram:.2f}, bigram {bigram:.2f}"
    ),
    "lesson06.with_mask": "with mask   : {prompt} | {text!r}",
    "lesson06.without_mask": "without mask: {prompt} | {text!r}",
    "lesson06.prefix_by_prefix": "{n} prompt positions, largest difference: {difference:.2g}",
    "lesson06.prefix_helpers_same": "logits_one_pass and logits_prefix_by_prefix give the same: {answer}",
    "lesson06.without_mask_difference": "without the mask, largest difference: {difference:.2f}",
    "lesson06.step": "step {number:2d}: reads …{context:38s} top: {candidates:40s} chose {chosen!r} ({p:.2f}){stop}",
    "lesson06.same_tokens": "\ngenerate() wrote the same tokens: {same}",
    "lesson06.in_training_text": "times this whole line is in the training text: {times}",
    "lesson06.greedy": "seed {seed}: greedy  {text!r}",
    "lesson06.sampled": "        sampled {text!r}",
    "lesson06.with_cache": "largest difference, one pass vs with the cache: {difference:.2g}",
    "lesson06.cache_helper_same": "logits_with_cache (the model's own KVCache) gives the same, up to 32-bit rounding: {answer}",
    "lesson06.with_cache_unmasked": "the same for the model trained without the mask: {difference:.2f}",
    "lesson06.step_times": "{model}, {path:13s}: {times}",
    "lesson06.cache_ratio": "{model}: at {n} tokens a step without the cache takes {ratio:.1f}× the processor time of a step with it",
    "lesson06.our_cache": "our cache after {n} tokens: {numbers:,} numbers = {bytes:,} bytes in fp32; formula: {formula:,} bytes",
    "lesson06.published_shape": "{name}: {n_layers} blocks × {context:,} tokens × d_model {d_model:,}",
    "lesson06.published_cache": "    KV cache of one full sequence: {fp32_mb:,.1f} MB in fp32, {fp16_mb:,.1f} MB in fp16 = {fp16_gb:.2f} GB; weights in fp16: {weights_gb:,.2f} GB",
    "lesson06.own_words": (
        "block {block}: attention of the row {token!r} (it writes {writes!r}) on the model's own English words, per head: {shares}"
    ),
    "lesson06.head_reads": "block {block} head {head}, row {row!r}: {weight:.2f} of its attention on {token!r}",
    "lesson06.unedited": "{prompt} | {text!r}   (unedited)",
    "lesson06.fingerprints": "before: {before}   after 5 generations: {after}   identical: {same}",
    "lesson06.changed_copy": "a copy with one number changed by 1e-6: {fingerprint}",
    # --- exercises (ui/exercises/lesson06.py) ---
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
        "2 (keys and values) × 24 blocks × 1,024 tokens × 1,024 numbers × 2 bytes = {mb:.1f} MB per sequence."
    ),
    "ex06.cache_memory.one_of_two": "That is the keys alone (or the values alone): the cache keeps both.",
    "ex06.cache_memory.fp32": "That is with 4 bytes per number (fp32); the question asks for fp16 (2 bytes).",
    "ex06.cache_memory.mebibytes": "Close: that is in MiB (2^20 bytes); give MB (10^6 bytes).",
    "ex06.cache_memory.hint": "2 (keys and values) × blocks × tokens × d_model × bytes per number, then ÷ 1,000,000.",
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
    "ex06.rows_that_change.rounding": (
        "If you measured: differences of a few millionths are 32-bit rounding (the same sums added in another "
        "order), not a change. Beyond that, which of the first 7 positions can read the new token?"
    ),
    "ex06.rows_that_change.hint": "Look at the mask: can position 3 read position 7?",
}
