"""One broadcast of what changed; pages refresh themselves from it (no restart, no polling).

The stale state this guards against: after the applicant changed Step 2 CK in the CV, the
Programs page kept the old fit labels until the app was restarted, while the CLI on the same
file gave the new ones.
"""

from __future__ import annotations

from workshop.core.changes import Changes
from workshop.core.programs.in_workspace import programs as stored_programs
from workshop.core.programs.snapshot import load_data
from workshop.ui.main_window import MainWindow


def labels(window: MainWindow) -> dict[int, str]:
    page = window.page("programs")
    return {pid: fit.computed for pid, fit in page.data.fits.items()}  # type: ignore[attr-defined]


def test_a_cv_change_relabels_programs_at_once(qtbot, sample_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window = sample_window
    window.show_section("programs")
    before = labels(window)
    window.show_section("cv")
    cv_page = window.page("cv")
    step2 = next(e for e in cv_page.cv.exams if e.kind == "usmle-step2ck")  # type: ignore[attr-defined]
    step2.score = 205  # a much weaker applicant than the sample's 246
    cv_page._edited("exams")  # type: ignore[attr-defined]
    assert cv_page.flush()  # type: ignore[attr-defined]
    window.show_section("programs")
    after = labels(window)
    assert after != before, "the Programs page re-assessed fit from the saved CV"
    page = window.page("programs")
    truth = load_data(window.workspace, page.today)  # type: ignore[attr-defined]
    assert after == {pid: fit.computed for pid, fit in truth.fits.items()}, "one truth"
    assert page.data.profile.step2ck == 205  # type: ignore[attr-defined]


def test_a_visible_page_refreshes_immediately(qtbot, sample_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window = sample_window
    window.show_section("programs")
    page = window.page("programs")
    count = len(page.data.programs)  # type: ignore[attr-defined]
    first = stored_programs(window.workspace)[0]
    window.workspace.conn.execute("DELETE FROM programs WHERE id = ?", (first.id,))
    window.broadcast(Changes(programs=True))
    assert len(page.data.programs) == count - 1  # type: ignore[attr-defined]


def test_a_renamed_statement_reaches_the_programs_page(qtbot, sample_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window = sample_window
    window.show_section("programs")
    programs = window.page("programs")
    window.show_section("statements")
    statements = window.statements
    with qtbot.waitSignal(statements.changed, timeout=2000) as announced:
        statements.title.setText("Internal Medicine — for community programs")
        statements.title.editingFinished.emit()
    assert announced.args[0] == Changes(statements=True)
    window.show_section("programs")
    titles = [title for _id, title in programs.data.statements]  # type: ignore[attr-defined]
    assert "Internal Medicine — for community programs" in titles


def test_unrelated_changes_do_not_reload(qtbot, sample_window: MainWindow,  # type: ignore[no-untyped-def]
                                         monkeypatch) -> None:
    window = sample_window
    window.show_section("programs")
    page = window.page("programs")
    calls: list[object] = []
    monkeypatch.setattr(page, "reload", lambda *a, **k: calls.append(a))
    window.broadcast(Changes(drills=True))
    assert calls == []
    window.broadcast(Changes(cv=True) | Changes(drills=True))
    assert len(calls) == 1


def test_changes_merge_and_say_what_they_touch() -> None:
    merged = Changes(cv=True) | Changes(letters=True)
    assert merged == Changes(cv=True, letters=True) and merged.any
    assert merged.touches("letters", "programs") and not merged.touches("drills")
    assert not Changes().any
