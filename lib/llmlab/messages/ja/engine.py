"""エンジン（設定、モデル、トレース、編集、生成、サンプリング、KVキャッシュ、データ、学習、チェックポイント、
トークナイザー、コーパス、パラメータ数、入力チェック）が学習者に見せる文（日本語）。キーと {プレースホルダー} は
英語版 en/engine.py と同じです。"""

MESSAGES: dict[str, str] = {
    # --- language (messages/__init__.py) ---
    "language.unknown": "llmlab に {code} という言語はありません。{valid} のどれかを選んでください（例：llmlab.set_language(\"ja\")）。",
    "language.bad_variable": (
        "環境変数 {variable} が {code} になっていますが、llmlab にそのような言語はありません。"
        "{valid} のどれかにするか、英語で使うなら設定を消してください。"
    ),
    # --- messages (messages/__init__.py: msg; messages/columns.py: padding by display columns) ---
    "messages.unknown_key": (
        "llmlab には {asked} という名前のメッセージがありません。このセルが自分で編集したレッスンのコピーのものなら、"
        "そのコピーはライブラリより古いのかもしれません。いまのライブラリでは、このメッセージは別の名前になっている"
        "可能性があります。いまのレッスンの同じセルと見比べてください（編集したコピーを残したとき、make lab が"
        "新しいレッスンの場所を知らせます）。"
    ),
    "messages.missing_value": (
        "メッセージ {message} には {name} という名前の値が必要ですが、この呼び出しが渡している値は {given} です。"
        "このセルが自分で編集したレッスンのコピーのものなら、そのコピーはライブラリより古く、値の名前が"
        "変わったのかもしれません。いまのレッスンの同じセルと見比べてください（編集したコピーを残したとき、"
        "make lab が新しいレッスンの場所を知らせます）。"
    ),
    "messages.no_values": "（なし）",
    "columns.bad_fill": "fill は1文字で、幅が1列の文字（\" \" や \".\" など）でなければなりません。{value} は使えません。",
    # --- config ---
    "config.no_vocab_size": "GPTConfig には vocab_size が必要です。モデルが読むトークンが何種類あるかを表す数です。",
    "config.heads_split": (
        "d_model（{d_model}）は、n_heads（{n_heads}）個の同じ幅のヘッドに割り切れなければなりません。"
    ),
    "config.unknown_fields": "GPTConfig に {fields} という項目はありません。",
    # --- trace ---
    "trace.unknown_name": "{name!r} という名前の活性値はありません。使える名前：{valid}",
    # --- model ---
    "model.empty_input": "実行するものがありません。入力にトークンが一つもありません。",
    "model.too_long": (
        "入力は{n}トークンありますが、このモデルが一度に読めるのは{context}トークン（コンテキスト長）までです。"
    ),
    "model.bad_token_id": (
        "トークン ID は0から{last}までです。このモデルの語彙は{vocab}トークンなので、もっと多くのトークンを持つ"
        "トークナイザー（別のモデルのもの）の ID は合いません。モデルに付いてきたトークナイザーで符号化してください。"
    ),
    "model.not_a_config": "GPT は GPTConfig から作ります。受け取ったのは {kind} です。",
    "numbers.units": "1e12 #兆|1e8 #億|1e4 #万",
    "model.too_big": (
        "この形のモデルは約{n}個の数（float32 で{gb:.0f} GB）を持つので、ここで作るには大きすぎます"
        "（上限は{limit}個）。メモリを使わずに数えるには llmlab.engine.params.count_without_weights を使ってください。"
    ),
    # --- edits ---
    "edits.unknown_name": "{name!r} という名前の活性値はないので、編集できません。使える名前：{valid}",
    "edits.not_an_edit": (
        "{name!r} への編集が {value} になっています。llmlab.engine.edits.zero()、mean(...)、patch(...) のどれかを使ってください。"
    ),
    "edits.head_on_whole": (
        "{name!r} にはヘッドの軸がありません。head= が使えるのは blocks.b.attn.q、.k、.v、.scores、.pattern、.z です。"
    ),
    "edits.bad_positions": "positions は整数か、整数の空でないリストにしてください。受け取った値：{positions}。",
    "edits.bad_position": "この入力の位置は0から{high}までです。受け取った位置：{positions}。",
    "edits.bad_shape": "{name!r} の編集には形 {wanted} のテンソルが必要です。受け取った形：{got}。",
    "edits.mean_not_here": (
        "{name!r} は位置によって形が変わるので、平均でアブレーションできません。代わりにゼロにするか、パッチングしてください。"
    ),
    "edits.not_a_tensor": "{what} の編集には浮動小数点数の torch テンソルが必要です。受け取ったもの：{value}。",
    "edits.not_finite": "{what} のテンソルに NaN か無限大の数が入っています。",
    "edits.not_a_mapping": 'edits は活性の名前から編集への dict でなければなりません（例：{{"blocks.1.attn.z": zero(head=2)}}）。{kind} は使えません。',
    "edits.no_cache": "編集するには順伝播を最初から全部行う必要があります。KV キャッシュを使わずに実行してください。",
    "edits.empty_reference": (
        "平均アブレーションの参照データは、トークン ID 列の空でないリストでなければなりません。"
    ),
    # --- generate ---
    "generate.context_full": 'プロンプトは{n}トークンで、このモデルが読めるのは最大{context}トークン（コンテキスト長）です。新しいトークンを書く余地がありません。プロンプトを{context}トークン未満に短くしてください。',
    # --- data ---
    "data.bad_fact_flags": "is_fact には行ごとに True/False が一つずつ必要です（{n}行）。",
    "data.bad_answer_starts": "ドリルには質問の行が1行以上必要で、その{n}行それぞれについて答えの始まる位置（1から行の最後のトークンまでの整数）が必要です。",
    "data.not_a_drill": "with_drill に渡せるのは Drill（質問の行と、答えの始まる位置）だけです。{kind} は渡せません。",
    "data.no_fact_flags": "fact_share を使うには、どの行が事実の行かを知らせる必要があります。TokenStream.from_lines(lines, is_fact=...) でストリームを作ってください。",
    "data.no_fact_lines": "事実の割合 {share} には両方の種類の行が必要ですが、ウィンドウに収まるのは事実の行{facts}行、その他の行{others}行です。すべての行を同じ確率で選ぶには fact_share=None を使ってください。",
    "data.too_short": (
        "テキストは{n}トークンしかなく、{window}トークンのウィンドウ一つ分にも足りません。"
        "テキストを増やすか、コンテキストを短くしてください。"
    ),
    "data.not_lines": "行はトークン ID のリストのリストにしてください。{kind} は使えません。",
    "data.id_too_big": "学習用のトークンに ID {id}がありますが、このモデルの ID は0から{last}までです。",
    "data.line_too_long": (
        "{index}行目は{length}トークンあり、コンテキスト長（{context}）+ 1を超えています。"
    ),
    # --- validate ---
    "validate.device_missing": 'このマシンには {name} に指定した {device} デバイスがありません（ここの torch はそれなしで入っているか、そのチップがありません）。{name}="cpu" を使ってください。',
    "validate.targets_not_ids": 'targets（正解）はトークン ID のテンソル（int64、torch.long）でなければなりません。{kind} は使えません。',
    "validate.targets_shape": 'targets（正解）の形は {got} ですが、入力の形は {shape} です。入力のどの位置にも正解（次のトークン）がちょうど一つ要るので、二つの形は同じでなければなりません。',
    "validate.targets_range": 'targets（正解）は0から{last}までのトークン ID か、損失に数えない位置を表す -100 でなければなりません。',
    "validate.and_more": ", …（全部で{n}個）",
    "validate.at_least": "{low}以上",
    "validate.more_than": "{low}より大きい",
    "validate.at_most": "{high}以下",
    "validate.less_than": "{high}未満",
    "validate.and": "{first}、{second}",
    "validate.out_of_range": "{name} は {range}の数でなければなりません。受け取った値：{value}。",
    "validate.not_whole": "{name} は整数（3のような数）でなければなりません。{value}（{kind}）は使えません。",
    "validate.not_number": "{name} は数でなければなりません。{value}（{kind}）は使えません。",
    "validate.not_finite": "{name} は有限の数でなければなりません。{value} は使えません。",
    "validate.not_bool": "{name} は True か False でなければなりません。{value}（{kind}）は使えません。",
    "validate.not_text": "{name} はテキスト（str）でなければなりません。{value}（{kind}）は使えません。",
    "validate.bytes_not_text": (
        "{name} はテキスト（str）でなければならず、bytes は使えません。"
        "先にバイト列をテキストに変えてください（例：data.decode(\"utf-8\")）。"
    ),
    "validate.not_a_choice": "{name} は {options} のどれかでなければなりません。受け取った値：{value}。",
    "validate.not_sequence": "{name} は数のリストでなければなりません。{value}（{kind}）は使えません。",
    "validate.not_flat": "{name} は入れ子になっていない数のリスト一つでなければなりません。受け取ったのは形 {shape} の配列です。",
    "validate.wrong_length": "{name} には数が{length}個必要ですが、{got}個あります。",
    "validate.not_tensor": "{name} は数の torch テンソルでなければなりません。{value}（{kind}）は使えません。",
    "validate.tensor_dims": "{name} は軸が{dims}個のテンソルでなければなりません。受け取った形：{shape}。",
    "validate.empty_tensor": "{name} は空です。数が一つも入っていません。",
    "validate.tensor_not_finite": "{name} に NaN か無限大の数が入っています。",
    "validate.not_dict": "{name} は dict でなければなりません。{value}（{kind}）は使えません。",
    "validate.ids_are_text": (
        "{name} は整数のリストでなければならず、テキストは使えません。先に tokenizer.encode(text) でテキストを ID に変えてください。"
    ),
    "validate.ids_not_sequence": "{name} は整数のリストでなければなりません。{value}（{kind}）は使えません。",
    "validate.ids_not_whole": (
        "{name} は整数でなければなりませんが、この配列には {kind} が入っています。トークン ID が小数になることはありません。"
    ),
    "validate.id_not_whole": (
        "{name} は整数でなければなりませんが、{value}（{kind}）は整数ではありません。トークン ID が小数になることはありません。"
    ),
    "validate.ids_not_flat": (
        "{name} は入れ子になっていない ID の列一つでなければなりません。受け取ったのは形 {shape} の配列です。"
        "列は一つずつ渡してください。"
    ),
    "validate.ids_nested": (
        "{name} は入れ子になっていない ID のリスト一つでなければならず、リストのリストは使えません。列は一つずつ渡してください。"
    ),
    "validate.id_out_of_range": "{name}: {id}はここではトークン ID になりません。ID は0から{last}までです。",
    "validate.id_not_in_model": (
        "{name}: {id}はこのモデルのトークン ID ではありません。このモデルの語彙は{vocab}トークン（ID は0から{last}）なので、"
        "もっと多くのトークンを持つトークナイザー（別のモデルのもの）の ID は合いません。"
        "モデルに付いてきたトークナイザーで符号化してください。"
    ),
    "validate.batch_not_tensor": (
        "モデルが読むのは形 (batch, T) のトークン ID のテンソルで、{kind} は読めません。"
        "ID の列一つなら torch.tensor([ids]) にするか、model.run_with_trace(ids) を使ってください。"
    ),
    "validate.batch_not_whole": (
        "モデルはトークン ID を整数（torch.long）として読みます。{dtype} は使えません。トークン ID が小数になることはありません。"
    ),
    "validate.batch_shape": (
        "モデルが読むのは形 (batch, T) のトークン ID です。受け取った形：{shape}。"
        "形 (T,) の列一つなら ids[None] を使ってください。"
    ),
    # the one check of each thing passed around (validate.check_model, check_block, check_temperature, ...)
    "validate.not_a_model": "{function} には llmlab の GPT モデル（例：load_shipped_model() で読み込んだもの）が必要です。{kind} は使えません。",
    "validate.not_a_module": "{function} には torch のモデル（nn.Module。llmlab の GPT など）が必要です。{kind} は使えません。",
    "validate.not_a_config": "{function} には GPTConfig（モデルの形。例：model.config）が必要です。{kind} は使えません。",
    "validate.not_a_tokenizer": "{function} には llmlab のトークナイザー（モデルと一緒に来たもの）が必要です。{kind} は使えません。",
    "validate.vocab_mismatch": (
        "このトークナイザーのトークンは{tokenizer}個ですが、モデルが読むのは{model}個です。この二つは組になっていません。"
    ),
    "validate.not_a_trace": "{function} にはトレース（model.run_with_trace(ids)[1] で得たもの）が必要です。{kind} は使えません。",
    "validate.trace_of_another_model": (
        "{function} には、渡したモデル自身が一つの系列について記録したトレースが必要です。このトレースはバッチについて、"
        "または形の違うモデルが記録したものです（渡すモデルで model.run_with_trace(ids) を実行してください）。"
    ),
    "validate.not_lines": "{name} はテキスト（str）のリストにしてください。{value}（{kind}）は使えません。",
    "validate.no_lines": "{name} に行がありません。少なくとも1行を渡してください。",
    "validate.bad_block": "このモデルのブロックは0から{high}までです。ブロック {value} はありません。",
    "validate.bad_hidden_state": (
        "このモデルの隠れ状態の番号は0（埋め込み）から{high}（最後のブロックの後）までです。"
        "隠れ状態 {value} はありません。"
    ),
    "validate.bad_head": "このモデルの各ブロックのヘッドは0から{high}までです。ヘッド {value} はありません。",
    "validate.bad_logits": "次のトークンのスコアは、空でない数の1行（1次元の浮動小数点数テンソル）でなければなりません。{kind} は使えません。",
    "validate.broken_scores": (
        "モデルの次のトークンのスコアが数になっていません（NaN）。重みが壊れています。"
        "たとえば学習率が高すぎる学習をすると、こうなります。もう一度学習させてください。"
    ),
    "validate.bad_temperature": (
        "temperature は0（いつもいちばん確率の高いトークン）から{high}までの数にしてください。受け取った値：{value}。"
    ),
    "validate.bad_temperature_positive": "temperature は0より大きく{high}以下の数にしてください。受け取った値：{value}。",
    "validate.bad_top_k": (
        "top_k は None（すべてのトークンを残す）か、1から{high}（語彙サイズ）までの整数にしてください。"
        "受け取った値：{value}。"
    ),
    "validate.not_an_instance": "{name} は {maker} で作った {expected} にしてください。{kind} は使えません。",
    # --- training ---
    "training.progress": "学習",
    "training.no_drill": "drill_batch_size={n}には練習する質問の行が必要です。TokenStream.with_drill(...) でストリームに Drill を渡してください（load_toy_data は渡します）。",
    "training.no_targets": "評価するものがありません。検証データに正解ラベルのトークンが一つもありません。",
    "training.diverged": (
        "学習はステップ{step}で止まりました。学習率{lr:.3g}（最大{peak:.3g}）で損失が {loss} になりました。"
        "このモデルには学習率が高すぎます。10分の1の値を試してください。"
        "モデルにはステップ{step}の前の重みが残っています。"
    ),
    "training.warmup_too_long": 'ウォームアップ（{warmup}ステップ）が学習全体（{steps}ステップ）より長いので、学習率はピークの{peak:g}に届きません。warmup_steps を減らす（たとえばステップ数の10分の1）か、ステップ数を増やしてください。',
    "training.batch_too_big": 'batch_size={batch}（と drill_batch_size={drill}）の学習ステップ一回には、このモデルで約{gb:,.1f} GB のメモリが要ります。llmlab が許すのは{limit:.0f} GB までです。バッチを小さくしてください。',
    "training.no_fact_lines": 'fact_share={share} は、その割合のウィンドウを事実の行から始めますが、この学習用トークンには事実として印を付けた行がありません（印があるのはトイコーパスだけです：load_toy_data）。自分のテキストでは fact_share を None のままにしてください。',
    "training.not_a_stream": "train() には学習用のトークンを TokenStream（llmlab.engine.data）として渡してください。{kind} は使えません。",
    "training.not_a_config": "学習の設定は TrainConfig でなければなりません。{kind} は使えません。",
    "training.windows_not_tensors": "{name} の入力と正解ラベルはテンソルでなければなりません。{kind} は使えません。",
    "training.windows_shape": (
        "{name} の入力と正解ラベルは、同じ形 (windows, T) の表でなければなりません。受け取った形：{x} と {y}。"
    ),
    "training.bad_targets": (
        "{name} の正解ラベルは0から{last}までのトークン ID（ラベルなしは -100）で、torch.long でなければなりません。"
    ),
    # --- checkpoint ---
    "checkpoint.missing": "{path} にチェックポイントのファイルがありません。`make checkpoint` を実行すると、学習してファイルを書き出します。",
    "checkpoint.unreadable": (
        "{path} は壊れているか、PyTorch のファイルではありません（途中で切れているのかもしれません）：{error}。"
        "`make checkpoint` を実行して書き直してください。"
    ),
    "checkpoint.not_llmlab": "{path} は PyTorch のファイルですが、llmlab のチェックポイントではありません。",
    "checkpoint.version": "{path} のチェックポイント形式はバージョン {found} です。この llmlab が読めるのはバージョン {expected} です。",
    "checkpoint.bad_part": "{path} の設定（config）かトークナイザーが壊れています：{error}",
    "checkpoint.vocab_mismatch": (
        "{path} の中身が組になっていません。トークナイザーのトークンは{tokenizer}個ですが、"
        "モデルは{model}個を前提にしています。"
    ),
    "checkpoint.weights_mismatch": "{path}: 重みがモデルの設定（config）と合いません：{error}",
    "checkpoint.size_mismatch": (
        "{path}: 重みがモデルの設定（config）と合いません。設定どおりなら{needed:,}個の数を持つモデルになりますが、"
        "ファイルには{stored:,}個しかありません（モデルを作る前に確かめたので、メモリは何も確保していません）。"
    ),
    "checkpoint.bad_weights": "{path} の重みが壊れています。テンソルの dict になっていません。",
    "checkpoint.bad_path": "チェックポイントのパスはテキストか Path でなければなりません。{path}（{kind}）は使えません。",
    "checkpoint.path_is_folder": "{path} はフォルダーです。その中のファイル名を指定してください（例：{path}/model.pt）。",
    "checkpoint.cannot_write": "{path} に書き込めません：{error}。別の保存先を選んでください。",
    "checkpoint.metadata_not_dict": "metadata は dict（または None）でなければなりません。{kind} は使えません。",
    "checkpoint.bad_metadata": (
        "{where} の型は {kind} で、チェックポイントには保存できません。数、テキスト、True/False、None と、"
        "それらのリストや dict を使ってください（to_dict() を持つオブジェクト、データクラス、numpy の数、テンソルは変換されます）。"
    ),
    "checkpoint.bad_metadata_key": "{where} にキー {name} があります。metadata の dict のキーはテキストか数でなければなりません。",
    "checkpoint.metadata_too_deep": "{where} はリストや dict の入れ子が{depth}段より深くなっています（または自分自身を含んでいます）。",
    "checkpoint.would_not_load": "{path} には何も書き込んでいません。このチェックポイントは読み戻せないからです（{error}）。",
    "checkpoint.not_regular": '{path} は普通のファイルではありません（/dev/null のようなデバイス、パイプ、またはそれへのリンクです）。llmlab がチェックポイントを書くのは普通のファイルだけです。build/my_model.pt のような別の名前を選んでください。',
    "checkpoint.not_ours": '{path} はすでにあり、llmlab のチェックポイントではありません。llmlab はこのファイルを上書きしません。build/my_model.pt のような別の名前を選んでください。',
    "checkpoint.exists": '{path} にはすでに llmlab のチェックポイントがあります。置き換えるなら overwrite=True を渡してください（scripts/train_on_text.py では --overwrite）。残すなら別の名前を選んでください。',
    "checkpoint.checksum": '{path} は壊れています。重みが、一緒に保存したチェックサムと合いません（ディスク上かコピーの途中でバイトが変わりました）。ファイルをもう一度コピーするか、モデルを学習し直して保存してください。',
    "checkpoint.tied_mismatch": '{path} の config は出力層が埋め込み表を使い回す（tied_embeddings）と言っていますが、ファイルには出力層自身の重みがあります。このまま読むと埋め込み表が上書きされます。ファイルの config の "tied_embeddings" を False にしてください。',
    "checkpoint.not_plain": '{path} には、テンソル・数・テキスト以外の Python オブジェクトが入っています。ほかのオブジェクトを読み込むとファイルに隠れたコードが動くことがあるので、llmlab はこれらしか読みません。これは llmlab のチェックポイントではありません（save_checkpoint で書けます）。',
    "checkpoint.bad_device": "{device} は torch の知らないデバイスです。\"cpu\"、\"cuda\"、\"mps\" のどれかを使ってください。",
    # --- tokenizers ---
    "tokenizers.unknown_chars": (
        "この文字単位のトークナイザーには、次の文字のトークンがありません：{unknown}。"
        "これらの文字を含むテキストから作ってください。"
    ),
    "tokenizers.unknown_words": (
        "この単語単位のトークナイザーは、次の単語を知りません：{unknown}。"
        "それらを含むテキストから作るか、unknown=\"replace\" を使って <unk> に置き換えてください。"
    ),
    "tokenizers.unknown_policy": 'unknown は "error" か "replace" にしてください。{value!r} は使えません。',
    "tokenizers.duplicate_vocab": "語彙に同じトークンが2回以上入っています。",
    "tokenizers.empty_vocab": "トークナイザーには少なくとも一つのトークンが必要です。1文字以上あるテキストから作ってください。",
    "tokenizers.not_one_char": "文字単位のトークナイザーの語彙には1文字ずつ入ります。{value} は1文字ではありません。",
    "tokenizers.not_a_list": "{name} はリストでなければなりません。{value}（{kind}）は使えません。",
    "tokenizers.not_unicode": (
        "テキストの位置{position}に、正しい Unicode ではない文字（サロゲートペアの片割れ）があります。"
        "どのトークナイザーもこれをバイト列として保存できません。"
    ),
    "tokenizers.dict_missing": "この {kind!r} トークナイザーの記述には {missing} の項目がありません。",
    "tokenizers.bpe_bad_pair": "{name} はトークン ID 二つの組でなければなりません。{pair} は使えません。",
    "tokenizers.id_out_of_range": (
        "トークン ID {id}はこのトークナイザーの語彙にありません（ID は0から{last}までです）。"
    ),
    "tokenizers.empty_text": "tokens_per_character には1文字以上のテキストが必要です。",
    "tokenizers.unknown_kind": "種類 {kind!r} のトークナイザーは作り直せません。知っている種類：{known}。",
    "tokenizers.tiktoken_unknown": "llmlab は tiktoken のエンコーディング {encoding!r} を知りません。知っているもの：{known}。",
    "tokenizers.tiktoken_cache_off": "（なし：TIKTOKEN_CACHE_DIR が空なので、tiktoken のキャッシュは使われません）",
    "tokenizers.tiktoken_not_cached": (
        "tiktoken のエンコーディング {encoding!r} はこのコンピューターになく、llmlab がダウンロードすることもありません。"
        "tiktoken のキャッシュフォルダー {cache_dir} に、次のファイルがありません：{files}。"
        "入手するには、インターネットにつながるコンピューターで TIKTOKEN_CACHE_DIR を空のフォルダーに設定し、"
        "`python -c \"import tiktoken; tiktoken.get_encoding('{encoding}')\"` を一度実行します。"
        "そのフォルダーをここにコピーし、Python を起動する前に TIKTOKEN_CACHE_DIR をそのフォルダーに設定してください。"
        "cl100k_base はいつでもオフラインで使えます。"
    ),
    "tokenizers.bpe_vocab_too_small": (
        "vocab_size は257（256バイト + <|endoftext|>）以上にしてください。{vocab_size}では足りません。"
    ),
    "tokenizers.bpe_bad_merge": "結合 {pair} は、まだない ID を使っています（次の新しい ID: {next_id}）。",
    "tokenizers.bpe_progress": "BPE の結合",
    "tokenizers.bpe_ran_out": (
        "{merges}回結合したところで、テキストに結合できる組がなくなりました。語彙は{vocab_size}トークンです。"
        "もっと大きな語彙にするには、もっと多くのテキストで学習してください。"
    ),
    # --- corpus ---
    "corpus.impossible_word": (
        "トイの世界では、{prefix!r} の後に単語 {word!r} が来ることはありません。"
        "次に来られる単語：{options}。"
    ),
    "corpus.not_words": "行は単語（テキスト）のリストにしてください（例：\"the cat sleeps\".split()）。{kind} は使えません。",
    "corpus.line_ended": (
        "この行はもう行末のトークン '\\n' で終わっているので、後に単語は続けられません。"
    ),
    "corpus.missing_file": (
        "{path} はまだありません。`python -m llmlab.toy.corpus` を実行して、トイコーパスを書き出してください。"
    ),
    "corpus.file_summary": "{path}: {lines}行、{size}バイト",
    "corpus.entropy": (
        "{name} のトークンあたりのエントロピー：{value:.4f}ナット"
        "（平均すると、どんなモデルもこれらの行でこれより低い損失にはなれません）"
    ),
    # --- params ---
    "params.unknown_component": "{name} は llmlab の GPT のパラメータではありません。どの部品にも属しません。",
    # --- kv_cache ---
    "kv_cache.bad_bytes": "bytes_per_number は1、2（fp16/bf16）、4（fp32）、8（fp64）のどれかにしてください。受け取った値：{value!r}。",
    # --- lens (engine/lens.py) ---
    "lens.empty_text": "先にテキストを入力してください。実行するものがありません。",
    "lens.unknown_tokens": (
        "モデルは {unknown} を読めません。トークナイザーにそのトークンがないからです。"
        "書き換えるか消してから、もう一度 Enter を押してください。"
    ),
    # --- facts (toy/facts.py) ---
    "facts.not_word_tokens": "事実の質問には、トイコーパスの単語トークナイザー（一語が一トークン）が必要です。このトークナイザーは別の区切り方をします。",
    "facts.not_a_question": "事実の質問は、トイコーパスの事実の質問の形（'A has the C T . B has the C T . what does A have ?'）の行でなければなりません。{line!r} は使えません。",
    "facts.two_objects": 'この話では {person} が二つの物を持っているので、質問の正解が二つになります：{line!r}。二つの物は別々の二人に持たせてください。',
    "facts.no_questions": "これらの行には事実の質問（'?' を含む行）がありません。",
    # --- kind_targets (toy/kinds.py) ---
    "kind_targets.not_word_tokens": (
        "同梱モデルが使うトイコーパスの単語トークナイザー（1単語が1トークン）が必要です。"
    ),
    "kind_targets.not_kind_targets": (
        "kind_targets(lines, tokenizer, context_length) で作った行が必要です。{kind} は使えません。"
    ),
}
