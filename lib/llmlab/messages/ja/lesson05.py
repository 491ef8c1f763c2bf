"""レッスン05の文（日本語）：そのモジュール（studies/attention_math.py、studies/head_roles.py）、出力（printouts.say("lesson05.…")と出力の共通語）と練習問題（ui/exercises/lesson05.py）。
キーと {プレースホルダー} は英語版 en/lesson05.py と同じです。"""

MESSAGES: dict[str, str] = {
    # --- attention_math (studies/attention_math.py) ---
    "attention_math.each_width": "widths の各値",
    "attention_math.not_a_matrix": (
        "{name} は数の2次元の表（トークン × 幅）でなければなりません（例：torch.randn(4, 8)）。受け取ったもの：{kind}。"
    ),
    "attention_math.not_finite": "{name} に NaN か無限大の数が入っています。アテンションには有限の数が必要です。",
    "attention_math.qk_width": (
        "内積を取るには、q と k の幅（列の数）が同じでなければなりません。q は {q}、k は {k} です。"
    ),
    "attention_math.kv_rows": "k と v には、キー一つにつき1行が必要です。k は{k}行、v は{v}行です。",
    "attention_math.bad_mask": (
        "マスクは、行がクエリ一つずつ、列がキー一つずつの True/False の表"
        "（{rows} × {columns}、torch.bool）でなければなりません。受け取ったもの：{got}。"
    ),
    "attention_math.empty_mask_row": (
        "マスクのどの行にも True が少なくとも一つ必要です。何も読めないクエリには重みがありません。"
    ),
    "attention_math.bad_widths": "widths は1から {high} までの整数のリストにしてください。受け取った値：{value}。",
    "attention_math.bad_part": 'part は "q"、"k"、"v" のどれかにしてください。受け取った値：{part!r}。',
    "attention_math.not_a_linear": "torch の線形層（nn.Linear。例：model.blocks[0].attn.W_Q）が必要です。{kind} は使えません。",
    "attention_math.linear_width": "この線形層が読むのは{width}個の数の行です。受け取ったテンソルの形は {shape} です。",
    # --- head_roles (studies/head_roles.py) ---
    "head_roles.not_a_translation": "トイコーパスの翻訳の行ではありません：{line!r}",
    "head_roles.no_translation_lines": (
        "{n}行のどれも翻訳の行（\"EN: \" で始まる行）ではありません。どちらのタスクにも翻訳の行が必要です。"
    ),
    "head_roles.not_task_lines": "この測定には task_lines(lines, tokenizer) で作った行が必要です。{kind} は使えません。",
    "head_roles.not_word_tokens": (
        "ヘッドの役割の測定には、1単語が1トークンになるトークナイザー（トイコーパスの単語トークナイザー）が必要です。"
        "{tokenizer} は別の切り方をします。"
    ),
    # --- printouts' shared words (ui/printouts.py) ---
    "printouts.task.translation": "翻訳",
    "printouts.task.agreement": "数の一致",
    "printouts.statistic.previous_token": "直前のトークン",
    "printouts.statistic.line_start": "行の先頭",
    "printouts.statistic.subject_when_translating": "英語の主語、その日本語を書くとき",
    "printouts.statistic.subject_when_agreeing": "主語の名詞、動詞の直前",
    "printouts.statistic.distractor_when_agreeing": "より近い名詞、動詞の直前",
    "printouts.first_training_lines": "学習用の最初の{n}行",
    # --- printouts (printouts.say("lesson05.…")) ---
    "lesson05.qkv_row": "{token!r:9} の {part}: {row}",
    "lesson05.exps": "e^スコア：{exps}  合計：{total}",
    "lesson05.weights": "重み：{weights}  合計すると {total}",
    "lesson05.output": "出力 = Σ 重み × v = {output}",
    "lesson05.llmlab_weights": "llmlab による 'sleeps' の重み：{weights}",
    "lesson05.llmlab_output": "llmlab による 'sleeps' の出力：{output}",
    "lesson05.torch_no_mask": "torch との最大の差（マスクなし）：{difference}",
    "lesson05.masked_weights": "因果マスクありの重み：\n {weights}",
    "lesson05.torch_masked": "torch との最大の差（因果マスクあり）：{difference}",
    "lesson05.sharper": "q × {factor:<3}: 重み {weights}、最大{largest:.2f}、エントロピー{entropy:.2f}",
    "lesson05.by_hand_unscaled": "d_head {d}、スケーリングなし：スコアの標準偏差{std:.2f}、最大の重みの平均{largest:.2f}",
    "lesson05.by_hand_scaled": "d_head {d}、/√d:       スコアの標準偏差{std:.2f}、最大の重みの平均{largest:.2f}",
    "lesson05.helper_same": "{helper} は上のセルと同じ数を出す：{same}",
    "lesson05.even_entropy": "{n_keys}個のキーに完全に均等な重み：エントロピー log {n_keys} = {entropy:.2f}",
    "lesson05.sharpness_header": "        | スコアの標準偏差 | エントロピー     | 最大の重み\n d_head |  そのまま    /√d |  そのまま    /√d |        そのまま    /√d",
    "lesson05.gpt2_heads": "GPT-2 small: d_model {d_model} / ヘッド{n_heads}個 = d_head {d_head}",
    "lesson05.without_scale": "d_head {d_head}、スケーリングなし：最大の重みは平均{largest:.2f}、エントロピー{entropy:.2f}（最大で{max_entropy:.2f}）",
    "lesson05.with_scale": "d_head {d_head}、スケーリングあり：最大の重みは平均{largest:.2f}、エントロピー{entropy:.2f}",
    "lesson05.layernorm_by_hand": "手で計算した LayerNorm と blocks.0.ln_attn: 最大の差{difference:.1e}",
    "lesson05.stored_transposed": "W_V.weight の形は {shape}（出力, 入力）：この線形層は h @ W_V.weight.T + b_V を計算する",
    "lesson05.v_by_hand": "'cat' の V、手で計算したものとモデルのもの：最大の差{difference:.1e}",
    "lesson05.cat_token": "'cat' はトークン {id}、位置 {position}。以下のベクトルはどれも{n}個の数",
    "lesson05.v_vs_embedding": "ブロック0の V と埋め込みの行：最大の差{difference:.3f}、コサイン{cosine:+.2f}",
    "lesson05.v_vs_block1": "ブロック0の V とブロック1の V: 最大の差{difference:.3f}、コサイン{cosine:+.2f}",
    "lesson05.v_recomputed": "ブロック {block}: V == ln_attn の出力 @ W_V + b_V ? 最大の差{difference:.1e}",
    "lesson05.reads_layernorm": "ブロック1のアテンションは LayerNorm(ブロック0の出力) を読む：{same}",
    "lesson05.own_W_Q": "ブロック1のクエリ（ヘッド0）は、その隠れ状態とブロック1自身の W_Q から：{same}",
    "lesson05.query_differs": "同じトークンのクエリのブロック間の差：最大{difference:.2f}",
    "lesson05.head_rows": "ヘッド {head}: W_Q.weight の行 {first}:{stop}、形 {shape} → そのヘッドのクエリ。モデルのものとの差{difference:.1e}",
    "lesson05.head_wrong_slice": "W_Q.weight[:, {first}:{stop}]（保存された重みの列）→ 差{difference:.2f}: 間違った数",
    "lesson05.W_O_by_hand": "ブロック0: ヘッドを横に並べたもの {shape} → @ W_O.weight.T + b_O。attn.out との差{difference:.1e}",
    "lesson05.head_split": "d_model {d_model} = ヘッド{n_heads}個 × d_head {d_head}",
    "lesson05.head_columns": "ヘッド {head}: W_Q、W_K、W_V（その .weight では行）と b_Q、b_K、b_V の列 {first}–{last}",
    "lesson05.own_slices": "どのヘッドの q、k、v も自分の列だけから（全ブロック）：最大の差{difference:.1e}",
    "lesson05.through_W_O": "ブロック {block}: z {z_shape}（ヘッド, トークン, d_head）→ 連結 → W_O → {shape}。attn.out との差{difference:.1e}",
    "lesson05.sublayer": "{name}: ヘッド{n_heads}個のアテンションサブレイヤー、パラメータ{n:,}個",
    "lesson05.share_W_Q": "ブロック0とブロック1は W_Q を共有する：{same}",
    "lesson05.held_out": "検証データの翻訳の行{n}行：{seen}行は、モデルが学習した{trained:,}行（ファイルにあるのは最初の{file:,}行）に一字一句そのまま入っている。{unseen}行は入っていない（これを使う）",
    "lesson05.task_lines": "未見の翻訳の行{n_lines}行。そのうち{n_agreement}行は動詞の前に紛らわしい語句がある",
    "lesson05.most_weight": "{statistic:37s}：いちばん重みを置くのはブロック {block}、ヘッド {head}（平均{weight:.2f}）",
    "lesson05.before_training": "学習前：英語の主語へのどのヘッドの重みも最大{translating:.2f}、動詞の直前で主語へは最大{agreeing:.2f}",
    "lesson05.after_training": "学習後：{translating:.2f}と{agreeing:.2f}",
    "lesson05.next_should_be": "{text} → 次に来るべき単語は {target}",
    "lesson05.unedited": "編集なし：p(正しい単語) = {p:.3f}、モデルのいちばんの候補：{guess}",
    "lesson05.edited": "編集 {edits}: p(正しい単語) = {p:.3f}、モデルのいちばんの候補：{guess}",
    "lesson05.clean": "{task}: 元のモデルのスコアは{n}件で{p:.3f}。到達できる最高値（文法そのもの）{best:.3f}",
    "lesson05.reference": "平均アブレーションの参照データ：{reference}\n",
    "lesson05.looker": "{task}: 主語をいちばん見るのはブロック {block}、ヘッド {head}（重み{weight:.2f}。取り除くとスコアは{change:+.3f}変わる）",
    "lesson05.removing": "   ブロック {block}、ヘッド {head} を取り除くとスコアは{change:+.3f}変わる",
    "lesson05.nearer_noun": "より近い名詞への重みがいちばん大きいのはブロック {block}、ヘッド {head}（{weight:.2f}）。取り除くと数の割合は{change:+.3f}変わる",
    # --- exercises (ui/exercises/lesson05.py) ---
    "ex05.one_number": "数を一つ答えてください。",
    "ex05.scaled_score.why": "q·k = 1·2 + 2·0 + 0·1 + 1·2 = 4、幅は4なので、スケーリングしたスコアは4 / √4 = 2です。",
    "ex05.scaled_score.unscaled": "それは q·k そのものです。アテンションはそれを √d（幅の平方根）で割ります。",
    "ex05.scaled_score.by_d": "d で割っています。アテンションは √d（幅の平方根）で割ります。",
    "ex05.scaled_score.hint": "q と k を要素ごとに掛けて足し合わせ、幅（4）の平方根で割ってください。",
    "ex05.head_width.why": (
        "{n_heads}個のヘッドはどれも{d_model}個の数をすべて読み、それぞれ自分の {d_model} / {n_heads} = {d_head}個に射影します。"
    ),
    "ex05.head_width.whole": "それは d_model、隠れ状態全体の幅です。各ヘッドはそのすべてを読みますが、もっと幅の狭い q に射影します。",
    "ex05.head_width.hint": "GPT-2 small は d_model が768、ヘッドが12個です。各ヘッドの q の幅は d_model / n_heads です。",
    "ex05.hidden_head.why": (
        "ブロック0のヘッド3は、主語の名詞に0.03しか重みを置きません。動詞が来る位置で読んでいるのは、いま書いた名詞が「より近い名詞」で"
        "あることを示す語 \"near\" です（平均0.74）。取り除くと、数の割合は"
        "0.998から0.944に下がり、モデルは二つ目の \"near\" を予想しはじめます（0.002 → 0.053）。"
        "大事なのはヘッドが何を渡すかで、図のどこがいちばん明るいかではありません。"
    ),
    "ex05.hidden_head.format": "二つの数 [ブロック, ヘッド] で答えてください（例：[1, 3]）。",
    "ex05.hidden_head.the_other": "このヘッドを取り除くと数の割合は確かに下がりますが、このヘッドは主語の名詞をまっすぐ見ています。主語をほとんど見ていないヘッドを探してください。",
    "ex05.hidden_head.hint": "「数の一致」の下に表示された三つのヘッドについて、6節の表で主語の名詞への重みを読んでください。",
    "ex05.attention.why": (
        "scores = q kᵀ / √d。マスク（True = 見てよい）はソフトマックスの前にそれ以外のスコアを -inf にします。"
        "ソフトマックスは各行に沿って（dim=-1）かけるので、どのクエリの重みも合計が1になります。"
        "出力 = weights @ v です。"
    ),
    "ex05.attention.not_callable": "括弧を付けずに関数そのものを渡してください：check(\"05.attention\", attention)。これは {kind} です。",
    "ex05.attention.shapes": "q {q}、k {k}、v {v}",
    "ex05.attention.with_mask": "、マスクあり",
    "ex05.attention.without_mask": "、マスクなし",
    "ex05.attention.raised": (
        "作った関数は {kind}: {error} で止まりました（{where} のとき）。誰にでも起こることです。"
        "この形の小さなテンソルで手で実行し、各ステップを表示してみてください。"
    ),
    "ex05.attention.no_mask_argument": (
        "作った関数はマスクを受け取りません。既定値付きの4番目の引数を加えてください："
        "attention(q, k, v, mask=None)。（{error}）"
    ),
    "ex05.attention.mask_none": (
        "マスクがないとき（mask=None）に作った関数は失敗します。マスクは与えられたときだけ適用してください"
        "（if mask is not None: ...）。（{error}）"
    ),
    "ex05.attention.changed_inputs": "作った関数は q、k、v をその場で書き換えました（/= や _ の付くメソッドなど）。新しいテンソルを計算してください。",
    "ex05.attention.returns_nothing": "作った関数はまだ何も返していません（None）。各ステップを書き、最後に return weights @ v としてください。",
    "ex05.attention.not_a_tensor": "作った関数は {kind} を返しました。出力のテンソル（weights @ v）を返してください。",
    "ex05.attention.returned_weights": (
        "作った関数はアテンション重み（T_q × T_k）を返しました（{where} のとき）。v を掛けて出力にしてください。"
    ),
    "ex05.attention.wrong_shape": (
        "出力はクエリ一つにつき1行、幅は v と同じ {wanted} になるはずですが、作った関数の出力の形は {got} です（{where} のとき）。"
    ),
    "ex05.attention.no_scale": "あと少しです！ スケーリングを忘れています。ソフトマックスの前に q kᵀ を √d（d = q.shape[-1]）で割ってください。",
    "ex05.attention.scale_by_d": "d で割っています。代わりに √d（math.sqrt(q.shape[-1])）で割ってください。",
    "ex05.attention.scale_by_length": "トークン数の平方根で割っています。√d で割ってください。d は幅、q.shape[-1] です。",
    "ex05.attention.wrong_axis": "ソフトマックスをかける軸が違います。各クエリの行の合計が1になるように、dim=-1（キーの方向）を使ってください。",
    "ex05.attention.mask_after_softmax": (
        "マスクをソフトマックスの後にかけたので、残った重みの合計が1になりません。"
        "マスクするスコアはソフトマックスの前に -inf にしてください。"
    ),
    "ex05.attention.mask_ignored": "マスクが無視されています。マスクがあるとき、クエリは False のキーを読んではいけません。",
    "ex05.attention.own_triangle": (
        "渡されたマスクを使わずに、関数の中で因果マスクの三角形を作っています。これではランダムな True/False のマスクで"
        "失敗します。引数の mask そのものを使ってください：scores.masked_fill(~mask, float(\"-inf\"))。"
    ),
    "ex05.attention.mask_with_zero": "マスクしたスコアを0にしていますが、e⁰ = 1なのでまだ重みが付きます。float(\"-inf\") を使ってください：e^-inf = 0です。",
    "ex05.attention.mask_inverted": "マスクが逆向きです。True は「見てよい」なので、マスクが False の位置（~mask）のスコアを埋めてください。",
    "ex05.attention.nan": (
        "出力に NaN（数ではない値）があります（{where} のとき）。スコアがすべて -inf の行は NaN になります。"
        "どの位置をマスクしましたか？"
    ),
    "ex05.attention.hint": (
        "{where} のとき、数が softmax(q kᵀ / √d) v と違います。小さな例で "
        "llmlab.studies.attention_math.attention_steps と各ステップを比べてください。"
    ),
}
