"""The check service: engines plus our rules, cached by paragraph, merged and filtered.

The UI calls :meth:`CheckService.check` on a worker thread after each edit; only paragraphs
whose text changed are sent to the engines again (the cache is keyed by paragraph text), so a
one-character edit costs one paragraph's lint plus the cheap document rules. User dictionary
and ignore list are parameters: the workspace stores them, the service keeps no settings.
"""

from __future__ import annotations

import bisect
import threading
from collections import OrderedDict
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from workshop.core.checks import spelling_policy
from workshop.core.checks.engines.base import Availability, Engine
from workshop.core.checks.finding import (
    LANGUAGE_CATEGORIES,
    Finding,
    sort_key,
    with_positions,
)
from workshop.core.checks.rules import run_document_rules, run_paragraph_rules
from workshop.core.checks.rules.meta import RuleContext
from workshop.core.checks.single_word_fix import shipped_frequency
from workshop.core.checks.stats import Stats, compute_stats
from workshop.core.checks.textspans import paragraphs
from workshop.core.checks.verdict import Verdict, judge
from workshop.core.checks.vocabulary import Vocabulary, medical_words
from workshop.core.memory import release_free_heap

DEFAULT_CACHE_SIZE = 4096


@dataclass(frozen=True)
class CheckResult:
    """Findings in document order, counters, and the one-line summary for the header."""

    findings: list[Finding]
    stats: Stats
    engines: tuple[str, ...] = field(default_factory=tuple)
    #: Engines only (see :meth:`CheckService.check`): the verdict waits for the full check.
    quick: bool = False

    @property
    def errors(self) -> int:
        """Number of error-severity findings."""
        return sum(1 for f in self.findings if f.severity == "error")

    @property
    def verdict(self) -> Verdict:
        """Ready for ERAS, or what is left (see :mod:`workshop.core.checks.verdict`)."""
        return judge(self.findings, self.stats)

    @property
    def ready(self) -> bool:
        """Ready for ERAS: nothing open, not empty, length inside the limit and range."""
        return not self.quick and self.verdict.ready

    @property
    def summary(self) -> str:
        """ "Not ready for ERAS: 3 spelling, 1 grammar, 40 words short" or "Ready for ERAS"."""
        if self.quick:
            return "Checking… (spelling and grammar so far)"
        return self.verdict.text

    def to_dict(self) -> dict[str, Any]:
        """The ``workshop check --format json`` document."""
        return {
            "issues": [f.to_dict() for f in self.findings],
            "stats": self.stats.to_dict(),
            "summary": self.summary,
            "engines": list(self.engines),
        }


class _LRU:
    """A small thread-safe LRU map (paragraph results)."""

    def __init__(self, size: int) -> None:
        self._size = size
        self._data: OrderedDict[Hashable, list[Finding]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable) -> list[Finding] | None:
        with self._lock:
            value = self._data.get(key)
            if value is not None:
                self._data.move_to_end(key)
            return value

    def put(self, key: Hashable, value: list[Finding]) -> None:
        with self._lock:
            self._data[key] = value
            self._data.move_to_end(key)
            while len(self._data) > self._size:
                self._data.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._data.clear()

    def __len__(self) -> int:
        return len(self._data)


#: A learner sentence that exercises the agreement, article and noun-number rules.
WARM_TEXT = "She have went to an clinic for two patient everyday during my rotations."


class CheckService:
    """Runs the given engines (in priority order) and our rules over a statement.

    Args:
        engines: engines to run, most trusted first (its finding wins a duplicate).
        cache_size: paragraphs remembered per engine and for the rules.
    """

    def __init__(
        self, engines: Sequence[Engine] = (), cache_size: int = DEFAULT_CACHE_SIZE
    ) -> None:
        self.engines: tuple[Engine, ...] = tuple(engines)
        self._engine_cache = _LRU(cache_size)
        self._rule_cache = _LRU(cache_size)
        self._words_key: frozenset[str] | None = None
        self._words_lock = threading.Lock()

    def availability(self) -> dict[str, Availability]:
        """Each engine's state, for the status bar."""
        return {engine.name: engine.availability() for engine in self.engines}

    def warm(self) -> None:
        """Warm the engines, then the domain rules (slow; on a worker at app start)."""
        self.warm_engines()
        self.warm_rules()

    def warm_engines(self) -> None:
        """Build every available engine and give it the shipped vocabulary.

        Harper's linter takes over a second to build, in Rust without holding the GIL, so the
        app starts this on the checker thread at once, while the window is still being built.
        """
        for engine in self.engines:
            if engine.availability().ok:
                engine.warm()
        self._sync_words(frozenset())
        release_free_heap()  # Harper's build frees ~30 MB in small blocks glibc would keep

    def warm_rules(self) -> None:
        """Load the rules' data now instead of inside the first real check.

        The rules load their data on first use (the inflection table, word lists, ~0.3 s of
        Python that holds the GIL, so the app runs it after the window's first paint); one
        throwaway check of a learner sentence loads it. Its results are not cached.
        """
        run_paragraph_rules(WARM_TEXT, RuleContext())
        run_document_rules(WARM_TEXT, RuleContext())
        Vocabulary.build(frozenset())
        shipped_frequency("applying")
        compute_stats(WARM_TEXT)
        release_free_heap()

    def clear_cache(self) -> None:
        """Forget cached paragraph results (e.g. after an engine setting changed)."""
        self._engine_cache.clear()
        self._rule_cache.clear()

    def check(
        self,
        text: str,
        context: RuleContext | None = None,
        user_words: Iterable[str] = (),
        ignored: Iterable[str] = (),
        *,
        quick: bool = False,
    ) -> CheckResult:
        """Check ``text`` and return sorted findings, counters and summary.

        Args:
            text: the statement exactly as the editor holds it (offsets point into it).
            context: target specialty/programs and thresholds for the residency rules.
            user_words: the workspace dictionary ("Add to dictionary").
            ignored: :attr:`Finding.key` values the user chose to ignore.
            quick: engines only, pages counted by words: the first check after start-up,
                so the first underlines need not wait for the rules' data (~0.5 s) and
                reportlab (~0.4 s). A full check follows it.
        """
        context = context or RuleContext()
        user = frozenset(w.strip() for w in user_words if w.strip())
        vocabulary = Vocabulary.build(user)
        self._sync_words(user)
        engine_found: list[Finding] = []
        rule_found: list[Finding] = []
        for paragraph in paragraphs(text):
            for engine in self.engines:
                engine_found.extend(
                    f.shifted(paragraph.start) for f in self._engine_check(engine, paragraph.text)
                )
            if not quick:
                rule_found.extend(
                    f.shifted(paragraph.start) for f in self._rules_check(paragraph.text, context)
                )
        if not quick:
            rule_found.extend(run_document_rules(text, context))
        merged = merge(engine_found, rule_found)
        positioned = with_positions(merged, text)
        ignored_keys = frozenset(ignored)
        kept = [
            f
            for f in spelling_policy.review(positioned, text, vocabulary, shipped_frequency)
            if f.key not in ignored_keys
        ]
        kept.sort(key=sort_key)
        stats = compute_stats(text, context.ari_target, layout_pages=not quick)
        return CheckResult(kept, stats, tuple(e.name for e in self.engines), quick=quick)

    def _sync_words(self, user: frozenset[str]) -> None:
        with self._words_lock:
            if user == self._words_key:
                return
            words = list(medical_words()) + sorted(user)
            for engine in self.engines:
                engine.set_words(words)
            self._words_key = user
            self._engine_cache.clear()

    def _engine_check(self, engine: Engine, paragraph: str) -> list[Finding]:
        key = (engine.name, paragraph)
        cached = self._engine_cache.get(key)
        if cached is None:
            cached = engine.check(paragraph)
            self._engine_cache.put(key, cached)
        return cached

    def _rules_check(self, paragraph: str, context: RuleContext) -> list[Finding]:
        key = (context, paragraph)
        cached = self._rule_cache.get(key)
        if cached is None:
            cached = run_paragraph_rules(paragraph, context)
            self._rule_cache.put(key, cached)
        return cached


def merge(engine_findings: list[Finding], rule_findings: list[Finding]) -> list[Finding]:
    """Engine findings then rule findings, without duplicates.

    Two spelling/grammar/punctuation findings whose spans overlap are one problem seen twice:
    the first (the more trusted engine) is kept and the other's suggestions are added to it.
    Other findings are duplicates only when rule and span are identical.
    """
    kept: list[Finding] = []
    # Language findings kept so far, sorted by start, so a new one is compared only with
    # those that can overlap it (a pasted 30,000-character draft has thousands: comparing
    # each with all of them took seconds).
    starts: list[tuple[int, int]] = []  # (start, index into kept)
    longest = 0
    seen: set[tuple[str, int, int]] = set()
    for finding in [*engine_findings, *rule_findings]:
        ident = (finding.rule, finding.start, finding.end)
        if ident in seen:
            continue
        if finding.category in LANGUAGE_CATEGORIES:
            low = bisect.bisect_left(starts, (finding.start - longest, -1))
            high = bisect.bisect_right(starts, (finding.end, len(kept)))
            twins = [i for _s, i in starts[low:high] if _overlaps(kept[i], finding)]
            if twins:
                twin = min(twins)  # the first kept: the more trusted engine's
                kept[twin] = _with_more_suggestions(kept[twin], finding)
                continue
            bisect.insort(starts, (finding.start, len(kept)))
            longest = max(longest, finding.end - finding.start)
        seen.add(ident)
        kept.append(finding)
    return kept


def _overlaps(a: Finding, b: Finding) -> bool:
    if a.start == a.end or b.start == b.end:
        return a.start == b.start and a.end == b.end
    return a.start < b.end and b.start < a.end


def _with_more_suggestions(kept: Finding, other: Finding) -> Finding:
    if kept.start != other.start or kept.end != other.end:
        return kept
    extra = tuple(s for s in other.suggestions if s not in kept.suggestions)
    if not extra:
        return kept
    return replace(kept, suggestions=kept.suggestions + extra)
