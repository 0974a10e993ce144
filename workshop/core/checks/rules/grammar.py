"""Grammar rules of our own that catch what Harper misses, from a data file of patterns.

Each pattern in ``resources/checks/grammar_patterns.json`` is a general rule of English (a
plural after "several", "be" after a modal before "able", base form after "did not", subject
-verb agreement for pronouns and "people", a space after a colon, "more" with a comparative,
"there is" before a plural quantifier, no capital after a comma) plus one structural rule: a
paragraph of prose ends with a full stop, question or exclamation mark. They were measured on
JFLEG dev for overall recall and false flags, not fitted to its sentences.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from workshop.core.checks.finding import Finding
from workshop.core.checks.rules.meta import load_json

ENGINE = "rules"
SOURCE = "resources/checks/grammar_patterns.json"
_COMPARATIVE_BASE = {"better": "better", "worse": "worse"}


@dataclass(frozen=True)
class _Pattern:
    rule_id: str
    category: str
    message: str
    regex: re.Pattern[str]
    suggest: str
    exclude_before: frozenset[str]


@lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[_Pattern, ...], dict[str, Any]]:
    data = load_json("grammar_patterns.json")
    compiled = tuple(
        _Pattern(
            rule_id=item["id"],
            category=item["category"],
            message=item["message"],
            regex=re.compile(item["regex"], 0 if item.get("case") else re.IGNORECASE),
            suggest=item.get("suggest", ""),
            exclude_before=frozenset(w.lower() for w in item.get("exclude_before", [])),
        )
        for item in data["patterns"]
    )
    return compiled, data["final_punctuation"]


def _flag_span(match: re.Match[str]) -> tuple[int, int]:
    for name in ("flag", "flag2"):
        if name in match.re.groupindex and match.group(name) is not None:
            return match.start(name), match.end(name)
    return match.start(), match.end()


def _suggestion(pattern: _Pattern, match: re.Match[str], flagged: str) -> tuple[str, ...]:
    kind = pattern.suggest
    if not kind:
        return ()
    if kind == "lower":
        return (flagged[:1].lower() + flagged[1:],)
    if kind == "be":
        return (re.sub(r"\bable$", "be able", flagged),)
    if kind == "comparative":
        return (flagged.split()[-1],)
    return (kind.format(flag=flagged),)


def _word_before(text: str, index: int) -> str:
    found = re.search(r"([\w'’]+)\W*$", text[max(0, index - 30) : index])
    return found.group(1).lower() if found else ""


def find_grammar(text: str) -> list[Finding]:
    """Findings of our own grammar patterns for one paragraph."""
    patterns, final = _patterns()
    findings: list[Finding] = []
    for pattern in patterns:
        for match in pattern.regex.finditer(text):
            if (
                pattern.exclude_before
                and _word_before(text, match.start()) in pattern.exclude_before
            ):
                continue
            start, end = _flag_span(match)
            flagged = text[start:end]
            groups = {k: v for k, v in match.groupdict().items() if v}
            findings.append(
                Finding(
                    rule=pattern.rule_id,
                    category=pattern.category,
                    severity="warning",
                    message=pattern.message.format(**groups)
                    if "{" in pattern.message
                    else pattern.message,
                    start=start,
                    end=end,
                    suggestions=_suggestion(pattern, match, flagged),
                    engine=ENGINE,
                    source=SOURCE,
                )
            )
    findings.extend(_final_punctuation(text, final))
    return findings


def _final_punctuation(text: str, config: dict[str, Any]) -> list[Finding]:
    stripped = text.rstrip()
    if len(stripped.split()) < int(config["min_words"]):
        return []
    if re.search(r"[.!?…][\"'”’)\]]*$", stripped) or stripped.endswith(":"):
        return []
    end = len(stripped)
    last = re.search(r"\S+$", stripped)
    start = last.start() if last else end
    return [
        Finding(
            rule=config["id"],
            category=config["category"],
            severity="warning",
            message=config["message"],
            start=start,
            end=end,
            suggestions=(stripped[start:end] + ".",),
            engine=ENGINE,
            source=SOURCE,
        )
    ]
