"""A problem found in a data file, named by file, Excel row and column, and told in zh or en."""

from dataclasses import dataclass, field

from hbeu_dash.i18n import t

# A problem's message in the catalogue: hbeu_dash/i18n/messages/problems.py, `problem_<code>`.
MESSAGE_KEY = "problem_{code}"


def describe(code: str, lang: str, /, **params: object) -> str:
    """What is wrong, for a problem `code`, in `lang` (no place, no bad value): 'the text is empty'."""
    return t(MESSAGE_KEY.format(code=code), lang, **params)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a data file; row is the row number Excel shows (the header is row 1)."""

    file: str
    code: str
    row: int | None = None
    column: str | None = None
    value: str | None = None
    params: dict = field(default_factory=dict, hash=False, compare=False)

    def where(self, lang: str = "en") -> str:
        """'figures.csv, row 7, column city' (en) or 'figures.csv 第 7 行“city”列' (zh)."""
        if self.row is not None and self.column:
            key = "problem_at_row_column"
        elif self.row is not None:
            key = "problem_at_row"
        elif self.column:
            key = "problem_at_column"
        else:
            return self.file
        return t(key, lang, file=self.file, row=self.row, column=self.column)

    def message(self, lang: str = "en") -> str:
        """The full sentence for an analyst: where, the bad value, and what was expected."""
        text = describe(self.code, lang, **{"value": self.value, **self.params})
        if self.value is not None and self.code not in ("missing_column", "duplicate_column"):
            shown = self.value if len(self.value) <= 60 else self.value[:57] + "…"
            text = t("problem_quoted", lang, value=shown, text=text)
        return t("problem_line", lang, where=self.where(lang), text=text)


class DataError(Exception):
    """Raised when data files are invalid; carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__(self.format("en"))

    def format(self, lang: str = "en") -> str:
        """All problems, one per line, under a heading with their count."""
        head = t("problem_heading", lang, count=len(self.problems))
        return "\n".join([head] + [f"- {p.message(lang)}" for p in self.problems])
