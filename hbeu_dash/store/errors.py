"""The store's own errors, which need no database driver to name (so a CSV-only run never imports SQLAlchemy). Why a
change is refused (ConflictError, RevertConflict) is hbeu_dash.model.changes."""


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


class UnknownCommit(KeyError):
    """No commit with this id in the audit log (or its history is gone)."""
