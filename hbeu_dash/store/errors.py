"""Errors every store shares that need no database driver to name (so a CSV-only run never imports SQLAlchemy)."""

from dataclasses import dataclass


def mask_url(url: str) -> str:
    """The URL with its password replaced by ***, safe to show and log."""
    from sqlalchemy import exc as sa_exc
    from sqlalchemy.engine import make_url

    try:
        return make_url(url).render_as_string(hide_password=True)
    except (sa_exc.ArgumentError, ValueError):  # not a URL at all, or e.g. a port that is not a number
        return "<not a database URL>"


class StoreUnavailable(RuntimeError):
    """The database cannot be reached or is not ready; the message names it (password masked) and says why."""

    def __init__(self, url: str, reason: str):
        self.url, self.reason = mask_url(url), reason
        super().__init__(f"the data store {self.url} is unavailable: {reason}")


class ConflictError(Exception):
    """The data changed since the preview this commit was made from (or the undo is not of the latest commit)."""

    def __init__(self, expected: str, actual: str, reason: str = "changed"):
        super().__init__(f"data version is {actual}, the change was prepared against {expected} ({reason})")
        self.expected, self.actual, self.reason = expected, actual, reason


class UnknownCommit(KeyError):
    """No commit with this id in the audit log (or its history is gone)."""


@dataclass(frozen=True)
class RowClash:
    """A row a revert would take back that a later change touched too: its table, its key (() for the whole table:
    its columns changed, or it was created or removed) and the later commits that changed it, oldest first (none:
    an edit outside the app)."""

    table: str
    key: tuple[str, ...]
    commits: tuple[str, ...]


class RevertConflict(ConflictError):
    """A revert of an older commit refused: later commits changed some of the same rows (`clashes`)."""

    def __init__(self, commit_id: str, version: str, clashes: list[RowClash]):
        super().__init__(version, version, reason="rows")
        self.commit_id, self.clashes = commit_id, list(clashes)
        rows = "; ".join(
            f"{c.table} {'/'.join(c.key) or '(whole table)'} by {', '.join(c.commits) or 'an edit outside the app'}"
            for c in self.clashes
        )
        self.args = (f"cannot revert {commit_id}: later changes to the same rows ({rows})",)
