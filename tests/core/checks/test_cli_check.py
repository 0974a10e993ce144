"""run_check: the `workshop check` output, exit codes and JSON shape."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest

from tests.core.checks.conftest import DOCUMENTED_KEYS
from workshop.core.checks.cli_check import run_check
from workshop.core.errors import UserError
from workshop.core.resources import resource

SAMPLE = resource("sample", "statement_internal_medicine.txt")


def test_sample_passes_with_exit_0_and_text_output() -> None:
    out, code = run_check(SAMPLE, engine="none", specialty="Internal Medicine")
    assert code == 0
    assert out.splitlines()[-1].startswith("Ready for ERAS"), out.splitlines()[-1]
    assert "/28,000 characters" in out


def test_json_output_shape_and_offsets(tmp_path: Path) -> None:
    path = tmp_path / "s.txt"
    text = "Ever since I was a child I wanted this.\n\nI hope to train at Mercy Chicago."
    path.write_text(text, "utf-8")
    out, code = run_check(
        path,
        fmt="json",
        engine="none",
        specialty="Internal Medicine",
        programs=["Rutgers NJMS"],
        known_programs=["Mercy Chicago"],
    )
    assert code == 1
    data = json.loads(out)
    assert set(data) >= {"issues", "stats"}
    rules = {i["rule"] for i in data["issues"]}
    assert {"style.cliche", "residency.tailoring.program"} <= rules
    for issue in data["issues"]:
        assert set(issue) >= set(DOCUMENTED_KEYS)
        if issue["rule"] == "residency.tailoring.program":
            assert text[issue["start"] : issue["end"]] == "Mercy Chicago"
            assert (issue["line"], issue["column"]) == (3, 20)


def test_docx_with_harper(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("I recieve letters from Dr. Νίκος.")
    path = tmp_path / "s.docx"
    document.save(str(path))
    out, code = run_check(path, fmt="json", engine="harper")
    issues = json.loads(out)["issues"]
    assert any(i["engine"] == "harper" and i["category"] == "spelling" for i in issues)
    assert code == 1  # a misspelling and 642 words short: not ready for ERAS


def test_bad_input_raises_user_error(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="File not found"):
        run_check(tmp_path / "missing.txt")


def test_languagetool_requested_but_absent_is_a_user_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LTP_PATH", str(tmp_path))
    path = tmp_path / "s.txt"
    path.write_text("Hello there.", "utf-8")
    from workshop.core.checks.engines.languagetool_engine import LanguageToolEngine

    if LanguageToolEngine().availability().ok:
        pytest.skip("LanguageTool is installed here")
    with pytest.raises(UserError, match="LanguageTool not found"):
        run_check(path, engine="languagetool")


def test_unknown_engine_is_a_user_error(tmp_path: Path) -> None:
    path = tmp_path / "s.txt"
    path.write_text("Hello there.", "utf-8")
    with pytest.raises(UserError, match="Unknown engine"):
        run_check(path, engine="bogus")
