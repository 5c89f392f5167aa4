"""The shape of the package: only ui/ imports Streamlit, views/ is pure, ui/ files stay small, pages stay thin."""

import ast
from pathlib import Path

import pytest

from hbeu_dash.paths import ROOT

PACKAGE = ROOT / "hbeu_dash"
UI = PACKAGE / "ui"
MAX_UI_LINES = 250
MAX_PAGE_LINES = 45


def imported_modules(path: Path) -> set[str]:
    """Top-level names of every module a file imports."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: str(p.relative_to(ROOT)))
def test_only_ui_imports_streamlit(path: Path) -> None:
    if UI in path.parents:
        return
    assert "streamlit" not in imported_modules(path), f"{path.relative_to(ROOT)} imports Streamlit: move it to ui/"


def test_the_import_scan_sees_streamlit() -> None:
    assert "streamlit" in imported_modules(UI / "widgets.py")


@pytest.mark.parametrize("path", sorted(UI.glob("*.py")), ids=lambda p: p.name)
def test_ui_files_stay_small(path: Path) -> None:
    assert len(path.read_text(encoding="utf-8").splitlines()) <= MAX_UI_LINES


@pytest.mark.parametrize("path", sorted((ROOT / "app_pages").glob("*.py")), ids=lambda p: p.name)
def test_pages_compose_only(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    assert len(source.splitlines()) <= MAX_PAGE_LINES
    assert "import pandas" not in source and "plotly" not in source and "pydeck" not in source


def test_no_ui_module_left_at_the_top() -> None:
    assert not (PACKAGE / "ui.py").exists()
