"""What building the app's checker imports: not the .docx reader, not an HTTP client."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_checker_and_its_engines_load_without_the_docx_reader_or_http() -> None:
    code = """
import sys
import workshop.core.checks.factory
import workshop.core.checks.engines.languagetool_engine
import workshop.core.textio.bidi
heavy = ("workshop.core.textio.reader", "workshop.core.textio.docx_text", "urllib.request",
         "http.client")
print([m for m in heavy if m in sys.modules])
from workshop.core.textio import SUPPORTED_SUFFIXES, read_statement, ImportReport
print(".docx" in SUPPORTED_SUFFIXES, callable(read_statement), ImportReport.__name__)
"""
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                          text=True, check=False, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines() == ["[]", "True True ImportReport"]


def test_an_unknown_name_in_textio_is_an_attribute_error() -> None:
    import pytest

    import workshop.core.textio as textio

    with pytest.raises(AttributeError, match="no attribute 'nothing_here'"):
        textio.nothing_here  # noqa: B018
