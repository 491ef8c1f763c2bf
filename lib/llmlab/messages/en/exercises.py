"""English messages of the exercises (exercises/lessonNN.py) and their verdicts (checks.py)."""

MESSAGES: dict[str, str] = {
    # --- ex03 ---
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
    # --- ex04 ---
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
    # --- ex06 ---
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
    # --- ex01 ---
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
    # --- ex02 ---
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
    # --- ex05 ---
    "ex05.one_number": "Answer with one number.",
    "ex05.scaled_score.why": "q·k = 1·2 + 2·0 + 0·1 + 1·2 = 4, and the width is 4, so the scaled score is 4 / √4 = 2.",
    "ex05.scaled_score.unscaled": "That is q·k itself. Attention divides it by √d, the square root of the width.",
    "ex05.scaled_score.by_d": "You divided by d. Attention divides by √d, the square root of the width.",
    "ex05.scaled_score.hint": "Multiply q and k number by number, add up, then divide by the square root of the width (4).",
    "ex05.head_width.why": "d_model {d_model} split into {n_heads} heads: {d_model} / {n_heads} = {d_head} numbers per head.",
    "ex05.head_width.whole": "That is d_model, the width of the whole hidden state. Each head gets a slice of it.",
    "ex05.head_width.hint": "GPT-2 small has d_model 768 and 12 heads; the heads share d_model equally.",
    "ex05.hidden_head.why": (
        "Removing block 0's head 3 lowers the right verb's probability, yet it puts little weight "
        "on the subject noun: what matters is what it passes on, not where the picture looks brightest."
    ),
    "ex05.hidden_head.format": "Answer with two numbers: [block, head], e.g. [1, 3].",
    "ex05.hidden_head.the_other": (
        "Removing this head does break agreement, but it looks straight at the subject noun. Find the one that does not."
    ),
    "ex05.hidden_head.hint": "Find the three heads with the biggest drop in the agreement columns, then compare the attention table.",
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
        "llmlab.studies.attention_math.attention_steps on a small case."
    ),
    # --- ex00 ---
    "ex00.blocks_why": "model.config.n_layers is 3: the tiny model stacks three transformer blocks.",
    "ex00.blocks_hint": "Print model.config and look for n_layers. 48 was only an example depth.",
    "ex00.sum_why": "softmax turns any scores into positive numbers that add up to exactly 1.",
    "ex00.sum_hint": "Run torch.softmax(logits[-1], dim=-1).sum() and look.",
    # --- ex08 ---
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
    # --- ex09 ---
    "ex09.hidden_states.why": (
        "The lens reads the embeddings (hidden state 0) and the hidden state after each block: 1 + {blocks} = {states}."
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
    # --- ex07 ---
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
        "In the ablation table, removing block 0, head 1 raises the loss of the Japanese translation more "
        "than any other head, in both ablations (lesson 05's ablation found the same head)."
    ),
    "ex07.translation_head.format": "Answer [block, head], e.g. [1, 3].",
    "ex07.translation_head.runner_up": "That head matters for the translation too, but less. Look for the larger number.",
    "ex07.translation_head.hint": "Read the 'Japanese translation' column of the heatmap, head rows only.",
    "ex07.copying_head.why": (
        "Without block 0, head 3 the model answers the fewest fact questions, but removing any head of block 0 "
        "costs about half the answers: the copying is spread over the four heads of block 0, and none of them "
        "alone is the copying head."
    ),
    "ex07.copying_head.format": "Answer [block, head], e.g. [1, 3].",
    "ex07.copying_head.name_head": (
        "A good guess from the picture: block 1, head 1 reads the names, and removing it costs answers. "
        "But removing any head of block 0 costs more. Read the heatmap's numbers."
    ),
    "ex07.copying_head.close": "Close: every head of block 0 is needed and their numbers are near. Find the lowest one.",
    "ex07.copying_head.hint": "Read section 5's heatmap: the head with the lowest share right is the one whose removal hurts most.",
    "ex07.what_travels.why": (
        "Only the hidden state: block 1 computes its own Q, K and V from it, with its own matrices."
    ),
    "ex07.what_travels.format": 'Answer "Q", "K", "V" or "hidden state".',
    "ex07.what_travels.recomputed": (
        "A common guess. But section 3 recomputed block 1's Q, K and V from the hidden state alone: "
        "block 0's are thrown away."
    ),
    # --- checks ---
    "checks.correct": "✅ Correct!",
    "checks.not_yet": "❌ Not yet. Hint: {hint}",
    "checks.unanswered": "✏️ Not answered yet: replace ... with your answer and run the cell again.",
    "checks.give_a_number": "Answer with one number (True and False do not count as numbers here).",
    "checks.give_numbers": "Answer with {n} numbers, for example as a list.",
    "checks.could_not_check": "❌ That answer could not be checked ({error}). Look at its type and shape.",
    "checks.unknown_exercise": "There is no exercise {id!r}. Known exercises: {known}",
    "checks.solution": "Solution: {solution}\nWhy: {explanation}",
}
