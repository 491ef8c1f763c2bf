"""レッスン09の文（日本語）：そのモジュール（studies/own_text.py、studies/training_cost.py、studies/weight_changes.py）、出力（printouts.say("lesson09.…")と出力の共通語）と練習問題（ui/exercises/lesson09.py）。
キーと {プレースホルダー} は英語版 en/lesson09.py と同じです。"""

MESSAGES: dict[str, str] = {
    # --- own_text (studies/own_text.py) ---
    "own_text.too_short": (
        "テキストは{n}文字しかなく、検証用の部分を取り分けるには短すぎます"
        "（この設定では{needed}文字以上必要です）。数千文字以上のテキストを使ってください。"
    ),
    "own_text.bad_path": "テキストファイルのパスはテキストか Path でなければなりません。{kind} は使えません。",
    "own_text.missing_file": "{path} というファイルはありません。UTF-8 のテキストファイルのパスを指定してください。",
    "own_text.not_a_file": "{path} はフォルダーで、テキストファイルではありません。",
    "own_text.unreadable": "{path} を読めません：{error}。",
    "own_text.binary": "{path} はテキストファイルではありません。画像やプログラムのように、値が0のバイトを含んでいます。",
    "own_text.not_utf8": (
        "{path} は UTF-8 のテキストではありません。{position} バイト目が合いません。"
        "ファイルを UTF-8 で保存し直して、もう一度試してください。"
    ),
    "own_text.saved_elsewhere": (
        "{path} に書き込めなかった（{error}）ので、学習したモデルは代わりに {fallback} に保存しました。"
    ),
    "own_text.out_is_input": '--out {path} は学習に使うテキストファイルそのものです。そこに保存するとテキストが消えてしまいます。build/my_model.pt のような別の名前を選んでください。',
    "own_text.not_regular": '{path} は普通のファイルではありません（名前付きパイプかデバイスです）。llmlab がテキストを読むのは普通のファイルからだけです。テキストをファイルに保存して、そのパスを指定してください。',
    "own_text.utf16": '{path} は UTF-8 ではなく UTF-16 で保存されています。UTF-8 で保存し直してください（たいていのエディターでは「名前を付けて保存」で文字コードに UTF-8 を選びます）。',
    "own_text.result": "{seconds:.0f}秒の学習で、検証損失は1文字あたり{loss:.3f}ナットです",
    "own_text.saved": "{path} に保存しました。生成の例（コンテキストには{context}文字入ります）：",
    # --- training_cost (studies/training_cost.py) ---
    # --- weight_changes (studies/weight_changes.py) ---
    "weight_changes.token_embedding_tied": "トークン埋め込み（= アンエンベディング、共有）",
    "weight_changes.unembedding": "アンエンベディング（出力層）",
    "weight_changes.final_norm": "最後のレイヤー正規化",
    "weight_changes.ln_attn": "アテンションの前のレイヤー正規化",
    "weight_changes.ln_mlp": "MLP の前のレイヤー正規化",
    "weight_changes.block_part": "ブロック {block} · {label}",
    "weight_changes.bad_snapshot": (
        "このスナップショットはこのモデルのものではありません。同じモデルから snapshot(model) で取ってください。"
    ),
    # --- printouts' shared words (ui/printouts.py) ---
    "printouts.yes": "はい",
    "printouts.no": "いいえ",
    "printouts.shape": "ブロック{blocks}個 × {width}",
    "printouts.shipped_shape": "同梱モデル：{shape}",
    "printouts.shipped_model": "同梱モデル",
    "printouts.memory.weights": "重み",
    "printouts.memory.gradients": "勾配",
    "printouts.memory.adamw_state": "AdamW の状態",
    # --- printouts (printouts.say("lesson09.…")) ---
    "lesson09.shipped": "同梱モデル：パラメータ{n:,}個、語彙{vocab}トークン",
    "lesson09.position": "位置{position:2d}: 読む {read!r:10} → 正解 {target!r}",
    "lesson09.shifted": "正解 = 入力を1トークン左にずらしたもの：{same}",
    "lesson09.loss_by_hand": "torch の損失：{loss:.4f}ナット。手で計算した -log p(正解) の平均：{by_hand:.4f}ナット",
    "lesson09.multiply_adds": "{d}×{d} の線形層、トークンあたり：順伝播{forward:,}回の積和、逆伝播{backward:,}回 = 順伝播の{ratio:.0f}倍。順伝播 + 逆伝播 = 順伝播の{both:.0f}倍",
    "lesson09.step_cost": "{name:30s} パラメータ{n:>9,}個 | 順伝播{forward:6.2f} µs/トークン、学習ステップ{step:6.2f} µs/トークン：{ratio:.1f}倍 | 逆伝播 = その順伝播の{backward:.1f}倍、AdamW はステップの{adamw:.0f}%",
    "lesson09.ratios": "\n比は{low:.1f}倍から{high:.1f}倍。理論では約3倍。10〜100倍に近い？ {near}",
    "lesson09.adam_state": "1ステップ後の AdamW の状態：パラメータ{n:,}個に対して{kept:,}個の数 = パラメータ一つあたり{per:.0f}個",
    "lesson09.memory": "{name}（パラメータ{n}個）、float32: {parts}。合計{together:,.2f} {unit}",
    "lesson09.after_steps": "{steps}ステップ後：検証{val:.3f}ナット、理論下限{floor:.3f}、差{gap:.3f}",
    "lesson09.val_seen": "検証用の行のうち、この学習の学習用テキストにも一字一句同じ形で含まれるもの：{n:,}行中{seen:,}行",
    "lesson09.val_seen_shipped": "検証用の行のうち、配布モデルの学習用テキストにも一字一句同じ形で含まれるもの：{n:,}行中{seen:,}行",
    "lesson09.shipped_gap": "同梱モデル（自分のレシピで{steps}ステップ）：検証{val:.3f}、差{gap:.3f}",
    "lesson09.run.fresh": "新しいモデル、{steps}ステップ",
    "lesson09.run.shipped": "同梱モデル、{steps}ステップ",
    "lesson09.shipped_recipe": "同梱モデル：トイコーパスの生成器が作る最初の{lines:,}行で、このレシピを{steps:,}ステップ。プロセッサのスレッド一つで{seconds:.0f}秒",
    "lesson09.drill_question": "ドリルの問題の例：{question}\n  採点される正解ラベル：{graded}（{of}個の位置のうち{n}個。ほかの正解ラベルは数に入らない）",
    "lesson09.answers_right": "{run}: 検証用の行の事実の質問{n}個のうち{right}個に正しく答えた（貪欲法）",
    "lesson09.kind_loss": "  {kind:17s} {targets:6,}語：損失{loss:.3f}、理論下限{floor:.3f}、差{gap:.3f}",
    "lesson09.peak_rate": "最大学習率{rate:g}: 80ステップ後の検証損失{loss:.3f}",
    "lesson09.stopped_after": "（学習は{steps}ステップで止まりました）",
    "lesson09.table_moved": "トークンの埋め込み表：{n:,}個の数のうち{moved:,}個が変化（{of}行のうち{rows}行）",
    "lesson09.unk_row": "<unk> の行：どの数も{low:.5f}〜{high:.5f}倍になっただけ。重み減衰だけによる変化で、勾配は届いていない",
    "lesson09.component_change": "{component:40s} {n:6,}個の数、{changed:5.1f}%が変化、変化の平均{change:.1e}（大きさの平均{size:.1e}）",
    "lesson09.same_as_by_hand": "ヘルパーのトークン埋め込みの行 = 手で数えた数：{same}",
    "lesson09.vocabulary": "トークナイザーの語彙：{vocab}トークン（学習はトークナイザーをまったく使いません）",
    "lesson09.embedding_shapes": "埋め込みの表、学習前：{before}  学習後：{after}",
    "lesson09.W_Q_shape": "ブロック0の W_Q: {shape} — d_model × d_model。トークンごとの行はない",
    "lesson09.fingerprint_before": "前のフィンガープリント：{fingerprint}",
    "lesson09.fingerprint_after": "後のフィンガープリント：{fingerprint}",
    "lesson09.fingerprint_model": "モデルのフィンガープリント：            {fingerprint}",
    "lesson09.fingerprint_step": "1ステップ学習したあとのフィンガープリント：{fingerprint}",
    "lesson09.before_after": "what does {asked} have? 前：{before}\n                    後：{after}",
    "lesson09.largest_change": "                    次の単語の確率の、いちばん大きな変化：{change:.4f}",
    "lesson09.named_tensors": "名前のついたテンソル{n}個。1節の事後学習が変えるのはその中の数で、このリストではない",
    "lesson09.characters": "{n:,}文字、異なる文字は{different}種類。形 {shape}",
    "lesson09.held_out": "検証用に取っておく部分：テキストの最後の{share:.0%}（{held:,}文字）。検証のたびに、そのうち均等に散らばったウィンドウの{scored:,}文字を採点",
    "lesson09.bard_step": "ステップ{step:4d}、検証{loss:.3f}ナット/文字：\nROMEO:{sample}\n",
    "lesson09.bard_speed": "{seconds:.1f}秒、毎秒{speed:,.0f}学習トークン（時間には検証も含む）。1.88に届いた？ {reached}",
    # --- exercises (ui/exercises/lesson09.py) ---
    "ex09.labels.why": (
        "各入力トークンの正解ラベルは、テキストでその次に来るトークンです：the → cat、cat → sat、sat → down。"
        "テキストが自分で正解ラベルを用意しています。"
    ),
    "ex09.labels.format": '三つの単語で答えてください（例：["a", "b", "c"] または "a b c"）。',
    "ex09.labels.same_as_inputs": "それは入力そのものです。モデルが予測するのは「次の」トークンです。一つずらしてください。",
    "ex09.labels.one_per_input": "入力の位置ごとに正解ラベルが一つあります。入力が三つなら、正解ラベルも三つです。",
    "ex09.labels.hint": "テキストをその下にもう一度、1トークン左にずらして書いてみてください。",
    "ex09.adam_memory.why": (
        "AdamW はパラメータ一つにつき二つの数（勾配の移動平均と、勾配の2乗の移動平均）を持ちます："
        "2 × 70億 × 4バイト = {gb:.0f} GB。重みと勾配そのものは別です。"
    ),
    "ex09.adam_memory.one_number": "それはパラメータ一つにつき追加の数が一つの場合です。AdamW は二つ持ちます。",
    "ex09.adam_memory.everything": "それは AdamW の状態より多く数えています（重みや勾配も入っていませんか？）。二つの移動平均だけです。",
    "ex09.adam_memory.bytes": "それはバイト数です。問題は GB（10⁹ バイト）で聞いています。",
    "ex09.adam_memory.hint": "パラメータ数 × AdamW がパラメータ一つにつき持つ数の個数 × float32 の一つの数のバイト数を計算し、10⁹ で割ってください。",
    "ex09.training_flops.why": (
        "順伝播はトークン一つ・パラメータ一つにつき約2回の演算、逆伝播はその約2倍です："
        "6 × 174.6e9 × 300e9 ≈ {flops:.2e}。Brown et al. 2020（付録 D）は GPT-3 について3.14e23 と報告しています。"
    ),
    "ex09.training_flops.forward_only": (
        "それは順伝播だけの量です（2 × パラメータ数 × トークン数）。学習では逆伝播も走り、その量は順伝播の約2倍です。"
    ),
    "ex09.training_flops.too_heavy": "多すぎます。学習ステップのコストは順伝播の約3回分で、10〜100回分ではありません。",
    "ex09.training_flops.hint": "約6 × パラメータ数 × 学習トークン数 を使ってください（順伝播2、逆伝播 約4）。",
    "ex09.context_or_weights.why": (
        "システムプロンプトは会話の前に置かれた追加のトークンです。モデルはそれを読むだけで、重みは一つも変わりません。"
    ),
    "ex09.context_or_weights.format": '"weights" か "context" で答えてください。',
    "ex09.context_or_weights.weights": "モデルがプロンプトを読んでいる間、何も学習されません。セクション6のフィンガープリントを比べてください。",
}
