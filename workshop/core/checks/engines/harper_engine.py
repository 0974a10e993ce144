"""Harper (``harper-py``) as the default, fully offline engine.

Facts that shape this module (measured; see FACTS.md "Grammar engines"):
- building a ``harper.Linter`` takes about a second and the first lint is slower still, so
  :meth:`HarperEngine.warm` does both and the UI calls it on a worker thread at start;
- a ``Linter`` is not thread-safe (a concurrent call raises ``RuntimeError``), so every call goes
  through one lock and each engine owns exactly one linter;
- ``lint()`` defaults to Markdown, which merges lines joined by a single newline and found a
  quarter of the problems in a test: we always pass ``Language.PLAINTEXT``;
- spans are code points of the Python ``str`` (the stub says so and a test with Arabic, Greek
  and emoji text confirms it), so no offset conversion is needed;
- Harper removes lints that overlap a higher-priority one, and its ``LongSentences`` lint spans
  the whole sentence, so with it on a long sentence lost all its spelling and grammar lints: the
  linters we turn off, each with its reason, are in ``resources/checks/harper_config.json``.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from typing import Any

from workshop.core.checks.engines.base import Availability
from workshop.core.checks.finding import Finding
from workshop.core.checks.rules.meta import load_json
from workshop.core.checks.spelling_variants import american_variant

ENGINE_NAME = "harper"

# Harper's lint kinds → (our category, severity). Mechanics (capitalisation, formatting) count as
# punctuation; clarity/style kinds are advice, the rest are warnings (a person should look).
KIND_MAP: dict[str, tuple[str, str]] = {
    "Spelling": ("spelling", "warning"),
    "Typo": ("spelling", "warning"),
    "Regionalism": ("spelling", "advice"),
    "Grammar": ("grammar", "warning"),
    "Agreement": ("grammar", "warning"),
    "BoundaryError": ("grammar", "warning"),
    "Eggcorn": ("grammar", "warning"),
    "Malapropism": ("grammar", "warning"),
    "Nonstandard": ("grammar", "warning"),
    "Usage": ("grammar", "warning"),
    "WordChoice": ("grammar", "warning"),
    "Repetition": ("grammar", "warning"),
    "Miscellaneous": ("grammar", "warning"),
    "Punctuation": ("punctuation", "warning"),
    "Capitalization": ("punctuation", "warning"),
    "Formatting": ("punctuation", "advice"),
    "Readability": ("clarity", "advice"),
    "Redundancy": ("style", "advice"),
    "Style": ("style", "advice"),
    "Enhancement": ("style", "advice"),
}
DEFAULT_KIND = ("grammar", "advice")

_DIALECTS = {"american": 0, "british": 1, "australian": 2, "canadian": 3, "indian": 4}


def default_disabled() -> tuple[str, ...]:
    """Harper linters the project turns off (``resources/checks/harper_config.json``)."""
    return tuple(load_json("harper_config.json")["disabled"])


def map_lint(lint: Any) -> Finding:
    """Turn one ``harper.Lint`` into a :class:`Finding` (offsets unchanged: code points)."""
    kind = str(lint.lint_kind)
    category, severity = KIND_MAP.get(kind, DEFAULT_KIND)
    suggestions: list[str] = []
    for suggestion in lint.suggestions:
        text = suggestion.replacement_text
        if int(suggestion.kind) == 2:  # INSERT_AFTER: the fix is the problem text plus this
            text = lint.problem_text + text
        if text not in suggestions:
            suggestions.append(text)
    span = lint.span
    message = str(lint.message)
    if category == "spelling":
        american = american_variant(str(lint.problem_text), suggestions)
        if american is not None:
            severity = "advice"
            message = (
                f"British spelling: U.S. programs read American English ('{american}'). "
                "Keep one spelling throughout."
            )
            suggestions = [american] + [s for s in suggestions if s != american]
    return Finding(
        rule=f"harper.{kind}",
        category=category,
        severity=severity,
        message=message,
        start=int(span.start),
        end=int(span.end),
        suggestions=tuple(suggestions[:5]),
        engine=ENGINE_NAME,
        source="Harper",
        excerpt=str(lint.problem_text),
    )


class HarperEngine:
    """One Harper linter behind a lock; cheap to create, slow to :meth:`warm`."""

    name = ENGINE_NAME

    def __init__(
        self, dialect: str = "american", disabled_rules: Iterable[str] | None = None
    ) -> None:
        self._dialect = _DIALECTS.get(dialect.lower(), 0)
        self._disabled = default_disabled() if disabled_rules is None else tuple(disabled_rules)
        self._lock = threading.Lock()
        self._linter: Any = None
        self._words: tuple[str, ...] = ()
        self._import_error = ""

    def availability(self) -> Availability:
        """Ready when ``harper`` imports; it needs nothing else."""
        try:
            import harper  # noqa: F401
        except ImportError as exc:
            return Availability(
                False,
                "missing",
                f"Harper is not installed ({exc}).",
                "Reinstall the app, or run: pip install harper-py",
            )
        return Availability(True, "ready", "Harper grammar checker (offline) is ready.")

    def warm(self) -> None:
        """Build the linter and run a first lint so the user's first check is fast."""
        with self._lock:
            linter = self._ensure_linter()
            self._lint(linter, "Warm up the checker with a short sentence.")

    def set_words(self, words: Iterable[str]) -> None:
        """Replace the extra accepted words (shipped clinical lists plus user dictionary).

        The shipped lists hold some 5,000 words; "Add to dictionary" only adds, so then only
        the new words are imported instead of clearing and importing them all again.
        """
        new = tuple(sorted({w for w in words if w and " " not in w}))
        with self._lock:
            if new == self._words:
                return
            old = set(self._words)
            self._words = new
            if self._linter is None:
                return
            if old.issubset(new):
                self._linter.import_words([w for w in new if w not in old])
            else:
                self._linter.clear_words()
                self._linter.import_words(list(new))

    def check(self, text: str) -> list[Finding]:
        """Findings for one paragraph (builds the linter on first use if not warmed)."""
        if not text.strip():
            return []
        with self._lock:
            linter = self._ensure_linter()
            lints = self._lint(linter, text)
        return [map_lint(lint) for lint in lints]

    def _lint(self, linter: Any, text: str) -> list[Any]:
        import harper

        return list(linter.lint(text, language=harper.Language.PLAINTEXT))

    def _ensure_linter(self) -> Any:
        if self._linter is None:
            import harper

            linter = harper.Linter(harper.Dialect(self._dialect))
            if self._disabled:
                config: dict[str, bool | None] = dict(linter.get_default_lint_config())
                for rule in self._disabled:
                    if rule in config:
                        config[rule] = False
                linter.set_lint_config(config)
            if self._words:
                linter.import_words(list(self._words))
            self._linter = linter
        return self._linter
