"""The held-out statements (tests/fixtures/statements, FICTIONAL) and longer texts made of them."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from workshop.core.checks.textspans import word_count

FOLDER = Path(__file__).resolve().parents[2] / "fixtures" / "statements"
PAPERS = ("letter", "a4")


def applicants() -> dict[str, dict[str, Any]]:
    data: dict[str, dict[str, Any]] = json.loads((FOLDER / "applicants.json").read_text("utf-8"))
    return {name: value for name, value in data.items() if not name.startswith("_")}


def names() -> list[str]:
    return sorted(applicants())


def text(name: str) -> str:
    return (FOLDER / name).read_text("utf-8")


def long_text(words: int) -> str:
    """About ``words`` words (never fewer) of the held-out statements' paragraphs, in turn."""
    paragraphs = [p for n in names() for p in re.split(r"\n\s*\n|\n", text(n).strip()) if p]
    out: list[str] = []
    i = 0
    while word_count("\n\n".join(out)) < words:
        out.append(paragraphs[i % len(paragraphs)])
        i += 1
    return "\n\n".join(out)
