"""Sample documents for theme previews, benchmarks and tests (all SAMPLE, fictional data).

Inputs come from ``resources/sample/`` (applicant, CV, statement) and
``templates/themes/_samples.toml`` (packet and report texts).
"""

from __future__ import annotations

import json
import subprocess
import tomllib
from pathlib import Path
from typing import Any

from workshop.core.atomic import atomic_write_bytes
from workshop.core.errors import UserError
from workshop.core.export.api import render_pdf
from workshop.core.export.builders import packet_document, report_document, statement_document
from workshop.core.export.cv_document import cv_document
from workshop.core.export.document import Document
from workshop.core.export.themes import list_themes
from workshop.core.resources import resource, template


def _json(*parts: str) -> dict[str, Any]:
    with resource(*parts).open(encoding="utf-8") as handle:
        data: dict[str, Any] = json.load(handle)
    return data


def sample_inputs() -> dict[str, Any]:
    """The raw sample data: ``cv``, ``applicant``, ``statement``, ``packet``, ``report``."""
    with template("themes", "_samples.toml").open("rb") as handle:
        extra = tomllib.load(handle)
    return {
        "cv": _json("sample", "cv.json"),
        "applicant": _json("sample", "applicant.json"),
        "statement": resource("sample", "statement_internal_medicine.txt").read_text("utf-8"),
        "packet": extra["packet"],
        "report": extra["report"],
    }


def sample_document(kind: str) -> Document:
    """A sample document of one theme kind: cv, statement, packet or report."""
    data = sample_inputs()
    profile = data["applicant"]["profile"]
    notice = "SAMPLE - fictional applicant, for demonstration."
    if kind == "cv":
        return cv_document(data["cv"])
    if kind == "statement":
        return statement_document(profile, "", data["statement"],
                                  "Internal Medicine (categorical), 2027 Match", notice=notice)
    if kind == "packet":
        pk = data["packet"]
        return packet_document(
            pk["cover_letter"], data["cv"],
            {"title": "Personal statement", "body": data["statement"],
             "target": "Internal Medicine (categorical), 2027 Match"},
            {"title": pk["case_summary_title"], "body": pk["case_summary"]},
            pk["request_form"],
        )
    if kind == "report":
        rp = data["report"]
        return report_document(rp["title"], rp["sections"], applicant=rp["applicant"],
                               subtitle=rp["subtitle"], notice=notice)
    raise UserError(f'No sample document of kind "{kind}".',
                    hint="Use cv, statement, packet or report.")


def render_previews(out_dir: Path, *, dpi: int = 60, pages: int = 1) -> list[Path]:
    """Render every built-in theme's sample to PNG with poppler's ``pdftoppm``.

    Writes ``THEME.pdf``-derived ``THEME-N.png`` files (first ``pages`` pages) into ``out_dir``
    and returns them. Needs ``pdftoppm`` (Debian/Ubuntu: poppler-utils).
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for info in list_themes():
        if info.error or info.user:
            continue
        pdf = out_dir / f"{info.name}.pdf"
        atomic_write_bytes(pdf, render_pdf(sample_document(info.kind), info.name), mode=0o644)
        try:
            subprocess.run(
                ["pdftoppm", "-png", "-r", str(dpi), "-f", "1", "-l", str(pages), str(pdf),
                 str(out_dir / info.name)],
                check=True, capture_output=True,
            )
        except (OSError, subprocess.CalledProcessError) as exc:
            raise UserError("Could not run pdftoppm to make the previews.",
                            hint="Install poppler-utils.") from exc
        finally:
            pdf.unlink(missing_ok=True)
        written += sorted(out_dir.glob(f"{info.name}-*.png"))
    return written
