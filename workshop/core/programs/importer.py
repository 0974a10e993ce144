"""Import programs from the applicant's spreadsheet: a mapping, a preview, then the import.

The flow the UI and the CLI share::

    table = read_table(path)                 # tabular.py: CSV/.xlsx -> text rows + header
    mapping = guess_mapping(table.headers)   # the user may change it
    preview = preview_import(table, mapping) # first rows parsed, per-row errors
    report = import_programs(repo, table, mapping)

No row is ever dropped without a word: a row with an error is listed, with its spreadsheet row
number and the reason, in the preview (all rows, not only the first ones shown) and in the
report. The user can fix the mapping, fix the sheet and import again (which updates the programs
already there instead of duplicating them, and never blanks fields the sheet has no column
for), or import such rows anyway with the bad fields left empty (``with_errors=True``, after a
confirmation in the UI). A row without a program name cannot be imported either way.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Any, Final

from workshop.core.errors import UserError
from workshop.core.programs import values as v
from workshop.core.programs.columns import COLUMN_BY_KEY, check_mapping, guess_mapping
from workshop.core.programs.model import PROGRAM_CODE_RE, Program, normalize_key
from workshop.core.programs.repository import ProgramRepository, savepoint
from workshop.core.programs.tabular import Table

#: Pseudo-columns and the real fields they fill.
_FILLS: Final[dict[str, tuple[str, ...]]] = {
    "location": ("city", "state"),
    "grad_cutoff": ("grad_within_years", "grad_year_min"),
    "visa_j1": ("visa_sponsorship",),
    "visa_h1b": ("visa_sponsorship",),
    "usce_months_required": ("usce_months_required", "usce_within_years"),
    "eras_deadline": ("program_deadline",),
}


@dataclass
class RowResult:
    """One parsed row.

    Attributes:
        program: the program, or None when the row has errors.
        partial: the program with the fields in error left empty (None without a name): what
            "import anyway" imports.
        bad_fields: the field keys whose cells could not be read.
    """

    row: int
    cells: dict[str, str]
    program: Program | None
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    partial: Program | None = None
    bad_fields: list[str] = field(default_factory=list)

    @property
    def reason(self) -> str:
        """Why the row is not imported as it stands ("" when it is)."""
        return "; ".join(self.errors)


@dataclass
class ImportPreview:
    """What an import would do, for the preview table."""

    headers: list[str]
    mapping: dict[int, str]
    rows: list[RowResult]
    total_rows: int
    problems: list[str] = field(default_factory=list)
    #: Every row (of the whole sheet, not only the first shown) that would not be imported.
    not_importable: list[RowResult] = field(default_factory=list)
    #: Non-empty rows not read as programs (titles above the header, repeated headers).
    ignored: list[tuple[int, str]] = field(default_factory=list)

    @property
    def importable_anyway(self) -> int:
        """Rows with errors that "import anyway" would bring in (they have a name)."""
        return sum(1 for r in self.not_importable if r.partial is not None)


@dataclass
class ImportReport:
    """What an import did; ``issues`` are "row 7: ..." lines for errors and warnings."""

    created: int = 0
    updated: int = 0
    skipped: int = 0
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    program_ids: list[int] = field(default_factory=list)
    #: Rows not imported: (spreadsheet row, reason). ``skipped == len(not_imported)``.
    not_imported: list[tuple[int, str]] = field(default_factory=list)
    #: Rows imported anyway with some fields left empty: (row, what was left out).
    with_empty_fields: list[tuple[int, str]] = field(default_factory=list)
    #: Non-empty rows of the file not read as programs (titles, repeated headers).
    ignored: list[tuple[int, str]] = field(default_factory=list)
    #: Data rows read from the sheet (imported or not).
    rows_read: int = 0

    def summary(self) -> str:
        """One line for a status bar or the CLI."""
        parts = [f"{self.created} added", f"{self.updated} updated"]
        if self.with_empty_fields:
            parts.append(f"{len(self.with_empty_fields)} of them with fields left empty")
        if self.skipped:
            parts.append(f"{self.skipped} not imported (errors)")
        return ", ".join(parts)

    def accounted(self) -> bool:
        """Every data row is either imported or listed as not imported (no silent drop)."""
        return self.created + self.updated + self.skipped == self.rows_read


def imported_fields(mapping: dict[int, str]) -> set[str]:
    """The Program fields a mapping fills (what a re-import may overwrite)."""
    out: set[str] = set()
    for key in mapping.values():
        out.update(_FILLS.get(key, (key,)))
    return out


def parse_row(row: int, cells: list[str], mapping: dict[int, str], *,
              today: _dt.date | None = None) -> RowResult:
    """Turn one spreadsheet row into a Program, collecting every problem, not just the first.

    ``today`` places dates written without a year ("Oct 15") in the season it falls in.
    """
    data: dict[str, Any] = {}
    errors: list[str] = []
    warnings: list[str] = []
    bad: list[str] = []
    shown = {COLUMN_BY_KEY[k].header: cells[i] for i, k in mapping.items() if i < len(cells)}
    visa_flags: dict[str, bool | None] = {}
    for index, key in mapping.items():
        text = cells[index] if index < len(cells) else ""
        try:
            _read_cell(key, text, data, visa_flags, warnings.append, today)
        except ValueError as exc:
            errors.append(str(exc))
            bad.append(key)
    eras_day = data.pop("eras_deadline", None)
    if eras_day is not None:
        taken = data.get("program_deadline") is None
        if taken:
            data["program_deadline"] = eras_day
        warnings.append("ERAS sets no application deadline (each program sets its own): the "
                        "'ERAS deadline' column was "
                        + ("read as the program's deadline" if taken else
                           "left out, as the program deadline is given"))
    if "visa_sponsorship" not in data and any(f is not None for f in visa_flags.values()):
        data["visa_sponsorship"] = frozenset(k for k, f in visa_flags.items() if f)
    if not str(data.get("name", "")).strip():
        errors.insert(0, "no program name")
    code = str(data.get("program_code", ""))
    if code and not PROGRAM_CODE_RE.match(code):
        warnings.append(f"program code '{code}' does not look like an NRMP code "
                        "(such as 1234140C0); kept as typed")
    program = partial = None
    named = bool(str(data.get("name", "")).strip())
    if named:
        candidate = Program(**data)
        try:
            candidate.validate()
        except UserError as exc:
            errors.append(exc.message)
        else:
            partial = candidate
            program = None if errors else candidate
    return RowResult(row=row, cells=shown, program=program, errors=errors, warnings=warnings,
                     partial=partial if errors else None, bad_fields=bad)


def _read_cell(key: str, text: str, data: dict[str, Any], visa_flags: dict[str, bool | None],
               warn: v.Warn, today: _dt.date | None = None) -> None:
    if key in {"name", "specialty", "city", "state", "interview_format", "website", "contacts",
               "notes", "interview_notes", "fit_override_reason", "evidence_source"}:
        data[key] = " ".join(text.split()) if key not in {"notes", "interview_notes"} else text
    elif key == "program_code":
        data[key] = text.replace(" ", "").upper()
    elif key == "location":
        city, _, state = text.rpartition(",") if "," in text else (text, "", "")
        data.setdefault("city", city.strip())
        data.setdefault("state", state.strip())
    elif key == "track":
        data[key] = v.parse_track(text)
    elif key == "hospital_type":
        data[key] = v.parse_hospital_type(text)
    elif key == "size":
        data[key] = v.parse_int(text, "size", low=0, high=10_000)
    elif key == "img_share":
        data[key] = v.parse_percent(text, "IMG share", warn)
    elif key == "visa_sponsorship":
        data[key] = v.parse_visas(text, warn)
    elif key in {"visa_j1", "visa_h1b"}:
        label = "J-1" if key == "visa_j1" else "H-1B"
        try:
            visa_flags[label] = v.parse_yes_no(text, f"{label} sponsorship")
        except ValueError:
            try:  # "J-1/H-1B" typed in a one-visa column still says which
                named = v.parse_visas(text, warn)
            except ValueError:
                named = None
            if named is None:
                raise
            visa_flags[label] = label in named
            for other in named - {label}:
                visa_flags.setdefault(other, True)
    elif key == "min_step2ck":
        data[key] = v.parse_int(text, "Step 2 CK minimum", low=1, high=300)
    elif key == "grad_within_years":
        data[key] = v.parse_int(text, "graduated within (years)", low=0, high=80)
    elif key == "grad_year_min":
        data[key] = v.parse_int(text, "graduation year cutoff", low=1900, high=2200)
    elif key == "grad_cutoff":
        within, year = v.parse_grad_cutoff(text)
        data.setdefault("grad_within_years", within)
        data.setdefault("grad_year_min", year)
    elif key == "usce_months_required":
        months, within = v.parse_usce_months(text, warn)
        data[key] = months
        if within is not None:
            data.setdefault("usce_within_years", within)
    elif key == "usce_within_years":
        data[key] = v.parse_int(text, "U.S. clinical experience within (years)", low=0,
                                high=80)
    elif key == "attempts_accepted":
        data[key] = v.parse_attempts(text)
    elif key in {"eras_deadline", "program_deadline", "interview_date", "limits_as_of",
                 "visa_confirmed_on", "step3_required_by"}:
        data[key] = v.parse_date(text, today=today, warn=warn)
    elif key == "signal":
        data[key] = v.parse_signal(text)
    elif key == "step2ck_matched_median":
        data[key] = v.parse_int(text, "median Step 2 CK of matched residents", low=1, high=300)
    elif key in {"img_interviewed_share", "img_matched_share"}:
        what = "IMGs interviewed" if key == "img_interviewed_share" else "IMGs matched"
        data[key] = v.parse_percent(text, what, warn)
    elif key == "status":
        data[key] = v.parse_status(text)
    elif key == "fit_override":
        data[key] = v.parse_fit_label(text)


def _mapping_for(table: Table, mapping: dict[int, str] | None) -> dict[int, str]:
    chosen = guess_mapping(table.headers) if mapping is None else dict(mapping)
    problems = check_mapping(chosen, table.width)
    if problems:
        raise UserError("the column mapping cannot be used: " + "; ".join(problems),
                        where=table.source, hint="Choose a field for each column you need.")
    return chosen


def preview_import(table: Table, mapping: dict[int, str] | None = None, *,
                   limit: int = 20, today: _dt.date | None = None) -> ImportPreview:
    """Parse the sheet for the preview (no database involved).

    ``rows`` holds the first ``limit`` rows to show; ``not_importable`` every row of the whole
    sheet that would not be imported, with its reason. An unusable mapping is reported in
    ``problems`` rather than raised, so the preview can show it while the user fixes it.
    """
    chosen = guess_mapping(table.headers) if mapping is None else dict(mapping)
    problems = check_mapping(chosen, table.width)
    day = today or _dt.date.today()
    parsed = ([parse_row(n, cells, chosen, today=day) for n, cells in table.rows]
              if not problems else [])
    return ImportPreview(headers=table.headers, mapping=chosen, rows=parsed[:limit],
                         total_rows=len(table.rows), problems=[*table.warnings, *problems],
                         not_importable=[r for r in parsed if r.program is None],
                         ignored=list(table.ignored))


def import_programs(repo: ProgramRepository, table: Table,
                    mapping: dict[int, str] | None = None, *, with_errors: bool = False,
                    today: _dt.date | None = None) -> ImportReport:
    """Add or update programs from every valid row, in one transaction.

    A row that repeats an earlier row of the same file (same code, or same name and city)
    updates it and is reported as a warning. Every row not imported is listed in
    ``not_imported`` (and ``errors``) with its reason.

    Args:
        with_errors: also import rows with errors, leaving the fields in error empty (the
            row and the fields are listed in ``with_empty_fields``). Rows without a name are
            never imported.
        today: the day that places dates without a year in their season (default: today).

    Raises:
        UserError: when the mapping is unusable (no name column, duplicates).
    """
    chosen = _mapping_for(table, mapping)
    only = imported_fields(chosen)
    report = ImportReport(ignored=list(table.ignored), rows_read=len(table.rows))
    day = today or _dt.date.today()
    seen: dict[str, int] = {}
    with savepoint(repo.conn, "programs_import"):
        for n, cells in table.rows:
            result = parse_row(n, cells, chosen, today=day)
            report.warnings.extend(f"row {n}: {w}" for w in result.warnings)
            program = result.program
            if program is None and with_errors and result.partial is not None:
                program = result.partial
                left = ", ".join(COLUMN_BY_KEY[k].header for k in result.bad_fields) or "none"
                report.with_empty_fields.append((n, f"left empty: {left} ({result.reason})"))
            if program is None:
                _not_imported(report, n, result.errors or ["not readable"])
                continue
            key = program.program_code or normalize_key(program.name, program.city,
                                                        program.track)
            if key in seen:
                report.warnings.append(f"row {n}: repeats row {seen[key]}; the later row wins")
            seen[key] = n
            try:
                program_id, created = repo.upsert(program, only)
            except UserError as exc:
                _not_imported(report, n, [exc.message])
                continue
            if created:
                report.created += 1
                report.program_ids.append(program_id)
            else:
                report.updated += 1
                if program_id not in report.program_ids:
                    report.program_ids.append(program_id)
    return report


def _not_imported(report: ImportReport, row: int, errors: list[str]) -> None:
    report.skipped += 1
    report.not_imported.append((row, "; ".join(errors)))
    report.errors.extend(f"row {row}: {e}" for e in errors)
