"""練習問題の採点（ui/checks.py）の文（日本語）。キーと {プレースホルダー} は英語版 en/checks.py と同じです。"""

MESSAGES: dict[str, str] = {
    # --- verdicts (ui/checks.py) ---
    "checks.correct": "✅ 正解です！",
    "checks.not_yet": "❌ まだです。ヒント：{hint}",
    "checks.unanswered": "✏️ まだ答えが入っていません。... を自分の答えに書き換えて、もう一度セルを実行してください。",
    "checks.give_a_number": "数を一つ答えてください（ここでは True と False は数として扱いません）。",
    "checks.give_numbers": "{n}個の数を、たとえばリストで答えてください。",
    "checks.function_exited": '❌ 作った関数は SystemExit で止まりました（exit() か sys.exit() を呼びました）。代わりに答えを return してください。',
    "checks.could_not_check": "❌ その答えは判定できませんでした（{error}）。型と形を確かめてください。",
    "checks.unknown_exercise": "練習問題{id!r}はありません。ある練習問題：{known}",
    "checks.solution": "解答：{solution}\n理由：{explanation}",
    "checks.one_number": "整数を一つ答えてください。",
}
