"""レッスン07の文（日本語）：そのモジュール（studies/copying.py、studies/residual.py、studies/knowledge.py、studies/neuron_probe.py）、出力（printouts.say("lesson07.…")と出力の共通語）と練習問題（ui/exercises/lesson07.py）。
キーと {プレースホルダー} は英語版 en/lesson07.py と同じです。"""

MESSAGES: dict[str, str] = {
    # --- copying (studies/copying.py) ---
    "copying.no_different_colours": "これらの事実の質問には、話の中の二つの色が異なるものがありません。パッチングには色が異なる質問が必要です。",
    "copying.not_stories": "ここには changed_stories(tokenizer, lines) が返す変えた話が必要です。{kind} は使えません。",
    "copying.bad_change": "変更 {change!r} はありません。{changes} のどれかを選んでください。",
    # --- residual (studies/residual.py) ---
    "residual.traced_hidden_state": "トレースに記録された隠れ状態",
    "residual.not_a_layer_norm": "torch の LayerNorm（例：model.blocks[0].ln_attn）が必要です。{kind} は使えません。",
    "residual.norm_width": "この LayerNorm は{width}個の数の行を正規化します。渡された行は{got}個です。",
    "residual.bad_hidden_state": (
        "{name} の形は (T, {d_model}) でなければなりません。位置が1から{context}個で、それぞれ d_model 個の数です。"
        "受け取った形：{shape}。"
    ),
    "residual.bad_parts": "sum_of_parts には residual_parts(trace, n_layers) が返すもの（同じ形のテンソルの空でない dict）が必要です。受け取ったもの：{got}。",
    # --- knowledge (studies/knowledge.py) ---
    "knowledge.each_reference": "参照データの各列",
    "knowledge.not_a_part": "part(model, ...) か model_parts(model) で作った部品が必要です。{kind} は使えません。",
    "knowledge.bad_part_kind": '部品の種類は "attention"、"mlp"、"head" のどれかです。受け取った値：{kind!r}。',
    "knowledge.head_on_sublayer": '"head" の部品だけが head= を取ります。{kind} の部品全体にはヘッドの番号がありません。',
    "knowledge.bad_ablation": (
        "アブレーションは {valid} のどれかにしてください。受け取った値：{how!r}（平均アブレーションには参照データの平均も必要です）。"
    ),
    "knowledge.no_fact_lines": "これらの行には、事実を問う行（'?' を含む行）が一つもありません。",
    "knowledge.bad_reference": (
        "参照データは、トークン ID のリストの空でないリスト（例：[tokenizer.encode(line + '\\n') ...]）でなければなりません。"
        "{kind} は使えません。"
    ),
    "knowledge.no_block_parts": "この表には、ブロック {block} の部品がありません。",
    "knowledge.part_attention": "ブロック {block} のアテンション",
    "knowledge.part_mlp": "ブロック {block} の MLP",
    # --- neuron_probe (studies/neuron_probe.py) ---
    "neuron_probe.not_activations": (
        "mlp_activations(model, data, block) で作った活性化が必要です。{kind} は使えません。"
    ),
    "neuron_probe.bad_direction": (
        "方向は、すべてが0ではない有限の数{d_mlp}個のテンソルでなければなりません（この MLP の幅は {d_mlp}）。"
        "受け取った形：{shape}。"
    ),
    # --- printouts' shared words (ui/printouts.py) ---
    "printouts.kind": "種類",
    "printouts.words": "単語数",
    "printouts.accuracy": "正解率",
    "printouts.log_prob": "対数確率",
    # --- printouts (printouts.say("lesson07.…")) ---
    "lesson07.shape": "ブロック{n_layers}個、それぞれヘッド{n_heads}個、d_model {d_model}、d_mlp {d_mlp}",
    "lesson07.x": "x: 数{n}個、平均{mean:+.4f}、標準偏差{std:.4f}",
    "lesson07.normalised": "引いて割ったあと：平均{mean:+.1e}、標準偏差{std:.4f}",
    "lesson07.layernorm_difference": "torch の LayerNorm との最大の差：{difference:.1e}",
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
    "lesson07.kind_lines": "検証用の{n}行。損失は単語あたりのナット",
    "lesson07.kind_header": "種類                   単語数  モデル    下限      差",
    "lesson07.facts_right": "事実の質問に正しく答えた数：{n}問中{right}問。お話の色とものをランダムに選ぶと平均{chance:.1f}問",
    "lesson07.fact_example": "例：{prompt!r} → モデルが書くのは {written!r}。正解は {answer!r}",
    "lesson07.facts_seen": "  そのうち学習テキストにそのまま含まれるもの：{n}問、正解{right}問（{share:.3f}）",
    "lesson07.facts_unseen": "  そのうち学習テキストに含まれないもの：      {n}問、正解{right}問（{share:.3f}）",
    "lesson07.one_story": "{prompt!r} は {asked} を尋ねる：モデルが書くのは {colour!r}。代わりに {other} を尋ねると {other_colour!r}",
    "lesson07.one_patch": "ブロック {block} に入る所で {positions} をパッチ：モデルは {colour!r} ではなく {other_colour!r} を書く",
    "lesson07.one_patch_helper": "この1問での stream_patching も、同じ場所（ブロック × 位置）で答えを変える：{same}",
    "lesson07.rise_reference": "部品を一つ取り除いたときの損失の増加（単語あたりのナット）。平均アブレーションの参照データ：{reference}",
    "lesson07.most_needed": "{kind:14s}: いちばん必要なのは {part}（+{rise:.2f}）。いちばん必要なヘッドは {head}（+{head_rise:.2f}）、次のヘッドは +{next_rise:.2f}。{n}個の部品のうち{many}個が効く（> 0.1）",
    "lesson07.unneeded_heads": "\n取り除いても、どの種類も0.01以上は変わらないヘッド：{heads}",
    "lesson07.mlp_positions": "{positions}個の位置でのブロック0の MLP: ニューロン{width}個",
    "lesson07.neuron": "\nニューロン {neuron}: 上位20例に占める一つのトークンの割合{share:.2f}、選択性{selectivity:.2f}",
    "lesson07.bell": "釣鐘形の乱数{n}個の選択性：{selectivity:.3f}",
    "lesson07.random_direction": "ランダムな方向0の上位の例：",
    "lesson07.group.trained": "学習済みのニューロン（{n}）：上位20例に占める一つのトークンの割合の中央値{share:.2f}、選択性の中央値{selectivity:.3f}",
    "lesson07.group.random": "ランダムな方向（{n}）：上位20例に占める一つのトークンの割合の中央値{share:.2f}、選択性の中央値{selectivity:.3f}",
    "lesson07.group.untrained": "学習前のニューロン（{n}）：上位20例に占める一つのトークンの割合の中央値{share:.2f}、選択性の中央値{selectivity:.3f}",
    "lesson07.output_layer": "出力層：独自の {rows} × {columns} の行列（埋め込み表の使い回し：{tied}）",
    "lesson07.block0_least": "ブロック0のアテンションか MLP を取り除くと、二通りのアブレーションのどちらでも、どの種類も少なくとも{rise:.2f}上がる",
    "lesson07.last_block_most": "ブロック {block} のアテンション、MLP、ヘッドのどれを一つ取り除いても、どちらのアブレーションでも、どの種類も{rise:.2f}より上がらない",
    "lesson07.layout": "どの質問も同じ並び（位置：最初の質問の単語）：\n{positions}",
    "lesson07.copying_intact": "すべてのヘッドがあるときに正しく答えた事実の質問：{share:.3f}（{n}問中{right}問）",
    "lesson07.without_heads": "ブロック {block}: ヘッド0, 1, 2, 3を取り除いたときの正解の割合：{shares}",
    "lesson07.looks_header": "'?' の後の 'the'（次の単語が色）からのアテンションの平均。行き先：\n                       色                 |  名前\n                       尋ねた人  もう1人  |  尋ねた人  もう1人  最初の人  質問の中",
    "lesson07.looks_row": "ブロック {block}、ヘッド {head}   {asked_colour:5.2f}     {other_colour:5.2f}    |  {asked_name:5.2f}     {other_name:5.2f}    {first_name:5.2f}     {question_name:5.2f}",
    "lesson07.looks_thing": "色（次の単語がもの）から、ブロック {block}、ヘッド {head}: 尋ねた人のものへ{asked:.2f}、もう1人のものへ{other:.2f}",
    "lesson07.stories": "{of}問のうち{n}問は二つの色が異なる。それらでモデルがもう1人の色を書く割合は{share:.2f}（何もパッチしないとき）",
    "lesson07.stream_asked": "もう1人を尋ねる話、ブロック {block} に入る所：変化があるのは {positions}",
    "lesson07.stream_colours": "色を入れ替えた話、ブロック {block} に入る所：変化があるのは {positions}",
    "lesson07.stream_position": "{position} {word!r}（{share:.2f}）",
    "lesson07.heads_asked": "もう1人を尋ねる話、ブロック {block}: 'the' での一つのヘッドの出力をパッチ → ヘッド0〜3 {shares}。四つすべて{all:.2f}",
    "lesson07.heads_colours": "色を入れ替えた話、ブロック {block}: 'the' での一つのヘッドの出力をパッチ → ヘッド0〜3 {shares}。四つすべて{all:.2f}",
    "lesson07.pattern_asked": "'the' でのブロック {block} のアテンション重みだけをパッチ、もう1人を尋ねる話：もう1人の色{share:.2f}",
    "lesson07.pattern_colours": "'the' でのブロック {block} のアテンション重みだけをパッチ、色を入れ替えた話：もう1人の色{share:.2f}",
    "lesson07.lens_own_word": "埋め込みから読み取ると、第1候補がいまの単語そのものである位置の割合は{share:.3f}",
    "lesson07.next_word_table": "単語ごとに最も多い次の単語の表（学習用の{n}行で数えたもの）：正しい単語の割合{share:.3f}",
    # --- exercises (ui/exercises/lesson07.py) ---
    "ex07.one_number": "整数を一つ答えてください。",
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
    "ex07.translation_head.why": (
        "アブレーションの表では、ブロック0のヘッド1を取り除くと、二通りのアブレーションのどちらでも、日本語訳の損失が"
        "他のどのヘッドよりも大きく上がります（レッスン05のアブレーションでも同じヘッドが見つかりました）。"
    ),
    "ex07.block_head.format": "[ブロック, ヘッド] で答えてください（例：[1, 3]）。",
    "ex07.translation_head.runner_up": "そのヘッドも翻訳に効いていますが、それほどではありません。もっと大きい数を探してください。",
    "ex07.translation_head.hint": "ヒートマップの「日本語訳」の列を、ヘッドの行だけ読んでください。",
    "ex07.copying_head.why": (
        "{heads}個すべてです。ブロック0のヘッドをどれか一つ取り除くだけで、正しく答えられる質問の割合は0.40〜0.52に"
        "なります（すべてのヘッドがあれば0.925）。コピーはブロック0のヘッドに広がっていて、コピーのヘッドが一つあるわけでは"
        "ありません。"
    ),
    "ex07.copying_head.single": (
        "よくある予想です。コピーのヘッドが一つある、と。でもセクション5のブロック0の行を読んでください。"
        "どのヘッドを一つ取り除いても、答えのおよそ半分が失われます。"
    ),
    "ex07.copying_head.hint": (
        "セクション5のヒートマップで、ブロック0の行を読んでください。取り除くと正解の割合が0.925 − 0.25より"
        "小さくなるヘッドを数えます。"
    ),
    "ex07.what_travels.why": "隠れ状態だけです。ブロック1は、自分の行列を使って隠れ状態から自分の Q、K、V を計算します。",
    "ex07.what_travels.format": '"Q"、"K"、"V"、"hidden state"（隠れ状態、残差ストリーム）のどれかで答えてください。',
    "ex07.what_travels.recomputed": (
        "よくある予想です。でもセクション3では、ブロック1の Q、K、V を、ブロック1自身の行列で、隠れ状態だけから"
        "計算し直しました。ブロック1はブロック0のものを読みません。（レッスン06の KV キャッシュはブロック0の K と V を"
        "取っておきますが、それはブロック0自身が後のトークンで使い直すためです。）"
    ),
}
