"""``workshop export statement``: --show-target, and warnings that do not stop the export."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from workshop.core.services import init_workspace
from workshop.core.storage.workspace import open_workspace

PROGRAM = "Mayo Clinic Internal Medicine"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "workshop", *args], capture_output=True,
                          text=True, timeout=180, stdin=subprocess.DEVNULL)


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("flags") / "w.workshop"
    init_workspace(path, sample=True).close()
    ws = open_workspace(path)
    doc = ws.documents.list()[0]
    ws.documents.update(doc.id, target_programs=[PROGRAM])
    ws.close()
    return path


def _page_text(pdf: Path) -> str:
    return "".join(page.extract_text() for page in PdfReader(pdf).pages)


def test_the_program_is_printed_only_with_show_target(workspace: Path, tmp_path: Path) -> None:
    plain, named = tmp_path / "plain.pdf", tmp_path / "named.pdf"
    result = run("export", "statement", "--workspace", str(workspace), "--no-check",
                 "--out", str(plain))
    assert result.returncode == 0, result.stderr
    assert PROGRAM not in _page_text(plain) and "Yasmin Farouk El-Sayed" in _page_text(plain)
    result = run("export", "statement", "--workspace", str(workspace), "--no-check",
                 "--show-target", "--out", str(named))
    assert result.returncode == 0, result.stderr
    assert PROGRAM in _page_text(named)
    assert PROGRAM not in str(PdfReader(named).metadata)


def test_an_over_long_statement_is_written_with_warnings(workspace: Path, tmp_path: Path) -> None:
    ws = open_workspace(workspace)
    doc = ws.documents.list()[0]
    original = doc.body
    ws.documents.save_working_copy(doc.id, "\n\n".join([original] * 7))
    ws.close()
    try:
        out = tmp_path / "long.txt"
        result = run("export", "statement", "--workspace", str(workspace), "--out", str(out),
                     "--no-check")
        assert result.returncode == 0, result.stderr
        assert out.is_file() and "Wrote" in result.stdout
        warnings = [line for line in result.stderr.splitlines() if line.startswith("warning: ")]
        assert any("MyERAS refuses more than 28,000" in w for w in warnings), result.stderr
        pdf = tmp_path / "long.pdf"
        result = run("export", "statement", "--workspace", str(workspace), "--out", str(pdf),
                     "--no-check")
        assert result.returncode == 0 and pdf.is_file()
        pages = len(PdfReader(pdf).pages)
        assert f"It runs to {pages} pages in the PDF" in result.stderr
    finally:
        ws = open_workspace(workspace)
        ws.documents.save_working_copy(doc.id, original)
        ws.close()


def test_the_checker_runs_by_default_and_a_clean_statement_warns_nothing(
    workspace: Path, tmp_path: Path
) -> None:
    result = run("export", "statement", "--workspace", str(workspace), "--out",
                 str(tmp_path / "s.pdf"))
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert all(line.startswith("warning: ") for line in result.stderr.splitlines())
