"""The change history's view model (hbeu_dash.views.history) on hand-made audit logs: which commit the Undo and Redo
buttons name, the commits a revert may take back, each commit's state, and the refusal messages in both languages."""

import pytest

from hbeu_dash.model.changes import RevertConflict, RowClash
from hbeu_dash.model.history import CommitRecord
from hbeu_dash.views import history as views

COUNTS = {"figures": {"added": 1, "changed": 0, "removed": 0}}


def record(commit_id: str, action: str = "commit", undo_of: str | None = None, **fields: str) -> CommitRecord:
    """A log line: commit cN leaves the data at version v-cN; an undo, at the version before what it takes back."""
    after = fields.get("after", f"v-{commit_id}")
    return CommitRecord(
        commit_id, "2026-12-03T10:04:05+00:00", fields.get("author", "ana"), action, COUNTS, "v?", after, undo_of
    )


# c1, c2 by ben, c3; then c3 undone (u3): the data is at c2's version.
LOG = [record("u3", "undo", "c3", after="v-c2"), record("c3"), record("c2", author="ben"), record("c1")]


def test_after_one_undo_the_page_offers_undo_of_the_commit_before_and_redo() -> None:
    actions = views.build_actions(LOG, "v-c2", "en")
    assert actions.undo == views.Step(
        "c2", "Undo: c2 (ben, commit, 2026-12-03 10:04:05 UTC; figures: 1 added, 0 changed, 0 removed)"
    )
    assert actions.redo == views.Step("u3", "Redo: undo the latest undo (u3)")
    assert [s.commit_id for s in actions.revertable] == ["c1"]  # c2 is Undo's; c3 is undone; u3 is Redo's
    zh = views.build_actions(LOG, "v-c2", "zh")
    assert zh.undo.label == "撤销：c2（ben，提交，2026-12-03 10:04:05 UTC；数字：新增 1，修改 0，删除 0）"
    assert zh.redo.label == "重做：撤销最近一次撤销（u3）"


def test_the_latest_commit_keeps_its_label_and_a_moved_version_offers_no_button() -> None:
    log = LOG[1:]
    assert views.build_actions(log, "v-c3", "en").undo == views.Step("c3", "Undo the latest commit (c3)")
    assert views.build_actions(log, "v-c3", "en").redo is None
    moved = views.build_actions(log, "edited", "en")  # the data is not at c3's version: an edit outside the app
    assert moved.undo is None and [s.commit_id for s in moved.revertable] == ["c3", "c2", "c1"]


def test_after_a_redo_redo_names_the_commit_it_brings_back() -> None:
    log = [record("r2", "redo", "u2", after="v-c2"), record("u2", "undo", "c2", after="v-c1"), *LOG]
    actions = views.build_actions(log, "v-c2", "en")
    assert actions.undo.commit_id == "r2" and actions.undo.label.startswith("Undo: c2 (ben, commit, ")
    assert actions.redo.commit_id == "u3" and actions.redo.label.startswith("Redo: c3 (ana, commit, ")


def test_the_log_table_says_which_commits_are_in_effect() -> None:
    table = views.log_table(LOG, "en")
    assert table["State"].tolist() == ["in effect", "taken back by u3", "in effect", "in effect"]
    assert views.log_table(LOG, "zh")["状态"].tolist()[1] == "已被 u3 收回"


CLASH = RevertConflict(
    "c1",
    "v-c3",
    [
        RowClash("figures", ("hohhot-trains",), ("c2", "c3")),
        RowClash("sources", (), ()),
        RowClash("events", ("e",), ()),
    ],
)


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        (
            "en",
            "Cannot revert c1: later commits changed some of the same rows, and a revert would overwrite them. "
            "figures “hohhot-trains”: changed by c2 (ben, commit), c3 (ana, commit); "
            "sources (the whole table): changed by an edit outside the app; "
            "events “e”: changed by an edit outside the app. Undo or revert those later commits first.",
        ),
        (
            "zh",
            "无法撤回 c1：之后的提交也改过同样的行，撤回会覆盖它们。"
            "数字“hohhot-trains”：改动来自 c2（ben，提交）、c3（ana，提交）；"
            "来源（整张表）：改动来自 应用之外的编辑；"
            "事件“e”：改动来自 应用之外的编辑。请先撤销或撤回这些较晚的提交。",
        ),
    ],
)
def test_a_refused_revert_names_the_rows_and_the_later_commits(lang: str, message: str) -> None:
    assert views.conflict_message(CLASH, LOG, lang) == message


def test_a_long_refusal_counts_the_rows_it_does_not_name() -> None:
    many = RevertConflict("c1", "v", [RowClash("figures", (f"f{i}",), ("c2",)) for i in range(12)])
    message = views.conflict_message(many, LOG, "en")
    assert message.endswith("; 4 more row(s). Undo or revert those later commits first.")


def test_done_and_taken_back_messages() -> None:
    log = [record("r3", "redo", "u3", after="v-c3"), *LOG]
    done = views.done_message(log[0], log, "en")
    assert done == "Redid c3: data version v? → v-c3 (the redo itself is recorded)"
    assert views.taken_back_message("c3", LOG, "zh") == "c3 已被 u3 收回，没有可撤回的内容。"
