"""A problem found in a data file, named by file, Excel row and column, and told in zh or en."""

from dataclasses import dataclass, field

# code -> (en, zh). {value} is the bad cell; other fields come from Problem.params.
MESSAGES: dict[str, tuple[str, str]] = {
    "missing_file": ("the file is missing", "文件不存在"),
    "empty_file": (
        "the file is empty; it needs a header row with: {expected}",
        "文件为空;需要一行表头:{expected}",
    ),
    "encoding": (
        "the file is not UTF-8 text{hint}; in Excel use Save As → 'CSV UTF-8'",
        "文件不是 UTF-8 编码{hint};请在 Excel 中“另存为”→“CSV UTF-8”",
    ),
    "csv_syntax": ("cannot be read as CSV: {detail}", "无法按 CSV 读取:{detail}"),
    "ragged_row": (
        "this row has {cells} cells but the header has {expected}; check for a stray comma or a missing quote",
        "此行有 {cells} 个单元格,表头有 {expected} 列;请检查多余的逗号或缺少的引号",
    ),
    "no_rows": ("the file has a header but no data rows", "文件只有表头,没有数据行"),
    "missing_column": (
        "this column is missing; the file needs the columns: {expected}",
        "缺少此列;文件需要以下列:{expected}",
    ),
    "unknown_column": (
        "is not a column of this table; the columns are: {expected}",
        "不是此表的列;应有的列为:{expected}",
    ),
    "duplicate_column": ("this column name appears twice in the header", "表头中此列名出现了两次"),
    "required": ("is empty; this column is required", "为空;此列必填"),
    "id": (
        "is not a valid id: use lowercase letters, digits, '-' or '_' (no spaces)",
        "不是有效的编号:只能用小写字母、数字、“-”或“_”(不含空格)",
    ),
    "date": (
        "is not a date: write YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2024-12-07)",
        "不是有效日期:请写成 YYYY、YYYY-MM 或 YYYY-MM-DD(如 2024-12-07)",
    ),
    "cities": (
        "is not a city: use hohhot, baotou, ordos or ulanqab (several joined by ';', each once) or region",
        "不是有效城市:请用 hohhot、baotou、ordos、ulanqab(多个用“;”连接,不重复)或 region",
    ),
    "city_id": (
        "is not one of the four city ids: hohhot, baotou, ordos, ulanqab",
        "不是四市编号之一:hohhot、baotou、ordos、ulanqab",
    ),
    "number": (
        "is not a plain number: write the value in base units without separators (587600 for 58.76万)",
        "不是纯数字:请用基本单位、不带分隔符书写(58.76万 写作 587600)",
    ),
    "non_negative": ("is negative; counts and amounts cannot be negative", "为负数;数量和金额不能为负"),
    "evidence_length": (
        "is longer than {limit} characters: quote only the clause that contains the figure",
        "超过 {limit} 个字符:只摘录包含该数字的短句",
    ),
    "url": ("is not a web address starting with http:// or https://", "不是以 http:// 或 https:// 开头的网址"),
    "latitude": ("is not a latitude between -90 and 90", "不是 -90 到 90 之间的纬度"),
    "longitude": ("is not a longitude between -180 and 180", "不是 -180 到 180 之间的经度"),
    "language": ("is not one of: {expected}", "不在允许值之内:{expected}"),
    "sector": ("is not one of: {expected}", "不在允许值之内:{expected}"),
    "measure": ("is not one of: {expected}", "不在允许值之内:{expected}"),
    "project_kind": ("is not one of: {expected}", "不在允许值之内:{expected}"),
    "status": ("is not one of: {expected}", "不在允许值之内:{expected}"),
    "event_kind": ("is not one of: {expected}", "不在允许值之内:{expected}"),
    "identity_kind": ("is not one of: {expected}", "不在允许值之内:{expected}"),
    "duplicate_key": (
        "repeats row {other}: ({key}) must be unique",
        "与第 {other} 行重复:({key})必须唯一",
    ),
    "dangling_ref": (
        "is not a {ref_column} in {ref_file}",
        "在 {ref_file} 的 {ref_column} 中找不到",
    ),
    "value_text_not_in_evidence": (
        "does not occur in the evidence; copy the number exactly as the source writes it",
        "未出现在 evidence 中;请按来源原文抄写数字",
    ),
    "value_text_unreadable": (
        "does not start with a number in digits or Chinese numerals (e.g. 561, 58.76万, 四, 第八届)",
        "开头不是阿拉伯数字或中文数字(如 561、58.76万、四、第八届)",
    ),
    "value_mismatch": (
        "does not match value {expected}: '{written}' reads as {parsed}",
        "与 value {expected} 不符:“{written}”读作 {parsed}",
    ),
    "text_not_in_evidence": ("does not occur in the evidence", "未出现在 evidence 中"),
    "date_needs_note": (
        "the date is not written in the evidence (date_text is empty); say in note where the date comes from",
        "evidence 中没有写出日期(date_text 为空);请在 note 中说明日期的依据",
    ),
    "part_of_one_part": ("a part_of identity names exactly one part", "part_of 关系只能有一个部分"),
    "evidence_not_found": (
        "the evidence does not occur in any source text in {folder}",
        "在 {folder} 的来源文本中找不到这段 evidence",
    ),
}

LABELS = {
    "en": {"row": "row", "column": "column", "header": "header"},
    "zh": {"row": "行", "column": "列", "header": "表头"},
}


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
        """'figures.csv, row 7, column city' (en) or 'figures.csv 第 7 行 “city” 列' (zh)."""
        if lang == "zh":
            parts = [self.file]
            if self.row is not None:
                parts.append(f"第 {self.row} 行")
            if self.column:
                parts.append(f"“{self.column}”列")
            return " ".join(parts)
        parts = [self.file]
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.column:
            parts.append(f"column {self.column}")
        return ", ".join(parts)

    def message(self, lang: str = "en") -> str:
        """The full sentence for an analyst: where, the bad value, and what was expected."""
        en, zh = MESSAGES[self.code]
        text = (zh if lang == "zh" else en).format(**{"value": self.value, **self.params})
        if self.value is not None and self.code not in ("missing_column", "duplicate_column"):
            shown = self.value if len(self.value) <= 60 else self.value[:57] + "…"
            text = (f"“{shown}” " if lang == "zh" else f"'{shown}' ") + text
        sep = ":" if lang == "zh" else ": "
        return f"{self.where(lang)}{sep}{text}"


class DataError(Exception):
    """Raised when data files are invalid; carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__(self.format("en"))

    def format(self, lang: str = "en") -> str:
        """All problems, one per line, under a heading with their count."""
        head = (
            f"数据文件有 {len(self.problems)} 处问题:"
            if lang == "zh"
            else f"{len(self.problems)} problem(s) in the data files:"
        )
        return "\n".join([head] + [f"- {p.message(lang)}" for p in self.problems])
