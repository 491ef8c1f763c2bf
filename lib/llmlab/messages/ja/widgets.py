"""ウィジェットが学習者に見せる文（日本語）。キーと {プレースホルダー} は英語版 en/widgets.py と同じです。"""

MESSAGES: dict[str, str] = {
    # --- every panel ---
    "widgets.save_button": "図を保存",
    "widgets.saved": "保存しました：{paths}",
    "widgets.text_label": "テキスト",
    "widgets.truncated": (
        "テキストは{n}トークンありますが、このモデルが一度に読めるのは{context}トークンまでです。"
        "そのため最後の{context}トークンだけを使います（先頭の{dropped}トークンは切り捨てました）。"
    ),
    "widgets.stand_in_labels": (
        "図に使える日本語フォントが見つからなかったため、図では日本語の単語を括弧に入れた意味で表しています"
        "（例：(cat)）。表とメニューには本来の単語が表示されます。"
    ),
    # --- attention explorer ---
    "widgets.block_label": "ブロック",
    "widgets.hidden_state_label": "隠れ状態",
    "widgets.query_label": "クエリ",
    "widgets.temperature_label": "仮の温度",
    "widgets.temperature_help": (
        "試しに変えてみるための値です。ソフトマックスの前に、アテンションのスコアをこの数で割ります"
        "（1より小さいと鋭く、1より大きいと平らになります）。モデル自体はいつも1を使います。"
    ),
    "widgets.bad_query": "テキストの位置は0から{high}までです。位置 {query} はありません。",
    "widgets.attention_weight": "アテンション重み",
    "widgets.attention_key_axis": "キー：読まれる側のトークン",
    "widgets.attention_query_axis": "クエリ：読む側のトークン",
    "widgets.attention_title": "ブロック{layer}、ヘッド{head}",
    "widgets.attention_title_what_if": "ブロック{layer}、ヘッド{head}、仮の温度{temperature:#.3g}",
    "widgets.all_heads": "このブロックのすべてのヘッド",
    "widgets.reads_most": "<b>{query}</b>（位置{position}）がいちばん多く読むトークン：{reads}",
    # --- hidden-state explorer ---
    "widgets.hidden_title": "隠れ状態：{what}",
    "widgets.hidden_embeddings": "埋め込み",
    "widgets.hidden_after_block": "ブロック{block}の後",
    "widgets.hidden_dimension_axis": "次元",
    "widgets.hidden_value": "値",
    "widgets.norm_title": "各ベクトルの\n長さ（ノルム）",
    "widgets.pca_title": "各トークンが埋め込みから\n各ブロックを通ってたどる道すじ（主成分分析）",
    "widgets.pca_axis": "方向{n}",
    "widgets.pca_colour": "色：テキスト内の位置（濃いほど前）",
    "widgets.lens_caption": (
        "ロジットレンズ：各隠れ状態から読み取った、次のトークンの予想の上位{k}個です"
        "（最後のレイヤー正規化をかけてから、アンエンベディングで次のトークンのスコアにします）。"
        "最後の列（{last}）が、モデルの本当の出力です。"
    ),
    "widgets.lens_position": "位置",
    "widgets.lens_token": "トークン",
    # --- embedding replay (lesson 04) ---
    "widgets.embeddings.step": "ステップ",
    "widgets.embeddings.anchor": "単語",
    "widgets.embeddings.near": "比べる単語1",
    "widgets.embeddings.far": "比べる単語2",
    "widgets.embeddings.map_title": "学習ステップ{step}での単語の埋め込み",
    "widgets.embeddings.empty_word": "三つの欄のそれぞれに単語を入力してください。",
    "widgets.embeddings.summary": (
        "ステップ{step}: コサイン類似度は {near_label} = {near:.2f}、{far_label} = {far:.2f}です。"
    ),
    # --- tokenizer playground (lesson 03) ---
    "widgets.tokens.placeholder": "どの言語でも、好きなテキストを入力してください…",
    "widgets.tokens.tokenizer": "トークナイザー",
    "widgets.tokens.unknown_tokenizer": (
        "{name!r} という名前のトークナイザーはありません。次の中から選んでください：{known}。"
    ),
    "widgets.tokens.empty": "テキスト欄が空です。何か入力すると、そのトークンが表示されます。",
    "widgets.tokens.unknown": (
        "{name} トークナイザーには、次の文字のトークンがありません：{unknown}。"
        "このトークナイザーが知っているのは、作られたときに語彙に入っていたものだけです。"
        "バイト単位のトークナイザー（自作の BPE や cl100k_base）なら、どんなテキストでも符号化できます。"
    ),
    "widgets.tokens.count": "{name}: {chars}文字で{n}トークン（1文字あたり{ratio:.2f}トークン）",
    # --- next-token explorer (lesson 06) ---
    "widgets.generation.temperature": "温度",
    "widgets.generation.top_k": "トップk",
    "widgets.generation.sample": "サンプリング",
    "widgets.generation.greedy": "貪欲法",
    "widgets.generation.reset": "リセット",
    "widgets.generation.unknown_words": (
        "モデルは {unknown} を読めません。語彙にそのトークンがないからです。"
        "トイコーパスの文に出てくる単語（レッスンの例にあります）を使って、もう一度リセットしてください。"
    ),
    "widgets.generation.bad_temperature": (
        "温度のスライダーは{low}から{high}までです。{value!r} はこの範囲に入っていません"
        "（「いつもいちばん確率の高いトークン」を選びたいときは「貪欲法」を押してください）。"
    ),
    "widgets.generation.bad_top_k": (
        "トップk は1から{high}（語彙サイズ）までの整数にするか、すべてのトークンを使うなら None にしてください。"
        "受け取った値：{value!r}。"
    ),
    "widgets.generation.bad_prompt": "プロンプトはテキストにしてください。{kind} は使えません。",
    "widgets.generation.ready": (
        "棒：次のトークンの確率です（破線の枠：温度1でのモデル自身の確率）。"
        "「サンプリング」か「貪欲法」を押すと、トークンを一つ付け足します。"
    ),
    "widgets.generation.appended_sampled": (
        "サンプリングで {token!r} を選びました（確率{p:.2f}。貪欲法のトークンの確率は{greedy_p:.2f}）。"
    ),
    "widgets.generation.appended_greedy": (
        "貪欲法：いちばん確率の高いトークン {token!r}（{p:.2f}）を選びました。乱数は使いません。"
    ),
    "widgets.generation.finished": "テキストは終わりました（{reason}）。最初からやり直すには「リセット」を押してください。",
    "widgets.generation.stop_end_token": "終了トークンが選ばれました",
    "widgets.generation.stop_context": "コンテキストがいっぱいです",
    "widgets.generation.title": "新しいトークン{step}: 確率の高い候補（オレンジ = 貪欲法の選択）",
    "widgets.generation.shape": (
        "温度{temperature:.2f}: 選ばれる可能性のあるトークンは{kept}個です。"
        "貪欲法のトークンの確率は今{top:.2f}です。"
    ),
    "widgets.generation.legend": "灰色：プロンプト · 青：サンプリング · オレンジ：貪欲法（argmax）",
    # --- parameter calculators (lesson 01) ---
    "widgets.mlp_inputs": "入力",
    "widgets.mlp_hidden_1": "隠れ層1",
    "widgets.mlp_hidden_2": "隠れ層2",
    "widgets.mlp_outputs": "出力",
    "widgets.mlp_weights": "層{layer}: 重み",
    "widgets.mlp_biases": "層{layer}: バイアス",
    "widgets.unknown_boxes": "{names} という欄はありません。欄の名前は次のとおりです：{known}。",
    "widgets.mlp_sizes": (
        "層の大きさを三つか四つ（入力、隠れ層、[隠れ層、] 出力）の順に指定してください。"
        "受け取ったのは{n}です。"
    ),
    "widgets.mlp_summary": (
        "ニューロン{neurons:,}個。パラメータ数：式では{formula:,}、torch では{torch:,}（p.numel() の合計）です。"
    ),
    "widgets.biases": "バイアス",
    "widgets.by_formula": "式",
    "widgets.by_torch": "torch で数えた数",
    "widgets.custom": "（自分で設定）",
    "widgets.n_layers": "ブロック数",
    "widgets.d_model": "d_model",
    "widgets.mlp_ratio": "MLP の幅（d_model の何倍か）",
    "widgets.bad_presets": "プリセットは、名前（文字列）から GPTConfig への対応でなければなりません（例：PUBLISHED_CONFIGS）。受け取ったもの：{kind}。",
    "widgets.mlp_not_multiple": (
        "モデル {name!r} の MLP の幅{d_mlp}は、d_model（{d_model}）のちょうど何倍かになっていません。"
        "この計算機は MLP の幅を d_model の何倍かで受け取ります。"
    ),
    "widgets.n_heads": "ヘッド数",
    "widgets.vocab_size": "語彙サイズ",
    "widgets.context_length": "コンテキスト長",
    "widgets.tied": "埋め込みの共有",
    "widgets.transformer_title": "パラメータ数{total}",
    "widgets.transformer_summary": (
        '式：{formula:,} · torch（メモリを使わずに "meta" デバイスで作ったモデルを数えた数）：{torch:,}'
    ),
    "widgets.custom_chosen": "自分のモデル：ボックスに数を入力してください。変えるたびに棒グラフが追いかけます。",
    "widgets.heads_same_count": (
        "ヘッドが{heads}個でも数は変わりません。どのヘッドも{d_model}個の数すべてを読み、自分の幅{width}へ射影します。"
        "{heads} × {width} = {d_model} なので、Q・K・V と出力の行列の大きさは同じままです。"
    ),
    # --- lesson 02 ---
    "widgets.neuron_no_weights": (
        "重みが二つとも0です。どの点も同じ出力 b = {b:.1f}になるので、線はありません。"
    ),
    "widgets.neuron_summary": (
        "出力が0より大きい点は{positive}個（オレンジ）、0以下の点は{negative}個（青）です。"
    ),
    "widgets.bias_names": (
        "set(b_Q=(x, y), b_K=(x, y), b_V=(x, y)) の形で指定してください。"
        "{name!r} はこのどれでもないか、数が二つではありません。"
    ),
    "widgets.bias_effect": (
        "b_Q = {b_Q}、b_K = {b_K}、b_V = {b_V}。バイアスがすべて0のときと比べた、いちばん大きな変化：アテンション重みは"
        "{weights:.4f}、出力の数は{output:.4f}、b_V を引いた後の出力の数は{rest:.4f}です。"
    ),
    # --- lesson 05 ---
    "widgets.qkv.query_x": "クエリ x",
    "widgets.qkv.query_y": "クエリ y",
    "widgets.qkv.summary": (
        "スコア（スケーリング後） {scores}、重み {weights}（合計{total:.2f}）、出力 ({x:+.2f}, {y:+.2f})"
    ),
    # --- live loss plot (lesson 09) ---
    "widgets.training.train": "学習バッチ",
    "widgets.training.validation": "検証",
    "widgets.training.floor": "理論下限{floor:.3f}",
    "widgets.training.status_train": "ステップ{step}: バッチの損失{loss:.3f}",
    "widgets.training.status_val": "検証{loss:.3f}",
    "widgets.training.bad_val": (
        "val には検証用ウィンドウの組 (inputs, targets) を渡してください。{kind} は使えません。"
    ),
    "widgets.training.step_backwards": 'ステップ{step}はステップ{last}の後には来られません。ステップは前へ進むだけです。新しい学習には新しいグラフを作ってください。',
    "widgets.training.no_val": (
        "このグラフは検証用ウィンドウなしで作られました。モデルを評価するには val=(val_x, val_y) を渡してください。"
    ),
}
