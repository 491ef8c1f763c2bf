"""レッスン04の文（日本語）：そのモジュール（studies/embeddings.py）、出力（printouts.say("lesson04.…")）と練習問題（ui/exercises/lesson04.py）。
キーと {プレースホルダー} は英語版 en/lesson04.py と同じです。"""

MESSAGES: dict[str, str] = {
    # --- embeddings (studies/embeddings.py) ---
    "embeddings.cosine_sizes": "二つのベクトルの数の個数は同じでなければなりません。今は{a}個と{b}個です。",
    "embeddings.bad_offset": "オフセットは1から{last}までにしてください。{offset}は使えません。",
    "embeddings.not_one_token": (
        "{word!r} はこのトークナイザーでは1トークンになりません（{n}トークンになります）。"
        "そのため、埋め込み表にこの単語だけの行はありません。トイコーパスの単語を選んでください。"
    ),
    "embeddings.unknown_word": (
        "小さなモデルは単語 {word!r} を知りません。学習したテキストに一度も出てこなかったので、"
        "埋め込み表にその行がありません。cat、dog、car など、トイコーパスの単語を試してください。"
    ),
    "embeddings.unknown_step": (
        "ステップ{step}のスナップショットは保存されていません。"
        "スナップショットはステップ {first} から{last}まで、{every}ステップごとにあります。"
    ),
    "embeddings.no_snapshots": (
        "{path} がありません。`make checkpoint` を実行すると、小さなモデルを学習してスナップショットを保存します。"
    ),
    "embeddings.bad_path": "スナップショットファイルのパスはテキストか Path にしてください。{kind} は使えません。",
    "embeddings.bad_snapshots": "{path} は scripts/train_checkpoint.py が書いたスナップショットファイルではありません（{error}）。",
    "embeddings.not_square": "matrix は正方行列（n × n）にしてください。受け取った形：{shape}。",
    "embeddings.pca_width": "この地図は{width}個の数のベクトルで作りました。渡されたベクトルの数は{got}個です。",
    "embeddings.group_widths": "二つのグループのベクトルは同じ幅でなければなりません。幅は{a}個と{b}個です。",
    "embeddings.group_sizes": "各グループに少なくとも{least}個必要です。グループの大きさは{a}個と{b}個です。",
    # --- printouts (printouts.say("lesson04.…")) ---
    "lesson04.one_hot_rows": "ワンホットの行：\n {rows}",
    "lesson04.one_hot_times_table": "ワンホット × 表：\n {rows}",
    "lesson04.helper_same": "llmlab の one_hot と lookup_by_one_hot も同じ結果：{answer}",
    "lesson04.rows_picked": "直接取り出した行：\n {rows}",
    "lesson04.table_shape": "埋め込みの表の形（語彙 × d_model）：{shape}",
    "lesson04.lookup_equals": "nn.Embedding の参照はワンホット × 表と等しいか：{answer}",
    "lesson04.first_numbers": "'cat' のベクトルの最初の8個の数：{values}",
    "lesson04.all_entries": "全成分：平均{mean:.4f}、標準偏差{std:.4f}",
    "lesson04.random_cosines": "ランダムな異なる2行のコサイン：平均{mean:+.3f}、ばらつき（標準偏差）{std:.3f}。偶然なら約{chance:.3f}と予測される",
    "lesson04.cosine_by_hand": "ランダムな表の cat–dog: a·b / (|a| |b|) = {by_hand:+.4f}、llmlab の関数では{helper:+.4f}",
    "lesson04.random_pairs": "ランダムな表：cat–dog {cat_dog:+.2f}、cat–car {cat_car:+.2f}",
    "lesson04.saved_every": "{every}ステップごとに保存：{steps}",
    "lesson04.last_snapshot": "最後のスナップショットは同梱モデルの表か：{answer}",
    "lesson04.pairs_at_step": "ステップ{step:>4}: cat–dog {cat_dog:+.2f}、cat–car {cat_car:+.2f}",
    "lesson04.pairs_change": "変化：         cat–dog {cat_dog:+.2f}、cat–car {cat_car:+.2f}",
    "lesson04.kinds": "動物：{animals} | 乗り物：{vehicles}",
    "lesson04.random_start": "ランダムな初期値",
    "lesson04.after_training": "学習後",
    "lesson04.same_and_different": "{stage:>16}: 同じ種類{same:+.2f}、異なる種類{different:+.2f}",
    "lesson04.translation_rank": "{stage:>16}: 訳語の順位の中央値{others}語中{median}位。{pairs}組中{nearest}組でいちばん近い",
    "lesson04.nearest": "{word} にいちばん近い：{neighbours}",
    "lesson04.ruler_by_hand": "'{word}' を除いた場合：残りの単語でいちばん良い1次元は{dimension}（分離度{separation:.1f}）。'{word}' はその次元に沿って{on_dimension:+.3f}、方向に沿って{along:+.3f}の位置にあります",
    "lesson04.ruler_helper": "compare_axes_and_direction の最初の単語：次元{dimension}、{on_dimension:+.3f}と{along:+.3f}。手で計算したものと同じか：{same}",
    "lesson04.rulers": "{stage:>16}: いちばん良い1次元 正解{dimension:4.0%}、分離度{dimension_score:+.1f} | 方向 正解{direction:4.0%}、分離度{direction_score:+.1f}",
    "lesson04.direction_better": "学習後、方向はいちばん良い1次元よりよく分けるか：{answer}",
    "lesson04.dimensions_chosen": "別の単語を除いたときに「いちばん良い」として選ばれた次元：{dimensions}",
    "lesson04.dimension_share": "{stage:>16}: 次元{dimension}が方向の長さの2乗の{share:.0%}を担う（64次元の中で最大の割合か：{largest}）",
    "lesson04.equal_share": "64個の座標が均等に分け合うなら、一つあたり{share:.1%}",
    "lesson04.rotation_keeps": "回転してもコサインはすべて変わらないか：{answer}",
    "lesson04.trained_table": "学習済みの表",
    "lesson04.rotations": "それを回転した20個",
    "lesson04.random_tables": "ランダムな表20個",
    "lesson04.tables_row": "{tables:>18}: 最大の座標の割合は中央値{median:4.0%}、最大でも{largest:4.0%} | いちばん良い1次元が全単語で正解{n}個中{perfect:2}個 | 方向が全単語で正解{n}個中{direction:2}個",
    "lesson04.tokens": "トークン：{tokens}",
    "lesson04.embedding_sum": "'{token}' のトークンの行＋位置{position}の行＝位置{position}の blocks.0.resid_pre が完全に一致するか（torch.equal）：{equal}",
    "lesson04.same_token_vector": "位置1と4の 'the' のトークンベクトルは同一か：{answer}",
    "lesson04.after_positions": "位置を足した後のコサインは{cosine:.2f}",
    "lesson04.neighbours": "{curve:>12}: 隣どうしのコサインの平均{next_to:+.2f}、5離れると{five:+.2f}、15離れると{fifteen:+.2f}",
    # --- exercises (ui/exercises/lesson04.py) ---
    "ex04.lookup_row.why": (
        "結果の各要素は、行ごとの (0または1) × 表の値の和です。1があるのは行2だけなので、"
        "積は表の行2、つまり [6, 7, 8] になります。"
    ),
    "ex04.lookup_row.column": "それは列2です。ワンホットベクトルは表の左から掛かる行ベクトルなので、行を一つ選び出します。",
    "ex04.lookup_row.hint": "表の行 i には 3i, 3i+1, 3i+2が入っています。ただ一つの1はどの行を選びますか？",
    "ex04.cosine.why": (
        "[2, 4] は [1, 2] を2倍に伸ばしたものです。同じ方向なので角度は0、そのコサインは1です。"
        "コサイン類似度は長さを無視します。"
    ),
    "ex04.cosine.dot_product": "10は内積1×2 + 2×4です。コサイン類似度はそれを二つの長さ（√5と √20）で割ります。",
    "ex04.cosine.hint": "内積を二つのベクトルの長さの積で割ります。結果は必ず -1 から1の間です。",
    "ex04.table_shape.why": (
        "トークン ID 一つにつき1行、各行は長さ d_model のベクトル1本です：(vocab_size, d_model) = (1000, 64)。"
    ),
    "ex04.table_shape.swapped": "数は合っていますが、順番が逆です。埋め込み表はトークン一つにつき1行です。",
    "ex04.table_shape.hint": (
        "GPT(tiny_config(1000)) を作って .token_embedding.weight.shape を見るか、考えてみてください。"
        "行はいくつで、各行の長さはいくつですか？"
    ),
}
