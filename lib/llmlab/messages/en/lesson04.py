"""English messages of lesson 04: its modules (studies/embeddings.py), its printouts (printouts.say("lesson04.…")) and
its exercises (ui/exercises/lesson04.py)."""

MESSAGES: dict[str, str] = {
    # --- embeddings (studies/embeddings.py) ---
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
    "embeddings.bad_path": "The snapshot file's path must be text or a Path, not {kind}.",
    "embeddings.bad_snapshots": "{path} is not a snapshot file written by scripts/train_checkpoint.py ({error}).",
    "embeddings.not_square": "matrix must be square (n × n); got shape {shape}.",
    "embeddings.pca_width": "The map was fitted on vectors of {width} numbers; these have {got}.",
    "embeddings.group_widths": "The two groups must hold vectors of the same width; they have {a} and {b} numbers.",
    "embeddings.group_sizes": "Each group needs at least {least}; the groups hold {a} and {b}.",
    # --- printouts (printouts.say("lesson04.…")) ---
    "lesson04.one_hot_rows": "one-hot rows:\n {rows}",
    "lesson04.one_hot_times_table": "one-hot × table:\n {rows}",
    "lesson04.helper_same": "llmlab's one_hot and lookup_by_one_hot give the same: {answer}",
    "lesson04.rows_picked": "rows picked directly:\n {rows}",
    "lesson04.table_shape": "embedding table shape (vocabulary × d_model): {shape}",
    "lesson04.lookup_equals": "nn.Embedding lookup equals one-hot × table: {answer}",
    "lesson04.first_numbers": "first 8 numbers of the vector for 'cat': {values}",
    "lesson04.all_entries": "all entries: mean {mean:.4f}, standard deviation {std:.4f}",
    "lesson04.random_cosines": "cosine between two different random rows: mean {mean:+.3f}, spread (std) {std:.3f}; chance predicts about {chance:.3f}",
    "lesson04.cosine_by_hand": "cat–dog in the random table: a·b / (|a| |b|) = {by_hand:+.4f}, cosine(a, b) = {helper:+.4f}",
    "lesson04.random_pairs": "random table: cat–dog {cat_dog:+.2f}, cat–car {cat_car:+.2f}",
    "lesson04.saved_every": "saved every {every} steps: {steps}",
    "lesson04.last_snapshot": "the last snapshot is the shipped model's table: {answer}",
    "lesson04.pairs_at_step": "step {step:>4}: cat–dog {cat_dog:+.2f}, cat–car {cat_car:+.2f}",
    "lesson04.pairs_change": "change:     cat–dog {cat_dog:+.2f}, cat–car {cat_car:+.2f}",
    "lesson04.kinds": "animals: {animals} | vehicles: {vehicles}",
    "lesson04.random_start": "random start",
    "lesson04.after_training": "after training",
    "lesson04.same_and_different": "{stage:>14}: same kind {same:+.2f}, different kinds {different:+.2f}",
    "lesson04.translation_rank": "{stage:>14}: median rank of the translation {median} of {others}; nearest in {nearest} of {pairs} pairs",
    "lesson04.nearest": "nearest to {word}: {neighbours}",
    "lesson04.ruler_by_hand": "'{word}' left out: the other words' best single dimension is {dimension} (separation {separation:.1f}); '{word}' lies {on_dimension:+.3f} along it and {along:+.3f} along the direction",
    "lesson04.ruler_helper": "compare_axes_and_direction, first word: dimension {dimension}, {on_dimension:+.3f} and {along:+.3f}; the same as by hand: {same}",
    "lesson04.rulers": "{stage:>14}: best single dimension {dimension:4.0%} right, separation {dimension_score:+.1f} | direction {direction:4.0%} right, separation {direction_score:+.1f}",
    "lesson04.direction_better": "after training, the direction separates better than the best single dimension: {answer}",
    "lesson04.dimensions_chosen": "dimensions chosen as 'best' when different words were left out: {dimensions}",
    "lesson04.dimension_share": "{stage:>14}: dimension {dimension} carries {share:.0%} of the direction's squared length (the largest share of the 64: {largest})",
    "lesson04.equal_share": "if all 64 coordinates shared it equally, each would carry {share:.1%}",
    "lesson04.rotation_keeps": "a rotation keeps every cosine: {answer}",
    "lesson04.trained_table": "trained table",
    "lesson04.rotations": "20 rotations of it",
    "lesson04.random_tables": "20 random tables",
    "lesson04.tables_row": "{tables:>18}: largest coordinate's share: median {median:4.0%}, at most {largest:4.0%} | best single dimension right for every word in {perfect:2} of {n} | direction right for every word in {direction:2} of {n}",
    "lesson04.tokens": "tokens: {tokens}",
    "lesson04.embedding_sum": "token row of '{token}' + position row {position} = blocks.0.resid_pre at position {position}, exactly (torch.equal): {equal}",
    "lesson04.same_token_vector": "token vectors of 'the' at positions 1 and 4 are identical: {answer}",
    "lesson04.after_positions": "after adding positions, their cosine is {cosine:.2f}",
    "lesson04.neighbours": "{curve:>9}: mean cosine of neighbours {next_to:+.2f}, 5 apart {five:+.2f}, 15 apart {fifteen:+.2f}",
    # --- exercises (ui/exercises/lesson04.py) ---
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
}
