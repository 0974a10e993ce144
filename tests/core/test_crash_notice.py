"""The words the app uses after something went wrong."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from workshop.core.crash_notice import error_headline, last_saved_change, recovery_notice
from workshop.core.services import init_workspace
from workshop.core.session_journal import PreviousSession


def test_headline_says_up_to_when_work_is_saved() -> None:
    at = dt.datetime(2026, 12, 1, 14, 5, 22)
    assert error_headline(True, at) == ("Something went wrong. Your work up to 14:05:22 is "
                                        "saved, and you can go on working.")
    failed = error_headline(False, at, "the disk is full")
    assert "up to 14:05:22 is saved" in failed and "(the disk is full)" in failed


def test_recovery_names_the_latest_saved_document(tmp_path: Path) -> None:
    ws = init_workspace(tmp_path / "a.workshop", sample=True)
    statement = next(d for d in ws.documents.list() if d.kind.value == "personal_statement")
    ws.documents.save_working_copy(statement.id, statement.body + " One more sentence.")
    last = last_saved_change(ws)
    assert last is not None and last.title == statement.title
    assert last.saved_at is not None and last.saved_at.tzinfo is not None
    assert abs((dt.datetime.now().astimezone() - last.saved_at).total_seconds()) < 60
    started = dt.datetime(2026, 12, 1, 9, 30).astimezone()
    other = PreviousSession(started, str(tmp_path / "other.workshop"), "trace",
                            tmp_path / "crash.txt")
    headline, body = recovery_notice([other], ws.path, last)
    assert headline == ("The app did not close normally last time (the session started "
                        "01 Dec 2026 at 09:30).")
    assert f"“{statement.title}” (Personal statement)" in body
    assert "another workspace open" in body and "crash.txt" in body
    ws.close()


def test_recovery_without_a_trace_or_documents() -> None:
    headline, body = recovery_notice([PreviousSession(None, "", "", None)], None, None)
    assert headline == "The app did not close normally last time."
    assert "crash report" not in body and "saves as you type" in body
