"""English messages of lesson 05: its modules (studies/attention_math.py, studies/head_roles.py), its printouts
(printouts.say("lesson05.…") and the printouts' shared words) and its exercises (ui/exercises/lesson05.py)."""

MESSAGES: dict[str, str] = {
    # --- attention_math (studies/attention_math.py) ---
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
    "attention_math.not_a_linear": "This needs a torch linear layer (nn.Linear, e.g. model.blocks[0].attn.W_Q), not {kind}.",
    "attention_math.linear_width": "This linear layer reads rows of {width} numbers; got a tensor of shape {shape}.",
    # --- head_roles (studies/head_roles.py) ---
    "head_roles.not_a_translation": "Not a translation line of the toy corpus: {line!r}",
    "head_roles.no_translation_lines": (
        "None of the {n} lines is a translation line (starting with \"EN: \"); both tasks need them."
    ),
    "head_roles.not_task_lines": "The measurement needs the lines made by task_lines(lines, tokenizer), not {kind}.",
    "head_roles.not_word_tokens": (
        "The head-role measurements need one token per word (the toy word tokenizer); {tokenizer} splits differently."
    ),
    # --- printouts' shared words (ui/printouts.py) ---
    "printouts.task.translation": "translation",
    "printouts.task.agreement": "agreement",
    "printouts.statistic.previous_token": "previous token",
    "printouts.statistic.line_start": "start of line",
    "printouts.statistic.subject_when_translating": "English subject, writing its Japanese",
    "printouts.statistic.subject_when_agreeing": "subject noun, before the verb",
    "printouts.statistic.distractor_when_agreeing": "nearer noun, before the verb",
    "printouts.first_training_lines": "the first {n} training lines",
    # --- printouts (printouts.say("lesson05.…")) ---
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
    "lesson05.by_hand_unscaled": "d_head {d}, no scale: score std {std:.2f}, largest weight {largest:.2f} on average",
    "lesson05.by_hand_scaled": "d_head {d}, /√d:      score std {std:.2f}, largest weight {largest:.2f} on average",
    "lesson05.helper_same": "{helper} gives the same numbers as the cell above: {same}",
    "lesson05.even_entropy": "perfectly even weights over {n_keys} keys: entropy log {n_keys} = {entropy:.2f}",
    "lesson05.sharpness_header": "        | score std        | entropy          | largest weight\n d_head |  no scale    /√d |  no scale    /√d |        no scale    /√d",
    "lesson05.gpt2_heads": "GPT-2 small: d_model {d_model} / {n_heads} heads = d_head {d_head}",
    "lesson05.without_scale": "at d_head {d_head} without the scale: largest weight {largest:.2f} on average, entropy {entropy:.2f} of a possible {max_entropy:.2f}",
    "lesson05.with_scale": "at d_head {d_head} with the scale:    largest weight {largest:.2f} on average, entropy {entropy:.2f}",
    "lesson05.layernorm_by_hand": "LayerNorm by hand vs blocks.0.ln_attn: largest difference {difference:.1e}",
    "lesson05.stored_transposed": "W_V.weight has shape {shape} (out, in): the linear layer computes h @ W_V.weight.T + b_V",
    "lesson05.v_by_hand": "V by hand vs the model's V for 'cat': largest difference {difference:.1e}",
    "lesson05.cat_token": "'cat' is token {id} at position {position}; every vector below has {n} numbers",
    "lesson05.v_vs_embedding": "block 0's V vs the embedding row: largest difference {difference:.3f}, cosine {cosine:+.2f}",
    "lesson05.v_vs_block1": "block 0's V vs block 1's V:       largest difference {difference:.3f}, cosine {cosine:+.2f}",
    "lesson05.v_recomputed": "block {block}: V == ln_attn output @ W_V + b_V ? largest difference {difference:.1e}",
    "lesson05.reads_layernorm": "block 1's attention reads LayerNorm(block 0's output): {same}",
    "lesson05.own_W_Q": "block 1's queries (head 0) come from that hidden state with block 1's own W_Q: {same}",
    "lesson05.query_differs": "the same token's query differs between blocks: largest difference {difference:.2f}",
    "lesson05.head_rows": "head {head}: rows {first}:{stop} of W_Q.weight, shape {shape} → its queries; difference from the model's {difference:.1e}",
    "lesson05.head_wrong_slice": "W_Q.weight[:, {first}:{stop}] (columns of the stored weight) → difference {difference:.2f}: the wrong numbers",
    "lesson05.W_O_by_hand": "block 0: heads side by side {shape} → @ W_O.weight.T + b_O; difference from attn.out {difference:.1e}",
    "lesson05.head_split": "d_model {d_model} = {n_heads} heads × d_head {d_head}",
    "lesson05.head_columns": "head {head}: columns {first}–{last} of W_Q, W_K, W_V (rows of their .weight) and of b_Q, b_K, b_V",
    "lesson05.own_slices": "every head's q, k, v from its own slice, in every block: largest difference {difference:.1e}",
    "lesson05.through_W_O": "block {block}: z {z_shape} (heads, tokens, d_head) → concatenate → W_O → {shape}; difference from attn.out {difference:.1e}",
    "lesson05.sublayer": "{name}: attention sublayer with {n_heads} heads, {n:,} parameters",
    "lesson05.share_W_Q": "block 0 and block 1 share W_Q: {same}",
    "lesson05.held_out": "{n} translation lines in the validation set: {seen} are word for word among the {trained:,} lines the model trained on (the file holds the first {file:,}), {unseen} are not (kept)",
    "lesson05.task_lines": "{n_lines} unseen translation lines; {n_agreement} of them have a distractor noun before the verb",
    "lesson05.most_weight": "{statistic:37s}: most weight from block {block}, head {head} ({weight:.2f} on average)",
    "lesson05.before_training": "before training: most weight on the English subject by any head {translating:.2f}, on the subject before the verb {agreeing:.2f}",
    "lesson05.after_training": "after training:  {translating:.2f} and {agreeing:.2f}",
    "lesson05.next_should_be": "{text} → next should be {target}",
    "lesson05.unedited": "edits none: p(right word) = {p:.3f}, the model's top word: {guess}",
    "lesson05.edited": "edits {edits}: p(right word) = {p:.3f}, the model's top word: {guess}",
    "lesson05.clean": "{task}: clean model's score {p:.3f} over {n} cases; best possible (the grammar's own) {best:.3f}",
    "lesson05.reference": "mean ablation's reference set: {reference}\n",
    "lesson05.looker": "{task}: looks most at the subject: block {block}, head {head} (weight {weight:.2f}; removing it changes the score by {change:+.3f})",
    "lesson05.removing": "   removing block {block}, head {head} changes the score by {change:+.3f}",
    "lesson05.nearer_noun": "most weight on the nearer noun: block {block}, head {head} ({weight:.2f}); removing it changes the number share by {change:+.3f}",
    # --- exercises (ui/exercises/lesson05.py) ---
    "ex05.one_number": "Answer with one number.",
    "ex05.scaled_score.why": "q·k = 1·2 + 2·0 + 0·1 + 1·2 = 4, and the width is 4, so the scaled score is 4 / √4 = 2.",
    "ex05.scaled_score.unscaled": "That is q·k itself. Attention divides it by √d, the square root of the width.",
    "ex05.scaled_score.by_d": "You divided by d. Attention divides by √d, the square root of the width.",
    "ex05.scaled_score.hint": "Multiply q and k number by number, add up, then divide by the square root of the width (4).",
    "ex05.head_width.why": "Each of the {n_heads} heads reads all {d_model} numbers and projects them to its own {d_model} / {n_heads} = {d_head}.",
    "ex05.head_width.whole": "That is d_model, the width of the whole hidden state. Each head reads all of it, but projects it to a narrower q.",
    "ex05.head_width.hint": "GPT-2 small has d_model 768 and 12 heads; each head's q is d_model / n_heads numbers wide.",
    "ex05.hidden_head.why": (
        "Block 0's head 3 puts only 0.03 on the subject noun. Where the verb is due it reads \"near\" (0.74 on average), "
        "the word that marks the noun just written as the nearer one. Removed, the number share falls from 0.998 to 0.944 "
        "and the model starts to expect a second \"near\" (0.002 → 0.053): what matters is what a head passes on, "
        "not where the picture looks brightest."
    ),
    "ex05.hidden_head.format": "Answer with two numbers: [block, head], e.g. [1, 3].",
    "ex05.hidden_head.the_other": (
        "Removing this head does lower the number share, but it looks straight at the subject noun. Find the one that does not."
    ),
    "ex05.hidden_head.hint": "Take the three heads printed under agreement, then read their weight on the subject noun in section 6's table.",
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
    "ex05.attention.own_triangle": (
        "Your function builds its own causal triangle instead of using the mask it is given: it fails on a random "
        "True/False mask. Use the mask argument itself: scores.masked_fill(~mask, float(\"-inf\"))."
    ),
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
}
