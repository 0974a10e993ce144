"""``workshop import statement FILE`` prints the import report after "Imported …"."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

FIXTURE = Path(__file__).parents[1] / "fixtures" / "textio" / "structured_statement.docx"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "workshop", *args], capture_output=True,
                          text=True, timeout=180, stdin=subprocess.DEVNULL)


def test_import_prints_the_report(tmp_path: Path) -> None:
    workspace = tmp_path / "w.workshop"
    assert run("init", str(workspace)).returncode == 0
    result = run("import", "statement", str(FIXTURE), "--workspace", str(workspace))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Imported statement “Why Internal Medicine” (")
    assert lines[1] == "  Title from the first heading (not repeated in the text)."
    assert "  Kept 5 bullet points as “• ” lines." in lines
    assert "  Kept 7 numbered items with their numbers." in lines
    assert "  1 image was left out (ERAS takes text only)." in lines
    assert any("Yasmin Haddad" in line for line in lines)
    out = tmp_path / "back.txt"
    exported = run("export", "statement", "--workspace", str(workspace), "--statement",
                   "Why Internal Medicine", "--out", str(out))
    assert exported.returncode == 0, exported.stderr
    assert "2023 | Intern | Gdańsk" in out.read_text("utf-8")


def test_empty_docx_is_one_clear_line(tmp_path: Path) -> None:
    import docx

    workspace = tmp_path / "w.workshop"
    assert run("init", str(workspace)).returncode == 0
    empty = tmp_path / "empty.docx"
    docx.Document().save(str(empty))
    result = run("import", "statement", str(empty), "--workspace", str(workspace))
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert "empty" in result.stderr
