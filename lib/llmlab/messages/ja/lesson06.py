"""レッスン06の文（日本語）：そのモジュール（studies/mask_experiment.py）、出力（printouts.say("lesson06.…")と出力の共通語）と練習問題（ui/exercises/lesson06.py）。
キーと {プレースホルダー} は英語版 en/lesson06.py と同じです。"""

MESSAGES: dict[str, str] = {
    # --- mask_experiment (studies/mask_experiment.py) ---
    "mask_experiment.not_toy_data": "data は load_toy_data() で読み込んだトイコーパス（ToyData）にしてください。{kind} は使えません。",
    # --- printouts' shared words (ui/printouts.py) ---
    "printouts.run.unmasked": "マスクなし",
    "printouts.run.masked": "マスクあり",
    "printouts.stop": "   → 停止：{reason}",
    "printouts.stop.stop_token": "終了トークン",
    "printouts.stop.limit": "上限",
    "printouts.stop.context": "コンテキストの長さ",
    "printouts.tiny_model": "小さなモデル（コンテキスト {context}）",
    "printouts.bigger_model": "大きめのモデル（コンテキスト {context}）",
    # --- printouts (printouts.say("lesson06.…")) ---
    "lesson06.hidden_weight": "隠された（後ろの）トークンへの最大の重み：{weight}",
    "lesson06.rows_add_up": "各行の合計は1（最大の誤差）：{error}",
    "lesson06.recipe": "それぞれ{steps}ステップ、バッチ {batch}、学習率 {rate}（同梱モデルのレシピは {shipped_rate}）、シード {seed}",
    "lesson06.trained_in": "{run}: 学習時間{seconds:.1f}秒",
    "lesson06.training_floor": "学習用のウィンドウ（{n}個）：厳密な理論下限{floor:.3f}",
    "lesson06.validation_floor": "検証用のウィンドウ（{n}個）：厳密な理論下限{floor:.3f}",
    "lesson06.run_loss": "{run:16s}: 損失は学習用のウィンドウで{train:.3f}、検証用のウィンドウで{val:.3f}",
    "lesson06.versus_floor": "マスクなしの検証損失は理論下限の{share:.0%}。マスクありは理論下限より{above:+.3f}",
    "lesson06.hidden_again": "マスクなしで学習したモデル、未来をふたたび隠すと：{loss:.3f}（理論下限{floor:.3f}）",
    "lesson06.table_losses": (
        "数えただけの表（ネットワークなし）、同じウィンドウで：一様{uniform:.2f}、ユニグラム{unigram:.2f}、バイグラム{bigram:.2f}"
    ),
    "lesson06.with_mask": "マスクあり：{prompt} | {text!r}",
    "lesson06.without_mask": "マスクなし：{prompt} | {text!r}",
    "lesson06.prefix_by_prefix": "プロンプトの位置{n}個、最大の差：{difference:.2g}",
    "lesson06.prefix_helpers_same": "logits_one_pass と logits_prefix_by_prefix も同じ結果：{answer}",
    "lesson06.without_mask_difference": "マスクなしでの最大の差：{difference:.2f}",
    "lesson06.step": "ステップ{number:2d}: 読む …{context:38s} 上位：{candidates:40s} 選んだ {chosen!r}（{p:.2f}）{stop}",
    "lesson06.same_tokens": "\ngenerate() も同じトークンを書いた：{same}",
    "lesson06.in_training_text": "この行がそっくりそのまま学習テキストに出てくる回数：{times}",
    "lesson06.greedy": "シード {seed}: 貪欲       {text!r}",
    "lesson06.sampled": "        サンプリング {text!r}",
    "lesson06.with_cache": "一度に通すのとキャッシュありの最大の差：{difference:.2g}",
    "lesson06.cache_helper_same": "logits_with_cache（モデル自身のキャッシュ）も32ビットの丸め誤差の範囲で同じ結果：{answer}",
    "lesson06.with_cache_unmasked": "マスクなしで学習したモデルで同じことをすると：{difference:.2f}",
    "lesson06.step_times": "{model}、{path:13s}: {times}",
    "lesson06.cache_ratio": "{model}: {n}トークンのとき、キャッシュなしの一ステップはキャッシュありの{ratio:.1f}倍のプロセッサ時間がかかる",
    "lesson06.our_cache": "{n}トークンのあとのキャッシュ：{numbers:,}個の数 = fp32 で{bytes:,}バイト。式では{formula:,}バイト",
    "lesson06.published_shape": "{name}: {n_layers}ブロック × {context:,}トークン × d_model {d_model:,}",
    "lesson06.published_cache": "    1系列ぶんの KV キャッシュ：fp32 で{fp32_mb:,.1f} MB、fp16 で{fp16_mb:,.1f} MB = {fp16_gb:.2f} GB。fp16 の重みは{weights_gb:,.2f} GB",
    "lesson06.own_words": (
        "ブロック {block}: 行 {token!r}（{writes!r} を書く行）から、モデル自身が書いた英単語へのアテンション（ヘッドごと）：{shares}"
    ),
    "lesson06.head_reads": "ブロック {block} のヘッド {head}、行 {row!r}: アテンションの{weight:.2f}が {token!r} に向かう",
    "lesson06.unedited": "{prompt} | {text!r}   （編集なし）",
    "lesson06.fingerprints": "生成前：{before}   5回生成したあと：{after}   同じ：{same}",
    "lesson06.changed_copy": "数を一つだけ 1e-6 変えたコピー：{fingerprint}",
    # --- exercises (ui/exercises/lesson06.py) ---
    "ex06.causal_mask.why": (
        "クエリ i（行）がキー j（列）を読めるのは、j が i 自身かそれより前のときです。つまり対角線を含む下三角です。"
        "キャッシュがあるとき、n_queries 個のクエリは n_keys 個の位置のうち最後のものなので、"
        "対角線は n_keys - n_queries だけ右にずれます。"
    ),
    "ex06.causal_mask.not_a_function": (
        "関数そのものを括弧なしで渡してください（例：check(\"06.causal_mask\", my_causal_mask)）。渡されたのは {kind} です。"
    ),
    "ex06.causal_mask.returned_none": (
        "作った関数は None を返しました。本体を書き上げて、マスク（形 (n_queries, n_keys) のテンソル）を返してください。"
    ),
    "ex06.causal_mask.not_a_tensor": "{kind} ではなく、形 (n_queries, n_keys) の torch テンソルを返してください。",
    "ex06.causal_mask.shape": "この大きさでは、マスクの形は {wanted}（n_queries, n_keys）のはずですが、作ったマスクは {got} です。",
    "ex06.causal_mask.values": (
        "True/False（True = 読んでよい）、1/0、または0（読んでよい）と -inf（隠す）の加算マスクを使ってください。"
    ),
    "ex06.causal_mask.raised": "my_causal_mask({n_queries}, {n_keys}) で {error} が発生しました。",
    "ex06.causal_mask.wrong_at": "n_queries={n_queries}、n_keys={n_keys} のとき、いくつかのマスの値が違います。",
    "ex06.causal_mask.inverted": (
        "作ったマスクは隠すマス（上三角）に印を付けています。ここでは True（加算マスクなら0）が「読んでよい」です。"
        "対角線を含む下三角を残してください（例：torch.tril）。"
    ),
    "ex06.causal_mask.transposed": (
        "行と列が入れ替わっています。行 i がクエリ、列 j がキーで、クエリが読めるのは自分の位置かそれより前のキー"
        "（j ≤ i）だけです。作ったマスクではトークン0がすべてを読めてしまいます。"
    ),
    "ex06.causal_mask.no_diagonal": "あと少しです。トークンは自分自身も読みます。対角線（j = i）も残してください。",
    "ex06.causal_mask.cache_offset": (
        "正方形のマスクとしては正しいのですが、キャッシュがあるときは違います。{n_queries}個のクエリは "
        "{n_keys}個の位置のうち最後の{n_queries}個なので、クエリ0は位置 {n_keys} - {n_queries} です。"
        "対角線をずらしてください（torch.tril の diagonal=）。"
    ),
    "ex06.causal_mask.no_mask": "すべてのマスが許されています。それではマスクがないのと同じで、モデルは答えを読めてしまいます。",
    "ex06.causal_mask.hint": "まず紙の上で3クエリ × 3キーのマスクを描いてみてください。行0はどのマスを読めますか？",
    "ex06.cache_memory.why": (
        "2（キーとバリュー）× 24ブロック × 1,024トークン × 1,024個の数 × 2バイト = 1系列あたり{mb:.1f} MB です。"
    ),
    "ex06.cache_memory.one_of_two": "それはキーだけ（またはバリューだけ）の量です。キャッシュは両方を保持します。",
    "ex06.cache_memory.fp32": "それは一つの数に4バイト（fp32）の場合です。問題は fp16（2バイト）で聞いています。",
    "ex06.cache_memory.mebibytes": "惜しいです。それは MiB（2^20バイト）です。MB（10^6バイト）で答えてください。",
    "ex06.cache_memory.hint": "2（キーとバリュー）× ブロック数 × トークン数 × d_model × 一つの数あたりのバイト数を計算し、1,000,000で割ってください。",
    "ex06.forward_passes.why": (
        "1回の順伝播でプロンプト全体を一度に読み、最初の新しいトークンが出ます。その後のトークンは、"
        "そのトークンだけを通す順伝播が1回ずつ必要です（残りはキャッシュにあります）：1 + 4 = 5。"
    ),
    "ex06.forward_passes.per_prompt_token": (
        "プロンプトはトークンごとに読むのではありません。10個の位置すべてがマスク付きの1回の順伝播をいっしょに通ります。"
    ),
    "ex06.forward_passes.extra_pass": "プロンプトのための別の順伝播はありません。プロンプトを通す順伝播が、そのまま最初の新しいトークンを出します。",
    "ex06.forward_passes.prompt_makes_one": "プロンプトを通す順伝播も数えてください。最初の新しいトークンを出すのはその順伝播です。",
    "ex06.forward_passes.hint": "1回の順伝播で新しいトークンがちょうど一つ出ます。新しいトークンはいくつですか？",
    "ex06.rows_that_change.why": (
        "因果マスクがあるので、どの位置も後ろの位置を読みません。だからトークンを追加しても、それより前の位置で"
        "計算したものは何も変わりません。KV キャッシュが正確なのはこのためです。"
    ),
    "ex06.rows_that_change.all": "よくある予想です。でも、新しいトークンを読めるのはどの位置でしょう？ 新しい位置自身だけです。",
    "ex06.rows_that_change.rounding": (
        "測ってみたのなら：100万分の数ほどの差は32ビットの丸め誤差（同じ和を別の順番で足したもの）で、変化ではありません。"
        "それを除くと、最初の七つの位置のうち、新しいトークンを読めるのはどれですか？"
    ),
    "ex06.rows_that_change.hint": "マスクを見てください。位置3は位置7を読めますか？",
}
