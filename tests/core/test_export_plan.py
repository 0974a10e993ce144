"""Exports split by thread: planning reads the workspace and imports no writer; writing is pure.

Why: the first statement PDF export blocked the window for half a second, mostly importing
reportlab and python-docx on the GUI thread. Planning (GUI thread) must now stay light, which is
checked structurally (what got imported), not by timing.
"""

from __future__ import annotations

import re
import subprocess
import sys
import textwrap
from pathlib import Path

from workshop.core.changes import NOTHING, Changes
from workshop.core.exports import plan_export
from workshop.core.services import init_workspace

ROOT = Path(__file__).resolve().parents[2]


def test_planning_a_statement_pdf_imports_no_writer(tmp_path: Path) -> None:
    ws_path = tmp_path / "w.workshop"
    init_workspace(ws_path, sample=True).close()
    code = textwrap.dedent(f"""
        import sys
        from pathlib import Path
        from workshop.core import statements
        from workshop.core.storage.workspace import open_workspace
        ws = open_workspace(Path({str(ws_path)!r}))
        doc = ws.documents.list()[0]
        write = statements.plan_statement_export(ws, doc, Path({str(tmp_path / 'o.pdf')!r}))
        planned = [m for m in ("reportlab", "docx") if m in sys.modules]
        written = write()
        loaded = [m for m in ("reportlab", "docx") if m in sys.modules]
        print(planned, loaded, written.stat().st_size)
    """)
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    size = int(proc.stdout.split()[-1])
    assert proc.stdout.startswith("[] "), f"planning imported a writer: {proc.stdout}"
    assert "'reportlab'" in proc.stdout and size > 10_000


def test_plans_say_what_they_change(tmp_path: Path) -> None:
    ws = init_workspace(tmp_path / "w.workshop", sample=True)
    statement = ws.documents.list()[0]
    plan = plan_export(ws, f"statement:{statement.id}", "statement", "letter", tmp_path / "s.pdf")
    path, changes = plan.finish(plan.write())
    assert path == tmp_path / "s.pdf" and path.read_bytes().startswith(b"%PDF")
    assert changes == NOTHING
    cv = plan_export(ws, "cv", "cv-classic", "a4", tmp_path / "cv.json")
    assert '"basics"' in cv.finish(cv.write())[0].read_text(encoding="utf-8")
    from workshop.core.exports import catalogue

    packet = next(item for item in catalogue(ws) if item.key.startswith("packet:"))
    plan = plan_export(ws, packet.key, "packet", "letter", tmp_path / "packet.pdf")
    path, changes = plan.finish(plan.write())
    assert path.is_file() and changes == Changes(letters=True), "a packet's history is recorded"
    ws.close()


def test_the_export_list_tells_every_document_apart(tmp_path: Path) -> None:
    from workshop.core.exports import catalogue

    ws = init_workspace(tmp_path / "w.workshop", sample=True)
    labels = [item.label for item in catalogue(ws)]
    assert len(set(labels)) == len(labels)
    assert "Packet — Dr. Nikos Papadakis (Internal Medicine)" in labels
    assert "Packet — Dr. Nikos Papadakis (General)" in labels  # same writer, another specialty


def test_suggested_file_names_are_portable_and_say_whose_and_what(tmp_path: Path) -> None:
    from workshop.core.exports import catalogue, safe_file_part, suggested_file_name

    ws = init_workspace(tmp_path / "w.workshop", sample=True)
    names = {item.key.partition(":")[0]: suggested_file_name(ws, item, ".pdf")
             for item in catalogue(ws)}
    assert names["cv"] == "Yasmin_Farouk_El-Sayed_CV.pdf"
    assert names["statement"] == \
        "Yasmin_Farouk_El-Sayed_Statement_Internal_Medicine_main_statement.pdf"
    assert names["packet"].startswith("Yasmin_Farouk_El-Sayed_Packet_")
    assert all(re.fullmatch(r"[A-Za-z0-9_.-]+", n) for n in names.values()), names
    assert safe_file_part("José Müller, MD") == "Jose_Muller_MD"
    assert safe_file_part("ياسمين") == ""  # another script: left out, not garbled
