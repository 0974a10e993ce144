"""Checker quality on JFLEG dev: sentence-level recall and false-flag rate.

Run: ``.venv/bin/python tests/benchmarks/jfleg_quality.py [--engine harper|none] [--no-rules]``

JFLEG (Napoles et al., EACL 2017; CC BY-NC-SA 4.0) dev split in ``../shared/data/jfleg-dev``:
754 learner sentences (tokenized) and four human corrections each. A source line that differs
from its first correction has an error: recall is the share of those that get at least one
spelling/grammar/punctuation finding. The false-flag rate is the share of first corrections
(assumed correct) that get one. Used for measuring and tuning, never shipped as product data.
Advice counts as a flag (it is still underlined); ``--warnings`` counts only warnings and
errors, which shows what softening findings to advice (names, British spellings, unknown
clinical terms: see ``spelling_policy``) changes.

Overfitting shows as a gap between the halves: rules and Harper settings were tuned looking
only at the *tuning* half (even line numbers, counted from 0); the *held-out* half (odd lines)
is reported so a rule fitted to particular sentences would show up as a lower held-out score.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from workshop.core.checks.engines.base import Engine, NullEngine  # noqa: E402
from workshop.core.checks.engines.harper_engine import HarperEngine  # noqa: E402
from workshop.core.checks.finding import LANGUAGE_CATEGORIES  # noqa: E402
from workshop.core.checks.service import CheckService  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "jfleg-dev"


def detokenize(line: str) -> str:
    """Join JFLEG's tokens back into ordinary text ("do n't ." → "don't.")."""
    text = line.strip()
    text = re.sub(r" (n't|'s|'re|'ve|'ll|'d|'m|'S|N'T)\b", r"\1", text)
    text = re.sub(r" ([.,!?;:%)\]])", r"\1", text)
    text = re.sub(r"([(\[$]) ", r"\1", text)
    text = re.sub(r'" (.*?) "', r'"\1"', text)
    text = re.sub(r" ' (\w)", r" '\1", text)
    return text


@dataclass(frozen=True)
class Quality:
    """Sentence-level recall on erroneous sources and false-flag rate on corrections."""

    erroneous: int
    recall: float
    false_flag: float
    sentences: int

    def __str__(self) -> str:
        return (
            f"recall {self.recall:.3f} on {self.erroneous} erroneous sources, "
            f"false-flag {self.false_flag:.3f} on {self.sentences} corrections"
        )


SPLITS = ("whole", "tuning", "held-out")


def _in_split(index: int, split: str) -> bool:
    if split == "tuning":
        return index % 2 == 0
    if split == "held-out":
        return index % 2 == 1
    return True


def measure_splits(
    service: CheckService,
    data: Path = DATA,
    limit: int | None = None,
    warnings_only: bool = False,
) -> dict[str, Quality]:
    """Quality on the whole set, the tuning half (even lines) and the held-out half (odd).

    With ``warnings_only`` an advice-severity finding does not count as a flag.
    """
    sources = (data / "dev.src").read_text(encoding="utf-8").splitlines()[:limit]
    refs = (data / "dev.ref0").read_text(encoding="utf-8").splitlines()[:limit]

    def flagged(text: str) -> bool:
        found = service.check(text).findings
        return any(
            f.category in LANGUAGE_CATEGORIES and not (warnings_only and f.severity == "advice")
            for f in found
        )

    rows = []
    for src, ref in zip(sources, refs, strict=True):
        erroneous = src.strip() != ref.strip()
        rows.append((erroneous, erroneous and flagged(detokenize(src)), flagged(detokenize(ref))))
    result: dict[str, Quality] = {}
    for split in SPLITS:
        chosen = [row for index, row in enumerate(rows) if _in_split(index, split)]
        erroneous = sum(1 for row in chosen if row[0])
        hits = sum(1 for row in chosen if row[1])
        false = sum(1 for row in chosen if row[2])
        result[split] = Quality(
            erroneous, hits / max(erroneous, 1), false / max(len(chosen), 1), len(chosen)
        )
    return result


def measure(service: CheckService, data: Path = DATA, limit: int | None = None) -> Quality:
    """Run ``service`` over JFLEG dev and count language findings per sentence (whole set)."""
    return measure_splits(service, data, limit)["whole"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engine", choices=("harper", "none"), default="harper")
    parser.add_argument("--no-rules", action="store_true", help="engine findings only")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument(
        "--warnings", action="store_true", help="count warnings and errors only (not advice)"
    )
    parser.add_argument(
        "--harper-defaults",
        action="store_true",
        help="Harper with all its default linters (ignore resources/checks/harper_config.json)",
    )
    args = parser.parse_args(argv)
    engine: Engine = (
        HarperEngine(disabled_rules=() if args.harper_defaults else None)
        if args.engine == "harper"
        else NullEngine()
    )
    service = CheckService([engine])
    if args.no_rules:
        import workshop.core.checks.service as service_module

        service_module.run_paragraph_rules = lambda text, ctx: []  # type: ignore[assignment]
        service_module.run_document_rules = lambda text, ctx: []  # type: ignore[assignment]
    for split, quality in measure_splits(
        service, limit=args.limit, warnings_only=args.warnings
    ).items():
        print(f"{split:>8}: {quality}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
