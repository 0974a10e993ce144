"""Foundation benchmarks (pytest-benchmark). The normal run executes each once, untimed;
``make bench`` times them. Targets live in the issue and the closing note, not in asserts."""

from __future__ import annotations

from pathlib import Path

import pytest

from workshop.bench import build_large_workspace, run_bench, time_open
from workshop.core.storage import open_workspace


@pytest.fixture(scope="module")
def large_workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("large") / "large.workshop"
    build_large_workspace(path, 10_000)
    return path


def test_open_workspace_with_10000_versions(benchmark, large_workspace: Path) -> None:  # type: ignore[no-untyped-def]
    def open_and_list() -> int:
        ws = open_workspace(large_workspace)
        try:
            doc = ws.documents.list()[0]
            return len(ws.documents.versions(doc.id))
        finally:
            ws.close()

    assert benchmark(open_and_list) == 10_002  # the sample's 2 versions + 10,000


def test_time_open_reports_each_run(large_workspace: Path) -> None:
    timings = time_open(large_workspace, 2)
    assert len(timings) == 2 and all(t > 0 for t in timings)


def test_bench_command_prints_table() -> None:
    table = run_bench(runs=1, versions=50, suites=("startup",))
    assert "app: start to first painted main window" in table
    assert "open workspace with 50 versions" in table
    assert "peak RSS" in table
