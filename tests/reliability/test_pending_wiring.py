"""Issue 19 behaviour that lives where two modules meet: our CSV escape undone by our own
importer, bidi controls in ERAS-safe text, the JSON Resume import keeping the old CV, and
.xlsx bombs refused by the program importer before openpyxl opens them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from workshop import cli
from workshop.core.checks.rules.eras_safe import make_eras_safe
from workshop.core.cv import eras
from workshop.core.programs.csv_export import programs_to_csv
from workshop.core.programs.model import Program
from workshop.core.programs.tabular import read_table_bytes

PAYLOADS = ["=1+1", "-1+1", "+1", "@SUM(1)"]


def test_programs_csv_round_trip_through_the_importer() -> None:
    data = programs_to_csv([Program(name=p, id=i + 1) for i, p in enumerate(PAYLOADS)])
    table = read_table_bytes(data.encode("utf-8"), "programs.csv")
    column = table.headers.index(table.headers[0])
    assert [row[column] for _, row in table.rows] == PAYLOADS


def test_eras_safe_fix_keeps_words_apart() -> None:
    assert make_eras_safe("at\u2067Cairo\u2069today") == "at Cairo today"


def test_cv_eras_text_keeps_words_apart() -> None:
    assert eras.eras_safe("at\u2067Cairo\u2069today") == "at Cairo today"


def test_cli_jsonresume_import_keeps_the_previous_cv(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    ws = str(tmp_path / "ws.workshop")
    assert cli.main(["init", ws]) == 0
    for name in ("Old Name", "New Name"):
        path = tmp_path / f"{name.split()[0]}.json"
        path.write_text(json.dumps({"basics": {"name": name}}), encoding="utf-8")
        assert cli.main(["import", "jsonresume", str(path), "--workspace", ws]) == 0
    out = capsys.readouterr().out
    assert "Your previous CV was kept as the version “Before import of New.json”" in out


def test_an_xlsx_bomb_is_refused_by_the_program_importer_before_openpyxl() -> None:
    from tests.reliability.hostile import wide_row_sheet, xlsx_with_parts
    from workshop.core.errors import UserError

    bomb = xlsx_with_parts({"xl/worksheets/sheet1.xml": wide_row_sheet(600_000)})
    with pytest.raises(UserError, match="zip bomb|cells|inflate|compressed"):
        read_table_bytes(bomb, "programs.xlsx")
