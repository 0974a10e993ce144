from __future__ import annotations

from pathlib import Path

from workshop.core.model.documents import DocumentKind
from workshop.core.services import init_workspace


def test_sample_applicant_is_fictional_and_filled(ws_path: Path) -> None:
    with init_workspace(ws_path, sample=True) as ws:
        profile = ws.profile.get()
        assert profile.is_sample
        assert profile.full_name == "Yasmin Farouk El-Sayed"
        assert profile.email.endswith("@example.org")  # a reserved, undeliverable domain
        statements = ws.documents.list(DocumentKind.PERSONAL_STATEMENT)
        assert statements and 600 <= len(statements[0].body.split()) <= 850
        assert len(ws.documents.versions(statements[0].id)) == 2


def test_sample_history_stays_put_while_the_season_follows_today(tmp_path: Path) -> None:
    """Loading shifts the sample's letter requests to today; a writer's cases stay inside the
    months worked together, and free text names no day the shift would leave behind."""
    import datetime as dt
    import json
    import re

    from workshop.core.letters.writers_repo import WriterRepository
    from workshop.core.resources import resource
    from workshop.core.sample import load_sample

    for offset, today in enumerate((dt.date(2026, 12, 4), dt.date(2027, 2, 20))):
        ws = init_workspace(tmp_path / f"s{offset}.workshop")
        load_sample(ws, today=today)
        writers = WriterRepository(ws.conn).all()
        assert writers
        for writer in writers:
            assert writer.worked_from and writer.worked_to
            start, end = writer.worked_from.to_str(), writer.worked_to.to_str()
            for case in writer.cases:
                assert start <= case.when[:7] <= end, (writer.name, case.when, start, end)
        ws.close()
    month_day = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d")
    for name in ("interviews.json", "letters.json"):
        texts = _strings(json.loads(resource("sample", name).read_text("utf-8")))
        assert texts and not [s for s in texts if month_day.search(s)], name


def _strings(value: object) -> list[str]:
    """Every string inside a JSON value."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for item in value.values() for s in _strings(item)]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    return []


def test_the_sample_statement_versions_show_real_edits(ws_path: Path) -> None:
    with init_workspace(ws_path, sample=True) as ws:
        doc = ws.documents.list(DocumentKind.PERSONAL_STATEMENT)[0]
        oldest, newer = sorted(ws.documents.versions(doc.id), key=lambda v: v.id)
        first = ws.documents.version(oldest.id).body
        second = ws.documents.version(newer.id).body
        current = ws.documents.get(doc.id).body
        assert (oldest.name, newer.name) == ("First full draft", "After Dr. Iyer's comments")
        assert len({first, second, current}) == 3  # each step changed the text
        assert "I am passionate about internal medicine" in first  # a cliché the checks catch
        assert "passionate" not in current
