"""レッスン07の文（日本語）：そのモジュール（studies/residual.py）、出力（printouts.say("lesson07.…")と出力の共通語）と練習問題（ui/exercises/lesson07.py）。
キーと {プレースホルダー} は英語版 en/lesson07.py と同じです。"""

MESSAGES: dict[str, str] = {
    # --- residual (studies/residual.py) ---
    "residual.traced_hidden_state": "トレースに記録された隠れ状態",
    "residual.not_a_layer_norm": "torch の LayerNorm（例：model.blocks[0].ln_attn）が必要です。{kind} は使えません。",
    "residual.norm_width": "この LayerNorm は{width}個の数の行を正規化します。渡された行は{got}個です。",
    "residual.bad_hidden_state": (
        "{name} の形は (T, {d_model}) でなければなりません。位置が1から{context}個で、それぞれ d_model 個の数です。"
        "受け取った形：{shape}。"
    ),
    "residual.bad_parts": "sum_of_parts には residual_parts(trace, n_layers) が返すもの（同じ形のテンソルの空でない dict）が必要です。受け取ったもの：{got}。",
    # --- printouts (printouts.say("lesson07.…")) ---
    "lesson07.shape": "ブロック{n_layers}個、それぞれヘッド{n_heads}個、d_model {d_model}、d_mlp {d_mlp}",
    "lesson07.x": "x: 数{n}個、平均{mean:+.4f}、標準偏差{std:.4f}",
    "lesson07.normalised": "引いて割ったあと：平均{mean:+.1e}、標準偏差{std:.4f}",
    "lesson07.layernorm_difference": "torch の LayerNorm との最大の差：{difference:.1e}",
    "lesson07.first_addition": "x + アテンション(LayerNorm(x)) を手で計算：blocks.0.resid_mid との最大の差{difference:.1e}",
    "lesson07.second_addition": "その和 + MLP(LayerNorm(その和)) を手で計算：blocks.0.resid_post との最大の差{difference:.1e}",
    "lesson07.steps_by_hand": "ブロック {block}: {n}ステップを手で計算し直した。モデルとの最大の差{difference:.1e}",
    "lesson07.step_shape": "  {name:10s} 形 {shape}",
    "lesson07.gelu": "x = {x} のとき GELU(x) → {y}",
    "lesson07.neurons_at_cat": "'cat' でのブロック0の MLP: ニューロン{n}個。0.1より大きいもの{above}個、0から0.1以内のもの{near_zero}個、−0.1より小さいもの{below}個",
    "lesson07.parts": "{positions}個の位置のそれぞれで{n}個のベクトルを足し合わせる。'cat' でのそれぞれの大きさ：",
    "lesson07.part_length": "  {name:18s} 長さ{length:6.2f}",
    "lesson07.sum_of_parts": "部分の和とブロック {block} のあとの隠れ状態：最大の差{difference:.1e}。32ビットの丸めを除いて等しい（torch.allclose, rtol=1e-5, atol=1e-6）：{close}",
    "lesson07.scores": "ブロック {block} のあとの隠れ状態から計算したスコア：形 {shape}（位置 × 語彙）",
    "lesson07.scores_difference": "モデルの出力との最大の差：{difference:.1e}",
    "lesson07.next_word": "'JA:' の次にモデルが書く単語：{word}",
    "lesson07.sublayers": "記録されたアテンションサブレイヤー：{n}個（{names}）。ブロック{n_layers}個、それぞれヘッド{n_heads}個",
    "lesson07.adds": "ブロック {block} {sublayer:8s}: {positions}個の位置のうち{n}個で0でないベクトルを足す（いちばん短いもので長さ{smallest:.2f}）",
    "lesson07.state_shape": "{name:18s} 形 {shape}",
    "lesson07.gpt2": "GPT-2 small（公開された構成）：ブロック{n_layers}個 = アテンションサブレイヤー{n_layers}個、それぞれの中にヘッド{n_heads}個、隠れ状態は位置ごとに{d_model}個の数",
    "lesson07.qkv_from_embeddings": "ブロック {block}: q, k, v == LayerNorm(埋め込み) @ ブロック {block} の W + b ?  最大の差{difference:.1e}",
    "lesson07.qkv_from_hidden_state": "ブロック {block}: q, k, v == LayerNorm(ブロック {previous} のあとの隠れ状態) @ ブロック {block} の W + b ?  最大の差{difference:.1e}",
    "lesson07.matrices_differ": "{matrix}: ブロック0とブロック1の差は最大{difference:.2f}（成分の典型的な大きさ{typical:.2f}）",
    "lesson07.queries_differ": "ブロック0とブロック1での 'cat' のクエリの差：最大{difference:.2f}",
    "lesson07.run_alone": "記録した隠れ状態でブロック1だけを実行：モデルとの最大の差{difference:.1e}",
    "lesson07.two_sentences": "{n}トークン：{sentence!r}\n{n_other}トークン：{other!r}",
    "lesson07.patched": "ブロック1の前に、もう一方の文の隠れ状態をパッチしたこちらの文：\n  もう一方の文の出力との差：{other:.1e}\n  こちらの文の出力との差：  {own:.1f}",
    "lesson07.output_layer": "出力層：独自の {rows} × {columns} の行列（埋め込み表の使い回し：{tied}）",
    # --- exercises (ui/exercises/lesson07.py) ---
    "ex07.residual_sum.why": (
        "トークン埋め込みと位置埋め込み、それから{n_layers}個のブロックがそれぞれアテンションの出力と MLP の出力を"
        "足します：2 + 2 × {n_layers} = {parts} 本のベクトルです。"
    ),
    "ex07.residual_sum.per_block": (
        "よくある予想は「ブロック一つにつき1本」です。でも各ブロックは2回足します（アテンション、次に MLP）。"
        "それに埋め込みも和に入っています。"
    ),
    "ex07.residual_sum.no_embeddings": "あと少しです。和は埋め込みから始まるので、埋め込みも和の一部です。",
    "ex07.residual_sum.one_embedding": "あと少しです。トークン埋め込みと位置埋め込みは2本のベクトルです。",
    "ex07.residual_sum.hint": "セクション1で足し合わせたものを数えてください。埋め込みが2本、それからブロックごとに出力が2本です。",
    "ex07.attention_sublayers.why": "ブロック一つにつきアテンションサブレイヤーが一つ：{blocks}個です。ヘッドはすべてその一つのサブレイヤーの中にあります。",
    "ex07.attention_sublayers.heads": "それはヘッドをすべて数えた数です。一つのブロックのヘッドは、一つのアテンションサブレイヤーの中で並んで働きます。",
    "ex07.attention_sublayers.one_block": "それは一つのブロックのヘッドの数です。トークンはいくつのブロックを通りますか？",
    "ex07.attention_sublayers.hint": "各ブロックにはアテンションサブレイヤーがちょうど一つあり、どのトークンもすべてのブロックを通ります。",
    "ex07.what_travels.why": "隠れ状態だけです。ブロック1は、自分の行列を使って隠れ状態から自分の Q、K、V を計算します。",
    "ex07.what_travels.format": '"Q"、"K"、"V"、"hidden state"（隠れ状態、残差ストリーム）のどれかで答えてください。',
    "ex07.what_travels.recomputed": (
        "よくある予想です。でもセクション3では、ブロック1の Q、K、V を、ブロック1自身の行列で、隠れ状態だけから"
        "計算し直しました。ブロック1はブロック0のものを読みません。（レッスン06の KV キャッシュはブロック0の K と V を"
        "取っておきますが、それはブロック0自身が後のトークンで使い直すためです。）"
    ),
}
