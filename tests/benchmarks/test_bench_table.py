"""`workshop bench`'s table and the harnesses behind its new rows, run small and untimed."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from workshop.bench import Row, format_table, paired_ratio
from workshop.harness.first_visits import descendants, module_groups, rss_mb, tree_rss_mb
from workshop.harness.typst_cv import typst_source


def test_paired_ratio_is_the_median_of_pairs() -> None:
    assert paired_ratio([2.0, 9.0, 3.0], [1.0, 3.0, 1.0]) == 3.0
    assert paired_ratio([1.0, 5.0], [0.0, 5.0]) == 1.0  # an empty anchor is skipped


def test_table_has_anchor_ratio_goal_and_says_which_goals_are_met() -> None:
    table = format_table([
        Row("start", "300 ms", "≤ 2× bare", True, "200 ms", "1.50×"),
        Row("memory: all open", "480 MB", "≤ 250 MB", False, "51 MB", "9.41×"),
        Row("note", "12 ms", "", None),
    ])
    head = table.splitlines()[0].split()
    assert head[:2] == ["operation", "this"] and "anchor" in head and "ratio" in head
    assert "1.50×" in table and "MISSED" in table
    assert table.splitlines()[-1] == "goals met: 1 of 2; missed: memory: all open"


def test_process_memory_helpers_read_proc() -> None:
    assert rss_mb() > 5
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(5)"])
    try:
        assert child.pid in descendants(os.getpid())
        assert tree_rss_mb() > rss_mb() + rss_mb(child.pid) / 2  # the child is counted
    finally:
        child.kill()
        child.wait()
    assert module_groups({"workshop.ui.cv.page", "workshop.ui.cv.form", "docx.oxml",
                          "docx"}) == {"workshop.ui.cv": 2, "docx": 2}


def test_typst_source_sets_each_line_and_breaks_pages() -> None:
    source = typst_source(["Jane Doe #1\n\nEDUCATION", "page two *bold*"])
    assert "Jane Doe \\#1" in source and "\\*bold\\*" in source
    assert source.count("#pagebreak()") == 1 and 'paper: "us-letter"' in source


def test_versions_harness_reports_growth() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run([sys.executable, "-m", "workshop.harness.versions_open", "5", "50",
                           "2"], env=env, capture_output=True, text=True, timeout=120,
                          check=False)
    report = json.loads(proc.stdout.strip().splitlines()[-1])
    assert report["small"] == 5 and report["large"] == 50
    assert report["large_ms"] > 0 and report["growth"] > 0


def test_dashboard_harness_reports_growth_and_the_old_path() -> None:
    proc = subprocess.run([sys.executable, "-m", "workshop.harness.dashboard_open", "40", "400",
                           "2"], capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr[-2000:]
    report = json.loads(proc.stdout.strip().splitlines()[-1])
    assert report["small"] == 40 and report["large"] == 400
    assert report["large_ms"] > 0 and report["per_attempt_ms"] > 0
    assert report["growth"] > 0 and report["speedup"] > 0
