"""Checker quality on JFLEG dev: sentence-level recall and false-flag rate.

Run: ``.venv/bin/python tests/benchmarks/jfleg_quality.py [--engine harper|none] [--no-rules]``

JFLEG (Napoles et al., EACL 2017; CC BY-NC-SA 4.0) dev split in ``../shared/data/jfleg-dev``:
754 learner sentences (tokenized) and four human corrections each. A source line that differs
from its first correction has an error: recall is the share of those that get at least one
spelling/grammar/punctuation finding. The false-flag rate is the share of first corrections
(assumed correct) that get one. Used for measuring and tuning, never shipped as product data.
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


def measure(service: CheckService, data: Path = DATA, limit: int | None = None) -> Quality:
    """Run ``service`` over JFLEG dev and count language findings per sentence."""
    sources = (data / "dev.src").read_text(encoding="utf-8").splitlines()[:limit]
    refs = (data / "dev.ref0").read_text(encoding="utf-8").splitlines()[:limit]

    def flagged(text: str) -> bool:
        found = service.check(text).findings
        return any(f.category in LANGUAGE_CATEGORIES for f in found)

    erroneous = hits = false = 0
    for src, ref in zip(sources, refs, strict=True):
        if src.strip() != ref.strip():
            erroneous += 1
            hits += flagged(detokenize(src))
        false += flagged(detokenize(ref))
    return Quality(erroneous, hits / max(erroneous, 1), false / max(len(refs), 1), len(refs))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engine", choices=("harper", "none"), default="harper")
    parser.add_argument("--no-rules", action="store_true", help="engine findings only")
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args(argv)
    engine: Engine = HarperEngine() if args.engine == "harper" else NullEngine()
    service = CheckService([engine])
    if args.no_rules:
        import workshop.core.checks.service as service_module

        service_module.run_paragraph_rules = lambda text, ctx: []  # type: ignore[assignment]
        service_module.run_document_rules = lambda text, ctx: []  # type: ignore[assignment]
    print(measure(service, limit=args.limit))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
