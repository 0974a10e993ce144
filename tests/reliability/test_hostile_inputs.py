"""Hostile and broken files into every importer: a clear UserError, in bounded time, no crash.

Importers: statements (.docx/.txt/.md), workbooks (the .xlsx bounds the programs importer
applies), JSON Resume, theme files, question files, workspace files (program CSVs and reviewed
.docx have their own suites beside their code; CSV escaping, the .ics and the CLI's messages
are in this folder too). Hangs are turned into failures by an alarm rather than by timing
assertions; tests/benchmarks/hostile_report.py measures time and memory per case.
"""

from __future__ import annotations

import io
import json
import signal
import sqlite3
import zipfile
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.reliability import hostile
from workshop.core.cv.jsonresume import import_json_resume
from workshop.core.drills.bank import load_bank
from workshop.core.errors import UserError
from workshop.core.export.themes import load_theme
from workshop.core.storage import open_workspace
from workshop.core.textio import read_statement_file
from workshop.core.textio.bounded_zip import check_xlsx

TRIED: Counter[str] = Counter()
FUZZ = settings(max_examples=60, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture])
LIMIT_SECONDS = 60


@pytest.fixture(autouse=True)
def _alarm() -> Iterator[None]:
    def hang(*_args: object) -> None:
        raise TimeoutError(f"an importer hung for {LIMIT_SECONDS} s")

    previous = signal.signal(signal.SIGALRM, hang)
    signal.alarm(LIMIT_SECONDS)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


def refused(kind: str, call: Callable[[], object]) -> str:
    """Run an importer on a bad input; it must raise UserError with a useful message."""
    TRIED[kind] += 1
    with pytest.raises(UserError) as info:
        call()
    message = str(info.value)
    assert len(message) > 15 and "Traceback" not in message
    return message


STATEMENT_CASES: dict[str, tuple[str, bytes | None]] = {
    "empty.docx": ("docx", b""),
    "truncated.docx": ("docx", hostile.valid_docx_bytes()[:700]),
    "png.docx": ("docx", b"\x89PNG\r\n\x1a\n" + b"\x00" * 200),
    "old-word.docx": ("docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600),
    "nul.txt": ("txt", b"abc\x00\x00\x00def" * 200),
    "latin1.txt": ("txt", "Café résumé naïve".encode("latin-1") * 3),
    "empty.md": ("md", b"   \n\n "),
    "binary.md": ("md", bytes(range(256)) * 10),
    "xml-garbage.docx": ("docx", hostile.docx_with_document_xml("<w:document><unclosed>")),
    "billion-laughs.docx": ("docx", hostile.docx_with_document_xml(hostile.BILLION_LAUGHS)),
    "xxe.docx": ("docx", hostile.docx_with_document_xml(hostile.XXE_FILE)),
    "strict-but-empty.docx": ("docx", hostile.strict_docx_bytes("")),
    "enormous-paragraph.docx": ("docx", hostile.huge_paragraph_docx()),
}


@pytest.mark.parametrize("name", sorted(STATEMENT_CASES))
def test_statement_files(tmp_path: Path, name: str) -> None:
    _, content = STATEMENT_CASES[name]
    path = tmp_path / name
    path.write_bytes(content or b"")
    refused("statement file", lambda: read_statement_file(path))


def test_statement_zip_bomb(tmp_path: Path) -> None:
    path = hostile.zip_bomb_docx(tmp_path / "bomb.docx")
    assert path.stat().st_size < 2_000_000
    message = refused("statement file", lambda: read_statement_file(path))
    assert "inflate" in message.lower() and "zip bomb" in message.lower()


def test_strict_ooxml_statement_is_read(tmp_path: Path) -> None:
    path = tmp_path / "strict.docx"
    path.write_bytes(hostile.strict_docx_bytes("My statement in Strict Open XML."))
    TRIED["statement file"] += 1
    assert read_statement_file(path) == "My statement in Strict Open XML."


def test_entity_declarations_in_any_part_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "styles-attack.docx"
    source = zipfile.ZipFile(io.BytesIO(hostile.valid_docx_bytes()))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/styles.xml":
                data = hostile.BILLION_LAUGHS.replace("w:document", "w:styles").encode()
            target.writestr(item, data)
    message = refused("statement file", lambda: read_statement_file(path))
    assert "word/styles.xml" in message and "XML attack" in message


XLSX_CASES: dict[str, dict[str, object]] = {
    "3M-cells-one-row": {"xl/worksheets/sheet1.xml": hostile.wide_row_sheet(3_000_000)},
    "120k-rows": {"xl/worksheets/sheet1.xml": hostile.many_rows_sheet(120_000)},
    "shared-strings-200MB": {"xl/sharedStrings.xml": hostile.shared_strings(200)},
    "billion-laughs": {"xl/worksheets/sheet1.xml": hostile.XLSX_BILLION_LAUGHS},
    "xxe": {"xl/worksheets/sheet1.xml": hostile.XXE_FILE.replace("w:document",
                                                                 "worksheet").encode()},
    "many-texts": {"xl/sharedStrings.xml": b"<sst>" + b"<si><t>x</t></si>" * 600_000
                   + b"</sst>"},
}


@pytest.mark.parametrize("name", sorted(XLSX_CASES))
def test_workbook_bombs(tmp_path: Path, name: str) -> None:
    """What the programs importer calls before openpyxl (see bounded_zip.check_xlsx)."""
    path = tmp_path / f"{name}.xlsx"
    path.write_bytes(hostile.xlsx_with_parts(XLSX_CASES[name]))  # type: ignore[arg-type]
    assert path.stat().st_size < 2_000_000
    message = refused("workbook", lambda: check_xlsx(path))
    assert path.name in message and ("Excel" in message or "workbook" in message)


@FUZZ
@given(data=st.binary(max_size=2048))
def test_random_bytes_workbook(data: bytes) -> None:
    TRIED["workbook"] += 1
    try:
        check_xlsx(b"PK\x03\x04" + data, where="random.xlsx")
    except UserError as exc:
        assert str(exc)


def test_external_entity_is_not_resolved(tmp_path: Path) -> None:
    path = tmp_path / "xxe.docx"
    path.write_bytes(hostile.docx_with_document_xml(hostile.XXE_FILE))
    TRIED["statement file"] += 1
    try:
        text = read_statement_file(path)
    except UserError:
        return  # refused outright is fine too
    assert "root:" not in text


@FUZZ
@given(data=st.binary(max_size=4096), suffix=st.sampled_from([".docx", ".txt", ".md"]))
def test_random_bytes_statement(tmp_path: Path, data: bytes, suffix: str) -> None:
    path = tmp_path / f"random{suffix}"
    path.write_bytes(data)
    TRIED["statement file"] += 1
    try:
        text = read_statement_file(path)
    except UserError as exc:
        assert str(exc)
        return
    assert isinstance(text, str) and text.strip()


JSON_CASES = {
    "truncated": b'{"basics": {"name": "Yas',
    "invalid-utf8": b'{"basics": {"name": "\xff\xfe"}}',
    "deep": b"[" * 100_000 + b"]" * 100_000,
    "nan": b'{"basics": {"name": NaN}}',
    "list-top": b"[1, 2, 3]",
    "wrong-type": json.dumps({"work": "not a list"}).encode(),
    "nul": b'{"basics": {"name": "a\x00b"}}\x00',
    "huge": b'{"basics": {"summary": "' + b"x" * 3_000_000 + b'"}}',
    "sample-job": json.dumps({"title": "Web Developer", "company": "Microsoft",
                              "responsibilities": ["x"], "skills": [{"name": "HTML"}]}).encode(),
    "basic-not-basics": json.dumps({"basic": {"name": "Yasmin"}}).encode(),
    "empty-object": b"{}",
    "lone-surrogate": b'{"basics": {"name": "Ya\\ud800smin"}}',
    "huge-number": b'{"basics": {"name": "Y"}, "n": ' + b"9" * 5000 + b"}",
}


@pytest.mark.parametrize("name", sorted(JSON_CASES))
def test_json_resume(tmp_path: Path, name: str) -> None:
    path = tmp_path / f"{name}.json"
    path.write_bytes(JSON_CASES[name])
    message = refused("JSON Resume", lambda: import_json_resume(path))
    assert "sys." not in message and "internal" not in message


@FUZZ
@given(st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=20),
                    lambda children: st.lists(children, max_size=4)
                    | st.dictionaries(st.sampled_from(["basics", "work", "education", "name",
                                                       "startDate", "skills"]), children,
                                      max_size=4), max_leaves=30))
def test_random_json_resume(tmp_path: Path, doc: object) -> None:
    path = tmp_path / "random.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    TRIED["JSON Resume"] += 1
    try:
        import_json_resume(path)
    except UserError as exc:
        assert str(exc)


THEME_CASES = {
    "garbage": "this is not = = toml",
    "wrong-type": '[meta]\nkind = 5\n',
    "typo-key": '[meta]\nkind = "cv"\n[page]\nmargn = 20\n',
    "deep": "a = " + "[" * 5000 + "]" * 5000,
    "invalid-utf8": None,
    "huge-number": "[page]\nmargin = " + "9" * 5000 + "\n",
    "huge": "# " + "x" * 300_000,
}


@pytest.mark.parametrize("name", sorted(THEME_CASES))
def test_theme_files(tmp_path: Path, name: str) -> None:
    path = tmp_path / f"broken-{name}.toml"
    content = THEME_CASES[name]
    path.write_bytes(b"\xff\xfe[meta]" if content is None else content.encode())
    message = refused("theme file", lambda: load_theme(path.stem, [tmp_path]))
    assert path.name in message and "sys." not in message


QUESTION_CASES = {
    "garbage": "not toml at all [[[",
    "missing-fields": '[[questions]]\nid = "x-1"\n',
    "bad-category": '[[questions]]\nid = "x-1"\ntext = "Why?"\ncategory = "nope"\n'
                    'answer_seconds = 60\nlook_for = "a"\n',
    "invalid-utf8": None,
    "huge": "# " + "x" * 2_000_000,
}


@pytest.mark.parametrize("name", sorted(QUESTION_CASES))
def test_question_files(tmp_path: Path, name: str) -> None:
    path = tmp_path / f"{name}.toml"
    content = QUESTION_CASES[name]
    path.write_bytes(b"\xff\xfe" if content is None else content.encode())
    refused("question file", lambda: load_bank([path]))


@FUZZ
@given(st.binary(min_size=0, max_size=8192))
def test_random_workspace_files(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "random.workshop"
    path.write_bytes(b"SQLite format 3\x00" + data if data[:1] == b"\x00" else data)
    TRIED["workspace file"] += 1
    with pytest.raises(UserError):
        open_workspace(path)


def test_sqlite_file_of_another_app(tmp_path: Path) -> None:
    path = tmp_path / "other.workshop"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    refused("workspace file", lambda: open_workspace(path))


def test_zz_report_counts() -> None:
    """Printed for the closing note (run with -s)."""
    print("hostile inputs tried by kind:", dict(TRIED))
    assert sum(TRIED.values()) > 0
