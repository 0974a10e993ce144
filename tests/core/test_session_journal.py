"""The session journal tells a crash from a clean exit and keeps the native trace."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from workshop.core.session_journal import SessionJournal, format_exception_report

ROOT = Path(__file__).resolve().parents[2]


def run_child(folder: Path, body: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    code = textwrap.dedent(f"""
        import faulthandler, os, sys
        from pathlib import Path
        from workshop.core.session_journal import SessionJournal
        journal = SessionJournal(Path({str(folder)!r}))
        journal.begin(Path("/somewhere/applicant.workshop"))
    """) + textwrap.dedent(body)
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, text=True,
                          capture_output=True, timeout=60, **kwargs)  # type: ignore[call-overload]


def test_a_clean_exit_reports_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "sessions"
    run_child(folder, "journal.end()")
    journal = SessionJournal(folder)
    assert journal.begin() == []
    journal.end()
    assert list(folder.iterdir()) == []


def test_a_native_crash_is_reported_with_its_trace(tmp_path: Path) -> None:
    folder = tmp_path / "sessions"
    child = run_child(folder, "faulthandler._sigsegv()")
    assert child.returncode != 0
    journal = SessionJournal(folder)
    previous = journal.begin()
    assert len(previous) == 1
    crash = previous[0]
    assert crash.workspace == "/somewhere/applicant.workshop"
    assert crash.started_at is not None
    assert "Segmentation fault" in crash.native_trace
    assert crash.report is not None and crash.report.parent.name == "crashes"
    assert "Segmentation fault" in crash.report.read_text(encoding="utf-8")
    journal.end()
    assert SessionJournal(folder).begin() == [], "a crash is reported once"


def test_a_kill_without_trace_is_still_noticed(tmp_path: Path) -> None:
    folder = tmp_path / "sessions"
    run_child(folder, "os._exit(9)")
    previous = SessionJournal(folder).begin()
    assert len(previous) == 1
    assert previous[0].native_trace == "" and previous[0].report is None


def test_another_running_window_is_not_a_crash(tmp_path: Path) -> None:
    folder = tmp_path / "sessions"
    child = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import sys
            from pathlib import Path
            from workshop.core.session_journal import SessionJournal
            journal = SessionJournal(Path({str(folder)!r}))
            journal.begin()
            print("ready", flush=True)
            sys.stdin.readline()
            journal.end()
        """)], cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "ready"
        journal = SessionJournal(folder)
        assert journal.begin() == []
        journal.end()
        assert len(list(folder.glob("*.session"))) == 1, "the live session's marker stays"
    finally:
        child.communicate("\n", timeout=30)
    assert SessionJournal(folder).begin() == []


def test_an_unwritable_data_folder_never_stops_the_app(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    journal = SessionJournal(blocker / "sessions")
    assert journal.begin() == []
    assert journal.write_report("text") is None
    journal.end()


def test_exception_report_names_the_error_and_versions(tmp_path: Path) -> None:
    try:
        raise ValueError("bad value in the CV")
    except ValueError as exc:
        text = format_exception_report(type(exc), exc, exc.__traceback__, where="CV page",
                                       extra={"qt": "6.11.3"})
    assert "ValueError: bad value in the CV" in text
    assert "where: CV page" in text and "qt: 6.11.3" in text and "python:" in text
    journal = SessionJournal(tmp_path / "sessions")
    for _ in range(25):
        assert journal.write_report(text) is not None
    assert len(list((tmp_path / "crashes").glob("crash-*.txt"))) == 20, "old reports pruned"


class FakeMsvcrt:
    """msvcrt.locking's rules: ranges start at the file's current position; unlocking a range
    that is not locked raises PermissionError (Windows' mandatory byte-range locks)."""

    LK_NBLCK = 2
    LK_UNLCK = 0

    def __init__(self) -> None:
        self.locked: set[tuple[int, int]] = set()  # (fd, offset)

    def locking(self, fd: int, mode: int, nbytes: int) -> None:
        import os

        offset = os.lseek(fd, 0, os.SEEK_CUR)
        if mode == self.LK_UNLCK:
            if (fd, offset) not in self.locked:
                raise PermissionError(13, f"unlock at offset {offset}: not locked")
            self.locked.discard((fd, offset))
        else:
            self.locked.add((fd, offset))


def test_windows_locks_are_released_where_they_were_taken(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from types import SimpleNamespace

    from workshop.core.storage import lock as lock_module

    fake = FakeMsvcrt()
    monkeypatch.setattr(lock_module, "sys", SimpleNamespace(platform="win32"))
    monkeypatch.setattr(lock_module, "msvcrt", fake, raising=False)
    folder = tmp_path / "sessions"
    crashed = SessionJournal(folder)
    crashed.begin(Path("/w/applicant.workshop"))
    # The process "dies": its lock goes with it, the marker (with JSON written after the lock,
    # so the file position is at its end) stays.
    fake.locked.clear()
    assert crashed._marker is not None
    crashed._marker.close()
    crashed._marker = None
    journal = SessionJournal(folder)
    previous = journal.begin()
    assert len(previous) == 1 and previous[0].workspace == "/w/applicant.workshop"
    assert journal.marker_path.is_file(), "this session's own marker exists"
    journal.end()
    assert not journal.marker_path.exists() and not fake.locked


def test_an_unreadable_marker_never_stops_the_app(tmp_path: Path) -> None:
    folder = tmp_path / "sessions"
    folder.mkdir()
    (folder / "abc.session").write_bytes(b"\xff\xfe{ not json")
    journal = SessionJournal(folder)
    previous = journal.begin()
    assert len(previous) == 1 and previous[0].started_at is None
    assert not (folder / "abc.session").exists(), "cleared away"
    journal.end()


def test_a_marker_being_created_by_another_window_is_left_alone(tmp_path: Path) -> None:
    folder = tmp_path / "sessions"
    folder.mkdir()
    (folder / "starting.session").write_bytes(b"")  # created, not yet locked and written
    journal = SessionJournal(folder)
    assert journal.begin() == []
    assert (folder / "starting.session").exists()
    journal.end()
