"""レッスン02の文（日本語）：出力（printouts.say("lesson02.…")）と練習問題（ui/exercises/lesson02.py）。
キーと {プレースホルダー} は英語版 en/lesson02.py と同じです。"""

MESSAGES: dict[str, str] = {
    # --- attention_biases (studies/attention_biases.py) ---
    "attention_biases.bad_tokens": "x は形 (トークン数, {width}) のテンソル（1トークンに{width}個の数の行）にしてください。受け取った形：{shape}。",
    # --- printouts (printouts.say("lesson02.…")) ---
    "lesson02.outputs": "出力：                      {values}",
    "lesson02.w_grows": "w が0.5増えたときの変化：{values}",
    "lesson02.b_grows": "b が0.5増えたときの変化：{values}",
    "lesson02.point": "点 ({x:+.2f}, {y:+.2f}): 1·x + 1·y + 0 = {out:+.2f} → {colour}",
    "lesson02.orange": "オレンジ",
    "lesson02.blue": "青",
    "lesson02.line": "w1={w1:+}, w2={w2:+}, b={b:+}: 傾き{slope:+.1f}、x = 0と交わるのは y = {crossing:+.1f}",
    "lesson02.weights_heading": "アテンションの重み（行 = クエリ、列 = キー）：",
    "lesson02.outputs_heading": "出力：",
    "lesson02.helper_same": "biased_attention も同じ重みと出力を返す：{answer}",
    "lesson02.difference_weights": "最大の差、重み：{difference}",
    "lesson02.difference_outputs": "最大の差、出力：{difference}",
    "lesson02.bias_effect": "{bias} = (2, -1): 重みの変化{weights:.2g}、出力の変化{outputs:.3g}、出力から b_V を引いたものの変化{minus_b_V:.2g}",
    "lesson02.rows_add_up": "重みの各行の合計：{sums}",
    "lesson02.output_change": "出力の変化：{change}",
    "lesson02.gradient": "{bias} の勾配：{gradient}",
    "lesson02.trained_biases": "ブロック{block}: |b_Q| の最大の成分{b_Q:.4f}、|b_K| の最大の成分{b_K:.4f}",
    "lesson02.b_K_zeroed": "b_K をすべて0にすると、アテンションの重みの変化は最大でも{change:.1g}",
    "lesson02.without_biases": "バイアスあり{with_biases:,}、なし{without:,}: {fewer:,}個少ない（{percent:.2f}%）",
    # --- exercises (ui/exercises/lesson02.py) ---
    "ex02.neuron_output.why": "3 × 2 + 1 × (-1) + (-4) = 6 - 1 - 4 = 1です。",
    "ex02.neuron_output.no_bias": "重み付きの和は合っています。次にバイアスを足してください。",
    "ex02.neuron_output.hint": "各入力にその重みを掛けて積を足し合わせ、最後にバイアスを足してください。",
    "ex02.weight_change.why": (
        "出力は w·x + b です。w を0.5増やすと0.5·x が加わります：0, 0.5, 1.0, 1.5。"
        "入力が大きいほど変化も大きくなります。"
    ),
    "ex02.weight_change.like_bias": (
        "それはバイアスを0.5増やしたときの変化です。重みは入力に掛かるので、変化は x によって変わります。"
    ),
    "ex02.weight_change.hint": "入力ごとに一つ、合わせて四つの数を答えてください。新しい出力から元の出力を引いた値です。",
    "ex02.useless_bias.why": (
        "b_K は、あるクエリのすべてのスコアに同じ数 q·b_K を足します。ソフトマックスは行全体に共通のずれを"
        "無視するので、アテンション重みも、したがって出力も変わりません。"
    ),
    "ex02.useless_bias.value": "b_V はアテンション重みを変えませんが、すべての出力を b_V だけずらします。",
    "ex02.useless_bias.query": "b_Q はクエリを変えるので、スコアの変わり方がキーごとに違います。アテンション重みが動きます。",
    "ex02.useless_bias.hint": '"b_Q"、"b_K"、"b_V" のどれか一つで答えてください。',
    "ex02.value_shift.why": (
        "アテンション重みの合計は1なので、(v + b_V) の重み付き平均は元の出力 + b_V になります：{before} + {b_V}。"
    ),
    "ex02.value_shift.unchanged": "b_V は出力を変えます。どのバリューベクトルにも b_V が足されるからです。",
    "ex02.value_shift.hint": "二つの数を答えてください。重みの合計は1です。すべての値が b_V だけ動くと、平均はどうなるでしょう？",
}
