"""English messages of lesson 03: its printouts (printouts.say("lesson03.…")) and its exercises
(ui/exercises/lesson03.py)."""

MESSAGES: dict[str, str] = {
    # --- printouts (printouts.say("lesson03.…")) ---
    "lesson03.corpus_size": "training corpus: {lines:,} lines, {characters:,} characters",
    "lesson03.vocabulary_size": "vocabulary size (how many different tokens exist): {n}",
    "lesson03.decodes_back": "decoding the IDs gives the line back: {answer}",
    "lesson03.toy_corpus": "toy corpus (EN + JA)",
    "lesson03.shakespeare": "Shakespeare",
    "lesson03.shakespeare_size": "Tiny Shakespeare: {characters:,} characters; we use the first 50,000",
    "lesson03.bpe_text_size": "BPE training text: {characters:,} characters, {bytes:,} bytes",
    "lesson03.held_out": (
        "held-out toy text: {n} validation lines that are not in the BPE training text "
        "({repeated} of the first 300 validation lines are in it, word for word)"
    ),
    "lesson03.first_pair_by_hand": (
        "counted by hand: the most frequent pair is {left!r} + {right!r}, {count:,} times; "
        "BPE's first merge is the same pair, as often: {same}"
    ),
    "lesson03.new_token": "new token {id}: {left!r} + {right!r} → {token!r}   (the pair occurred {count:,} times)",
    "lesson03.trained": "trained {merges:,} merges in {seconds:.1f} s → vocabulary of {vocab_size:,} tokens",
    "lesson03.model_loaded": "was the transformer code even loaded? {answer}",
    "lesson03.across_words": "tokens that reach from one word into the next: {n}",
    "lesson03.merges_to_tokens": "{merges} merges → {tokens} tokens",
    "lesson03.vocab_sizes": "vocabulary sizes (vocab_size of each tokenizer): {sizes}",
    "lesson03.bytes_vs_bpe": "{text}: {bytes_only:.2f} tokens per character with bytes only, {bpe:.2f} with {vocab_size:,} tokens",
    "lesson03.characters": "characters",
    "lesson03.toy_words": "toy words",
    "lesson03.our_bpe": "our BPE, {size}",
    "lesson03.rare_count": "times the word occurs in our BPE training text: {n}",
    "lesson03.rare_row": "{name:>26}: {n:2} tokens, decodes back exactly: {exact}",
    "lesson03.toy_words_error": "{name}: {error}",
    "lesson03.english": "English",
    "lesson03.japanese": "Japanese",
    "lesson03.per_sentence": "{name:>14}: {english:5.1f} tokens per English sentence, {japanese:5.1f} per Japanese one",
    "lesson03.english_toy": "English (toy)",
    "lesson03.japanese_spaced": "Japanese (toy, spaced)",
    "lesson03.japanese_unspaced": "Japanese (toy, no spaces)",
    "lesson03.japanese_prose": "Japanese (ordinary prose)",
    "lesson03.prose_header": "      tokens per character: {names}",
    "lesson03.prose_row": "{text:>26}: {values}",
    "lesson03.prose_pieces": "cl100k_base pieces of the first 12 characters of the prose: {pieces}",
    "lesson03.eos_bpe": "our BPE: end-of-text ID {id} {pieces}",
    "lesson03.eos_cl100k": "cl100k_base: end-of-text ID {id} {pieces}",
    "lesson03.eos_toy_words": "toy words: end-of-line ID {id} {pieces}",
    "lesson03.typed_eos": "typing the same characters gives ordinary tokens instead: {pieces}",
    "lesson03.table_row": "{name:>14}: vocabulary {vocab_size:>5} → embedding table {shape}",
    "lesson03.no_row": "an ID outside the vocabulary has no row: {error}",
    "lesson03.shipped_tokenizer": "tokenizer kind: {kind} | vocabulary: {vocab_size}",
    "lesson03.shipped_table": "embedding table: {shape}",
    "lesson03.shipped_unembedding": "unembedding (the output layer, a score for every token): {shape}",
    "lesson03.row_per_token": "one row per token: {answer}",
    # --- exercises (ui/exercises/lesson03.py) ---
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
    "ex03.byte_tokens.why": (
        "Each of the four characters of {text} takes 3 bytes in UTF-8, and the bytes-only tokenizer "
        "has one token per byte: 4 × 3 = 12 tokens, none unknown."
    ),
    "ex03.byte_tokens.characters": (
        "That is one token per character. The bytes-only tokenizer has one token per byte: "
        "how many bytes does a Japanese character take in UTF-8?"
    ),
    "ex03.byte_tokens.one_or_none": (
        "A byte-level tokenizer never gives up on a text, and with no merges it has no token for a whole word."
    ),
    "ex03.byte_tokens.hint": (
        "Count the bytes: len(\"猫が寝る\".encode(\"utf-8\")), or encode the text with BPETokenizer([]) and take len()."
    ),
}
