"""CV in and out: JSON Resume import/export, PDF/.docx export, the ERAS text dialog.

Kept out of the page so the page is about editing. An import replaces the CV only after the
user agrees, and the old CV is first kept as a named version, so an unwanted import is one
restore away. Notes about what could not be mapped are always shown, never swallowed.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox

from workshop.core.atomic import atomic_write_text
from workshop.core.changes import Changes
from workshop.core.cv.eras import eras_blocks, eras_text
from workshop.core.cv.in_workspace import cv_document, save_workspace_cv
from workshop.core.cv.jsonresume import import_json_resume, write_json_resume
from workshop.core.cv.worksheet import worksheet_text
from workshop.core.errors import UserError
from workshop.ui.cv.eras_dialog import ErasBlocksDialog
from workshop.ui.file_dialogs import open_file_name, save_file_name

if TYPE_CHECKING:
    from workshop.ui.cv.page import CvPage

MAX_NOTES_SHOWN = 12


def _notes_text(notes: Sequence[str]) -> str:
    shown = [f"• {n}" for n in notes[:MAX_NOTES_SHOWN]]
    if len(notes) > MAX_NOTES_SHOWN:
        shown.append(f"… and {len(notes) - MAX_NOTES_SHOWN} more (see Details).")
    return "\n".join(shown)


def show_notes(page: CvPage, title: str, lead: str, notes: Sequence[str]) -> None:
    box = QMessageBox(QMessageBox.Icon.Information, title, lead, parent=page)
    if notes:
        box.setInformativeText(_notes_text(notes))
        box.setDetailedText("\n".join(notes))
    box.exec()


def _default_name(page: CvPage, suffix: str) -> str:
    from workshop.core.exports import safe_file_part

    name = safe_file_part(page.cv.personal.legal_name) or "cv"  # as Exports names it
    return str(Path.home() / f"{name}_CV{suffix}")


# -- import -----------------------------------------------------------------------------------
def ask_import(page: CvPage) -> None:
    path, _ = open_file_name(page, "Import JSON Resume", str(Path.home()),
                                          "JSON Resume (*.json)")
    if path:
        import_path(page, Path(path))


def import_path(page: CvPage, path: Path) -> list[str] | None:
    """Replace the CV with a JSON Resume file (after asking); returns the mapping notes."""
    if page.workspace.read_only:
        return None
    try:
        cv, notes = import_json_resume(path)
    except UserError as exc:
        QMessageBox.warning(page, "Cannot import", str(exc))
        return None
    doc = cv_document(page.workspace)
    if doc is not None:
        answer = QMessageBox.question(
            page, "Replace your CV?",
            f"Replace your CV with the contents of {path.name}? Your current CV is kept as the "
            "version “Before import” so you can restore it.")
        if answer != QMessageBox.StandardButton.Yes:
            return None
        if not page.flush():
            return None
    try:
        if doc is not None:
            page.workspace.documents.save_version(doc.id, f"Before import of {path.name}")
        cv.ensure_ids()
        save_workspace_cv(page.workspace, cv)
    except UserError as exc:
        QMessageBox.warning(page, "Cannot import", str(exc))
        return None
    page.set_cv(cv)
    page.changed.emit(Changes(cv=True, profile=True))  # the import's name and contact too
    page.message.emit(f"Imported {path.name}.")
    show_notes(page, "JSON Resume imported",
               f"Imported {path.name}." + (" Some parts did not map exactly:" if notes else
                                           " Everything mapped."), notes)
    return notes


# -- export -----------------------------------------------------------------------------------
def ask_export_json_resume(page: CvPage) -> None:
    path, _ = save_file_name(page, "Export JSON Resume",
                                          _default_name(page, ".json"), "JSON Resume (*.json)")
    if path:
        export_json_resume_path(page, Path(path))


def export_json_resume_path(page: CvPage, path: Path) -> int:
    """Write a JSON Resume file off the GUI thread and show what it could not hold.

    ``page.exported(path)`` reports success (``page.export_notes`` then holds the notes).
    """
    snapshot = copy.deepcopy(page.cv)  # the page keeps editing its own copy meanwhile

    def done(notes: object) -> None:
        page.export_notes = list(notes) if isinstance(notes, list) else []
        page.message.emit(f"Exported {path.name}.")
        if page.export_notes:
            show_notes(page, "JSON Resume exported",
                       f"Wrote {path.name}. JSON Resume has no place for:", page.export_notes)
        page.exported.emit(path)

    def failed(error: str) -> None:
        QMessageBox.warning(page, "Cannot export", error)
        page.export_failed.emit(error)

    return page.context.operations.run(lambda: write_json_resume(snapshot, path),
                                       on_done=done, on_failed=failed, parent=page)


def ask_export(page: CvPage, suffix: str) -> None:
    path, _ = save_file_name(page, "Export CV", _default_name(page, suffix),
                                          f"*{suffix}")
    if path:
        export_path(page, Path(path))


def export_path(page: CvPage, path: Path) -> None:
    """Export PDF or .docx in the preview's theme and paper, off the GUI thread.

    The result arrives as ``page.exported(path)`` or a warning dialog.
    """
    data = page.cv.to_dict(include_private=False)
    theme, paper = page.preview.theme_name, page.preview.paper_name
    page.export_button.setEnabled(False)
    page.message.emit(f"Exporting {path.name}…")

    def done(written: object) -> None:
        page.export_button.setEnabled(True)
        page.message.emit(f"Exported {Path(str(written)).name}.")
        page.exported.emit(written)

    def failed(error: str) -> None:
        page.export_button.setEnabled(True)
        QMessageBox.warning(page, "Cannot export", error)
        page.export_failed.emit(error)

    from workshop.core.export import cv_document as cv_print_document  # the writers: on use
    from workshop.core.export import export

    page.context.operations.run(lambda: export(cv_print_document(data), theme, paper, path),
                                on_done=done, on_failed=failed, parent=page)


# -- ERAS ---------------------------------------------------------------------------------------
def show_eras_blocks(page: CvPage) -> ErasBlocksDialog:
    dialog = ErasBlocksDialog(eras_blocks(page.cv), eras_text(page.cv), page,
                              worksheet=worksheet_text(page.cv),
                              save_worksheet=lambda: ask_save_worksheet(page))
    page.eras_dialog = dialog
    dialog.open()
    return dialog


def ask_save_worksheet(page: CvPage) -> None:
    path, _ = save_file_name(page, "Save MyERAS worksheet",
                                          _default_name(page, "_MyERAS_worksheet.txt"),
                                          "Plain text (*.txt)")
    if path:
        save_worksheet_path(page, Path(path))


def save_worksheet_path(page: CvPage, path: Path) -> int:
    """Write the MyERAS worksheet (plain UTF-8 text) off the GUI thread."""
    text = worksheet_text(page.cv)

    def done(written: object) -> None:
        page.message.emit(f"Saved the MyERAS worksheet to {Path(str(written)).name}.")
        page.exported.emit(written)

    def failed(error: str) -> None:
        QMessageBox.warning(page, "Cannot save the worksheet", error)
        page.export_failed.emit(error)

    return page.context.operations.run(lambda: _write_text(path, text),
                                       on_done=done, on_failed=failed, parent=page)


def _write_text(path: Path, text: str) -> Path:
    """A full disk or a read-only folder is the user's to fix: a clear message, not a bug."""
    try:
        return atomic_write_text(path, text)
    except OSError as exc:
        raise UserError(f"Cannot write {path.name}: {exc.strerror or exc}",
                        hint="Choose another folder or free some space.") from None
