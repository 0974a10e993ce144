"""Headless subcommands as a user runs them: check, export, import, questions."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

SAMPLE_STATEMENT = Path(__file__).parents[2] / "resources" / "sample" / (
    "statement_internal_medicine.txt")


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "workshop", *args], capture_output=True,
                          text=True, timeout=180, stdin=subprocess.DEVNULL)


@pytest.fixture(scope="module")
def sample_ws(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cmd") / "sample.workshop"
    assert run("init", str(path), "--sample").returncode == 0
    return path


def one_line_error(result: subprocess.CompletedProcess[str]) -> str:
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    return lines[0]


def test_check_clean_statement_exits_0_with_json(tmp_path: Path) -> None:
    result = run("check", str(SAMPLE_STATEMENT), "--format", "json",
                 "--specialty", "Internal Medicine")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["stats"]["words"] == 683
    for issue in data["issues"]:
        assert set(issue) >= {"start", "end", "line", "column", "category", "severity", "rule",
                              "message", "suggestions", "engine"}


def test_check_error_exits_1(tmp_path: Path) -> None:
    bad = tmp_path / "tailored.txt"
    bad.write_text("I am applying to Family Medicine because I love continuity of care.\n",
                   encoding="utf-8")
    result = run("check", str(bad), "--specialty", "Internal Medicine", "--format", "json")
    assert result.returncode == 1
    rules = [i["rule"] for i in json.loads(result.stdout)["issues"] if i["severity"] == "error"]
    assert rules == ["residency.tailoring.specialty"], result.stdout[:500]


def test_check_with_workspace_knows_its_programs(tmp_path: Path) -> None:
    from workshop.core.model.documents import DocumentKind
    from workshop.core.services import init_workspace

    path = tmp_path / "w.workshop"
    with init_workspace(path) as ws:
        ws.documents.create(DocumentKind.PERSONAL_STATEMENT, "A", "x",
                            target_programs=["Harbor View Internal Medicine"])
    copy = tmp_path / "lakeside.txt"
    copy.write_text("I look forward to training at Harbor View Internal Medicine.\n",
                    encoding="utf-8")
    result = run("check", str(copy), "--program", "Lakeside Program", "--workspace", str(path))
    assert result.returncode == 1
    assert "residency.tailoring.program" in result.stdout


@pytest.mark.parametrize("name,content,expect", [
    ("missing.docx", None, "not found"),
    ("fake.docx", b"just text pretending", ".docx"),
    ("binary.txt", bytes(range(256)) * 40, "binary"),
    ("empty.txt", b"", "empty"),
])
def test_check_bad_input_is_one_clear_line(tmp_path: Path, name: str, content: bytes | None,
                                           expect: str) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    result = run("check", str(path))
    assert result.returncode == 1
    assert expect.lower() in one_line_error(result).lower()


def test_check_huge_text_refused(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_bytes(b"word " * (10 * 1024 * 1024))  # 50 MB
    result = run("check", str(path))
    assert result.returncode == 1
    assert "too large" in one_line_error(result).lower()


def test_check_usage_error_exits_2() -> None:
    assert run("check").returncode == 2
    assert run("check", "x.txt", "--engine", "bogus").returncode == 2


def test_export_statement_and_cv(sample_ws: Path, tmp_path: Path) -> None:
    pdf = tmp_path / "ps.pdf"
    result = run("export", "statement", "--workspace", str(sample_ws), "--out", str(pdf))
    assert result.returncode == 0, result.stderr
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "Yasmin Farouk El-Sayed" in text and "bus driver" in text
    cv_pdf = tmp_path / "cv.pdf"
    result = run("export", "cv", "--workspace", str(sample_ws), "--theme", "cv-modern",
                 "--paper", "a4", "--out", str(cv_pdf))
    assert result.returncode == 0, result.stderr
    reader = PdfReader(cv_pdf)
    assert round(float(reader.pages[0].mediabox.width)) == 595  # A4
    assert "MBBCh" in reader.pages[0].extract_text()
    docx_out = tmp_path / "cv.docx"
    assert run("export", "cv", "--workspace", str(sample_ws), "--out",
               str(docx_out)).returncode == 0
    styles = {p.style.name for p in docx.Document(str(docx_out)).paragraphs}
    assert "Heading 1" in styles


def test_export_unknown_theme_and_suffix(sample_ws: Path, tmp_path: Path) -> None:
    result = run("export", "cv", "--workspace", str(sample_ws), "--theme", "nope",
                 "--out", str(tmp_path / "x.pdf"))
    assert result.returncode == 1 and "nope" in one_line_error(result)
    result = run("export", "statement", "--workspace", str(sample_ws), "--out",
                 str(tmp_path / "x.rtf"))
    assert result.returncode == 1 and ".rtf" in one_line_error(result)


def test_jsonresume_round_trip_through_workspace(sample_ws: Path, tmp_path: Path) -> None:
    exported = tmp_path / "resume.json"
    assert run("export", "cv", "--workspace", str(sample_ws), "--out",
               str(exported)).returncode == 0
    data = json.loads(exported.read_text("utf-8"))
    assert data["basics"]["name"] == "Yasmin Farouk El-Sayed"
    fresh = tmp_path / "fresh.workshop"
    assert run("init", str(fresh)).returncode == 0
    result = run("import", "jsonresume", str(exported), "--workspace", str(fresh))
    assert result.returncode == 0, result.stderr
    assert "Imported CV" in result.stdout
    assert run("export", "cv", "--workspace", str(fresh), "--out",
               str(tmp_path / "again.pdf")).returncode == 0


def test_invalid_jsonresume_names_field(tmp_path: Path) -> None:
    fresh = tmp_path / "w.workshop"
    assert run("init", str(fresh)).returncode == 0
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"basics": {"name": 42}}), encoding="utf-8")
    result = run("import", "jsonresume", str(bad), "--workspace", str(fresh))
    assert result.returncode == 1
    assert "basics.name" in one_line_error(result)


def test_import_statement_docx(tmp_path: Path) -> None:
    fresh = tmp_path / "w.workshop"
    assert run("init", str(fresh)).returncode == 0
    source = tmp_path / "draft.docx"
    document = docx.Document()
    document.add_paragraph("Paragraph one about Νίκος and Олена.")
    document.save(source)
    result = run("import", "statement", str(source), "--workspace", str(fresh),
                 "--title", "Draft")
    assert result.returncode == 0, result.stderr
    out = tmp_path / "draft.txt"
    assert run("export", "statement", "--workspace", str(fresh), "--statement", "Draft",
               "--out", str(out)).returncode == 0
    assert "Νίκος and Олена" in out.read_text("utf-8")


def test_questions_listing_json(sample_ws: Path) -> None:
    result = run("questions", "--format", "json", "--workspace", str(sample_ws))
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    questions = data["questions"] if isinstance(data, dict) else data
    assert len(questions) >= 150


def test_programs_listing_and_timeline(sample_ws: Path, tmp_path: Path) -> None:
    result = run("programs", "--workspace", str(sample_ws), "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    programs = data["programs"] if isinstance(data, dict) else data
    assert len(programs) >= 8
    assert all("fit" in p or "label" in json.dumps(p) for p in programs)
    ics = tmp_path / "season.ics"
    assert run("export", "timeline", "--workspace", str(sample_ws), "--out",
               str(ics)).returncode == 0
    from icalendar import Calendar

    calendar = Calendar.from_ical(ics.read_bytes())
    summaries = [str(e.get("summary")) for e in calendar.walk("VEVENT")]
    assert any("Match Day" in s for s in summaries)
    assert any("(SAMPLE)" in s for s in summaries)  # the sample programs' own deadlines


def test_import_programs_csv_reports_rows(tmp_path: Path) -> None:
    fresh = tmp_path / "w.workshop"
    assert run("init", str(fresh)).returncode == 0
    sheet = tmp_path / "mine.csv"
    sheet.write_text("\ufeffProgram;City;State;Min Step 2 CK\nRiver IM;Austin;TX;240\n"
                     "Lake IM;Boise;ID;abc\n", encoding="utf-8")
    result = run("import", "programs", str(sheet), "--workspace", str(fresh))
    assert result.returncode == 0, result.stderr
    assert "row 3" in result.stdout and "abc" in result.stdout
    again = run("import", "programs", str(sheet), "--workspace", str(fresh))
    assert "updated" in again.stdout.lower() or "1 " in again.stdout


def test_letters_listing_and_packets(sample_ws: Path, tmp_path: Path) -> None:
    result = run("letters", "--workspace", str(sample_ws), "--format", "json")
    assert result.returncode == 0, result.stderr
    assert "Ananya Iyer" in result.stdout
    pdf = tmp_path / "packet.pdf"
    result = run("export", "packet", "--workspace", str(sample_ws), "--writer", "Iyer",
                 "--out", str(pdf))
    assert result.returncode == 0, result.stderr
    reader = PdfReader(pdf)
    titles = [item.title for item in reader.outline if hasattr(item, "title")]
    assert len(titles) >= 4, titles
    text = "".join(page.extract_text() for page in reader.pages)
    assert "Letter ID" in text and "SAMPLE0001IM" in text and "bus driver" in text
    archive = tmp_path / "packet.zip"
    assert run("export", "packet", "--workspace", str(sample_ws), "--writer", "Iyer",
               "--out", str(archive)).returncode == 0
    import zipfile

    names = zipfile.ZipFile(archive).namelist()
    assert len(names) == 4 and all(n.endswith(".docx") for n in names)
    from workshop.core.letters.assignments_repo import PacketHistoryRepository
    from workshop.core.storage import open_workspace

    with open_workspace(sample_ws, read_only=True) as ws:
        history = PacketHistoryRepository(ws.conn).for_request(1)
    assert len(history) >= 2 and history[0].statement_label


def test_packet_for_unknown_writer(sample_ws: Path, tmp_path: Path) -> None:
    result = run("export", "packet", "--workspace", str(sample_ws), "--writer", "Nobody",
                 "--out", str(tmp_path / "x.pdf"))
    assert result.returncode == 1 and "Nobody" in one_line_error(result)
