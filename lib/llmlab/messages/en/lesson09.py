"""English messages of lesson 09: its modules (studies/own_text.py, studies/training_cost.py,
studies/weight_changes.py), its printouts (printouts.say("lesson09.…") and the printouts' shared words) and its
exercises (ui/exercises/lesson09.py)."""

MESSAGES: dict[str, str] = {
    # --- own_text (studies/own_text.py) ---
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
    "own_text.out_is_input": '--out {path} is the text file you train on: saving there would replace your text. Choose another name, such as build/my_model.pt.',
    "own_text.not_regular": '{path} is not a regular file (it is a named pipe or a device): llmlab reads text only from ordinary files. Save the text to a file and give its path.',
    "own_text.utf16": '{path} is saved as UTF-16, not UTF-8. Save it again as UTF-8 (in most editors: Save As…, then Encoding: UTF-8).',
    "own_text.result": "validation loss {loss:.3f} nats/character after {seconds:.0f} s",
    "own_text.saved": "saved {path}; a sample (the context holds {context} characters):",
    # --- training_cost (studies/training_cost.py) ---
    # --- weight_changes (studies/weight_changes.py) ---
    "weight_changes.token_embedding_tied": "token embedding (= unembedding, tied)",
    "weight_changes.unembedding": "unembedding (output layer)",
    "weight_changes.final_norm": "final LayerNorm",
    "weight_changes.ln_attn": "LayerNorm before attention",
    "weight_changes.ln_mlp": "LayerNorm before MLP",
    "weight_changes.block_part": "block {block} · {label}",
    "weight_changes.bad_snapshot": (
        "The snapshot does not belong to this model: take it with snapshot(model) from the same model."
    ),
    # --- printouts' shared words (ui/printouts.py) ---
    "printouts.yes": "yes",
    "printouts.no": "no",
    "printouts.shape": "{blocks} blocks × {width}",
    "printouts.shipped_shape": "shipped: {shape}",
    "printouts.shipped_model": "shipped model",
    "printouts.memory.weights": "weights",
    "printouts.memory.gradients": "gradients",
    "printouts.memory.adamw_state": "AdamW state",
    # --- printouts (printouts.say("lesson09.…")) ---
    "lesson09.shipped": "shipped model: {n:,} parameters, vocabulary of {vocab} tokens",
    "lesson09.position": "position {position:2d}: reads {read!r:10} → target {target!r}",
    "lesson09.shifted": "targets = inputs moved one token to the left: {same}",
    "lesson09.loss_by_hand": "loss from torch: {loss:.4f} nats;  by hand, mean of -log p(target): {by_hand:.4f} nats",
    "lesson09.multiply_adds": "{d}×{d} linear layer, per token: forward {forward:,} multiply-adds, backward {backward:,} = {ratio:.0f}× the forward; forward + backward = {both:.0f}× the forward",
    "lesson09.step_cost": "{name:24s} {n:>9,} parameters | forward {forward:6.2f} µs/token, training step {step:6.2f} µs/token: {ratio:.1f}× | backward = {backward:.1f}× its forward, AdamW {adamw:.0f}% of the step",
    "lesson09.ratios": "\nratios from {low:.1f}× to {high:.1f}×; theory about 3×; anywhere near 10–100×? {near}",
    "lesson09.adam_state": "AdamW's state after one step: {kept:,} numbers for {n:,} parameters = {per:.0f} per parameter",
    "lesson09.memory": "{name} ({n} parameters), float32: {parts}; together {together:,.2f} {unit}",
    "lesson09.after_steps": "after {steps} steps: validation {val:.3f} nats, floor {floor:.3f}, gap {gap:.3f}",
    "lesson09.val_seen": "validation lines that also occur word for word in this run's training text: {seen:,} of {n:,}",
    "lesson09.val_seen_shipped": "validation lines that occur word for word in the shipped model's training text: {seen:,} of {n:,}",
    "lesson09.shipped_gap": "shipped model ({steps} steps of its own recipe): validation {val:.3f}, gap {gap:.3f}",
    "lesson09.run.fresh": "fresh, {steps} steps",
    "lesson09.run.shipped": "shipped, {steps} steps",
    "lesson09.shipped_recipe": "the shipped model: {steps:,} steps of this recipe on the first {lines:,} lines of the toy corpus's generator, {seconds:.0f} s on one processor thread",
    "lesson09.drill_question": "one drill question: {question}\n  graded targets: {graded} ({n} of {of} positions; the other targets count for nothing)",
    "lesson09.answers_right": "{run}: {right} of {n} fact questions of the validation lines answered right (greedy)",
    "lesson09.kind_loss": "  {kind:20s} {targets:6,} words: loss {loss:.3f}, floor {floor:.3f}, gap {gap:.3f}",
    "lesson09.peak_rate": "peak learning rate {rate:g}: validation loss after 80 steps {loss:.3f}",
    "lesson09.stopped_after": "(training stopped after {steps} steps)",
    "lesson09.table_moved": "token embedding table: {moved:,} of {n:,} numbers changed, in {rows} of its {of} rows",
    "lesson09.unk_row": "the <unk> row: every number multiplied by {low:.5f} to {high:.5f} — weight decay alone; no gradient reached it",
    "lesson09.component_change": "{component:40s} {n:6,} numbers, {changed:5.1f}% changed, mean change {change:.1e} (mean size {size:.1e})",
    "lesson09.same_as_by_hand": "the helper's token embedding row = the count by hand: {same}",
    "lesson09.vocabulary": "tokenizer vocabulary: {vocab} tokens (training takes no tokenizer at all)",
    "lesson09.embedding_shapes": "embedding table before: {before}  after: {after}",
    "lesson09.W_Q_shape": "block 0's W_Q: {shape} — d_model × d_model, not one row per token",
    "lesson09.fingerprint_before": "fingerprint before: {fingerprint}",
    "lesson09.fingerprint_after": "fingerprint after:  {fingerprint}",
    "lesson09.fingerprint_model": "fingerprint of the model:      {fingerprint}",
    "lesson09.fingerprint_step": "fingerprint after one step:    {fingerprint}",
    "lesson09.before_after": "what does {asked} have? before: {before}\n                    after:  {after}",
    "lesson09.largest_change": "                    largest change of any next word's probability: {change:.4f}",
    "lesson09.named_tensors": "{n} named tensors; the post-training of section 1 (RLHF, Constitutional AI) changes the numbers inside them, not the list",
    "lesson09.characters": "{n:,} characters, {different} different ones; shape {shape}",
    "lesson09.held_out": "held out for validation: the last {share:.0%} of the text ({held:,} characters); each validation scores {scored:,} of them, in windows spread evenly",
    "lesson09.bard_step": "step {step:4d}, validation {loss:.3f} nats/character:\nROMEO:{sample}\n",
    "lesson09.bard_speed": "{seconds:.1f} s, {speed:,.0f} training tokens/s (validation included in the time); reached 1.88? {reached}",
    # --- exercises (ui/exercises/lesson09.py) ---
    "ex09.labels.why": (
        "The target of each input token is the token that follows it in the text: "
        "the → cat, cat → sat, sat → down. The text supplies its own labels."
    ),
    "ex09.labels.format": 'Answer with three words, e.g. ["a", "b", "c"] or "a b c".',
    "ex09.labels.same_as_inputs": (
        "Those are the inputs themselves. The model must predict the NEXT token: shift by one."
    ),
    "ex09.labels.one_per_input": "Every input position gets its own target: three inputs, three targets.",
    "ex09.labels.hint": "Write the text under itself, moved one token to the left.",
    "ex09.adam_memory.why": (
        "AdamW keeps two numbers per parameter (running averages of the gradient and of its square): "
        "2 × 7 billion × 4 bytes = {gb:.0f} GB, before the weights and gradients themselves."
    ),
    "ex09.adam_memory.one_number": "That is one extra number per parameter. AdamW keeps two.",
    "ex09.adam_memory.everything": (
        "That counts more than AdamW's state (weights and gradients too?). Only the two running averages."
    ),
    "ex09.adam_memory.bytes": "That is in bytes; the question asks for GB (10⁹ bytes).",
    "ex09.adam_memory.hint": "Parameters × numbers AdamW keeps per parameter × bytes per float32 number, then ÷ 10⁹.",
    "ex09.training_flops.why": (
        "About 2 operations per parameter per token for the forward pass, about twice that for backward: "
        "6 × 174.6e9 × 300e9 ≈ {flops:.2e}. Brown et al. 2020 (Appendix D) report 3.14e23 for GPT-3."
    ),
    "ex09.training_flops.forward_only": (
        "That is the forward pass alone (2 × parameters × tokens). Training also runs backward, about twice the forward."
    ),
    "ex09.training_flops.too_heavy": "Too much: a training step costs about 3 forward passes, not 10 to 100.",
    "ex09.training_flops.hint": "Use about 6 × parameters × training tokens (forward 2, backward about 4).",
    "ex09.context_or_weights.why": (
        "A system prompt is more tokens in front of the conversation: the model reads them; not one weight changes."
    ),
    "ex09.context_or_weights.format": 'Answer "weights" or "context".',
    "ex09.context_or_weights.weights": (
        "Nothing is trained while the model reads a prompt: compare the fingerprints in section 6."
    ),
}
