"""Outdated USMLE facts: Step 2 CS as a current exam, a numeric Step 1 score.

FACTS.md (USMLE announcement, 2021): Step 2 CS is permanently discontinued and Step 1 is
pass/fail. Patterns live in ``resources/checks/outdated.json``. Step 2 CS in a sentence that
frames it as ahead or required ("preparing for", "will take", "required") is an error; a plain
mention (a pass from before 2021) is only advice.
"""

from __future__ import annotations

import re
from functools import lru_cache

from workshop.core.checks.finding import Finding
from workshop.core.checks.rules.meta import load_json, make
from workshop.core.checks.textspans import sentences

CS_RULE = "residency.outdated.step2cs"
CS_MENTION_RULE = "residency.outdated.step2cs_mention"
STEP1_RULE = "residency.outdated.step1_score"


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], ...]:
    data = load_json("outdated.json")
    keys = ("step2cs", "current_framing", "step_mention", "score", "score_follows")
    return tuple(re.compile(data[key], re.IGNORECASE) for key in keys)


_STEP_WORDS = {"one": "1", "two": "2", "three": "3"}


def _step_scores(sentence: str) -> list[tuple[int, int, str]]:
    """(start, end, step) of each three-digit score, attributed to the Step it belongs to.

    "246 on Step 2 CK" belongs to the Step named right after it; otherwise a score belongs to
    the nearest Step named before it in the sentence ("Step 1 ... scored 235").
    """
    _, _, mention, score, follows = _patterns()
    steps = [
        (m.start(), _STEP_WORDS.get(m.group(1).lower(), m.group(1)))
        for m in mention.finditer(sentence)
    ]
    found = []
    for match in score.finditer(sentence):
        after = follows.match(sentence, match.end())
        if after:
            step = _STEP_WORDS.get(after.group(1).lower(), after.group(1))
        else:
            before = [s for pos, s in steps if pos < match.start()]
            if not before:
                continue
            step = before[-1]
        found.append((match.start(), match.end(), step))
    return found


def find_outdated(text: str) -> list[Finding]:
    """Findings for Step 2 CS mentions and numeric Step 1 scores."""
    step2cs, current = _patterns()[:2]
    findings: list[Finding] = []
    for sentence in sentences(text):
        for match in step2cs.finditer(sentence.text):
            start, end = sentence.start + match.start(), sentence.start + match.end()
            if current.search(sentence.text):
                detail = f"'{match.group()}' is presented as an exam still ahead or required."
                findings.append(make(CS_RULE, start, end, detail, ("Step 2 CK",)))
            else:
                findings.append(make(CS_MENTION_RULE, start, end))
        for start, end, step in _step_scores(sentence.text):
            if step != "1":
                continue
            score = sentence.text[start:end]
            detail = f"Reports a Step 1 score ({score})."
            at = sentence.start + start
            findings.append(make(STEP1_RULE, at, at + len(score), detail))
    return findings
