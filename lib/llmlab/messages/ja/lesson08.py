"""レッスン08の文（日本語）：そのモジュール（studies/copying.py、studies/knowledge.py、studies/neuron_probe.py）、出力（printouts.say("lesson08.…")と出力の共通語）と練習問題（ui/exercises/lesson08.py）。
キーと {プレースホルダー} は英語版 en/lesson08.py と同じです。"""

MESSAGES: dict[str, str] = {
    # --- copying (studies/copying.py) ---
    "copying.no_different_colours": "これらの事実の質問には、話の中の二つの色が異なるものがありません。パッチングには色が異なる質問が必要です。",
    "copying.not_stories": "ここには changed_stories(tokenizer, lines) が返す変えた話が必要です。{kind} は使えません。",
    "copying.bad_change": "変更 {change!r} はありません。{changes} のどれかを選んでください。",
    "copying.no_replay": "{path} にはコピーの測定がありません。`make copying-replay` で記録してください。",
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
    # --- printouts (printouts.say("lesson08.…")) ---
    "lesson08.kind_lines": "検証用の{n}行。損失は単語あたりのナット",
    "lesson08.kind_header": "種類                   単語数  モデル    下限      差",
    "lesson08.facts_right": "事実の質問に正しく答えた数：{n}問中{right}問。お話の色とものをランダムに選ぶと平均{chance:.1f}問",
    "lesson08.fact_example": "例：{prompt!r} → モデルが書くのは {written!r}。正解は {answer!r}",
    "lesson08.facts_seen": "  そのうち学習テキストにそのまま含まれるもの：{n}問、正解{right}問（{share:.3f}）",
    "lesson08.facts_unseen": "  そのうち学習テキストに含まれないもの：      {n}問、正解{right}問（{share:.3f}）",
    "lesson08.one_story": "{prompt!r} は {asked} を尋ねる：モデルが書くのは {colour!r}。代わりに {other} を尋ねると {other_colour!r}",
    "lesson08.one_patch": "ブロック {block} に入る所で {positions} をパッチ：モデルは {colour!r} ではなく {other_colour!r} を書く",
    "lesson08.one_patch_helper": "この1問での stream_patching も、同じ場所（ブロック × 位置）で答えを変える：{same}",
    "lesson08.rise_reference": "部品を一つ取り除いたときの損失の増加（単語あたりのナット）。平均アブレーションの参照データ：{reference}",
    "lesson08.most_needed": "{kind:14s}: いちばん必要なのは {part}（+{rise:.2f}）。いちばん必要なヘッドは {head}（+{head_rise:.2f}）、次のヘッドは +{next_rise:.2f}。{n}個の部品のうち{many}個が効く（> 0.1）",
    "lesson08.unneeded_heads": "\n取り除いても、どの種類も0.01以上は変わらないヘッド：{heads}",
    "lesson08.mlp_positions": "{positions}個の位置でのブロック0の MLP: ニューロン{width}個",
    "lesson08.neuron": "\nニューロン {neuron}: 上位20例に占める一つのトークンの割合{share:.2f}、選択性{selectivity:.2f}",
    "lesson08.bell": "釣鐘形の乱数{n}個の選択性：{selectivity:.3f}",
    "lesson08.random_direction": "ランダムな方向0の上位の例：",
    "lesson08.group.trained": "学習済みのニューロン（{n}）：上位20例に占める一つのトークンの割合の中央値{share:.2f}、選択性の中央値{selectivity:.3f}",
    "lesson08.group.random": "ランダムな方向（{n}）：上位20例に占める一つのトークンの割合の中央値{share:.2f}、選択性の中央値{selectivity:.3f}",
    "lesson08.group.untrained": "学習前のニューロン（{n}）：上位20例に占める一つのトークンの割合の中央値{share:.2f}、選択性の中央値{selectivity:.3f}",
    "lesson08.block0_least": "ブロック0のアテンションか MLP を取り除くと、二通りのアブレーションのどちらでも、どの種類も少なくとも{rise:.2f}上がる",
    "lesson08.last_block_most": "ブロック {block} のアテンション、MLP、ヘッドのどれを一つ取り除いても、どちらのアブレーションでも、どの種類も{rise:.2f}より上がらない",
    "lesson08.layout": "どの質問も同じ並び（位置：最初の質問の単語）：\n{positions}",
    "lesson08.copying_intact": "すべてのヘッドがあるときに正しく答えた事実の質問：{share:.3f}（{n}問中{right}問）",
    "lesson08.without_heads": "ブロック {block}: ヘッド0, 1, 2, 3を取り除いたときの正解の割合：{shares}",
    "lesson08.looks_header": "'?' の後の 'the'（次の単語が色）からのアテンションの平均。行き先：\n                       色                 |  名前\n                       尋ねた人  もう1人  |  尋ねた人  もう1人  最初の人  質問の中",
    "lesson08.looks_row": "ブロック {block}、ヘッド {head}   {asked_colour:5.2f}     {other_colour:5.2f}    |  {asked_name:5.2f}     {other_name:5.2f}    {first_name:5.2f}     {question_name:5.2f}",
    "lesson08.looks_thing": "色（次の単語がもの）から、ブロック {block}、ヘッド {head}: 尋ねた人のものへ{asked:.2f}、もう1人のものへ{other:.2f}",
    "lesson08.stories": "{of}問のうち{n}問は二つの色が異なる。それらでモデルがもう1人の色を書く割合は{share:.2f}（何もパッチしないとき）",
    "lesson08.stream_asked": "もう1人を尋ねる話、ブロック {block} に入る所：変化があるのは {positions}",
    "lesson08.stream_colours": "色を入れ替えた話、ブロック {block} に入る所：変化があるのは {positions}",
    "lesson08.stream_position": "{position} {word!r}（{share:.2f}）",
    "lesson08.heads_asked": "もう1人を尋ねる話、ブロック {block}: 'the' での一つのヘッドの出力をパッチ → ヘッド0〜3 {shares}。四つすべて{all:.2f}",
    "lesson08.heads_colours": "色を入れ替えた話、ブロック {block}: 'the' での一つのヘッドの出力をパッチ → ヘッド0〜3 {shares}。四つすべて{all:.2f}",
    "lesson08.pattern_asked": "'the' でのブロック {block} のアテンション重みだけをパッチ、もう1人を尋ねる話：もう1人の色{share:.2f}",
    "lesson08.pattern_colours": "'the' でのブロック {block} のアテンション重みだけをパッチ、色を入れ替えた話：もう1人の色{share:.2f}",
    "lesson08.replay_run": "実行：同梱モデルのレシピ、シード{seed}。{questions}問の事実の質問を{every}ステップごとにステップ{last}まで採点（そのうち{different}問は二つの色が異なり、p(尋ねた人)とp(もう1人)はそれらでの平均）。最後は理論下限より{gap:.4f}ナット上",
    "lesson08.replay_header": "ステップ    正解数  p(尋ねた人)   p(もう1人)",
    "lesson08.replay_plateau": "停滞期、ステップ{first}から{last}まで（ステップ0の後、質問の半分に正解するまで）：正解は{low}から{high}問。p(尋ねた人) + p(もう1人)は少なくとも{both:.3f}。|p(尋ねた人) − p(もう1人)|の最大は{largest:.3f}",
    "lesson08.replay_no_plateau": "停滞期なし：ステップ0の次のステップで、すでに質問の半分に正解",
    "lesson08.replay_jump": "跳躍：ステップ{before}で{before_right}問、ステップ{step}で{right}問に正解（90%以上に正解した最初のステップ）。{steps}ステップ以内",
    "lesson08.replay_no_jump": "跳躍なし：ステップ{last}まで、質問の90%以上に正解したステップはない",
    "lesson08.lens_own_word": "埋め込みから読み取ると、第1候補がいまの単語そのものである位置の割合は{share:.3f}",
    "lesson08.next_word_table": "単語ごとに最も多い次の単語の表（学習用の{n}行で数えたもの）：正しい単語の割合{share:.3f}",
    "lesson08.lens_by_hand": "手で計算：{text!r} の終わりでの、ブロック0の後の隠れ状態。第1候補は {guess!r}（次の単語は {next!r}）。model.logits_from_residual との差の最大は{diff:.1e}",
    "lesson08.lens_after_block_0": "400行のすべての位置で一度に同じことをすると、第1候補が次の単語である割合は{share:.3f}",
    "lesson08.lens_same": "lens_scores、すべての単語、ブロック0の後：{share:.3f}（上の手計算：{by_hand:.3f}）",
    "lesson08.mlp_by_hand": "手で計算：{text!r} の終わりでの、ブロック0の MLP。GELU の後のニューロン0、1、2は {first}。トレースの blocks.0.mlp.post との差の最大は{diff:.1e}",
    "lesson08.mlp_same": "その位置での mlp_activations：手で計算した数との差の最大は{diff:.1e}",
    # --- exercises (ui/exercises/lesson08.py) ---
    "ex08.translation_head.why": (
        "アブレーションの表では、ブロック0のヘッド1を取り除くと、二通りのアブレーションのどちらでも、日本語訳の損失が"
        "他のどのヘッドよりも大きく上がります（レッスン05のアブレーションでも同じヘッドが見つかりました）。"
    ),
    "ex08.block_head.format": "[ブロック, ヘッド] で答えてください（例：[1, 3]）。",
    "ex08.translation_head.runner_up": "そのヘッドも翻訳に効いていますが、それほどではありません。もっと大きい数を探してください。",
    "ex08.translation_head.hint": "ヒートマップの「日本語訳」の列を、ヘッドの行だけ読んでください。",
    "ex08.copying_head.why": (
        "{heads}個すべてです。ブロック0のヘッドをどれか一つ取り除くだけで、正しく答えられる質問の割合は0.40〜0.52に"
        "なります（すべてのヘッドがあれば0.925）。コピーはブロック0のヘッドに広がっていて、コピーのヘッドが一つあるわけでは"
        "ありません。"
    ),
    "ex08.copying_head.single": (
        "よくある予想です。コピーのヘッドが一つある、と。でもセクション2のブロック0の行を読んでください。"
        "どのヘッドを一つ取り除いても、答えのおよそ半分が失われます。"
    ),
    "ex08.copying_head.hint": (
        "セクション2のヒートマップで、ブロック0の行を読んでください。取り除くと正解の割合が0.925 − 0.25より"
        "小さくなるヘッドを数えます。"
    ),
}
