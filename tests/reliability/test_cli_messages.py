"""What the CLI prints when it refuses: one line a person can act on, and for --format json a
JSON object on stdout; never Python's own text or a library warning."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import pytest

from workshop import cli
from workshop.core.errors import UserError


def test_check_json_refusal_is_a_json_object_on_stdout(tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "statement.docx"
    bad.write_bytes(b"not a zip at all")
    code = cli.main(["check", str(bad), "--format", "json"])
    out, err = capsys.readouterr()
    assert code == 1
    payload = json.loads(out)
    assert payload["error"].startswith("This is not a .docx file")
    assert "Save As" in payload["hint"] and payload["where"] == str(bad)
    assert err.startswith("workshop: ") and "Traceback" not in err


def test_text_mode_prints_nothing_on_stdout(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    code = cli.main(["check", str(tmp_path / "missing.txt")])
    out, err = capsys.readouterr()
    assert code == 1 and out == "" and "File not found." in err


def test_message_and_hint_never_run_together() -> None:
    exc = UserError("the file is empty", hint="Pick another file", where="a.json")
    assert cli.render_error(exc) == "a.json: the file is empty. Pick another file."
    assert cli.render_error(UserError("Done.", hint="")) == "Done."
    assert cli.render_error(UserError("It says “x”", hint="Fix it.")) == "It says “x”. Fix it."
    assert cli.render_error(UserError("(see “Done.”)")) == "(see “Done.”)"


def test_library_warnings_do_not_reach_the_user(capsys: pytest.CaptureFixture[str]) -> None:
    with warnings.catch_warnings():
        cli._quiet_library_warnings()
        warnings.warn("Data Validation extension is not supported and will be removed",
                      UserWarning, stacklevel=1)
    _, err = capsys.readouterr()
    assert "Data Validation" not in err


def test_jsonresume_refusal_through_the_cli(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    job = tmp_path / "sample.job.json"
    job.write_text(json.dumps({"title": "Web Developer", "company": "Microsoft",
                               "responsibilities": ["x"]}), encoding="utf-8")
    code = cli.main(["import", "jsonresume", str(job), "--workspace",
                     str(tmp_path / "ws.workshop")])
    _, err = capsys.readouterr()
    assert code == 1 and "a job description" in err and "not a résumé." in err
    assert "internal error" not in err
