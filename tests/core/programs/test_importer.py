from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.core.programs.conftest import FIXTURES
from workshop.core.errors import UserError
from workshop.core.programs.csv_export import export_programs_csv, programs_to_csv
from workshop.core.programs.importer import import_programs, parse_row, preview_import
from workshop.core.programs.model import ProgramEvent
from workshop.core.programs.repository import ProgramRepository
from workshop.core.programs.tabular import read_table, read_table_bytes
from workshop.core.resources import resource, template


def test_messy_file_reports_each_bad_row(repo: ProgramRepository) -> None:
    report = import_programs(repo, read_table(FIXTURES / "merged_headers.csv"))
    assert (report.created, report.updated, report.skipped) == (3, 0, 3)
    assert ("row 8: Step 2 CK minimum 'abc' is not a number: write a whole number from 1 to "
            "300, or leave it empty") in report.errors
    assert "row 10: no program name" in report.errors
    assert "row 11: J-1 sponsorship 'maybe' is not yes or no" in report.errors
    assert any(e.startswith("row 11: '2026-13-01' is not a valid date") for e in report.errors)
    (lakeview,) = [p for p in repo.list_programs() if p.program_code == "9991140C0"]
    assert lakeview.city == "Chicago" and lakeview.state == "IL"
    assert lakeview.visa_sponsorship == frozenset({"J-1", "H-1B"})
    assert lakeview.program_deadline == dt.date(2026, 9, 24)
    assert lakeview.usce_months_required == 2 and lakeview.usce_within_years == 5
    assert lakeview.grad_year_min == 2019


def test_reimport_updates_and_keeps_user_fields(repo: ProgramRepository) -> None:
    table = read_table(FIXTURES / "bom_semicolon.csv")
    first = import_programs(repo, table)
    assert (first.created, first.updated) == (4, 0)
    (riverside,) = [p for p in repo.list_programs() if p.program_code == "9990140C0"]
    repo.add_event(riverside.id or 0, ProgramEvent("applied", dt.date(2026, 9, 3)))
    riverside = repo.get(riverside.id or 0)
    riverside.interview_notes = "my notes"
    repo.update(riverside)
    changed = (FIXTURES / "bom_semicolon.csv").read_bytes().replace(b";220;", b";225;")
    second = import_programs(repo, read_table_bytes(changed, "again.csv"))
    assert (second.created, second.updated) == (0, 4)
    assert len(repo.list_programs()) == 4
    after = repo.get(riverside.id or 0)
    assert after.min_step2ck == 225
    assert after.status == "applied" and after.interview_notes == "my notes"
    assert len(after.events) == 1


def test_same_program_twice_in_one_file_warns(repo: ProgramRepository) -> None:
    data = b"Program,City\nA (SAMPLE),X\nA (SAMPLE),X\n"
    report = import_programs(repo, read_table_bytes(data, "dup.csv"))
    assert report.created == 1 and report.updated == 1
    assert report.warnings == ["row 3: repeats row 2; the later row wins"]


def test_mapping_override_and_unusable_mapping(repo: ProgramRepository) -> None:
    table = read_table(FIXTURES / "no_headers.csv")
    with pytest.raises(UserError, match="Program name"):
        import_programs(repo, table)
    report = import_programs(repo, table, {0: "name", 1: "size"})
    assert report.created == 2
    assert sorted(p.size or 0 for p in repo.list_programs()) == [2, 4]


def test_preview_is_bounded_and_shows_problems() -> None:
    table = read_table(FIXTURES / "merged_headers.csv")
    preview = preview_import(table, limit=2)
    assert len(preview.rows) == 2 and preview.total_rows == 6
    assert preview.rows[0].program is not None
    assert preview.rows[0].cells["Program name"].startswith("Lakeview")
    bad = preview_import(table, {0: "name", 1: "name"})
    assert bad.rows == [] and any("keep one" in p for p in bad.problems)


def test_parse_row_collects_all_errors() -> None:
    result = parse_row(5, ["", "abc", "soon"], {0: "name", 1: "min_step2ck", 2: "interview_date"})
    assert result.program is None
    assert result.errors == ["no program name",
                             "Step 2 CK minimum 'abc' is not a number: write a whole number "
                             "from 1 to 300, or leave it empty",
                             "'soon' is not a date; write it like 2026-09-24 or 09/24/2026"]


def test_export_reimports_identically(repo: ProgramRepository, tmp_path: Path) -> None:
    import_programs(repo, read_table(resource("sample", "programs.csv")))
    before = repo.list_programs()
    path = export_programs_csv(before, tmp_path / "out.csv")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    from tests.core.programs.conftest import make_conn

    other = ProgramRepository(make_conn())
    report = import_programs(other, read_table(path))
    assert report.errors == [] and report.created == len(before)
    after = other.list_programs()
    for a, b in zip(before, after, strict=True):
        a.id = b.id = None
        assert a == b


def test_export_neutralises_formulas() -> None:
    from workshop.core.programs.model import Program

    text = programs_to_csv([Program(name="=HYPERLINK(\"x\") (SAMPLE)")])
    assert "'=HYPERLINK" in text


def test_an_eras_deadline_column_becomes_the_programs_own_deadline(
        repo: ProgramRepository, tmp_path) -> None:  # type: ignore[no-untyped-def]
    sheet = tmp_path / "mine.csv"
    sheet.write_text("Program,ERAS deadline,Program deadline\n"
                     "A (SAMPLE),2026-09-24,\nB (SAMPLE),2026-09-24,2026-10-15\n",
                     encoding="utf-8")
    report = import_programs(repo, read_table(sheet))
    assert report.errors == [] and report.created == 2
    assert any("row 2: ERAS sets no application deadline" in w and "read as the program's"
               in w for w in report.warnings)
    assert any("row 3:" in w and "left out" in w for w in report.warnings)
    days = {p.name: p.program_deadline for p in repo.list_programs()}
    assert days == {"A (SAMPLE)": dt.date(2026, 9, 24), "B (SAMPLE)": dt.date(2026, 10, 15)}


def test_template_is_the_export_header_and_imports_empty(repo: ProgramRepository) -> None:
    path = template("programs_template.csv")
    assert path.read_bytes().decode("utf-8") == programs_to_csv([])
    table = read_table(path)
    assert table.rows == []
    assert import_programs(repo, table).created == 0


def test_sample_programs_import_cleanly(repo: ProgramRepository) -> None:
    report = import_programs(repo, read_table(resource("sample", "programs.csv")))
    assert report.errors == [] and report.warnings == []
    programs = repo.list_programs()
    assert 8 <= len(programs) <= 12
    assert all("(SAMPLE)" in p.name for p in programs)
    assert {frozenset(p.visa_sponsorship or ()) for p in programs} >= {
        frozenset(), frozenset({"J-1"}), frozenset({"H-1B"}), frozenset({"J-1", "H-1B"})}
