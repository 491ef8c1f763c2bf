"""English messages of lesson 08: its modules (studies/copying.py, studies/knowledge.py,
studies/neuron_probe.py), its printouts (printouts.say("lesson08.…") and the printouts' shared words) and its
exercises (ui/exercises/lesson08.py)."""

MESSAGES: dict[str, str] = {
    # --- copying (studies/copying.py) ---
    "copying.no_different_colours": "None of these fact questions has two different colours in its story; the patching needs some that do.",
    "copying.not_stories": "This needs the changed stories of changed_stories(tokenizer, lines), not {kind}.",
    "copying.bad_change": "Unknown change {change!r}: choose one of {changes}.",
    "copying.no_replay": "{path} holds no copying measurements. Record them with `make copying-replay`.",
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
    # --- printouts (printouts.say("lesson08.…")) ---
    "lesson08.kind_lines": "{n} validation lines; loss in nats per word",
    "lesson08.kind_header": "kind                    words   model   floor     gap",
    "lesson08.facts_right": "fact questions answered right: {right} of {n}; picking a colour and a thing of the story at random: {chance:.1f} on average",
    "lesson08.fact_example": "for example: {prompt!r} → the model writes {written!r}; right: {answer!r}",
    "lesson08.facts_seen": "  of them word for word in the training text: {n}, answered right {right} ({share:.3f})",
    "lesson08.facts_unseen": "  of them not in the training text:          {n}, answered right {right} ({share:.3f})",
    "lesson08.one_story": "{prompt!r} asks {asked}: the model writes {colour!r}; asking {other} instead, it writes {other_colour!r}",
    "lesson08.one_patch": "entering block {block}, patched at {positions}: the model writes {other_colour!r} instead of {colour!r}",
    "lesson08.one_patch_helper": "stream_patching, on this one question, turns the answer at the same places (blocks × positions): {same}",
    "lesson08.rise_reference": "rise in loss (nats per word) when one part is removed; mean ablation's reference set: {reference}",
    "lesson08.most_needed": "{kind:20s}: most needed {part} (+{rise:.2f}); most needed head {head} (+{head_rise:.2f}), next head +{next_rise:.2f}; {many} of {n} parts matter (> 0.1)",
    "lesson08.unneeded_heads": "\nheads whose removal changes no kind by more than 0.01: {heads}",
    "lesson08.mlp_positions": "block 0's MLP over {positions} positions: {width} neurons",
    "lesson08.neuron": "\nneuron {neuron}: top-20 share of one token {share:.2f}, selectivity {selectivity:.2f}",
    "lesson08.bell": "selectivity of {n} bell-shaped random numbers: {selectivity:.3f}",
    "lesson08.random_direction": "random direction 0, top examples:",
    "lesson08.group.trained": "trained neurons    ({n}): median top-20 share of one token {share:.2f}, median selectivity {selectivity:.3f}",
    "lesson08.group.random": "random directions  ({n}): median top-20 share of one token {share:.2f}, median selectivity {selectivity:.3f}",
    "lesson08.group.untrained": "untrained neurons  ({n}): median top-20 share of one token {share:.2f}, median selectivity {selectivity:.3f}",
    "lesson08.block0_least": "removing block 0's attention or its MLP raises every kind, in both ablations, by at least {rise:.2f}",
    "lesson08.last_block_most": "removing block {block}'s attention, its MLP or one of its heads raises no kind, in either ablation, by more than {rise:.2f}",
    "lesson08.layout": "every question has the same layout (position: word of the first question):\n{positions}",
    "lesson08.copying_intact": "fact questions answered right with every head: {share:.3f} ({right} of {n})",
    "lesson08.without_heads": "block {block}: share right without head 0, 1, 2, 3: {shares}",
    "lesson08.looks_header": "mean attention from 'the' after '?' (its next word is the colour), on\n                   the colour of  |  the name of\n                   asked   other  |  asked   other   first   in the question",
    "lesson08.looks_row": "block {block}, head {head}   {asked_colour:5.2f}   {other_colour:5.2f}   |  {asked_name:5.2f}   {other_name:5.2f}   {first_name:5.2f}   {question_name:5.2f}",
    "lesson08.looks_thing": "from the colour (its next word is the thing), block {block}, head {head}: on the asked person's thing {asked:.2f}, on the other's {other:.2f}",
    "lesson08.stories": "{n} of the {of} questions have two different colours; on them the model writes the other person's colour in {share:.2f} of the cases (nothing patched)",
    "lesson08.stream_asked": "other person asked, entering block {block}: the change sits at {positions}",
    "lesson08.stream_colours": "colours swapped,    entering block {block}: the change sits at {positions}",
    "lesson08.stream_position": "{position} {word!r} ({share:.2f})",
    "lesson08.heads_asked": "other person asked, block {block}: one head's output at 'the' patched → heads 0–3 {shares}; all four {all:.2f}",
    "lesson08.heads_colours": "colours swapped,    block {block}: one head's output at 'the' patched → heads 0–3 {shares}; all four {all:.2f}",
    "lesson08.pattern_asked": "only block {block}'s attention weights at 'the' patched, other person asked: the other colour in {share:.2f}",
    "lesson08.pattern_colours": "only block {block}'s attention weights at 'the' patched, colours swapped:    the other colour in {share:.2f}",
    "lesson08.replay_run": "the run: the shipped recipe from seed {seed}; the {questions} fact questions scored every {every} steps up to step {last} ({different} of them have two different colours: p(asked) and p(other) are means over those); at the end {gap:.4f} nats above the exact floor",
    "lesson08.replay_header": "    step     right     p(asked)     p(other)",
    "lesson08.replay_plateau": "the plateau, steps {first} to {last} (after step 0, before half the questions are right): {low} to {high} right; p(asked) + p(other) at least {both:.3f}; the largest |p(asked) − p(other)| {largest:.3f}",
    "lesson08.replay_no_plateau": "no plateau: half the questions were right at the first step after step 0",
    "lesson08.replay_jump": "the jump: {before_right} right at step {before}, {right} at step {step} (the first step with at least 90% right): within {steps} steps",
    "lesson08.replay_no_jump": "no jump: no step up to {last} has at least 90% of the questions right",
    "lesson08.lens_own_word": "read off the embeddings, the top word is the current word itself at {share:.3f} of the positions",
    "lesson08.next_word_table": "a table of the most frequent next word after each word (counted on {n} training lines): right for {share:.3f} of the words",
    "lesson08.lens_by_hand": "by hand, the hidden state after block 0 at the end of {text!r}: top word {guess!r} (the next word is {next!r}); the largest difference from model.logits_from_residual: {diff:.1e}",
    "lesson08.lens_after_block_0": "the same at every position of the 400 lines at once: the top word is the next word for {share:.3f} of the words",
    "lesson08.lens_same": "lens_scores, all words after block 0: {share:.3f} (by hand above: {by_hand:.3f})",
    "lesson08.mlp_by_hand": "by hand, block 0's MLP at the end of {text!r}: neurons 0, 1, 2 after GELU {first}; the largest difference from the trace's blocks.0.mlp.post: {diff:.1e}",
    "lesson08.mlp_same": "mlp_activations at that position: the largest difference from the numbers by hand {diff:.1e}",
    # --- exercises (ui/exercises/lesson08.py) ---
    "ex08.translation_head.why": (
        "In the ablation table, removing block 0, head 1 raises the loss of the Japanese translation more "
        "than any other head, in both ablations (lesson 05's ablation found the same head)."
    ),
    "ex08.block_head.format": "Answer [block, head], e.g. [1, 3].",
    "ex08.translation_head.runner_up": "That head matters for the translation too, but less. Look for the larger number.",
    "ex08.translation_head.hint": "Read the 'Japanese translation' column of the heatmap, head rows only.",
    "ex08.copying_head.why": (
        "All {heads}: without any one head of block 0, only 0.40 to 0.52 of the questions are answered right "
        "(0.925 with every head). The copying is spread over the heads of block 0; there is no single copying head."
    ),
    "ex08.copying_head.single": (
        "A common guess: one copying head. But read block 0's row in section 2: without any one of its heads, "
        "about half the answers are lost."
    ),
    "ex08.copying_head.hint": (
        "Read block 0's row of section 2's heatmap: count the heads without which the share right falls "
        "below 0.925 − 0.25."
    ),
}
