"""複数のモジュール（出力、ウィジェット、図、studies）が見せる語（日本語）。キーと {プレースホルダー} は英語版 en/words.py と同じです。"""

MESSAGES: dict[str, str] = {
    # --- kinds of word (toy/kinds.py: KINDS, LINE_KINDS and "all") ---
    "kind.all": "すべての単語",
    "kind.english": "英語の文",
    "kind.japanese": "日本語訳",
    "kind.translation": "翻訳の行",
    "kind.agreement": "動詞の数の一致",
    "kind.facts": "事実の行",
    "kind.fact_answers": "事実の答え",
    "words.kind_words": "{kind}\n（{n}語）",
    # --- ablations (studies/head_roles.py, studies/knowledge.py) ---
    "words.ablation.zero": "ゼロ",
    "words.ablation.mean": "平均",
    # --- blocks and heads ---
    "words.head": "ヘッド",
    "words.head_number": "ヘッド{head}",
    "words.block_head": "ブロック{block}、ヘッド{head}",
    # --- training (lessons 00, 04 and 08; widgets/training.py, plots/) ---
    "words.model": "モデル",
    "words.training_step": "学習ステップ",
    "words.loss_per_token": "損失（ナット／トークン）",
    "printouts.trained_for": "同梱モデルの学習時間：{seconds:.0f}秒",
    # --- the model's components (engine/params.py, studies/weight_changes.py) ---
    "words.component.token_embedding": "トークン埋め込み",
    "words.component.position_embedding": "位置埋め込み",
    "words.component.attention": "アテンション",
    "words.component.mlp": "MLP",
    "words.component.layernorm": "レイヤー正規化",
    "words.component.unembedding": "アンエンベディング",
}
