"""The command line: validate, verify-sources and briefing; their exit codes and messages."""

import csv
import io
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from hbeu_dash.cli.main import main
from hbeu_dash.paths import ROOT, SEEDS_DIR, SOURCE_TEXT_DIRS
from hbeu_dash.store import CsvStore
from tests.conftest import blank_evidence_en, set_cell
from tests.real_data import csv_rows


def test_validate_real_data(capsys: pytest.CaptureFixture) -> None:
    assert main(["validate"]) == 0
    assert "figures" in capsys.readouterr().out


def test_validate_broken_data_lists_every_problem(data_dir: Path, capsys: pytest.CaptureFixture) -> None:
    set_cell(data_dir / "figures.csv", 3, "city", "huhhot")
    set_cell(data_dir / "events.csv", 4, "date", "2024/12/07")
    assert main(["--data", str(data_dir), "validate"]) == 1
    err = capsys.readouterr().err
    assert "figures.csv, row 3, column city: 'huhhot'" in err
    assert "events.csv, row 4, column date: '2024/12/07'" in err


def test_validate_passes_rows_whose_english_evidence_is_pending(data_dir: Path, capsys: pytest.CaptureFixture) -> None:
    # Work not done yet is not broken data: the quality page lists these rows; validate says nothing of them.
    blank_evidence_en(data_dir)
    assert main(["--data", str(data_dir), "validate"]) == 0
    out, err = capsys.readouterr()
    assert "data valid" in out and err == ""


def test_validate_in_chinese(data_dir: Path, capsys: pytest.CaptureFixture) -> None:
    set_cell(data_dir / "figures.csv", 3, "value", "五")
    assert main(["--data", str(data_dir), "--lang", "zh", "validate"]) == 1
    assert "figures.csv 第 3 行“value”列" in capsys.readouterr().err


def test_verify_sources_fills_the_archive_then_proves_every_row(data_dir: Path, capsys) -> None:
    shutil.rmtree(CsvStore(data_dir).texts_dir)  # a checkout whose archive was never filled
    assert main(["--data", str(data_dir), "verify-sources"]) == 1
    err = capsys.readouterr().err
    # figures.csv row 2 is meeting8-edition-a, quoted from meeting8-interviews (seed 000)
    assert "figures.csv, row 2, column evidence" in err and "attach it again" in err
    assert main(["--data", str(data_dir), "verify-sources", *map(str, SOURCE_TEXT_DIRS)]) == 0
    out = capsys.readouterr().out
    checked = sum(len(csv_rows(table)) for table in ("figures", "projects", "events"))  # every row that cites
    assert f"all {checked} rows' evidence stands word for word in their own source's archived text" in out
    assert len(list(CsvStore(data_dir).texts_dir.glob("*.txt"))) == 15  # 2 seeds + 13 sources


def test_verify_sources_names_a_fragment_not_in_its_source(data_dir: Path, capsys) -> None:
    # row 20 of figures.csv is 以首府为例,通办事项已达561项; a paraphrase keeps the number but is not verbatim
    set_cell(data_dir / "figures.csv", 20, "evidence", "首府通办事项达到561项")
    assert main(["--data", str(data_dir), "verify-sources"]) == 1
    err = capsys.readouterr().err
    assert "figures.csv, row 20, column evidence: '首府通办事项达到561项'" in err
    assert "archived text of source meeting8-interviews" in err


def test_verify_sources_refuses_a_fragment_that_only_another_source_says(data_dir: Path, capsys) -> None:
    # row 20 (meeting8-interviews) quoting 0471tv's sentence: the old check accepted a fragment found in any file
    set_cell(data_dir / "figures.csv", 20, "evidence", "实现“四城通办”事项1412项")
    set_cell(data_dir / "figures.csv", 20, "value_text", "1412")
    set_cell(data_dir / "figures.csv", 20, "value", "1412")
    assert main(["--lang", "zh", "--data", str(data_dir), "verify-sources"]) == 1
    err = capsys.readouterr().err
    assert "figures.csv 第 20 行“evidence”列" in err and "0471tv-2025-02-01 的原文中" in err


@pytest.mark.skipif(not SEEDS_DIR.is_dir(), reason=f"source articles not present at {SEEDS_DIR}")
def test_verify_sources_against_the_real_articles() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "hbeu_dash", "verify-sources", str(SEEDS_DIR)], cwd=ROOT, capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stderr


@pytest.mark.parametrize(
    ("lang", "valid", "not_a_folder"), [("zh", "数据有效：", "不是文件夹："), ("en", "data valid: ", "not a folder: ")]
)
def test_command_line_speaks_the_chosen_language(
    tmp_path: Path, capsys: pytest.CaptureFixture, lang: str, valid: str, not_a_folder: str
) -> None:
    assert main(["--lang", lang, "validate"]) == 0
    assert capsys.readouterr().out.startswith(valid)
    assert main(["--lang", lang, "verify-sources", str(tmp_path / "nowhere")]) == 2
    assert capsys.readouterr().err.startswith(not_a_folder)


def test_briefing_writes_a_versioned_html_file_into_a_folder(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["briefing", "--lang", "en", "--city", "ulanqab", "--html", str(tmp_path)]) == 0
    written = list(tmp_path.iterdir())
    assert len(written) == 1 and re.fullmatch(r"hbeu-briefing-en-[0-9a-f]{7}\.html", written[0].name)
    page = written[0].read_text(encoding="utf-8")
    assert '<html lang="en">' in page and "Cities: Ulanqab; sectors: all" in page
    assert written[0].name[len("hbeu-briefing-en-") : -len(".html")] in page  # the data version, on its title page
    assert str(written[0]) in capsys.readouterr().out


def test_briefing_takes_the_language_before_the_command_too(tmp_path: Path) -> None:
    out = tmp_path / "b.html"
    assert main(["--lang", "zh", "briefing", "--sector", "transport", "--html", str(out)]) == 0
    assert "城市：全部；领域：交通" in out.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--city", "huhhot"], "--city: 'huhhot' is not valid; use hohhot, baotou, ordos, ulanqab"),
        (["--city", "ordos,ulanqab", "--sector", "roads"], "--sector: 'roads' is not valid; use government_services"),
        (["--city", "none"], "--city or --sector is none"),
    ],
)
def test_briefing_refuses_bad_filters(
    tmp_path: Path, capsys: pytest.CaptureFixture, args: list[str], message: str
) -> None:
    assert main(["briefing", "--lang", "en", *args, "--html", str(tmp_path / "b.html")]) == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "b.html").exists()


def test_briefing_of_broken_data_leaves_the_broken_part_out(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    set_cell(data_dir / "projects.csv", 3, "status", "finished")
    out = tmp_path / "b.html"
    assert main(["--data", str(data_dir), "briefing", "--lang", "en", "--html", str(out)]) == 0
    err = capsys.readouterr().err
    assert err.startswith("warning: the data has problems") and "projects.csv, row 3, column status" in err
    page = out.read_text(encoding="utf-8")
    assert "projects.csv" in page and "left out of this briefing" in page
    assert "Four-city service items, by city and source" in page  # the rest is there


def test_add_user_and_extract_run_as_commands(tmp_path: Path) -> None:
    # The two commands wired into `python -m hbeu_dash`, run as an operator would (the rest is in their own tests).
    secrets = tmp_path / "secrets.toml"
    secrets.write_text('# kept\n[auth]\ncookie_secret = "x"\n', encoding="utf-8")
    added = subprocess.run(
        [sys.executable, "-m", "hbeu_dash", "add-user", "wang.li", "--secrets", str(secrets), "--password-stdin"],
        input="a long enough password\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert added.returncode == 0, added.stderr
    written = secrets.read_text(encoding="utf-8")
    assert written.startswith('# kept\n[auth]\ncookie_secret = "x"\n')
    assert '"wang.li" = "$argon2id$' in written or 'wang.li = "$argon2id$' in written
    assert "a long enough password" not in written
    article = tmp_path / "a.txt"
    article.write_text("截至目前，包头市已累计办理跨城通办业务12.5万件。", encoding="utf-8")
    extracted = subprocess.run(
        [sys.executable, "-m", "hbeu_dash", "extract", str(article), "--published", "2025-03-06"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert extracted.returncode == 0, extracted.stderr
    rows = list(csv.DictReader(io.StringIO(extracted.stdout)))
    assert [(r["value_text"], r["value"], r["city"], r["as_of"]) for r in rows] == [
        ("12.5万", "125000", "baotou", "2025-03")
    ]


@pytest.mark.parametrize("command", [["users", "add"], ["add-user"]], ids=["users add", "add-user"])
def test_users_add_and_its_old_name_add_a_login(
    command: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    secrets = tmp_path / "secrets.toml"
    monkeypatch.setattr("sys.stdin", io.StringIO("a long enough password\n"))
    assert main(["--lang", "zh", *command, "li.na", "--viewer", "--secrets", str(secrets), "--password-stdin"]) == 0
    assert "查看账号 li.na" in capsys.readouterr().out
    assert "li.na" in secrets.read_text(encoding="utf-8")
