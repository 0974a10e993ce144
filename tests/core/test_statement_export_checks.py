"""What export tells the applicant before a statement leaves the app (pure sentences)."""

from __future__ import annotations

from pathlib import Path

from workshop.core.statement_export_checks import export_concerns, statement_concerns


def test_a_clean_one_page_statement_raises_nothing() -> None:
    assert export_concerns("A finished statement.", 0, 0, page_count=1) == []


def test_over_the_myeras_limit_says_by_how_much() -> None:
    body = "x" * 30_646
    assert export_concerns(body, 0, 0) == [
        "It is 30,646 characters: MyERAS refuses more than 28,000. Shorten it by 2,646 "
        "characters before you paste it."]


def test_line_breaks_count_as_myeras_counts_them() -> None:
    body = "x" * 27_999 + "\n"  # a line break counts 2 (resources/checks/eras.json)
    assert export_concerns(body, 0, 0)[0].startswith("It is 28,001 characters")


def test_open_problems_are_counted_in_words() -> None:
    assert export_concerns("Text.", 3, 0) == ["3 spelling or grammar problems are still open."]
    assert export_concerns("Text.", 1, 1) == ["1 spelling or grammar problem is still open.",
                                              "1 warning from the checker is still open."]
    assert export_concerns("Text.", 0, 2) == ["2 warnings from the checker are still open."]


def test_more_than_one_page_and_an_empty_text_are_said() -> None:
    assert export_concerns("Text.", 0, 0, page_count=2) == [
        "It runs to 2 pages in the PDF; programs expect about one."]
    assert export_concerns("  ", 0, 0) == ["The statement is empty."]


def test_the_command_line_path_checks_the_workspace_statement(tmp_path: Path) -> None:
    from workshop.core.services import init_workspace

    ws = init_workspace(tmp_path / "w.workshop", sample=True)
    doc = ws.documents.list()[0]
    ws.documents.save_working_copy(doc.id, doc.body + "\n\nI recieve teh patients.")
    concerns = statement_concerns(ws, ws.documents.get(doc.id), engine="none", page_count=1)
    ws.close()
    assert all("characters" not in c for c in concerns)
