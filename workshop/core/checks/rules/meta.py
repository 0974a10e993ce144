"""Rule metadata (from ``resources/checks/rules.json``) and the context rules run in.

Keeping titles, explanations, fixes and sources in a data file means a wording or a threshold
source changes in one place, and the issues panel can show "why" for every rule.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from workshop.core.checks.finding import Finding
from workshop.core.resources import resource


@dataclass(frozen=True)
class RuleMeta:
    """What the issues panel shows about a rule."""

    rule_id: str
    category: str
    severity: str
    title: str
    explanation: str
    fix: str
    source: str


@dataclass(frozen=True)
class RuleContext:
    """What the rules need to know besides the text (all of it hashable, for the cache).

    Attributes:
        specialty: the statement's target specialty ("Internal Medicine"), or None.
        target_programs: programs this copy is for (never flagged).
        known_programs: every program name in the workspace (others are flagged when named).
        ari_target: readability grade above which the text is flagged.
    """

    specialty: str | None = None
    target_programs: tuple[str, ...] = ()
    known_programs: tuple[str, ...] = ()
    ari_target: float = field(default_factory=lambda: float(eras_config()["ari_target"]))


@lru_cache(maxsize=1)
def all_rules() -> dict[str, RuleMeta]:
    """Every rule's metadata, by id."""
    data = load_json("rules.json")["rules"]
    return {
        rule_id: RuleMeta(
            rule_id=rule_id,
            category=item["category"],
            severity=item["severity"],
            title=item["title"],
            explanation=item["explanation"],
            fix=item.get("fix", ""),
            source=item.get("source", ""),
        )
        for rule_id, item in data.items()
    }


@lru_cache(maxsize=16)
def load_json(name: str) -> Any:
    """A JSON data file from ``resources/checks/`` (cached)."""
    return json.loads(resource("checks", name).read_text(encoding="utf-8"))


def eras_config() -> dict[str, Any]:
    """ERAS limits and reading/speaking rates (``resources/checks/eras.json``)."""
    data: dict[str, Any] = load_json("eras.json")
    return data


def make(
    rule_id: str,
    start: int,
    end: int,
    detail: str = "",
    suggestions: tuple[str, ...] | list[str] = (),
    *,
    severity: str | None = None,
) -> Finding:
    """A finding for ``rule_id``: message = detail + why (the rule's explanation) + fix."""
    meta = all_rules()[rule_id]
    parts = [detail or meta.title + "."]
    parts.append(meta.explanation)
    if meta.fix:
        parts.append(meta.fix)
    return Finding(
        rule=rule_id,
        category=meta.category,
        severity=severity or meta.severity,
        message=" ".join(parts),
        start=start,
        end=end,
        suggestions=tuple(suggestions),
        engine="rules",
        source=meta.source,
    )
