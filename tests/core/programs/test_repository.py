from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from tests.core.programs.conftest import make_conn
from workshop.core.errors import UserError
from workshop.core.programs.model import Program, ProgramEvent
from workshop.core.programs.repository import ProgramRepository


def _program(**kw: object) -> Program:
    data: dict[str, object] = {"name": "Riverside Community Medical Center (SAMPLE)",
                               "program_code": "9990140C0", "city": "Riverside", "state": "CA",
                               "specialty": "Internal Medicine", "track": "categorical"}
    data.update(kw)
    return Program(**data)  # type: ignore[arg-type]


def test_round_trip_every_field(repo: ProgramRepository, conn: sqlite3.Connection) -> None:
    conn.execute("INSERT INTO documents (id) VALUES (7)")
    original = _program(hospital_type="community", size=14, img_share=62.5,
                        visa_sponsorship=frozenset({"J-1", "H-1B"}), min_step2ck=220,
                        grad_within_years=5, usce_months_required=3, usce_within_years=3,
                        attempts_accepted=2, interview_format="virtual",
                        program_deadline=dt.date(2026, 10, 1), track="advanced",
                        limits_as_of=dt.date(2026, 9, 1), visa_confirmed_on=dt.date(2026, 11, 2),
                        step3_required_by=dt.date(2027, 2, 15), signal="gold",
                        step2ck_matched_median=238, img_interviewed_share=52.5,
                        img_matched_share=45.0, evidence_source="Residency Explorer 2026",
                        website="https://x.example.org", contacts="c@example.org",
                        notes="multi\nline", interview_date=dt.date(2026, 11, 12),
                        interview_notes="Nice team", statement_document_id=7,
                        fit_override="reach", fit_override_reason="mentor call")
    pid = repo.add(original)
    loaded = repo.get(pid)
    original.id = pid
    assert loaded == original


def test_visa_unknown_and_none_are_different(repo: ProgramRepository) -> None:
    a = repo.add(_program(program_code="", name="A (SAMPLE)", visa_sponsorship=None))
    b = repo.add(_program(program_code="", name="B (SAMPLE)", visa_sponsorship=frozenset()))
    assert repo.get(a).visa_sponsorship is None
    assert repo.get(b).visa_sponsorship == frozenset()


def test_list_filters_and_order(repo: ProgramRepository) -> None:
    repo.add(_program(program_code="", name="beta (SAMPLE)", status="applied"))
    repo.add(_program(program_code="", name="Alpha (SAMPLE)", specialty="Family Medicine"))
    assert [p.name for p in repo.list_programs()] == ["Alpha (SAMPLE)", "beta (SAMPLE)"]
    assert [p.name for p in repo.list_programs(status="applied")] == ["beta (SAMPLE)"]
    assert [p.name for p in repo.list_programs(specialty="family medicine")] == ["Alpha (SAMPLE)"]


def test_events_move_status_and_refuse_steps_back(repo: ProgramRepository) -> None:
    pid = repo.add(_program())
    repo.add_event(pid, ProgramEvent("applied", dt.date(2026, 9, 3)))
    repo.add_event(pid, ProgramEvent("interview-invited", dt.date(2026, 10, 14), "email"))
    assert repo.get(pid).status == "interview-invited"
    with pytest.raises(UserError, match="back to"):
        repo.add_event(pid, ProgramEvent("applied", dt.date(2026, 10, 20)))
    # A back-dated event is history: it does not change the current status.
    repo.add_event(pid, ProgramEvent("researching", dt.date(2026, 8, 1)))
    program = repo.get(pid)
    assert program.status == "interview-invited"
    assert [e.status for e in program.events] == ["researching", "applied", "interview-invited"]
    repo.delete_event(program.events[-1].id or 0)
    assert repo.get(pid).status == "applied"


def test_list_with_events(repo: ProgramRepository) -> None:
    pid = repo.add(_program(events=[ProgramEvent("applied", dt.date(2026, 9, 3))]))
    (program,) = repo.list_programs(with_events=True)
    assert program.id == pid and [e.status for e in program.events] == ["applied"]


def test_delete_cascades_events(repo: ProgramRepository, conn: sqlite3.Connection) -> None:
    pid = repo.add(_program())
    repo.add_event(pid, ProgramEvent("applied", dt.date(2026, 9, 3)))
    repo.delete(pid)
    assert conn.execute("SELECT count(*) FROM program_events").fetchone()[0] == 0
    with pytest.raises(UserError, match="does not exist"):
        repo.get(pid)


def test_duplicate_code_is_a_user_error(repo: ProgramRepository) -> None:
    repo.add(_program())
    with pytest.raises(UserError, match="already used"):
        repo.add(_program(name="Other (SAMPLE)"))


def test_update_unknown_program(repo: ProgramRepository) -> None:
    with pytest.raises(UserError, match="never saved"):
        repo.update(_program())
    with pytest.raises(UserError, match="does not exist"):
        repo.update(_program(id=999))


def test_find_existing_by_code_then_name_city(repo: ProgramRepository) -> None:
    cat = repo.add(_program(program_code=""))
    prelim = repo.add(_program(program_code="", track="preliminary"))
    # No track given: both tracks match name+city, so the row is ambiguous and counts as new.
    assert repo.find_existing(_program(program_code="", track="")) is None
    assert repo.find_existing(_program(program_code="", name="riverside community "
                                       "medical center (sample)", city="RIVERSIDE")) == cat
    assert repo.find_existing(_program(program_code="", track="preliminary")) == prelim
    coded = repo.add(_program(name="Coded (SAMPLE)", program_code="9990140C1"))
    assert repo.find_existing(_program(name="Renamed (SAMPLE)", program_code="9990140C1")) == coded


def test_upsert_only_touches_given_fields(repo: ProgramRepository) -> None:
    pid = repo.add(_program(status="interviewed", interview_notes="kind PD", min_step2ck=220))
    same, created = repo.upsert(_program(min_step2ck=225), only={"name", "min_step2ck"})
    assert (same, created) == (pid, False)
    program = repo.get(pid)
    assert program.min_step2ck == 225
    assert program.status == "interviewed" and program.interview_notes == "kind PD"


@pytest.mark.parametrize("isolation", [None, ""])
def test_failed_write_rolls_back_in_both_isolation_modes(isolation: str | None) -> None:
    conn = make_conn(isolation)
    repo = ProgramRepository(conn)
    bad = _program(events=[ProgramEvent("applied", dt.date(2026, 9, 3))])
    bad.events.append(ProgramEvent("bogus", dt.date(2026, 9, 4)))  # type: ignore[arg-type]
    with pytest.raises(sqlite3.IntegrityError):
        repo.add(bad)
    assert conn.execute("SELECT count(*) FROM programs").fetchone()[0] == 0
    repo.add(_program())
    if isolation == "":
        conn.commit()
    assert conn.execute("SELECT count(*) FROM programs").fetchone()[0] == 1
    conn.close()


def test_ddl_applies_on_top_of_the_workspace_schema() -> None:
    """The DDL is one of the workspace migrations, and its foreign key to documents holds."""
    from workshop.core.programs.schema import PROGRAMS_DDL
    from workshop.core.storage.schema import MIGRATIONS

    assert list(PROGRAMS_DDL) in MIGRATIONS
    conn = sqlite3.connect(":memory:", isolation_level=None)
    conn.execute("PRAGMA foreign_keys=ON")
    for step in MIGRATIONS:
        for statement in step:
            conn.execute(statement)
    doc = conn.execute("INSERT INTO documents (kind, title) VALUES ('personal_statement', 'IM')"
                       ).lastrowid
    repo = ProgramRepository(conn)
    pid = repo.add(_program(statement_document_id=doc))
    with pytest.raises(UserError):
        repo.add(_program(program_code="9990140C9", statement_document_id=9999))
    conn.execute("DELETE FROM documents WHERE id = ?", (doc,))
    assert repo.get(pid).statement_document_id is None
