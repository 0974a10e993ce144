"""Time, peak memory, exit code and message for each hostile input of issue 19, in a child
process each (``os.wait4`` gives the child's own peak RSS), for the closing report.

Run from the checkout::

    .venv/bin/python tests/benchmarks/hostile_report.py [--tree /tmp/before] [--heavy]

``--tree`` runs the cases against another checkout of the code (e.g. a ``git worktree`` of the
commit before the fix) so "before" and "after" come from the same machine. Heavy "before" cases
(gigabytes) run only with ``--heavy``; children are capped at 4 GB of address space and 90 s.
The normal test run never times anything: this is a report, not a test.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.reliability import hostile  # noqa: E402

LIMIT_BYTES = 4 * 1024**3
LIMIT_SECONDS = 90

SAMPLE_JOB = {"title": "Web Developer", "company": "Microsoft", "type": "Full-time",
              "date": "2017-12", "remote": "Full", "salary": "100000",
              "responsibilities": ["Build"], "qualifications": ["Know"],
              "skills": [{"name": "HTML", "level": "Master", "keywords": ["HTML"]}]}
RESUME_ONGOING = {"basics": {"name": "Yasmin Haddad"},
                  "work": [{"name": "Hospital", "position": "House officer",
                            "startDate": "2024-03", "endDate": ""}]}

# Child snippets for what has no CLI of its own (run with the tree under test on sys.path).
XLSX_CHILD = """
import sys, warnings
from workshop.core.errors import UserError
from workshop.core.programs.tabular import read_table
try:
    try:
        from workshop.core.textio.bounded_zip import check_xlsx
    except ImportError:
        check_xlsx = None
    if check_xlsx is not None:
        check_xlsx(sys.argv[1])
    table = read_table(sys.argv[1])
    print(f"read {len(table.rows)} rows")
except UserError as exc:
    print(exc); sys.exit(1)
"""
CSV_CHILD = """
import csv, io
from workshop.core.programs.model import Program
from workshop.core.programs.csv_export import programs_to_csv
from workshop.core.programs.ranking import RankSheet, rank_list_csv
payloads = ["=1+1", "+1+1", "-1+1", "@SUM(1)", "\\t=1", "\\r=1", "=HYPERLINK(1)"]
programs = [Program(name=p, id=i + 1, status="interviewed", track="categorical")
            for i, p in enumerate(payloads)]
def live(text, column):
    rows = list(csv.reader(io.StringIO(text.lstrip("\\ufeff"), newline="")))[1:]
    return sum(1 for row in rows if row[column][:1] in set("=+-@\\t\\r") and row[column])
print(f"programs CSV: {live(programs_to_csv(programs), 0)} of 7 payloads live; rank list: "
      f"{live(rank_list_csv(programs, RankSheet()), 1)} of 7 live")
"""
ICS_CHILD = """
import datetime as dt
from workshop.core.programs.model import Program
from workshop.core.season.ics import timeline_to_ics
from workshop.core.season.events import TimelineEvent
from workshop.core.season.timeline import from_user_date, user_dates_from_programs
p = Program(name="Riverside IM", id=7, interview_date=dt.date(2027, 1, 12),
            interview_notes="PD seemed cold")
events = [from_user_date(d) for d in user_dates_from_programs([p])]
events.append(TimelineEvent(key="c:x", title="Visit\\u2067Cairo\\u2069today", kind="custom",
                            date=dt.date(2027, 1, 5)))
text = timeline_to_ics(events, now=dt.datetime(2026, 12, 2)).replace("\\r\\n ", "")
print("interview notes in .ics:", "PD seemed cold" in text, "| bidi title:",
      [line for line in text.splitlines() if line.startswith("SUMMARY:Visit")])
"""
THEME_CHILD = """
import sys
from pathlib import Path
from workshop.core.errors import UserError
from workshop.core.export.themes import load_theme
path = Path(sys.argv[1])
try:
    load_theme(path.stem, [path.parent]); print("loaded")
except UserError as exc:
    print(exc); sys.exit(1)
"""


def _write(folder: Path, name: str, data: bytes | str) -> Path:
    path = folder / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def _xlsx(folder: Path, name: str, parts: dict[str, object]) -> Path:
    return _write(folder, name, hostile.xlsx_with_parts(parts))  # type: ignore[arg-type]


def cases(folder: Path, heavy: bool) -> list[tuple[str, list[str], bool]]:
    """(name, argv after the interpreter, heavy before) for every case."""
    ws = str(folder / "ws.workshop")
    cli = ["-m", "workshop"]
    sheet = "xl/worksheets/sheet1.xml"
    build: list[tuple[str, Callable[[], list[str]], bool]] = [
        (".xlsx 3 M cells in one row", lambda: ["-c", XLSX_CHILD, str(_xlsx(
            folder, "wide.xlsx", {sheet: hostile.wide_row_sheet(3_000_000)}))], False),
        (".xlsx 10 M cells", lambda: ["-c", XLSX_CHILD, str(_xlsx(
            folder, "ten.xlsx", {sheet: hostile.wide_row_sheet(10_000_000)}))], True),
        (".xlsx 1.5 GiB sharedStrings", lambda: ["-c", XLSX_CHILD, str(_xlsx(
            folder, "sst.xlsx", {"xl/sharedStrings.xml": hostile.shared_strings(1536)}))], True),
        (".xlsx billion laughs", lambda: ["-c", XLSX_CHILD, str(_xlsx(
            folder, "laughs.xlsx", {sheet: hostile.XLSX_BILLION_LAUGHS}))], False),
        (".docx 300 MB zip bomb", lambda: [*cli, "check", str(hostile.zip_bomb_docx(
            folder / "bomb.docx"))], False),
        (".docx billion laughs", lambda: [*cli, "check", str(_write(
            folder, "laughs.docx", hostile.docx_with_document_xml(hostile.BILLION_LAUGHS)))],
         False),
        (".docx Strict OOXML", lambda: [*cli, "check", str(_write(
            folder, "strict.docx", hostile.strict_docx_bytes("Strict text.")))], False),
        (".docx text in a text box", lambda: [*cli, "check", str(_textbox_docx(folder))], False),
        ("JSON Resume sample.job.json", lambda: [*cli, "import", "jsonresume", str(_write(
            folder, "sample.job.json", json.dumps(SAMPLE_JOB))), "--workspace", ws], False),
        ("JSON Resume 'basic'", lambda: [*cli, "import", "jsonresume", str(_write(
            folder, "basic.json", json.dumps({"basic": {"name": "Y"}}))), "--workspace", ws],
         False),
        ("JSON Resume endDate \"\"", lambda: [*cli, "import", "jsonresume", str(_write(
            folder, "ongoing.json", json.dumps(RESUME_ONGOING))), "--workspace", ws], False),
        ("JSON Resume lone surrogate", lambda: [*cli, "import", "jsonresume", str(_write(
            folder, "surrogate.json", '{"basics": {"name": "Ya\\ud800smin"}}')),
            "--workspace", ws], False),
        ("JSON Resume 5,000-digit number", lambda: [*cli, "import", "jsonresume", str(_write(
            folder, "digits.json", '{"basics": {"name": "Y"}, "n": ' + "9" * 5000 + "}")),
            "--workspace", ws], False),
        ("theme 5,000-digit number", lambda: ["-c", THEME_CHILD, str(_write(
            folder, "digits.toml", "[page]\nmargin = " + "9" * 5000 + "\n"))], False),
        ("CSV formula payloads", lambda: ["-c", CSV_CHILD], False),
        (".ics notes and bidi", lambda: ["-c", ICS_CHILD], False),
        ("check --format json, bad file", lambda: [*cli, "check", str(_write(
            folder, "bad.docx", b"not a zip")), "--format", "json"], False),
    ]
    out = []
    for name, make, is_heavy in build:
        if is_heavy and not heavy:
            out.append((name, [], True))
            continue
        out.append((name, make(), is_heavy))
    return out


def _textbox_docx(folder: Path) -> Path:
    import docx
    from docx.oxml import parse_xml

    from tests.core.textio.docx_builder import text_box_run

    document = docx.Document()
    document.add_paragraph()._p.append(parse_xml(text_box_run("All my statement")))
    path = folder / "box.docx"
    document.save(str(path))
    return path


def _limit() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (LIMIT_BYTES, LIMIT_BYTES))


def run_child(argv: list[str], tree: Path) -> tuple[float, float, int, str, str]:
    """(seconds, peak MB, exit code, stdout, stderr) of one child run against ``tree``."""
    env = {**os.environ, "PYTHONPATH": str(tree), "QT_QPA_PLATFORM": "offscreen"}
    start = time.perf_counter()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        child = subprocess.Popen([sys.executable, *argv], cwd=tree, env=env, stdout=out,
                                 stderr=err, stdin=subprocess.DEVNULL, preexec_fn=_limit)
        deadline = start + LIMIT_SECONDS
        while True:
            pid, status, usage = os.wait4(child.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                child.kill()
                pid, status, usage = os.wait4(child.pid, 0)
                break
            time.sleep(0.02)
        seconds = time.perf_counter() - start
        out.seek(0)
        err.seek(0)
        code = os.waitstatus_to_exitcode(status)
        return (seconds, usage.ru_maxrss / 1024, code, out.read().decode(errors="replace"),
                err.read().decode(errors="replace"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--tree", type=Path, default=ROOT)
    parser.add_argument("--heavy", action="store_true")
    parser.add_argument("--json", type=Path, help="also write the rows here")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, "-m", "workshop", "init", str(Path(tmp) / "ws.workshop")],
                       cwd=args.tree, env={**os.environ, "PYTHONPATH": str(args.tree)},
                       check=True, capture_output=True)
        for name, argv, _ in cases(Path(tmp), args.heavy):
            if not argv:
                rows.append({"case": name, "skipped": "heavy (run with --heavy)"})
                print(f"{name:34} skipped (heavy)")
                continue
            seconds, peak, code, out, err = run_child(argv, args.tree)
            message = " ".join((out.strip() + " " + err.strip()).split())[:300]
            rows.append({"case": name, "seconds": round(seconds, 2), "peak_mb": round(peak),
                         "exit": code, "message": message})
            print(f"{name:34} {seconds:6.2f} s {peak:7.0f} MB exit {code:4}  {message}")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
