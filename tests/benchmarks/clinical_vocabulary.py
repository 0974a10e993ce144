"""False spelling flags on clinical writing and names, before and after a vocabulary change.

Run: ``.venv/bin/python tests/benchmarks/clinical_vocabulary.py [--show]``

Counts, through the real service (Harper plus the spelling policy):
- ``corpus``: spelling findings on the clinical sentences of ``tests/core/checks/clinical_corpus``
  (every one is a false flag), how many offer a one-click replacement, and the grammar and
  punctuation findings there (to read: some are right, e.g. a missing comma);
- ``harmful``: issue-15 words offered anything else as the fix (another word, another case);
- ``names``: names mid-sentence that get more than an advice, or any suggestion;
- ``typos``: ordinary misspellings still flagged with the right fix (this must stay full);
- ``statements``: spelling findings on the IMG statements in ``tests/fixtures/statements`` and
  the shipped sample, by severity (names, places and British spellings are the rest).
A benchmark, not a test: it prints numbers and asserts nothing.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.core.checks.clinical_corpus import (  # noqa: E402
    HARMFUL_FIXES,
    NAMES,
    SENTENCES,
    TYPOS,
)
from workshop.core.checks.factory import build_service  # noqa: E402
from workshop.core.checks.finding import LANGUAGE_CATEGORIES, Finding  # noqa: E402
from workshop.core.checks.service import CheckService  # noqa: E402

STATEMENTS = sorted((ROOT / "tests" / "fixtures" / "statements").glob("*.txt")) + [
    ROOT / "resources" / "sample" / "statement_internal_medicine.txt"
]


def _spelling(service: CheckService, text: str) -> list[Finding]:
    return [f for f in service.check(text).findings if f.category == "spelling"]


def _language(service: CheckService, text: str) -> list[Finding]:
    return [f for f in service.check(text).findings if f.category in LANGUAGE_CATEGORIES]


def measure(service: CheckService, show: bool = False) -> dict[str, str]:
    """One line per measure, keyed by its name."""
    out: dict[str, str] = {}
    found = [f for s in SENTENCES for f in _spelling(service, s)]
    fixes = [f for f in found if f.suggestions]
    other = [f for s in SENTENCES for f in _language(service, s) if f.category != "spelling"]
    out["corpus"] = (
        f"{len(found)} spelling findings on {len(SENTENCES)} sentences "
        f"({len(fixes)} with a one-click fix); {len(other)} grammar/punctuation findings"
    )
    if show:
        print("corpus:", sorted({f.excerpt for f in found}))
        print("corpus other:", sorted({(f.rule, f.excerpt) for f in other}))
    harmful = 0
    for word in HARMFUL_FIXES:
        for f in _language(service, f"We discussed {word} on rounds today."):
            if word in f.excerpt and any(s != word for s in f.suggestions):
                harmful += 1
                if show:
                    print("harmful:", word, f.suggestions)
    out["harmful"] = f"{harmful} of {len(HARMFUL_FIXES)} words offered a different word"
    bad_names = 0
    for name in NAMES:
        for f in _spelling(service, f"I worked with {name} in the clinic."):
            if f.severity != "advice" or f.suggestions:
                bad_names += 1
                if show:
                    print("name:", name, f.severity, f.suggestions)
    out["names"] = f"{bad_names} of {len(NAMES)} names got more than advice or a suggestion"
    caught = 0
    for sentence, typo, fix in TYPOS:
        hits = [
            f
            for f in service.check(sentence).findings
            if f.category in LANGUAGE_CATEGORIES and typo in f.excerpt
        ]
        if any(fix in f.suggestions and f.severity != "advice" for f in hits):
            caught += 1
        elif show:
            print("typo missed:", typo, [(f.severity, f.suggestions) for f in hits])
    out["typos"] = f"{caught} of {len(TYPOS)} typos flagged (not advice) with the right fix"
    severities: Counter[str] = Counter()
    with_fix = 0
    for path in STATEMENTS:
        for f in _spelling(service, path.read_text(encoding="utf-8")):
            severities[f.severity] += 1
            with_fix += bool(f.suggestions) and f.severity != "advice"
            if show:
                print(f"{path.name}: {f.excerpt!r} {f.severity} {f.suggestions[:3]}")
    out["statements"] = (
        f"{sum(severities.values())} spelling findings on {len(STATEMENTS)} statements "
        f"({severities['warning'] + severities['error']} warnings, {severities['advice']} advice; "
        f"{with_fix} warnings with a one-click fix)"
    )
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="print every finding counted")
    parser.add_argument(
        "--no-learner", action="store_true", help="without the learner language-model engine"
    )
    args = parser.parse_args(argv)
    service = build_service("harper", learner_grammar=not args.no_learner)
    for name, line in measure(service, show=args.show).items():
        print(f"{name:>10}: {line}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
