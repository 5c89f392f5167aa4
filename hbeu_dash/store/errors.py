"""Errors every store shares that need no database driver to name (so a CSV-only run never imports SQLAlchemy)."""


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
