"""レッスン03の文（日本語）：出力（printouts.say("lesson03.…")）と練習問題（ui/exercises/lesson03.py）。
キーと {プレースホルダー} は英語版 en/lesson03.py と同じです。"""

MESSAGES: dict[str, str] = {
    # --- printouts (printouts.say("lesson03.…")) ---
    "lesson03.corpus_size": "学習コーパス：{lines:,}行、{characters:,}文字",
    "lesson03.vocabulary_size": "語彙サイズ（トークンの種類の数）：{n}",
    "lesson03.decodes_back": "ID をデコードすると元の行に戻るか：{answer}",
    "lesson03.toy_corpus": "トイコーパス（英語 + 日本語）",
    "lesson03.shakespeare": "シェイクスピア",
    "lesson03.shakespeare_size": "シェイクスピアのテキスト：{characters:,}文字。最初の50,000文字を使う",
    "lesson03.bpe_text_size": "BPE の学習テキスト：{characters:,}文字、{bytes:,}バイト",
    "lesson03.held_out": (
        "学習に使わないトイのテキスト：BPE の学習テキストにない検証用の行{n}行"
        "（最初の300行の検証用の行のうち{repeated}行は、一字一句そのまま学習テキストにある）"
    ),
    "lesson03.first_pair_by_hand": (
        "手で数えた結果：いちばん多いペアは {left!r} + {right!r} で{count:,}回。"
        "BPE の最初の結合も同じペアで同じ回数：{same}"
    ),
    "lesson03.new_token": "新しいトークン{id}: {left!r} + {right!r} → {token!r}   （このペアは{count:,}回出現）",
    "lesson03.trained": "{seconds:.1f}秒で{merges:,}回の結合を学習 → 語彙は{vocab_size:,}トークン",
    "lesson03.model_loaded": "トランスフォーマーのコードは読み込まれたか：{answer}",
    "lesson03.across_words": "ある単語から次の単語にまたがるトークン：{n}",
    "lesson03.merges_to_tokens": "結合{merges}回 → {tokens}トークン",
    "lesson03.vocab_sizes": "語彙サイズ（各トークナイザーの vocab_size）：{sizes}",
    "lesson03.bytes_vs_bpe": "{text}: 1文字あたりのトークン数はバイトだけなら{bytes_only:.2f}、{vocab_size:,}トークンなら{bpe:.2f}",
    "lesson03.characters": "文字",
    "lesson03.toy_words": "トイ単語",
    "lesson03.our_bpe": "自作の BPE、{size}",
    "lesson03.rare_count": "この単語が BPE の学習テキストに出てくる回数：{n}",
    "lesson03.rare_row": "{name:>26}: {n:2}トークン、正確に元に戻るか：{exact}",
    "lesson03.toy_words_error": "{name}: {error}",
    "lesson03.english": "英語",
    "lesson03.japanese": "日本語",
    "lesson03.per_sentence": "{name:>16}: 英語の文一つあたり{english:5.1f}トークン、日本語の文一つあたり{japanese:5.1f}",
    "lesson03.english_toy": "英語（トイ）",
    "lesson03.japanese_spaced": "日本語（トイ、空白あり）",
    "lesson03.japanese_unspaced": "日本語（トイ、空白なし）",
    "lesson03.japanese_prose": "日本語（ふつうの文章）",
    "lesson03.prose_header": "   1文字あたりのトークン数：{names}",
    "lesson03.prose_row": "{text:>26}: {values}",
    "lesson03.prose_pieces": "文章の最初の12文字を cl100k_base で切った断片：{pieces}",
    "lesson03.eos_bpe": "自作の BPE: テキスト終了の ID {id} {pieces}",
    "lesson03.eos_cl100k": "cl100k_base: テキスト終了の ID {id} {pieces}",
    "lesson03.eos_toy_words": "トイ単語：行末の ID {id} {pieces}",
    "lesson03.typed_eos": "同じ文字を入力すると、代わりにふつうのトークンになる：{pieces}",
    "lesson03.table_row": "{name:>16}: 語彙{vocab_size:>5} → 埋め込みの表 {shape}",
    "lesson03.no_row": "語彙の外の ID には行がない：{error}",
    "lesson03.shipped_tokenizer": "トークナイザーの種類：{kind} | 語彙：{vocab_size}",
    "lesson03.shipped_table": "埋め込みの表：{shape}",
    "lesson03.shipped_unembedding": "アンエンベディング（出力層。トークンごとにスコアを一つ）：{shape}",
    "lesson03.row_per_token": "トークン一つにつき1行か：{answer}",
    # --- exercises (ui/exercises/lesson03.py) ---
    "ex03.first_merge.why": (
        "'banana' と ' bandana' のペアを数えます。'a'+'n' は4回、'n'+'a' は3回、'b'+'a' は2回です。"
        "BPE はいちばん多いペアから結合するので、最初の新しいトークンは 'an' です。"
    ),
    "ex03.first_merge.not_text": "新しいトークンを引用符で囲んだ文字列で答えてください（例：\"xy\"）。",
    "ex03.first_merge.whole_word": "BPE が単語全体にいきなり飛ぶことはありません。1ステップで既存のトークンをちょうど二つつなげます。",
    "ex03.first_merge.hint": (
        "'banana' と（先頭の空白も含めて）' bandana' の隣り合う文字のペアをすべて書き出し、"
        "それぞれ何回出てくるか数えてください。いちばん多いのはどれですか？"
    ),
    "ex03.vocab_size.why": (
        "この BPE は256個のトークン（バイトごとに一つ）から始まり、結合1回ごとにトークンが一つ増え、"
        "<|endoftext|> がさらに一つです：256 + 500 + 1 = 757。"
    ),
    "ex03.vocab_size.merges_only": "結合はある土台の上に追加されます。バイト単位の BPE は、結合の前にどんなトークンを持っていますか？",
    "ex03.vocab_size.no_special": "惜しいです。テキストの終わりを表す特殊トークンを一つ忘れています。",
    "ex03.vocab_size.hint": "最初のトークン（バイト）、結合、特殊トークンをそれぞれ数えてください。",
    "ex03.byte_tokens.why": (
        "{text} の4文字はどれも UTF-8 で3バイトで、バイトだけのトークナイザーは1バイトに1トークンです。"
        "4 × 3 = 12トークンで、未知のものはありません。"
    ),
    "ex03.byte_tokens.characters": (
        "それは1文字1トークンの場合です。バイトだけのトークナイザーは1バイトに1トークンです。"
        "日本語の1文字は UTF-8 で何バイトでしょう？"
    ),
    "ex03.byte_tokens.one_or_none": (
        "バイト単位のトークナイザーはどんなテキストもあきらめません。マージがなければ、単語全体のトークンもありません。"
    ),
    "ex03.byte_tokens.hint": (
        "バイトを数えてください：len(\"猫が寝る\".encode(\"utf-8\"))。または BPETokenizer([]) でエンコードして len() を取ってください。"
    ),
}
