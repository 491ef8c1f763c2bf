"""English messages of lesson 07: its modules (studies/copying.py, studies/residual.py, studies/knowledge.py,
studies/neuron_probe.py), its printouts (printouts.say("lesson07.…") and the printouts' shared words) and its
exercises (ui/exercises/lesson07.py)."""

MESSAGES: dict[str, str] = {
    # --- copying (studies/copying.py) ---
    "copying.no_different_colours": "None of these fact questions has two different colours in its story; the patching needs some that do.",
    "copying.not_stories": "This needs the changed stories of changed_stories(tokenizer, lines), not {kind}.",
    "copying.bad_change": "Unknown change {change!r}: choose one of {changes}.",
    # --- residual (studies/residual.py) ---
    "residual.traced_hidden_state": "hidden state in the trace",
    "residual.not_a_layer_norm": "This needs a torch LayerNorm (e.g. model.blocks[0].ln_attn), not {kind}.",
    "residual.norm_width": "This LayerNorm normalises rows of {width} numbers; the rows given have {got}.",
    "residual.bad_hidden_state": (
        "The {name} must have shape (T, {d_model}): 1 to {context} positions of d_model numbers; got {shape}."
    ),
    "residual.bad_parts": "sum_of_parts needs what residual_parts(trace, n_layers) gives: a non-empty dict of tensors of one shape; got {got}.",
    # --- knowledge (studies/knowledge.py) ---
    "knowledge.each_reference": "each reference sequence",
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
    "knowledge.no_block_parts": "The table has no part in block {block}.",
    "knowledge.part_attention": "block {block} attention",
    "knowledge.part_mlp": "block {block} MLP",
    # --- neuron_probe (studies/neuron_probe.py) ---
    "neuron_probe.not_activations": (
        "This needs the activations made by mlp_activations(model, data, block), not {kind}."
    ),
    "neuron_probe.bad_direction": (
        "A direction must be a tensor of {d_mlp} finite numbers, not all zero (this MLP is {d_mlp} wide); got {shape}."
    ),
    # --- printouts' shared words (ui/printouts.py) ---
    "printouts.kind": "kind",
    "printouts.words": "words",
    "printouts.accuracy": "accuracy",
    "printouts.log_prob": "log-prob",
    # --- printouts (printouts.say("lesson07.…")) ---
    "lesson07.shape": "{n_layers} blocks, {n_heads} heads each, d_model {d_model}, d_mlp {d_mlp}",
    "lesson07.x": "x: {n} numbers, mean {mean:+.4f}, standard deviation {std:.4f}",
    "lesson07.normalised": "after subtracting and dividing: mean {mean:+.1e}, standard deviation {std:.4f}",
    "lesson07.layernorm_difference": "largest difference from torch's LayerNorm: {difference:.1e}",
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
    "lesson07.kind_lines": "{n} validation lines; loss in nats per word",
    "lesson07.kind_header": "kind                    words   model   floor     gap",
    "lesson07.facts_right": "fact questions answered right: {right} of {n}; picking a colour and a thing of the story at random: {chance:.1f} on average",
    "lesson07.fact_example": "for example: {prompt!r} → the model writes {written!r}; right: {answer!r}",
    "lesson07.facts_seen": "  of them word for word in the training text: {n}, answered right {right} ({share:.3f})",
    "lesson07.facts_unseen": "  of them not in the training text:          {n}, answered right {right} ({share:.3f})",
    "lesson07.one_story": "{prompt!r} asks {asked}: the model writes {colour!r}; asking {other} instead, it writes {other_colour!r}",
    "lesson07.one_patch": "entering block {block}, patched at {positions}: the model writes {other_colour!r} instead of {colour!r}",
    "lesson07.one_patch_helper": "stream_patching, on this one question, turns the answer at the same places (blocks × positions): {same}",
    "lesson07.rise_reference": "rise in loss (nats per word) when one part is removed; mean ablation's reference set: {reference}",
    "lesson07.most_needed": "{kind:20s}: most needed {part} (+{rise:.2f}); most needed head {head} (+{head_rise:.2f}), next head +{next_rise:.2f}; {many} of {n} parts matter (> 0.1)",
    "lesson07.unneeded_heads": "\nheads whose removal changes no kind by more than 0.01: {heads}",
    "lesson07.mlp_positions": "block 0's MLP over {positions} positions: {width} neurons",
    "lesson07.neuron": "\nneuron {neuron}: top-20 share of one token {share:.2f}, selectivity {selectivity:.2f}",
    "lesson07.bell": "selectivity of {n} bell-shaped random numbers: {selectivity:.3f}",
    "lesson07.random_direction": "random direction 0, top examples:",
    "lesson07.group.trained": "trained neurons    ({n}): median top-20 share of one token {share:.2f}, median selectivity {selectivity:.3f}",
    "lesson07.group.random": "random directions  ({n}): median top-20 share of one token {share:.2f}, median selectivity {selectivity:.3f}",
    "lesson07.group.untrained": "untrained neurons  ({n}): median top-20 share of one token {share:.2f}, median selectivity {selectivity:.3f}",
    "lesson07.output_layer": "the output layer: a {rows} × {columns} matrix of its own (the embedding table reused: {tied})",
    "lesson07.block0_least": "removing block 0's attention or its MLP raises every kind, in both ablations, by at least {rise:.2f}",
    "lesson07.last_block_most": "removing block {block}'s attention, its MLP or one of its heads raises no kind, in either ablation, by more than {rise:.2f}",
    "lesson07.layout": "every question has the same layout (position: word of the first question):\n{positions}",
    "lesson07.copying_intact": "fact questions answered right with every head: {share:.3f} ({right} of {n})",
    "lesson07.without_heads": "block {block}: share right without head 0, 1, 2, 3: {shares}",
    "lesson07.looks_header": "mean attention from 'the' after '?' (its next word is the colour), on\n                   the colour of  |  the name of\n                   asked   other  |  asked   other   first   in the question",
    "lesson07.looks_row": "block {block}, head {head}   {asked_colour:5.2f}   {other_colour:5.2f}   |  {asked_name:5.2f}   {other_name:5.2f}   {first_name:5.2f}   {question_name:5.2f}",
    "lesson07.looks_thing": "from the colour (its next word is the thing), block {block}, head {head}: on the asked person's thing {asked:.2f}, on the other's {other:.2f}",
    "lesson07.stories": "{n} of the {of} questions have two different colours; on them the model writes the other person's colour in {share:.2f} of the cases (nothing patched)",
    "lesson07.stream_asked": "other person asked, entering block {block}: the change sits at {positions}",
    "lesson07.stream_colours": "colours swapped,    entering block {block}: the change sits at {positions}",
    "lesson07.stream_position": "{position} {word!r} ({share:.2f})",
    "lesson07.heads_asked": "other person asked, block {block}: one head's output at 'the' patched → heads 0–3 {shares}; all four {all:.2f}",
    "lesson07.heads_colours": "colours swapped,    block {block}: one head's output at 'the' patched → heads 0–3 {shares}; all four {all:.2f}",
    "lesson07.pattern_asked": "only block {block}'s attention weights at 'the' patched, other person asked: the other colour in {share:.2f}",
    "lesson07.pattern_colours": "only block {block}'s attention weights at 'the' patched, colours swapped:    the other colour in {share:.2f}",
    "lesson07.lens_own_word": "read off the embeddings, the top word is the current word itself at {share:.3f} of the positions",
    "lesson07.next_word_table": "a table of the most frequent next word after each word (counted on {n} training lines): right for {share:.3f} of the words",
    # --- exercises (ui/exercises/lesson07.py) ---
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
    "ex07.block_head.format": "Answer [block, head], e.g. [1, 3].",
    "ex07.translation_head.runner_up": "That head matters for the translation too, but less. Look for the larger number.",
    "ex07.translation_head.hint": "Read the 'Japanese translation' column of the heatmap, head rows only.",
    "ex07.copying_head.why": (
        "All {heads}: without any one head of block 0, only 0.40 to 0.52 of the questions are answered right "
        "(0.925 with every head). The copying is spread over the heads of block 0; there is no single copying head."
    ),
    "ex07.copying_head.single": (
        "A common guess: one copying head. But read block 0's row in section 5: without any one of its heads, "
        "about half the answers are lost."
    ),
    "ex07.copying_head.hint": (
        "Read block 0's row of section 5's heatmap: count the heads without which the share right falls "
        "below 0.925 − 0.25."
    ),
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
