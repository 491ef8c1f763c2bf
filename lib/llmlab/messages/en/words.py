"""English words more than one module shows (printouts, widgets, figures, studies): each text has one key here."""

MESSAGES: dict[str, str] = {
    # --- kinds of word (toy/kinds.py: KINDS, LINE_KINDS and "all") ---
    "kind.all": "all words",
    "kind.english": "English sentence",
    "kind.japanese": "Japanese translation",
    "kind.translation": "translation lines",
    "kind.agreement": "verb agreement",
    "kind.facts": "fact lines",
    "kind.fact_answers": "fact answers",
    "words.kind_words": "{kind}\n({n} words)",
    # --- ablations (studies/head_roles.py, studies/knowledge.py) ---
    "words.ablation.zero": "zero",
    "words.ablation.mean": "mean",
    # --- blocks and heads ---
    "words.head": "head",
    "words.head_number": "head {head}",
    "words.block_head": "block {block}, head {head}",
    # --- training (lessons 00, 04 and 08; widgets/training.py, plots/) ---
    "words.model": "model",
    "words.training_step": "training step",
    "words.loss_per_token": "loss (nats per token)",
    "printouts.trained_for": "the shipped model trained for {seconds:.0f} s",
    # --- the model's components (engine/params.py, studies/weight_changes.py) ---
    "words.component.token_embedding": "token embedding",
    "words.component.position_embedding": "position embedding",
    "words.component.attention": "attention",
    "words.component.mlp": "MLP",
    "words.component.layernorm": "LayerNorm",
    "words.component.unembedding": "unembedding",
}
