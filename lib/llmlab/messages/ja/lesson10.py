"""レッスン10の文（日本語）：出力（printouts.say("lesson10.…")）と練習問題（ui/exercises/lesson10.py）。
キーと {プレースホルダー} は英語版 en/lesson10.py と同じです。"""

MESSAGES: dict[str, str] = {
    # --- printouts (printouts.say("lesson10.…")) ---
    "lesson10.even": "均等に配ると、{n}個のトークンはそれぞれ{weight:.2f}",
    "lesson10.reads": "ブロック {block}、ヘッド {head}: {query!r} がいちばん読むのは {read!r}（{weight:.2f}）",
    "lesson10.reads_previous": "ブロック {block}、ヘッド {head}: {query!r} がいちばん読むのは {read!r}（直前のトークン）（{weight:.2f}）",
    "lesson10.next_word": "\n{token!r} の次にモデルが書く単語：{guess!r}",
    "lesson10.lens_equals_output": "最後のブロックのあとでは、レンズはモデルの出力と同じ：{same}",
    "lesson10.lens_guess": "{state:>15}: {token!r} の次の予想は {word!r}（{p:.2f}）",
    "lesson10.hidden_states": "隠れ状態{n}個（埋め込み、そして各ブロックのあとに一つずつ）、どれも形 {shape}",
    "lesson10.itself": "埋め込みから読むと、{n}個の位置のうち{itself}個で予想はそのトークン自身",
    "lesson10.followers": "toy_train.txt（{lines:,}行）：後ろに単語が続く {before!r} は{total:,}回。後ろに来る回数が多い単語：",
    "lesson10.follower": "  {word!r:8} {n:>5,}回（{share:.0%}）",
    # --- exercises (ui/exercises/lesson10.py) ---
    "ex10.hidden_states.why": "ロジットレンズは埋め込み（隠れ状態0）と各ブロックの後の隠れ状態を読みます：1 + {blocks} = {states}。",
    "ex10.hidden_states.no_embeddings": "あと少しです。埋め込みも、ブロック0の前の隠れ状態です。",
    "ex10.hidden_states.hint": "埋め込みを一つ、それからブロックごとにその後の隠れ状態を一つ数えてください（model.config.n_layers）。",
    "ex10.even_weight.why": "位置19は自分を含めて位置0〜19を読みます。キーは20個なので、それぞれ1/20 = 0.05です。",
    "ex10.even_weight.not_itself": "惜しいです。位置は自分自身も読むので、キーは19個ではなく20個です。",
    "ex10.even_weight.hint": "1行のアテンション重みの合計は1です。位置19はいくつの位置を読めますか？",
    "ex10.not_cached.why": (
        "前の位置の K と V はどのステップでも同じ値になるので、キャッシュに取っておけます。"
        "クエリが必要なのは、予測している位置の分だけです。"
    ),
    "ex10.not_cached.kept": "それは保持されます。後ろの位置は、毎ステップ前の位置のキーとバリューを読むからです。",
    "ex10.not_cached.format": '"Q"、"K"、"V" のどれかで答えてください。',
}
