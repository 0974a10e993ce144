"""The messy 28-row spreadsheet of issue 18: every row imported or listed with its reason."""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest

from tests.core.programs.conftest import FIXTURES
from workshop.core.programs.importer import import_programs, preview_import
from workshop.core.programs.repository import ProgramRepository
from workshop.core.programs.tabular import read_table, read_table_bytes

TODAY = dt.date(2026, 12, 2)  # the 2026-27 season (2027 Match)
SHEET = FIXTURES / "messy28.csv"
BAD_ROWS = {8: "'abc' is not a number", 13: "'soon' is not a date", 14: "no program name",
            18: "'31/31/2026' is not a valid date", 22: "'maybe' is not J-1, H-1B",
            31: "400 is not between 1 and 300"}


def _by_name(repo: ProgramRepository) -> dict[str, object]:
    return {p.name.split(" (")[0]: p for p in repo.list_programs()}


def test_no_row_is_dropped_silently(repo: ProgramRepository) -> None:
    table = read_table(SHEET)
    assert len(table.rows) == 28
    assert table.ignored == [(1, "above the header (row 3): read as a title, not a program"),
                             (17, "repeats the header row")]
    report = import_programs(repo, table, today=TODAY)
    assert report.rows_read == 28 and report.accounted()
    assert (report.created, report.updated, report.skipped) == (22, 0, 6)
    assert {row for row, _ in report.not_imported} == set(BAD_ROWS)
    for row, reason in report.not_imported:
        assert BAD_ROWS[row] in reason, (row, reason)
    assert "6 not imported (errors)" in report.summary()
    # Every non-empty line of the file is the header, an ignored row or a data row.
    lines = [ln for ln in SHEET.read_text("utf-8").splitlines() if ln.strip(",")]
    assert len(lines) == 1 + len(table.ignored) + len(table.rows)


def test_combined_visa_column_sets_both_flags(repo: ProgramRepository) -> None:
    table = read_table(SHEET)
    preview = preview_import(table, today=TODAY)
    assert preview.mapping[3] == "visa_sponsorship"  # not the H-1B yes/no field
    report = import_programs(repo, table, today=TODAY)
    p = _by_name(repo)
    both = frozenset({"J-1", "H-1B"})
    for name in ("Alder Valley Medical Center", "Birch County Hospital", "Cedar Regional",
                 "Larch Lake Hospital", "Baobab Clinic"):
        assert p[name].visa_sponsorship == both, name  # type: ignore[attr-defined]
    assert p["Dogwood University Hospital"].visa_sponsorship == {"J-1"}  # type: ignore[attr-defined]
    assert p["Maple Ridge"].visa_sponsorship == {"H-1B"}  # type: ignore[attr-defined]
    assert p["Fir Grove Medical"].visa_sponsorship == frozenset()  # type: ignore[attr-defined]
    assert p["Ginkgo Health"].visa_sponsorship is None  # type: ignore[attr-defined]
    assert any(w.startswith("row 10:") and "does not say which visa" in w
               for w in report.warnings)


def test_yes_no_forms_of_usce_required(repo: ProgramRepository) -> None:
    import_programs(repo, read_table(SHEET), today=TODAY)
    p = _by_name(repo)
    required = ("Alder Valley Medical Center", "Birch County Hospital", "Ginkgo Health",
                "Hazel Memorial", "Oak Hollow Medical", "Quince Health System",
                "Tamarack General", "Vine Street Medical", "Xylem Health", "Acacia Bay",
                "Baobab Clinic")  # yes, Y, x, true, Y, ✔, 1, Y, yes, x, ✓
    not_required = ("Cedar Regional", "Dogwood University Hospital", "Fir Grove Medical",
                    "Ironwood General", "Maple Ridge", "Pine Bluff University",
                    "Spruce Hill", "Umbrella Pine", "Willow Creek")  # no, N, ✗, false, ...
    for name in required:
        assert p[name].usce_months_required == 1, name  # type: ignore[attr-defined]
    for name in not_required:
        assert p[name].usce_months_required == 0, name  # type: ignore[attr-defined]
    assert p["Larch Lake Hospital"].usce_months_required == 3  # type: ignore[attr-defined]
    yew = p["Yew Tree Hospital"]
    assert (yew.usce_months_required, yew.usce_within_years) == (3, 5)  # type: ignore[attr-defined]


def test_dates_without_a_year_fall_in_the_season(repo: ProgramRepository) -> None:
    report = import_programs(repo, read_table(SHEET), today=TODAY)
    p = _by_name(repo)
    assert p["Alder Valley Medical Center"].program_deadline == dt.date(2026, 10, 1)  # type: ignore[attr-defined]
    assert p["Hazel Memorial"].program_deadline == dt.date(2026, 10, 15)  # type: ignore[attr-defined]
    assert p["Fir Grove Medical"].program_deadline == dt.date(2027, 1, 10)  # type: ignore[attr-defined]
    assert p["Umbrella Pine"].program_deadline == dt.date(2027, 2, 1)  # type: ignore[attr-defined]
    assert p["Baobab Clinic"].program_deadline == dt.date(2026, 10, 15)  # type: ignore[attr-defined]
    assert any("row 4: 'Oct 1' has no year: read as October 1, 2026" in w
               for w in report.warnings)


def test_an_earlier_season_places_them_a_year_earlier(repo: ProgramRepository) -> None:
    import_programs(repo, read_table(SHEET), today=dt.date(2026, 5, 1))  # 2025-26 season
    p = _by_name(repo)
    assert p["Alder Valley Medical Center"].program_deadline == dt.date(2025, 10, 1)  # type: ignore[attr-defined]
    assert p["Fir Grove Medical"].program_deadline == dt.date(2026, 1, 10)  # type: ignore[attr-defined]


def test_preview_lists_every_row_not_importable_not_only_the_first() -> None:
    preview = preview_import(read_table(SHEET), limit=5, today=TODAY)
    assert len(preview.rows) == 5
    assert {r.row for r in preview.not_importable} == set(BAD_ROWS)  # row 31 is past the 5
    assert preview.importable_anyway == 5  # all but the row without a name
    assert [r for r, _ in preview.ignored] == [1, 17]


def test_import_anyway_leaves_the_bad_fields_empty(repo: ProgramRepository) -> None:
    report = import_programs(repo, read_table(SHEET), with_errors=True, today=TODAY)
    assert (report.created, report.skipped) == (27, 1)
    assert report.not_imported == [(14, "no program name")]
    assert {row for row, _ in report.with_empty_fields} == set(BAD_ROWS) - {14}
    p = _by_name(repo)
    elm = p["Elm Street Community"]
    assert elm.min_step2ck is None and elm.city == "Erie"  # type: ignore[attr-defined]
    assert p["Redwood Coast"].visa_sponsorship is None  # type: ignore[attr-defined]
    assert p["Juniper Valley"].program_deadline is None  # type: ignore[attr-defined]
    left = dict(report.with_empty_fields)[8]
    assert "Step 2 CK minimum" in left and "abc" in left
    assert report.accounted()


# Non-ASCII text in the Notes column, as each encoding's users would type it.
_NOTES = {
    "cp1252": ("Café – “visit” done", "Résumé sent"),
    "mac_roman": ("Café visit done", "Très bien: naïve façade"),
    "cp1251": ("Хорошая программа", "Больница в Москве"),
    "cp1256": ("برنامج جيد للأطباء", "مستشفى القاهرة"),
    "utf_16_le": ("Café 张伟 김민준", "Ünïcode"),
}


@pytest.mark.parametrize("encoding", list(_NOTES))
def test_every_encoding_decodes(encoding: str) -> None:
    first, second = _NOTES[encoding]
    text = SHEET.read_text("utf-8").replace("Café visit done", first).replace("Résumé sent",
                                                                               second)
    if encoding != "utf_16_le":
        text = text.replace("✓", "x").replace("✗", "no").replace("✔", "yes")
        # Letters the code page lacks become plain ones (a Cyrillic sheet has no "é").
        text = "".join(c if _fits(c, encoding) else
                       unicodedata.normalize("NFKD", c).encode("ascii", "ignore").decode()
                       for c in text)
    table = read_table_bytes(text.encode(encoding), f"sheet-{encoding}.csv")
    assert len(table.rows) == 28, encoding
    notes = {row[8] for _n, row in table.rows}
    assert first in notes and second in notes, (encoding, table.encoding)
    assert table.encoding and table.encoding != "UTF-8"
    assert any("not UTF-8" in w for w in table.warnings)


def _fits(char: str, encoding: str) -> bool:
    try:
        char.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


def test_cp1252_fixture_still_reads_as_windows_1252() -> None:
    table = read_table(FIXTURES / "tab_cp1252.txt")
    assert table.rows[0][1][1] == "Mayagüez" and table.encoding == "Windows-1252 (Western)"
