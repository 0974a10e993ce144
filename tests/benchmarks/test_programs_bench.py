"""Programs benchmarks (pytest-benchmark): 500 programs imported, labelled and listed.

The normal run executes each once, untimed; numbers go in the report, not in asserts."""

from __future__ import annotations

import datetime as dt
import sqlite3

from workshop.core.programs.csv_export import programs_to_csv
from workshop.core.programs.fit import ApplicantProfile, assess_all, mix_summary
from workshop.core.programs.importer import import_programs
from workshop.core.programs.listing import programs_listing
from workshop.core.programs.model import Program
from workshop.core.programs.repository import ProgramRepository
from workshop.core.programs.schema import create_tables
from workshop.core.programs.tabular import read_table_bytes

TODAY = dt.date(2026, 9, 1)
PROFILE = ApplicantProfile(step2ck=246, graduation_year=2021, usce_months=6,
                           usce_last_year=2024, needs_visa="J-1",
                           specialties=frozenset({"Internal Medicine"}))
VISAS = [frozenset(), frozenset({"J-1"}), frozenset({"H-1B"}), frozenset({"J-1", "H-1B"}), None]


def _csv(n: int = 500) -> bytes:
    programs = [
        Program(name=f"Synthetic Program {i} (SAMPLE)", program_code=f"{9000 + i % 1000:04d}"
                f"{140:03d}C{i // 1000}", specialty="Internal Medicine", track="categorical",
                city=f"City {i % 40}", state="NY", img_share=float(i % 90),
                visa_sponsorship=VISAS[i % 5], min_step2ck=None if i % 7 == 0 else 200 + i % 55,
                grad_within_years=None if i % 3 else 3 + i % 6, usce_months_required=i % 4,
                program_deadline=dt.date(2026, 9, 24) + dt.timedelta(days=i % 60))
        for i in range(n)
    ]
    return programs_to_csv(programs).encode("utf-8")


def _import(data: bytes) -> ProgramRepository:
    conn = sqlite3.connect(":memory:", isolation_level=None)
    conn.execute("CREATE TABLE documents (id INTEGER PRIMARY KEY)")
    create_tables(conn)
    repo = ProgramRepository(conn)
    report = import_programs(repo, read_table_bytes(data, "bench.csv"))
    assert report.created == 500 and not report.errors
    return repo


def test_import_500(benchmark) -> None:  # type: ignore[no-untyped-def]
    data = _csv()
    repo = benchmark(_import, data)
    assert len(repo.list_programs()) == 500


def test_reimport_500_updates(benchmark) -> None:  # type: ignore[no-untyped-def]
    data = _csv()
    repo = _import(data)
    from workshop.core.programs.tabular import read_table_bytes as read

    report = benchmark(lambda: import_programs(repo, read(data, "again.csv")))
    assert report.updated == 500 and report.created == 0


def test_label_and_list_500(benchmark) -> None:  # type: ignore[no-untyped-def]
    repo = _import(_csv())
    programs = repo.list_programs()

    def run() -> str:
        mix_summary(assess_all(programs, PROFILE, TODAY))
        return programs_listing(programs, PROFILE, "text", today=TODAY)

    text = benchmark(run)
    assert text.count("Fit: ") == 500
