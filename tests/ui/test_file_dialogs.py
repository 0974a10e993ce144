"""File dialogs start in Documents or the last folder used, never the working directory."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from workshop.ui import file_dialogs
from workshop.ui.file_dialogs import open_file_name, save_file_name, suggest


@pytest.fixture(autouse=True)
def _fresh(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    documents = tmp_path / "Documents"
    documents.mkdir()
    monkeypatch.setattr(file_dialogs, "_last_folder", None)
    monkeypatch.setattr(file_dialogs.QStandardPaths, "writableLocation",
                        lambda _where: str(documents))


def test_a_bare_name_or_home_starts_in_documents(tmp_path: Path) -> None:
    documents = tmp_path / "Documents"
    assert suggest("rank-list.csv") == str(documents / "rank-list.csv")
    assert suggest("") == str(documents)
    assert suggest(str(Path.home())) == str(documents)
    assert suggest(str(Path.home() / "cv.pdf")) == str(documents / "cv.pdf")
    chosen = tmp_path / "packets" / "dr-iyer.zip"
    assert suggest(str(chosen)) == str(chosen)  # a folder the caller chose is kept


def test_the_next_dialog_starts_where_the_last_file_went(qtbot, monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
                                                         tmp_path: Path) -> None:
    seen: list[str] = []
    target = tmp_path / "Applications 2027" / "programs.csv"
    target.parent.mkdir()

    def fake(_parent, _caption, start, *_rest, **_kw):  # type: ignore[no-untyped-def]
        seen.append(start)
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(fake))
    assert save_file_name(None, "Export programs", "programs.csv", "CSV (*.csv)") == \
        (str(target), "")
    assert seen[-1] == str(tmp_path / "Documents" / "programs.csv")
    open_file_name(None, "Import programs", "", "Sheets (*.csv)")
    assert seen[-1] == str(target.parent)
    save_file_name(None, "Export rank list", "rank-list.pdf")
    assert seen[-1] == str(target.parent / "rank-list.pdf")


def test_a_cancelled_dialog_changes_nothing(qtbot, monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
                                            tmp_path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: ("", "")))
    assert save_file_name(None, "Export", "cv.pdf") == ("", "")
    assert file_dialogs.default_folder() == tmp_path / "Documents"
