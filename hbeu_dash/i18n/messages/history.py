"""The change history: commits, undo step by step, redo, revert an older commit."""

MESSAGES: dict[str, tuple[str, str]] = {
    # the page and the undo of the latest commit (app_pages/history.py, ui/history.py)
    "page_history": ("修改记录", "Change history"),
    "history_intro": (
        "每次提交和撤销都记录在这里（只追加，不可修改）。被修改文件的旧版本保存在数据文件夹的 .hbeu/history 中。",
        "Every commit and undo is recorded here (append-only). The previous version of each changed file is kept "
        "under .hbeu/history in the data folder.",
    ),
    "history_empty": ("还没有任何提交。", "Nothing has been committed yet."),
    "history_undo": ("撤销最近一次提交（{commit_id}）", "Undo the latest commit ({commit_id})"),
    "history_redo": (
        "重做：撤销最近一次撤销（{commit_id}）",
        "Redo: undo the latest undo ({commit_id})",
    ),
    "history_undone": (
        "已撤销 {undo_of}：数据版本 {before} → {after}（这次撤销本身也已记录）",
        "Undid {undo_of}: data version {before} → {after} (the undo itself is recorded)",
    ),
    "history_not_latest": (
        "无法撤销：数据在这次提交之后又有修改（现在为 {actual}）。只能撤销最近一次提交。",
        "Cannot undo: the data changed after that commit (it is now {actual}). Only the latest commit can be undone.",
    ),
    "history_data_changed": (
        "数据在你打开此页之后有变化（现在为 {actual}）；请查看最新记录后再撤销。",
        "The data changed since you opened this page (it is now {actual}); check the latest entry, then undo.",
    ),
    # undo step by step, redo, revert an older commit (views/history.py, ui/history.py)
    "history_help": (
        "“撤销”收回数据中仍然有效的最近一次修改（不论是谁提交的）；再按一次，再退一步，可以一直退到第一次提交。"
        "“重做”恢复最近一次撤销收回的修改，前提是此后没有新的提交。“撤回”收回一次较早提交所改的行，之后对其他行"
        "的修改都保留；如果之后的提交也改过其中的行，撤回会被拒绝，并列出这些行和提交。每次撤销、重做和撤回本身都是"
        "一次提交，记录在下表中，写明操作人和收回的是哪次提交（提交编号后的“←”）。",
        "Undo takes back the newest change still in effect, whoever made it; press it again to go one more step "
        "back, as far as the first commit. Redo brings back what the latest undo took back, as long as nothing new "
        "has been committed since. Revert takes back the rows of an older commit and keeps every later change to "
        "other rows; when a later commit changed some of the same rows, it is refused, naming the rows and the "
        "commits. Each undo, redo and revert is a commit of its own, recorded in the table below with who made it "
        "and which commit it takes back (after the “←” of its commit).",
    ),
    "history_commit": (
        "{commit_id}（{author}，{action}，{when}；{rows}）",
        "{commit_id} ({author}, {action}, {when}; {rows})",
    ),
    "history_undo_step": ("撤销：{what}", "Undo: {what}"),
    "history_redo_step": ("重做：{what}", "Redo: {what}"),
    "history_state": ("状态", "State"),
    "history_in_effect": ("有效", "in effect"),
    "history_taken_back_by": ("已被 {commit_id} 收回", "taken back by {commit_id}"),
    "history_redone": (
        "已重做 {undo_of}：数据版本 {before} → {after}（这次重做本身也已记录）",
        "Redid {undo_of}: data version {before} → {after} (the redo itself is recorded)",
    ),
    "history_reverted": (
        "已撤回 {undo_of}：数据版本 {before} → {after}。之后对其他行的修改都保留；这次撤回本身也已记录。",
        "Reverted {undo_of}: data version {before} → {after}. Later changes to other rows are kept; the revert "
        "itself is recorded.",
    ),
    "history_revert_heading": ("撤回较早的提交", "Revert an older commit"),
    "history_revert_pick": ("要撤回的提交", "Commit to revert"),
    "history_revert": ("撤回所选提交", "Revert the chosen commit"),
    "history_revert_conflict": (
        "无法撤回 {commit_id}：之后的提交也改过同样的行，撤回会覆盖它们。{rows}。请先撤销或撤回这些较晚的提交。",
        "Cannot revert {commit_id}: later commits changed some of the same rows, and a revert would overwrite them. "
        "{rows}. Undo or revert those later commits first.",
    ),
    "history_clash_row": ("{table}“{row}”：改动来自 {commits}", "{table} “{row}”: changed by {commits}"),
    "history_clash_table": ("{table}（整张表）：改动来自 {commits}", "{table} (the whole table): changed by {commits}"),
    "history_clash_commit": ("{commit_id}（{author}，{action}）", "{commit_id} ({author}, {action})"),
    "history_clash_outside": ("应用之外的编辑", "an edit outside the app"),
    "history_clash_more": ("另有 {n} 行", "{n} more row(s)"),
    "history_already_taken_back": (
        "{commit_id} 已被 {by} 收回，没有可撤回的内容。",
        "{commit_id} was already taken back by {by}: there is nothing to revert.",
    ),
    "history_edited_outside": (
        "无法撤回 {commit_id}：此后数据在应用之外被修改过（现在的数据版本 {actual} 不在修改记录中），"
        "无法判断撤回会不会覆盖这些修改。",
        "Cannot revert {commit_id}: the data was changed outside the app after it (data version {actual} is not one "
        "the history recorded), so the app cannot tell whether a revert would overwrite those changes.",
    ),
}
