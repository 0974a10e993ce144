"""Tune the learner engine's margins on the *tuning* half of JFLEG dev (even lines) only.

Run: ``.venv/bin/python tests/benchmarks/learner_tuning.py [--limit N] [--budget 0.02]``

The checker without the learner (Harper plus our rules) is run once over the tuning half's
sources and all four corrections; the learner's candidates (every variant with its gain) are
computed once; then margins per class (and per class for deleting a word) are searched by
coordinate ascent on recall while no correction's false-flag rate rises past a budget.
The held-out half (odd lines) is never read here: ``jfleg_quality.py --compare`` reports it.
Prints the margins to copy into ``resources/checks/learner_lm.json``.
"""

from __future__ import annotations

import argparse
import itertools
import pickle
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.benchmarks.jfleg_quality import DATA, build, detokenize  # noqa: E402
from workshop.core.checks.finding import LANGUAGE_CATEGORIES  # noqa: E402
from workshop.core.checks.learner import detector  # noqa: E402
from workshop.core.checks.learner.ngram import LanguageModel  # noqa: E402
from workshop.core.checks.vocabulary import medical_words  # noqa: E402

KEYS = (
    "article",
    "article-delete",
    "preposition",
    "preposition-delete",
    "verb-form",
    "noun-number",
)
inf = float("inf")
GRID = [x / 4 for x in range(4, 41)] + [inf]
FLOORS = [-x / 2 for x in range(8, 25)] + [inf]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--cache", default="", help="pickle the measured rows here and reuse")
    parser.add_argument(
        "--budget",
        type=float,
        nargs="+",
        default=[0.01, 0.015, 0.02, 0.03],
        help="the most the false-flag rate against any correction may rise",
    )
    args = parser.parse_args(argv)
    lines = [
        (DATA / f"dev.{name}").read_text(encoding="utf-8").splitlines()[: args.limit]
        for name in ("src", "ref0", "ref1", "ref2", "ref3")
    ]
    tuning = [i for i in range(len(lines[0])) if i % 2 == 0]
    service = build("harper", learner=False)
    model = LanguageModel.load()
    protected = frozenset(w.lower() for w in medical_words())

    def base_flag(text: str) -> bool:
        return any(f.category in LANGUAGE_CATEGORIES for f in service.check(text).findings)

    cache = Path(args.cache) if args.cache else None
    if cache and cache.exists():
        flags = pickle.loads(cache.read_bytes())
    else:
        flags = [[base_flag(detokenize(column[i])) for column in lines] for i in tuning]
        if cache:
            cache.write_bytes(pickle.dumps(flags))
    rows = collect(lines, tuning, flags, model, protected)
    base = evaluate(rows, dict.fromkeys(KEYS, float("inf")))
    print(f"baseline (tuning half): recall {base[0]:.3f}, false flags {fmt(base[1])}")
    for budget in args.budget:
        best: tuple[float, dict[str, float]] | None = None
        for start in (4.0, 6.0, inf):
            for weight, floor in itertools.product((0.0, 0.25, 0.5), (-6.0, -8.0, inf)):
                margins = {**dict.fromkeys(KEYS, start), "prior": weight, "floor": floor}
                score = objective(evaluate(rows, margins), base, budget)
                for _round in range(2):
                    for key in (*KEYS, "floor"):
                        for value in GRID if key != "floor" else FLOORS:
                            trial = {**margins, key: value}
                            trial_score = objective(evaluate(rows, trial), base, budget)
                            if trial_score > score + 1e-9:
                                margins, score = trial, trial_score
                if best is None or score > best[0]:
                    best = (score, margins)
        assert best is not None
        recall, false = evaluate(rows, best[1])
        print(f"budget {budget}: recall {recall:.3f}, false flags {fmt(false)}; {best[1]}")
    return 0


def collect(
    lines: list[list[str]],
    tuning: list[int],
    flags: list[list[bool]],
    model: Any,
    protected: frozenset[str],
) -> list[Any]:
    """Per tuning line: erroneous?, and (checker flag, learner candidates) for each text."""
    rows = []
    for i, line_flags in zip(tuning, flags, strict=True):
        texts = [detokenize(column[i]) for column in lines]
        erroneous = lines[0][i].strip() != lines[1][i].strip()
        cells = [
            (flag, detector.candidates(t, model, protected))
            for flag, t in zip(line_flags, texts, strict=True)
        ]
        rows.append((erroneous, cells))
    return rows


def fmt(values: list[float]) -> str:
    return " ".join(f"{v:.3f}" for v in values)


def evaluate(rows: list, margins: dict[str, float]) -> tuple[float, list[float]]:
    """Sentence recall on erroneous sources and false-flag rate per correction."""
    hits = erroneous = 0
    false = [0, 0, 0, 0]
    for is_error, cells in rows:
        flags = [flag or bool(detector.select(cands, margins)) for flag, cands in cells]
        if is_error:
            erroneous += 1
            hits += flags[0]
        for k in range(4):
            false[k] += flags[k + 1]
    return hits / max(erroneous, 1), [f / max(len(rows), 1) for f in false]


def objective(
    result: tuple[float, list[float]], base: tuple[float, list[float]], budget: float
) -> float:
    """Recall, heavily penalised past the false-flag budget, lightly for any increase."""
    recall, false = result
    increases = [f - b for f, b in zip(false, base[1], strict=True)]
    over = max(0.0, max(increases) - budget)
    return recall - 10 * over - 0.1 * sum(increases) / 4


if __name__ == "__main__":
    raise SystemExit(main())
