"""レッスン01の文（日本語）：そのモジュール（studies/neurons.py）、出力（printouts.say("lesson01.…")）と練習問題（ui/exercises/lesson01.py）。
キーと {プレースホルダー} は英語版 en/lesson01.py と同じです。"""

MESSAGES: dict[str, str] = {
    # --- neurons (studies/neurons.py; lessons 01 and 02) ---
    "neurons.weights_per_input": "ニューロンには入力一つにつき重みが一つ必要です。入力は{inputs}個ですが、重みは{weights}個です。",
    "neurons.bad_sizes": (
        "層の大きさは1以上の整数を少なくとも二つ（入力、続いて各層）並べてください。{sizes} は使えません。"
    ),
    "neurons.too_big": (
        "この大きさのネットワークは約{n}個の数（float32 で{gb:.0f} GB）を持つので、ここで作るには大きすぎます"
        "（上限は{limit}個）。メモリを使わずに数えるには mlp_layer_counts を使ってください。"
    ),
    "neurons.bad_part": 'part は "weight" か "bias" にしてください。{part!r} は使えません。',
    "neurons.bias_width": "このバイアスには数が{width}個（トークンの幅）必要です。{got} は使えません。",
    "neurons.bad_points": "points は形 (n, 2) のテンソル（1行に1点 (x, y)）にしてください。受け取った形：{shape}。",
    # --- printouts (printouts.say("lesson01.…")) ---
    "lesson01.neurons": "ニューロン数：  {n}",
    "lesson01.parameters": "パラメータ数：  {n}",
    "lesson01.guess": "予想：                    {n}",
    "lesson01.weight_tensor": "重みのテンソル：          {shape} = {n}個の数",
    "lesson01.bias_tensor": "バイアスのテンソル：      {shape} = {n}個の数",
    "lesson01.torch_total": "torch、重み + バイアス：  {n}",
    "lesson01.too_big": "予想は{times:.0f}倍も大きすぎる",
    "lesson01.layer_row": "層{layer}: 重み{inputs} × {neurons} = {weights:,}、バイアス {biases}、合わせて{total:,}",
    "lesson01.blocks": "トランスフォーマーブロック（大規模言語モデルの話でいう「層」）：{n}",
    "lesson01.linear_layer": "  {group}: 線形層{n}個：{names}",
    "lesson01.linear_layers": "  {group}: 線形層{n}個：{names}",
    "lesson01.outside": "ブロックの外",
    "lesson01.tied": "model.unembed はトークン埋め込みの表を使い回す（共有、自分の行列はない）：{answer}",
    "lesson01.formula_row": "{part:>18}: 式{formula:>7,}   torch {torch:>7,}",
    "lesson01.formula_total": "              合計：式{formula:>7,}   torch {torch:>7,}",
    "lesson01.gpt3_count": "GPT-3: パラメータ{n:,}個（torch）。式と一致するか：{agrees}",
    "lesson01.gpt3_billions": "  = {count}：「175B」はモデルの名前で、この数を丸めたもの",
    "lesson01.gpt2_count": "GPT-2 small: パラメータ{n:,}個",
    "lesson01.gpt2_millions": "  = {count}：GPT-2 small の呼び名「124M」（M は百万）はこの数です",
    "lesson01.ratio": "GPT-3 のパラメータは GPT-2 small の{ratio:,.0f}倍で、語彙サイズは同じ。",
    "lesson01.embedding_share": "{name:>24}: {total:>15,}個のうち{embedding:>13,}個がトークン埋め込み = {percent:.2f}%",
    "lesson01.vocabularies": "本シリーズの小さなモデルの語彙：{ours}トークン。GPT-2 の語彙：{gpt2}",
    "lesson01.memory_row": "{name:>24}: パラメータ{n:>16,}個 → float32 で{float32:8.3g} GB、bfloat16 で{bfloat16:8.3g} GB",
    # --- exercises (ui/exercises/lesson01.py) ---
    "ex01.hidden_parameters.why": (
        "100個の隠れニューロンは、それぞれ入力一つにつき重みを一つ（10個）と、バイアスを一つ持ちます。"
        "重み10 × 100 + バイアス100 = 1,100です。"
    ),
    "ex01.hidden_parameters.times_biases": (
        "バイアスは掛けるものではなく足すものです。ニューロン一つにバイアスはちょうど一つなので、"
        "100個のニューロンならバイアスは100個です。"
    ),
    "ex01.hidden_parameters.no_biases": "それは重みだけの数です。どのニューロンにもバイアスが一つずつあります。",
    "ex01.hidden_parameters.whole_network": "それはネットワーク全体の数です。隠れ層だけを数えてください。",
    "ex01.hidden_parameters.neurons": "それは隠れニューロンの数です。ニューロンが持つ重みとバイアスを数えてください。",
    "ex01.hidden_parameters.hint": "ニューロン一つあたり、入力一つにつき重み一つ、それにバイアス一つです。それを100個のニューロン分掛けてください。",
    "ex01.total_parameters.why": (
        "隠れ層：784 × 128 + 128 = 100,480。出力層：128 × 10 + 10 = 1,290。合計101,770です。"
    ),
    "ex01.total_parameters.neurons": "それはニューロンの数で、パラメータの数ではありません。",
    "ex01.total_parameters.no_biases": "重みはすべて数えられています。ニューロン一つにつきバイアスを一つ足してください。",
    "ex01.total_parameters.hint": "層ごとに「入力数 × ニューロン数 + ニューロン数」を計算し、二つの層を足してください。",
    "ex01.vocabulary.why": (
        "GPT-2 small が読み書きできるトークンは50,257種類です（語彙）。約1億2,400万個のパラメータは"
        "学習された数で、まったく別のものです。"
    ),
    "ex01.vocabulary.context": "1,024はコンテキスト長です。一度に読めるトークンの数です。",
    "ex01.vocabulary.parameters": "それはパラメータ数です。学習された数の個数であって、トークンの種類の数ではありません。",
    "ex01.vocabulary.hint": "PUBLISHED_CONFIGS[\"GPT-2 small\"] の vocab_size を見てください。",
    "ex01.memory_gb.why": (
        "GPT-2 XL のパラメータは{params:,}個で、× 2バイト = {gb:.2f} × 10⁹ バイト（GB）です。"
        "実際に動かすにはさらにメモリが要ります。活性値、学習するなら勾配とオプティマイザの状態もです。"
    ),
    "ex01.memory_gb.precision": (
        "近いです。小数第1位まで計算してください。"
        "正確な値から前後 {tolerance} GB 以内なら正解になります。"
    ),
    "ex01.memory_gb.fp32": "それは float32（一つの数に4バイト）の場合です。bfloat16 は2バイトです。",
    "ex01.memory_gb.bytes": "それはバイト数のようです。1,000,000,000で割って GB にしてください。",
    "ex01.memory_gb.hint": "パラメータ数 × 一つの数あたりのバイト数を計算し、1,000,000,000で割ってください。",
}
