"""Interview practice's two exports as background jobs: read, build the document, write.

A job reads through its own read-only connection and renders with the export engine, so
rendering a PDF never blocks the drill or typing. The output format follows the file name
(.pdf or .docx); the theme is "report".
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from workshop.core.drills import repository as repo
from workshop.core.drills.bank import QuestionBank
from workshop.core.drills.progress import Progress
from workshop.core.drills.report import drill_report_document, study_sheet_document
from workshop.core.export.document import Document
from workshop.core.storage.connection import connect

THEME = "report"
PAPER = "letter"
SAMPLE_NOTICE = "SAMPLE \u2014 fictional applicant for demonstration"


@dataclass(frozen=True)
class ExportJob:
    """What to export ("report" or "answers"), from which workspace, to which file."""

    what: str
    workspace_path: Path
    out: Path
    bank: QuestionBank
    applicant: str
    is_sample: bool
    today: dt.date

    def document(self) -> Document:
        """Build the document from the workspace (raises UserError when there is nothing)."""
        conn = connect(self.workspace_path, read_only=True)
        try:
            titles = {c.id: c.title for c in self.bank.categories}
            notice = SAMPLE_NOTICE if self.is_sample else ""
            if self.what == "report":
                attempts = repo.list_attempts(conn)
                progress = repo.load_progress(conn, today=self.today)
                return drill_report_document(
                    progress, attempts, question_texts={q.id: q.text for q in self.bank},
                    category_titles=titles, applicant=self.applicant, today=self.today,
                    notice=notice)
            notes = {q.id: repo.get_notes(conn, q.id) for q in self.bank}
            return study_sheet_document(list(self.bank), notes, category_titles=titles,
                                        applicant=self.applicant, notice=notice)
        finally:
            conn.close()

    def run(self) -> Path:
        """Build and write; returns the written path."""
        from workshop.core.export.api import export  # the writers load on the worker thread

        return export(self.document(), THEME, PAPER, self.out)


def load_progress_read_only(workspace_path: Path, today: dt.date) -> Progress:
    """The dashboard's numbers, read through a connection of the worker's own.

    WAL lets it read while the GUI thread writes; it never shares the GUI thread's connection.
    """
    conn = connect(workspace_path, read_only=True)
    try:
        return repo.load_progress(conn, today=today)
    finally:
        conn.close()
