"""English messages of lesson 07: its module (studies/residual.py), its printouts (printouts.say("lesson07.…") and the printouts' shared words) and its
exercises (ui/exercises/lesson07.py)."""

MESSAGES: dict[str, str] = {
    # --- residual (studies/residual.py) ---
    "residual.traced_hidden_state": "hidden state in the trace",
    "residual.not_a_layer_norm": "This needs a torch LayerNorm (e.g. model.blocks[0].ln_attn), not {kind}.",
    "residual.norm_width": "This LayerNorm normalises rows of {width} numbers; the rows given have {got}.",
    "residual.bad_hidden_state": (
        "The {name} must have shape (T, {d_model}): 1 to {context} positions of d_model numbers; got {shape}."
    ),
    "residual.bad_parts": "sum_of_parts needs what residual_parts(trace, n_layers) gives: a non-empty dict of tensors of one shape; got {got}.",
    # --- printouts (printouts.say("lesson07.…")) ---
    "lesson07.shape": "{n_layers} blocks, {n_heads} heads each, d_model {d_model}, d_mlp {d_mlp}",
    "lesson07.x": "x: {n} numbers, mean {mean:+.4f}, standard deviation {std:.4f}",
    "lesson07.normalised": "after subtracting and dividing: mean {mean:+.1e}, standard deviation {std:.4f}",
    "lesson07.layernorm_difference": "largest difference from torch's LayerNorm: {difference:.1e}",
    "lesson07.first_addition": "x + attention(LayerNorm(x)), by hand: largest difference from blocks.0.resid_mid {difference:.1e}",
    "lesson07.second_addition": "that sum + MLP(LayerNorm(that sum)), by hand: largest difference from blocks.0.resid_post {difference:.1e}",
    "lesson07.steps_by_hand": "block {block}: {n} steps recomputed by hand; largest difference from the model {difference:.1e}",
    "lesson07.step_shape": "  {name:10s} shape {shape}",
    "lesson07.gelu": "GELU(x) for x = {x} → {y}",
    "lesson07.neurons_at_cat": "block 0's MLP at 'cat': {n} neurons, {above} of them above 0.1, {near_zero} within 0.1 of zero, {below} below −0.1",
    "lesson07.parts": "{n} vectors are added up at each of the {positions} positions; their size at 'cat':",
    "lesson07.part_length": "  {name:18s} length {length:6.2f}",
    "lesson07.sum_of_parts": "sum of the parts vs the hidden state after block {block}: largest difference {difference:.1e}; equal up to 32-bit rounding (torch.allclose, rtol=1e-5, atol=1e-6): {close}",
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
    "lesson07.output_layer": "the output layer: a {rows} × {columns} matrix of its own (the embedding table reused: {tied})",
    # --- exercises (ui/exercises/lesson07.py) ---
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
    "ex07.what_travels.why": (
        "Only the hidden state: block 1 computes its own Q, K and V from it, with its own matrices."
    ),
    "ex07.what_travels.format": 'Answer "Q", "K", "V" or "hidden state" (the residual stream).',
    "ex07.what_travels.recomputed": (
        "A common guess. But section 3 recomputed block 1's Q, K and V from the hidden state alone, with block 1's "
        "own matrices: block 1 never reads block 0's. (The KV cache of lesson 06 does keep block 0's K and V, "
        "but only for block 0 itself, to reuse at later tokens.)"
    ),
}
