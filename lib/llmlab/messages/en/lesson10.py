"""English messages of lesson 10: its printouts (printouts.say("lesson10.…")) and its exercises (ui/exercises/lesson10.py)."""

MESSAGES: dict[str, str] = {
    # --- printouts (printouts.say("lesson10.…")) ---
    "lesson10.even": "spread evenly, each of the {n} tokens would get {weight:.2f}",
    "lesson10.reads": "block {block}, head {head}: {query!r} reads {read!r} most ({weight:.2f})",
    "lesson10.reads_previous": "block {block}, head {head}: {query!r} reads {read!r} (the previous token) most ({weight:.2f})",
    "lesson10.next_word": "\nthe model's next word after {token!r}: {guess!r}",
    "lesson10.lens_equals_output": "after the last block, the lens equals the model's output: {same}",
    "lesson10.lens_guess": "{state:>14}: after {token!r} the guess is {word!r} ({p:.2f})",
    "lesson10.hidden_states": "{n} hidden states (the embeddings, then one after each block), each of shape {shape}",
    "lesson10.itself": "read off the embeddings, the guess is the token itself at {itself} of {n} positions",
    "lesson10.followers": "data/toy_train.txt, {lines:,} lines: a word follows {before!r} {total:,} times; the most frequent words there:",
    "lesson10.follower": "  {word!r:8} {n:>5,} times ({share:.0%})",
    # --- exercises (ui/exercises/lesson10.py) ---
    "ex10.hidden_states.why": (
        "The lens reads the embeddings (hidden state 0) and the hidden state after each block: 1 + {blocks} = {states}."
    ),
    "ex10.hidden_states.no_embeddings": "Almost: the embeddings are a hidden state too, before block 0.",
    "ex10.hidden_states.hint": "Count the embeddings, then one hidden state after each block (model.config.n_layers).",
    "ex10.even_weight.why": "Position 19 reads positions 0 to 19, itself included: 20 keys, so 1/20 = 0.05 each.",
    "ex10.even_weight.not_itself": "Close: a position also reads itself, so there are 20 keys, not 19.",
    "ex10.even_weight.hint": "The weights of a row add up to 1. How many positions can position 19 read?",
    "ex10.not_cached.why": (
        "K and V of earlier positions come out the same at every step, so the cache keeps them; "
        "a query is only needed for the position being predicted."
    ),
    "ex10.not_cached.kept": "That one is kept: later positions read the keys and values of earlier ones at every step.",
    "ex10.not_cached.format": 'Answer "Q", "K" or "V".',
}
