"""The NRMP rules and etiquette the section states, read from ``resources/interviews/
guidance.toml`` with their sources (FACTS.md is the only origin of a rule)."""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass
from typing import Any

from workshop.core.resources import resource


@dataclass(frozen=True)
class Rule:
    key: str
    title: str
    text: str
    source: str
    when: tuple[str, ...]


@functools.cache
def guidance() -> dict[str, Any]:
    data: dict[str, Any] = tomllib.loads(
        resource("interviews", "guidance.toml").read_text("utf-8"))
    return data


def rules(when: str | None = None) -> list[Rule]:
    """The rules, or those shown ``before`` or ``after`` an interview."""
    found = [Rule(r["key"], r["title"], r["text"], r["source"], tuple(r.get("when", ())))
             for r in guidance()["rules"]]
    return [r for r in found if when is None or when in r.when]


def rule(key: str) -> Rule:
    return next(r for r in rules() if r.key == key)


def notice_days() -> int:
    """Days of notice a cancellation should give where possible (two weeks)."""
    return int(guidance()["etiquette"]["cancellation_notice_days"])


def commitment_findings(text: str) -> list[str]:
    """Phrases in ``text`` that ask a program for a commitment or for where you stand."""
    lowered = " ".join(text.casefold().split())
    phrases: list[str] = guidance()["commitment_phrases"]["phrases"]
    return [p for p in phrases if p in lowered]


def commitment_reason() -> str:
    section = guidance()["commitment_phrases"]
    return f"{section['reason']} (Source: {section['source']}.)"
