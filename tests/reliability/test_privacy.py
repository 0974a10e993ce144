"""Exports carry only what the user sees; workspace files stay private; no telemetry."""

from __future__ import annotations

import os
import re
import stat
import zipfile
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from workshop.core import exports
from workshop.core.cv.in_workspace import load_workspace_cv, save_workspace_cv
from workshop.core.services import init_workspace
from workshop.core.storage import backups

ROOT = Path(__file__).parents[2]


@pytest.fixture
def sample(tmp_path: Path):  # type: ignore[no-untyped-def]
    ws = init_workspace(tmp_path / "p.workshop", sample=True)
    cv = load_workspace_cv(ws)
    cv.personal.immigration.visa_status = "J-1 sponsorship needed"  # private: must not leak
    cv.personal.immigration.citizenship = "Egyptian"
    save_workspace_cv(ws, cv)
    yield ws
    ws.close()


def test_docx_has_no_hidden_parts_or_private_data(sample, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    files = []
    for item in exports.catalogue(sample):
        suffix = ".docx" if ".docx" in item.suffixes else ".zip"
        out = tmp_path / f"{item.key.replace(':', '-')}{suffix}"
        exports.export_item(sample, item.key, item.default_theme, "letter", out)
        if suffix == ".zip":  # a packet: a zip of .docx files
            for name in zipfile.ZipFile(out).namelist():
                inner = tmp_path / name
                inner.write_bytes(zipfile.ZipFile(out).read(name))
                files.append(inner)
        else:
            files.append(out)
    assert any(f.name.endswith("CV.docx") for f in files)
    for out in files:
        names = zipfile.ZipFile(out).namelist()
        assert not [n for n in names if "thumbnail" in n or n.startswith("customXml")], names
        xml = "".join(zipfile.ZipFile(out).read(n).decode("utf-8", "replace") for n in names
                      if n.endswith(".xml"))
        assert "Egyptian" not in xml and "sponsorship needed" not in xml
        props = docx.Document(str(out)).core_properties
        assert props.author in ("Yasmin Farouk El-Sayed", "")
        assert os.environ.get("USER", "root") not in (props.last_modified_by or "")


def test_pdf_metadata_only_visible_facts(sample, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "cv.pdf"
    exports.export_item(sample, "cv", "cv-classic", "letter", out)
    reader = PdfReader(out)
    meta = dict(reader.metadata or {})
    assert set(meta) <= {"/Author", "/Title", "/Subject", "/Keywords", "/Creator", "/Producer",
                         "/CreationDate", "/ModDate", "/Trapped"}
    text = "".join(page.extract_text() for page in reader.pages)
    assert "Egyptian" not in text and "sponsorship needed" not in text
    assert "Egyptian" not in str(meta)


def test_workspace_backups_are_owner_only(sample) -> None:  # type: ignore[no-untyped-def]
    sample.backup_now("test")
    for path in [sample.path, *backups.backup_dir(sample.path).iterdir()]:
        assert stat.S_IMODE(os.stat(path).st_mode) & 0o077 == 0, path


def test_no_telemetry_or_network_code_in_the_app() -> None:
    """Only the LanguageTool engine (a server the user configured) may speak HTTP."""
    allowed = {"workshop/core/checks/engines/languagetool_engine.py"}
    pattern = re.compile(
        r"^\s*(?:import|from)\s+(?:urllib\.request|http\.client|requests|socket|httpx|aiohttp)\b")
    offenders = []
    for path in (ROOT / "workshop").rglob("*.py"):
        rel = path.relative_to(ROOT).as_posix()
        if rel in allowed:
            continue
        for line in path.read_text("utf-8").splitlines():
            if pattern.search(line):
                offenders.append(f"{rel}: {line.strip()}")
    assert offenders == []


def test_sample_applicant_is_clearly_fake() -> None:
    text = (ROOT / "resources" / "sample" / "applicant.json").read_text("utf-8")
    assert "fictional" in text.lower()
    emails = re.findall(r"[\w.+-]+@[\w.-]+", text + (ROOT / "resources" / "sample" /
                                                      "cv.json").read_text("utf-8"))
    assert emails and all(e.endswith(("example.org", "example.com", "example.net"))
                          for e in emails), emails
