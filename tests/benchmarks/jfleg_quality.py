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

Per error class (``jfleg_edits``: article, preposition, verb form, noun number, from diffing each
source against its first correction) it prints sentence recall (any flag in a sentence with
such an edit) and located recall (a flag at the edit itself), and the false-flag rate against
each of the four corrections. ``--compare`` runs the checker without and then with the learner
language-model engine (issue 21) and prints both; its margins were tuned on the tuning half only
(``learner_tuning.py``).
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.benchmarks.jfleg_edits import CLASSES, edits, located  # noqa: E402
from workshop.core.checks.engines.base import Engine, NullEngine  # noqa: E402
from workshop.core.checks.engines.harper_engine import HarperEngine  # noqa: E402
from workshop.core.checks.engines.learner_engine import LearnerEngine  # noqa: E402
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


def _language_spans(service: CheckService, text: str, warnings_only: bool) -> list[Any]:
    return [
        f
        for f in service.check(text).findings
        if f.category in LANGUAGE_CATEGORIES and not (warnings_only and f.severity == "advice")
    ]


def class_report(
    service: CheckService,
    data: Path = DATA,
    limit: int | None = None,
    warnings_only: bool = False,
) -> dict[str, list[str]]:
    """Printable lines per split: recall by class and false flags against all four corrections."""
    sources = (data / "dev.src").read_text(encoding="utf-8").splitlines()[:limit]
    refs = [
        (data / f"dev.ref{k}").read_text(encoding="utf-8").splitlines()[:limit] for k in range(4)
    ]
    rows = []
    for index, src in enumerate(sources):
        detok = detokenize(src)
        found = _language_spans(service, detok, warnings_only)
        spans = [(f.start, f.end) for f in found]
        gold = edits(src, refs[0][index], detok) if src.strip() != refs[0][index].strip() else []
        ref_rules = [
            {f.rule for f in _language_spans(service, detokenize(r[index]), warnings_only)}
            for r in refs
        ]
        rows.append((gold, bool(found), spans, ref_rules))
    report: dict[str, list[str]] = {}
    for split in SPLITS:
        chosen = [row for i, row in enumerate(rows) if _in_split(i, split)]
        lines = []
        erroneous = [row for row in chosen if row[0]]
        recall = sum(1 for row in erroneous if row[1]) / max(len(erroneous), 1)
        false = [sum(1 for row in chosen if row[3][k]) / max(len(chosen), 1) for k in range(4)]
        lines.append(
            f"all: recall {recall:.3f} ({len(erroneous)} erroneous); false flags ref0..3 "
            + " ".join(f"{x:.3f}" for x in false)
        )
        for kind in CLASSES:
            having = [row for row in erroneous if any(e.kind == kind for e in row[0])]
            sent = sum(1 for row in having if row[1]) / max(len(having), 1)
            at = sum(
                1 for row in having if any(e.kind == kind and located(e, row[2]) for e in row[0])
            ) / max(len(having), 1)
            own = [
                sum(1 for row in chosen if f"learner.{kind}" in row[3][k]) / max(len(chosen), 1)
                for k in range(4)
            ]
            lines.append(
                f"{kind:>12}: {len(having):3d} sentences, recall {sent:.3f}, at the edit "
                f"{at:.3f}; its own false flags ref0..3 " + " ".join(f"{x:.3f}" for x in own)
            )
        report[split] = lines
    return report


def build(engine_name: str, learner: bool, harper_defaults: bool = False) -> CheckService:
    """The benchmark's service: Harper (or none), plus the learner engine when asked."""
    engine: Engine = (
        HarperEngine(disabled_rules=() if harper_defaults else None)
        if engine_name == "harper"
        else NullEngine()
    )
    engines: list[Engine] = [engine]
    if learner:
        extra = LearnerEngine()
        if extra.availability().ok:
            engines.append(extra)
        else:
            print(f"learner engine unavailable: {extra.availability()}")
    return CheckService(engines)


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
    parser.add_argument("--learner", action="store_true", help="add the learner LM engine")
    parser.add_argument(
        "--compare", action="store_true", help="per-class report without, then with the learner"
    )
    args = parser.parse_args(argv)
    if args.no_rules:
        import workshop.core.checks.service as service_module

        service_module.run_paragraph_rules = lambda text, ctx: []  # type: ignore[assignment]
        service_module.run_document_rules = lambda text, ctx: []  # type: ignore[assignment]
    if args.compare:
        for label, learner in (("before (no learner engine)", False), ("after", True)):
            service = build(args.engine, learner, args.harper_defaults)
            print(f"== {label}")
            for split, lines in class_report(service, limit=args.limit).items():
                print(f"  {split}:")
                for line in lines:
                    print(f"    {line}")
        return 0
    service = build(args.engine, args.learner, args.harper_defaults)
    for split, quality in measure_splits(
        service, limit=args.limit, warnings_only=args.warnings
    ).items():
        print(f"{split:>8}: {quality}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
