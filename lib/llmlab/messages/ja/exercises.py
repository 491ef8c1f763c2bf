"""練習問題の判定・ヒント・解説と、check / solution が表示する文（日本語）。

英語版 ``en/exercises.py`` と同じキー・同じ {placeholder} を持ちます（tests が確認します）。
"""

MESSAGES: dict[str, str] = {
    # --- lesson 00 ---
    "ex00.blocks_why": "model.config.n_layers は 3 です。小さなモデルはトランスフォーマーのブロックを 3 つ積み重ねています。",
    "ex00.blocks_hint": "model.config を表示して n_layers を探してください。48 は深さの一例にすぎません。",
    "ex00.sum_why": "ソフトマックスはどんなスコアも正の数に変え、その合計はちょうど 1 になります。",
    "ex00.sum_hint": "torch.softmax(logits[-1], dim=-1).sum() を実行して確かめてください。",
    # --- lesson 01 ---
    "ex01.hidden_parameters.why": (
        "100 個の隠れニューロンは、それぞれ入力 1 つにつき重みを 1 つ（10 個）と、バイアスを 1 つ持ちます。"
        "重み 10 × 100 + バイアス 100 = 1,100 です。"
    ),
    "ex01.hidden_parameters.times_biases": (
        "バイアスは掛けるものではなく足すものです。ニューロン 1 つにバイアスはちょうど 1 つなので、"
        "100 個のニューロンならバイアスは 100 個です。"
    ),
    "ex01.hidden_parameters.no_biases": "それは重みだけの数です。どのニューロンにもバイアスが 1 つずつあります。",
    "ex01.hidden_parameters.whole_network": "それはネットワーク全体の数です。隠れ層だけを数えてください。",
    "ex01.hidden_parameters.neurons": "それは隠れニューロンの数です。ニューロンが持つ重みとバイアスを数えてください。",
    "ex01.hidden_parameters.hint": "ニューロン 1 つあたり、入力 1 つにつき重み 1 つ、それにバイアス 1 つです。それを 100 個のニューロン分掛けてください。",
    "ex01.total_parameters.why": (
        "隠れ層: 784 × 128 + 128 = 100,480。出力層: 128 × 10 + 10 = 1,290。合計 101,770 です。"
    ),
    "ex01.total_parameters.neurons": "それはニューロンの数で、パラメータの数ではありません。",
    "ex01.total_parameters.no_biases": "重みはすべて数えられています。ニューロン 1 つにつきバイアスを 1 つ足してください。",
    "ex01.total_parameters.hint": "層ごとに「入力数 × ニューロン数 + ニューロン数」を計算し、2 つの層を足してください。",
    "ex01.vocabulary.why": (
        "GPT-2 small が読み書きできるトークンは 50,257 種類です（語彙）。約 1 億 2,400 万個のパラメータは"
        "学習された数で、まったく別のものです。"
    ),
    "ex01.vocabulary.context": "1,024 はコンテキスト長です。一度に読めるトークンの数です。",
    "ex01.vocabulary.parameters": "それはパラメータ数です。学習された数の個数であって、トークンの種類の数ではありません。",
    "ex01.vocabulary.hint": "PUBLISHED_CONFIGS[\"GPT-2 small\"] の vocab_size を見てください。",
    "ex01.memory_gb.why": (
        "GPT-2 XL のパラメータは {params:,} 個で、× 2 バイト = {gb:.2f} × 10⁹ バイト（GB）です。"
        "実際に動かすにはさらにメモリが要ります。活性化の値、学習するなら勾配とオプティマイザの状態もです。"
    ),
    "ex01.memory_gb.fp32": "それは float32（1 つの数に 4 バイト）の場合です。bfloat16 は 2 バイトです。",
    "ex01.memory_gb.bytes": "それはバイト数のようです。1,000,000,000 で割って GB にしてください。",
    "ex01.memory_gb.hint": "パラメータ数 × 1 つの数あたりのバイト数を計算し、1,000,000,000 で割ってください。",
    # --- lesson 02 ---
    "ex02.neuron_output.why": "3 × 2 + 1 × (-1) + (-4) = 6 - 1 - 4 = 1 です。",
    "ex02.neuron_output.no_bias": "重み付きの和は合っています。次にバイアスを足してください。",
    "ex02.neuron_output.hint": "各入力にその重みを掛けて積を足し合わせ、最後にバイアスを足してください。",
    "ex02.weight_change.why": (
        "出力は w·x + b です。w を 0.5 増やすと 0.5·x が加わります: 0, 0.5, 1.0, 1.5。"
        "入力が大きいほど変化も大きくなります。"
    ),
    "ex02.weight_change.like_bias": (
        "それはバイアスを 0.5 増やしたときの変化です。重みは入力に掛かるので、変化は x によって変わります。"
    ),
    "ex02.weight_change.hint": "入力ごとに 1 つ、合わせて 4 つの数を答えてください。新しい出力から元の出力を引いた値です。",
    "ex02.useless_bias.why": (
        "b_K は、あるクエリのすべてのスコアに同じ数 q·b_K を足します。ソフトマックスは行全体に共通のずれを"
        "無視するので、アテンション重みも、したがって出力も変わりません。"
    ),
    "ex02.useless_bias.value": "b_V はアテンション重みを変えませんが、すべての出力を b_V だけずらします。",
    "ex02.useless_bias.query": "b_Q はクエリを変えるので、スコアの変わり方がキーごとに違います。アテンション重みが動きます。",
    "ex02.useless_bias.hint": '"b_Q"、"b_K"、"b_V" のどれか 1 つで答えてください。',
    "ex02.value_shift.why": (
        "アテンション重みの合計は 1 なので、(v + b_V) の重み付き平均は元の出力 + b_V になります: {before} + {b_V}。"
    ),
    "ex02.value_shift.unchanged": "b_V は出力を変えます。どのバリューベクトルにも b_V が足されるからです。",
    "ex02.value_shift.hint": "2 つの数を答えてください。重みの合計は 1 です。すべての値が b_V だけ動くと、平均はどうなるでしょう？",
    # --- lesson 03 ---
    "ex03.first_merge.why": (
        "'banana' と ' bandana' のペアを数えます。'a'+'n' は 4 回、'n'+'a' は 3 回、'b'+'a' は 2 回です。"
        "BPE はいちばん多いペアから結合するので、最初の新しいトークンは 'an' です。"
    ),
    "ex03.first_merge.not_text": "新しいトークンを引用符で囲んだ文字列で答えてください（例: \"xy\"）。",
    "ex03.first_merge.whole_word": "BPE が単語全体にいきなり飛ぶことはありません。1 ステップで既存のトークンをちょうど 2 つつなげます。",
    "ex03.first_merge.hint": (
        "'banana' と（先頭の空白も含めて）' bandana' の隣り合う文字のペアをすべて書き出し、"
        "それぞれ何回出てくるか数えてください。いちばん多いのはどれですか？"
    ),
    "ex03.vocab_size.why": (
        "この BPE は 256 個のトークン（バイトごとに 1 つ）から始まり、結合 1 回ごとにトークンが 1 つ増え、"
        "<|endoftext|> がさらに 1 つです: 256 + 500 + 1 = 757。"
    ),
    "ex03.vocab_size.merges_only": "結合はある土台の上に追加されます。バイト単位の BPE は、結合の前にどんなトークンを持っていますか？",
    "ex03.vocab_size.no_special": "惜しいです。テキストの終わりを表す特殊トークンを 1 つ忘れています。",
    "ex03.vocab_size.hint": "最初のトークン（バイト）、結合、特殊トークンをそれぞれ数えてください。",
    "ex03.rare_word.why": (
        "cl100k_base には、これらのよく使われるひらがなそれぞれにトークンがあるので、この単語は 1 文字 1 トークンになります。"
        "既知の断片 8 個で、未知のものはありません。"
    ),
    "ex03.rare_word.one_or_none": (
        "バイト単位のトークナイザーでは、珍しい単語も「1 トークン」でも「未知」でもありません。"
        "TiktokenTokenizer(\"cl100k_base\").encode(\"ちんちんかもかも\") を実行して数えてください。"
    ),
    "ex03.rare_word.hint": "cl100k_base でこの単語をエンコードし、結果の len() を取ってください。",
    # --- lesson 04 ---
    "ex04.lookup_row.why": (
        "結果の各要素は、行ごとの (0 または 1) × 表の値の和です。1 があるのは行 2 だけなので、"
        "積は表の行 2、つまり [6, 7, 8] になります。"
    ),
    "ex04.lookup_row.column": "それは列 2 です。ワンホットベクトルは表の左から掛かる行ベクトルなので、行を 1 つ選び出します。",
    "ex04.lookup_row.hint": "表の行 i には 3i, 3i+1, 3i+2 が入っています。ただ 1 つの 1 はどの行を選びますか？",
    "ex04.cosine.why": (
        "[2, 4] は [1, 2] を 2 倍に伸ばしたものです。同じ方向なので角度は 0、そのコサインは 1 です。"
        "コサイン類似度は長さを無視します。"
    ),
    "ex04.cosine.dot_product": "10 は内積 1×2 + 2×4 です。コサイン類似度はそれを 2 つの長さ（√5 と √20）で割ります。",
    "ex04.cosine.hint": "内積を 2 つのベクトルの長さの積で割ります。結果は必ず -1 から 1 の間です。",
    "ex04.table_shape.why": (
        "トークンID 1 つにつき 1 行、各行は長さ d_model のベクトル 1 本です: (vocab_size, d_model) = (1000, 64)。"
    ),
    "ex04.table_shape.swapped": "数は合っていますが、順番が逆です。埋め込み表はトークン 1 つにつき 1 行です。",
    "ex04.table_shape.hint": (
        "GPT(tiny_config(1000)) を作って .token_embedding.weight.shape を見るか、考えてみてください。"
        "行はいくつで、各行の長さはいくつですか？"
    ),
    # --- lesson 05 ---
    "ex05.one_number": "数を 1 つ答えてください。",
    "ex05.scaled_score.why": "q·k = 1·2 + 2·0 + 0·1 + 1·2 = 4、幅は 4 なので、スケールしたスコアは 4 / √4 = 2 です。",
    "ex05.scaled_score.unscaled": "それは q·k そのものです。アテンションはそれを √d（幅の平方根）で割ります。",
    "ex05.scaled_score.by_d": "d で割っています。アテンションは √d（幅の平方根）で割ります。",
    "ex05.scaled_score.hint": "q と k を要素ごとに掛けて足し合わせ、幅（4）の平方根で割ってください。",
    "ex05.head_width.why": (
        "d_model {d_model} を {n_heads} 個のヘッドで分けます: {d_model} / {n_heads} = ヘッド 1 つあたり {d_head} 個の数です。"
    ),
    "ex05.head_width.whole": "それは d_model、隠れ状態全体の幅です。各ヘッドはその一部を受け持ちます。",
    "ex05.head_width.hint": "GPT-2 small は d_model が 768、ヘッドが 12 個です。ヘッドは d_model を均等に分け合います。",
    "ex05.hidden_head.why": (
        "ブロック 0 のヘッド 3 を取り除くと正しい動詞の確率は下がりますが、このヘッドは主語の名詞に"
        "あまり重みを置いていません。大事なのはこのヘッドが何を渡すかで、図のどこがいちばん明るいかではありません。"
    ),
    "ex05.hidden_head.format": "2 つの数 [ブロック, ヘッド] で答えてください（例: [1, 3]）。",
    "ex05.hidden_head.the_other": "このヘッドを取り除くと一致は確かに崩れますが、このヘッドは主語の名詞をまっすぐ見ています。主語をほとんど見ていないヘッドを探してください。",
    "ex05.hidden_head.hint": "一致の列で低下がいちばん大きい 3 つのヘッドを見つけ、アテンションの表と見比べてください。",
    "ex05.attention.why": (
        "scores = q kᵀ / √d。マスク（True = 見てよい）はソフトマックスの前にそれ以外のスコアを -inf にします。"
        "ソフトマックスは各行に沿って（dim=-1）かけるので、どのクエリの重みも合計が 1 になります。"
        "出力 = weights @ v です。"
    ),
    "ex05.attention.not_callable": "括弧を付けずに関数そのものを渡してください: check(\"05.attention\", attention)。これは {kind} です。",
    "ex05.attention.shapes": "q {q}、k {k}、v {v}",
    "ex05.attention.with_mask": "、マスクあり",
    "ex05.attention.without_mask": "、マスクなし",
    "ex05.attention.raised": (
        "あなたの関数は {kind}: {error} で止まりました（{where} のとき）。誰にでも起こることです。"
        "この形の小さなテンソルで手で実行し、各ステップを表示してみてください。"
    ),
    "ex05.attention.no_mask_argument": (
        "あなたの関数はマスクを受け取りません。既定値付きの 4 番目の引数を加えてください: "
        "attention(q, k, v, mask=None)。（{error}）"
    ),
    "ex05.attention.mask_none": (
        "マスクがないとき（mask=None）にあなたの関数は失敗します。マスクは与えられたときだけ適用してください"
        "（if mask is not None: ...）。（{error}）"
    ),
    "ex05.attention.changed_inputs": "あなたの関数は q、k、v をその場で書き換えました（/= や _ の付くメソッドなど）。新しいテンソルを計算してください。",
    "ex05.attention.returns_nothing": "あなたの関数はまだ何も返していません（None）。各ステップを書き、最後に return weights @ v としてください。",
    "ex05.attention.not_a_tensor": "あなたの関数は {kind} を返しました。出力のテンソル（weights @ v）を返してください。",
    "ex05.attention.returned_weights": (
        "あなたの関数はアテンション重み（T_q × T_k）を返しました（{where} のとき）。v を掛けて出力にしてください。"
    ),
    "ex05.attention.wrong_shape": (
        "出力はクエリ 1 つにつき 1 行、幅は v と同じ {wanted} になるはずですが、あなたの出力の形は {got} です（{where} のとき）。"
    ),
    "ex05.attention.no_scale": "あと少しです！ スケールを忘れています。ソフトマックスの前に q kᵀ を √d（d = q.shape[-1]）で割ってください。",
    "ex05.attention.scale_by_d": "d で割っています。代わりに √d（math.sqrt(q.shape[-1])）で割ってください。",
    "ex05.attention.scale_by_length": "トークン数の平方根で割っています。√d で割ってください。d は幅、q.shape[-1] です。",
    "ex05.attention.wrong_axis": "ソフトマックスをかける軸が違います。各クエリの行の合計が 1 になるように、dim=-1（キーの方向）を使ってください。",
    "ex05.attention.mask_after_softmax": (
        "マスクをソフトマックスの後にかけたので、残った重みの合計が 1 になりません。"
        "マスクするスコアはソフトマックスの前に -inf にしてください。"
    ),
    "ex05.attention.mask_ignored": "マスクが無視されています。マスクがあるとき、クエリは False のキーを読んではいけません。",
    "ex05.attention.mask_with_zero": "マスクしたスコアを 0 にしていますが、e⁰ = 1 なのでまだ重みが付きます。float(\"-inf\") を使ってください: e^-inf = 0 です。",
    "ex05.attention.mask_inverted": "マスクが逆向きです。True は「見てよい」なので、マスクが False の位置（~mask）のスコアを埋めてください。",
    "ex05.attention.nan": (
        "出力に NaN（数ではない値）があります（{where} のとき）。スコアがすべて -inf の行は NaN になります。"
        "どの位置をマスクしましたか？"
    ),
    "ex05.attention.hint": (
        "{where} のとき、数が softmax(q kᵀ / √d) v と違います。小さな例で "
        "llmlab.studies.attention_math.attention_steps と各ステップを比べてください。"
    ),
    # --- lesson 06 ---
    "ex06.causal_mask.why": (
        "クエリ i（行）がキー j（列）を読めるのは、j が i 自身かそれより前のときです。つまり対角線を含む下三角です。"
        "キャッシュがあるとき、n_queries 個のクエリは n_keys 個の位置のうち最後のものなので、"
        "対角線は n_keys - n_queries だけ右にずれます。"
    ),
    "ex06.causal_mask.not_a_function": (
        "関数そのものを括弧なしで渡してください（例: check(\"06.causal_mask\", my_causal_mask)）。渡されたのは {kind} です。"
    ),
    "ex06.causal_mask.returned_none": (
        "あなたの関数は None を返しました。本体を書き上げて、マスク（形 (n_queries, n_keys) のテンソル）を返してください。"
    ),
    "ex06.causal_mask.not_a_tensor": "{kind} ではなく、形 (n_queries, n_keys) の torch テンソルを返してください。",
    "ex06.causal_mask.shape": "この大きさでは、マスクの形は {wanted}（n_queries, n_keys）のはずですが、あなたのマスクは {got} です。",
    "ex06.causal_mask.values": (
        "True/False（True = 読んでよい）、1/0、または 0（読んでよい）と -inf（隠す）の加算マスクを使ってください。"
    ),
    "ex06.causal_mask.raised": "my_causal_mask({n_queries}, {n_keys}) で {error} が発生しました。",
    "ex06.causal_mask.wrong_at": "n_queries={n_queries}、n_keys={n_keys} のとき、いくつかのマスの値が違います。",
    "ex06.causal_mask.inverted": (
        "あなたのマスクは隠すマス（上三角）に印を付けています。ここでは True（加算マスクなら 0）が「読んでよい」です。"
        "対角線を含む下三角を残してください（例: torch.tril）。"
    ),
    "ex06.causal_mask.transposed": (
        "行と列が入れ替わっています。行 i がクエリ、列 j がキーで、クエリが読めるのは自分の位置かそれより前のキー"
        "（j ≤ i）だけです。あなたのマスクではトークン 0 がすべてを読めてしまいます。"
    ),
    "ex06.causal_mask.no_diagonal": "あと少しです。トークンは自分自身も読みます。対角線（j = i）も残してください。",
    "ex06.causal_mask.cache_offset": (
        "正方形のマスクとしては正しいのですが、キャッシュがあるときは違います。{n_queries} 個のクエリは "
        "{n_keys} 個の位置のうち最後の {n_queries} 個なので、クエリ 0 は位置 {n_keys} - {n_queries} です。"
        "対角線をずらしてください（torch.tril の diagonal=）。"
    ),
    "ex06.causal_mask.no_mask": "すべてのマスが許されています。それではマスクがないのと同じで、モデルは答えを読めてしまいます。",
    "ex06.causal_mask.hint": "まず紙の上で 3 クエリ × 3 キーのマスクを描いてみてください。行 0 はどのマスを読めますか？",
    "ex06.cache_memory.why": (
        "2（キーとバリュー）× 24 層 × 1,024 トークン × 1,024 個の数 × 2 バイト = 1 系列あたり {mb:.1f} MB です。"
    ),
    "ex06.cache_memory.one_of_two": "それはキーだけ（またはバリューだけ）の量です。キャッシュは両方を保持します。",
    "ex06.cache_memory.fp32": "それは 1 つの数に 4 バイト（fp32）の場合です。問題は fp16（2 バイト）で聞いています。",
    "ex06.cache_memory.mebibytes": "惜しいです。それは MiB（2^20 バイト）です。MB（10^6 バイト）で答えてください。",
    "ex06.cache_memory.hint": "2（キーとバリュー）× 層数 × トークン数 × d_model × 1 つの数あたりのバイト数を計算し、1,000,000 で割ってください。",
    "ex06.forward_passes.why": (
        "1 回の順伝播でプロンプト全体を一度に読み、最初の新しいトークンが出ます。その後のトークンは、"
        "そのトークンだけを通す順伝播が 1 回ずつ必要です（残りはキャッシュにあります）: 1 + 4 = 5。"
    ),
    "ex06.forward_passes.per_prompt_token": (
        "プロンプトはトークンごとに読むのではありません。10 個の位置すべてがマスク付きの 1 回の順伝播をいっしょに通ります。"
    ),
    "ex06.forward_passes.extra_pass": "プロンプトのための別の順伝播はありません。プロンプトを通す順伝播が、そのまま最初の新しいトークンを出します。",
    "ex06.forward_passes.prompt_makes_one": "プロンプトを通す順伝播も数えてください。最初の新しいトークンを出すのはその順伝播です。",
    "ex06.forward_passes.hint": "1 回の順伝播で新しいトークンがちょうど 1 つ出ます。新しいトークンはいくつですか？",
    "ex06.rows_that_change.why": (
        "因果マスクがあるので、どの位置も後ろの位置を読みません。だからトークンを追加しても、それより前の位置で"
        "計算したものは何も変わりません。KVキャッシュが正確なのはこのためです。"
    ),
    "ex06.rows_that_change.all": "よくある予想です。でも、新しいトークンを読めるのはどの位置でしょう？ 新しい位置自身だけです。",
    "ex06.rows_that_change.hint": "マスクを見てください。位置 3 は位置 7 を読めますか？",
    # --- lesson 07 ---
    "ex07.one_number": "整数を 1 つ答えてください。",
    "ex07.residual_sum.why": (
        "トークン埋め込みと位置埋め込み、それから {n_layers} 個のブロックがそれぞれアテンションの出力と MLP の出力を"
        "足します: 2 + 2 × {n_layers} = {parts} 本のベクトルです。"
    ),
    "ex07.residual_sum.per_block": (
        "よくある予想は「ブロック 1 つにつき 1 本」です。でも各ブロックは 2 回足します（アテンション、次に MLP）。"
        "それに埋め込みも和に入っています。"
    ),
    "ex07.residual_sum.no_embeddings": "あと少しです。和は埋め込みから始まるので、埋め込みも和の一部です。",
    "ex07.residual_sum.one_embedding": "あと少しです。トークン埋め込みと位置埋め込みは 2 本のベクトルです。",
    "ex07.residual_sum.hint": "セクション 1 で足し合わせたものを数えてください。埋め込みが 2 本、それからブロックごとに出力が 2 本です。",
    "ex07.attention_sublayers.why": "ブロック 1 つにつきアテンション副層が 1 つ: {blocks} 個です。ヘッドはすべてその 1 つの副層の中にあります。",
    "ex07.attention_sublayers.heads": "それはヘッドをすべて数えた数です。1 つのブロックのヘッドは、1 つのアテンション副層の中で並んで働きます。",
    "ex07.attention_sublayers.one_block": "それは 1 つのブロックのヘッドの数です。トークンはいくつのブロックを通りますか？",
    "ex07.attention_sublayers.hint": "各ブロックにはアテンション副層がちょうど 1 つあり、どのトークンもすべてのブロックを通ります。",
    "ex07.translation_head.why": (
        "アブレーションの表では、ブロック 0 のヘッド 1 を取り除くと、二通りのアブレーションのどちらでも、日本語訳の損失が"
        "他のどのヘッドよりも大きく上がります（レッスン 05 のアブレーションでも同じヘッドが見つかりました）。"
    ),
    "ex07.translation_head.format": "[ブロック, ヘッド] で答えてください（例: [1, 3]）。",
    "ex07.translation_head.runner_up": "そのヘッドも翻訳に効いていますが、それほどではありません。もっと大きい数を探してください。",
    "ex07.translation_head.hint": "ヒートマップの「日本語訳」の列を、ヘッドの行だけ読んでください。",
    "ex07.copying_head.why": (
        "ブロック 0 のヘッド 3 がないとき、モデルが正しく答える事実の質問はいちばん少なくなります。ただし、ブロック 0 の"
        "どのヘッドを取り除いても答えのおよそ半分が失われます。コピーはブロック 0 の 4 つのヘッドに広がっていて、"
        "どれか 1 つが「コピーのヘッド」なのではありません。"
    ),
    "ex07.copying_head.format": "[ブロック, ヘッド] で答えてください（例: [1, 3]）。",
    "ex07.copying_head.name_head": (
        "絵から考えるとよい予想です。ブロック 1 のヘッド 1 は名前を読んでいて、取り除くと答えが減ります。"
        "でも、ブロック 0 のどのヘッドを取り除いても、それより多くの答えが失われます。ヒートマップの数を読んでください。"
    ),
    "ex07.copying_head.close": "あと少しです。ブロック 0 のヘッドはどれも必要で、数は近い値です。いちばん小さいものを探してください。",
    "ex07.copying_head.hint": "セクション 5 のヒートマップを読んでください。正解の割合がいちばん小さいヘッドが、取り除いたときにいちばん困るヘッドです。",
    "ex07.what_travels.why": "隠れ状態だけです。ブロック 1 は、自分の行列を使って隠れ状態から自分の Q、K、V を計算します。",
    "ex07.what_travels.format": '"Q"、"K"、"V"、"hidden state" のどれかで答えてください。',
    "ex07.what_travels.recomputed": (
        "よくある予想です。でもセクション 3 では、ブロック 1 の Q、K、V を隠れ状態だけから計算し直しました。"
        "ブロック 0 のものは捨てられています。"
    ),
    # --- lesson 08 ---
    "ex08.labels.why": (
        "各入力トークンの正解ラベルは、テキストでその次に来るトークンです: the → cat、cat → sat、sat → down。"
        "テキストが自分で正解ラベルを用意しています。"
    ),
    "ex08.labels.format": '3 つの単語で答えてください（例: ["a", "b", "c"] または "a b c"）。',
    "ex08.labels.same_as_inputs": "それは入力そのものです。モデルが予測するのは「次の」トークンです。1 つずらしてください。",
    "ex08.labels.one_per_input": "入力の位置ごとに正解ラベルが 1 つあります。入力が 3 つなら、正解ラベルも 3 つです。",
    "ex08.labels.hint": "テキストをその下にもう一度、1 トークン左にずらして書いてみてください。",
    "ex08.adam_memory.why": (
        "AdamW はパラメータ 1 つにつき 2 つの数（勾配の移動平均と、勾配の 2 乗の移動平均）を持ちます: "
        "2 × 70 億 × 4 バイト = {gb:.0f} GB。重みと勾配そのものは別です。"
    ),
    "ex08.adam_memory.one_number": "それはパラメータ 1 つにつき追加の数が 1 つの場合です。AdamW は 2 つ持ちます。",
    "ex08.adam_memory.everything": "それは AdamW の状態より多く数えています（重みや勾配も入っていませんか？）。2 つの移動平均だけです。",
    "ex08.adam_memory.bytes": "それはバイト数です。問題は GB（10⁹ バイト）で聞いています。",
    "ex08.adam_memory.hint": "パラメータ数 × AdamW がパラメータ 1 つにつき持つ数の個数 × float32 の 1 つの数のバイト数を計算し、10⁹ で割ってください。",
    "ex08.training_flops.why": (
        "順伝播はトークン 1 つ・パラメータ 1 つにつき約 2 回の演算、逆伝播はその約 2 倍です: "
        "6 × 174.6e9 × 300e9 ≈ {flops:.2e}。Brown et al. 2020（付録 D）は GPT-3 について 3.14e23 と報告しています。"
    ),
    "ex08.training_flops.forward_only": (
        "それは順伝播だけの量です（2 × パラメータ数 × トークン数）。学習では逆伝播も走り、その量は順伝播の約 2 倍です。"
    ),
    "ex08.training_flops.too_heavy": "多すぎます。学習ステップのコストは順伝播の約 3 回分で、10〜100 回分ではありません。",
    "ex08.training_flops.hint": "約 6 × パラメータ数 × 学習トークン数 を使ってください（順伝播 2、逆伝播 約 4）。",
    "ex08.context_or_weights.why": (
        "システムプロンプトは会話の前に置かれた追加のトークンです。モデルはそれを読むだけで、重みは 1 つも変わりません。"
    ),
    "ex08.context_or_weights.format": '"weights" か "context" で答えてください。',
    "ex08.context_or_weights.weights": "モデルがプロンプトを読んでいる間、何も学習されません。セクション 6 の指紋を比べてください。",
    # --- lesson 09 ---
    "ex09.hidden_states.why": "ロジットレンズは埋め込み（隠れ状態 0）と各ブロックの後の隠れ状態を読みます: 1 + {blocks} = {states}。",
    "ex09.hidden_states.no_embeddings": "あと少しです。埋め込みも、ブロック 0 の前の隠れ状態です。",
    "ex09.hidden_states.hint": "埋め込みを 1 つ、それからブロックごとにその後の隠れ状態を 1 つ数えてください（model.config.n_layers）。",
    "ex09.even_weight.why": "位置 19 は自分を含めて位置 0〜19 を読みます。キーは 20 個なので、それぞれ 1/20 = 0.05 です。",
    "ex09.even_weight.not_itself": "惜しいです。位置は自分自身も読むので、キーは 19 個ではなく 20 個です。",
    "ex09.even_weight.hint": "1 行のアテンション重みの合計は 1 です。位置 19 はいくつの位置を読めますか？",
    "ex09.not_cached.why": (
        "前の位置の K と V はどのステップでも同じ値になるので、キャッシュに取っておけます。"
        "クエリが必要なのは、予測している位置の分だけです。"
    ),
    "ex09.not_cached.kept": "それは保持されます。後ろの位置は、毎ステップ前の位置のキーとバリューを読むからです。",
    "ex09.not_cached.format": '"Q"、"K"、"V" のどれかで答えてください。',
    # --- exercise checks ---
    "checks.correct": "✅ 正解です！",
    "checks.not_yet": "❌ まだです。ヒント: {hint}",
    "checks.unanswered": "✏️ まだ答えが入っていません。... を自分の答えに書き換えて、もう一度セルを実行してください。",
    "checks.give_a_number": "数を 1 つ答えてください（ここでは True と False は数として扱いません）。",
    "checks.give_numbers": "{n} 個の数を、たとえばリストで答えてください。",
    "checks.could_not_check": "❌ その答えは判定できませんでした（{error}）。型と形を確かめてください。",
    "checks.unknown_exercise": "練習問題 {id!r} はありません。ある練習問題: {known}",
    "checks.solution": "解答: {solution}\n理由: {explanation}",
}
