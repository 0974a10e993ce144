"""An optional hint from the Link Grammar parser: "this short sentence may not parse".

Measured on JFLEG dev (issue 21): flagging sentences of at most 15 words that the parser can
link only by leaving two or more words out added 3.6 points of recall at a 0.098 false-flag
rate. It gives no location inside the sentence and no fix, so it is advice, never a warning.
The parser comes from Debian's ``python3-link-grammar`` (LGPL-2.1) and has no wheel: where it
does not import, the engine is simply not used and nothing is said to the user.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterable

from workshop.core.checks.engines.base import Availability, Engine
from workshop.core.checks.finding import Finding

ENGINE_NAME = "link-grammar"
MAX_WORDS = 15
MIN_UNLINKED = 2
_SENTENCE = re.compile(r"[^.!?]+[.!?]?")
#: Words the parser had to leave out of its best linkage for one sentence.
Parser = Callable[[str], int]


def _real_parser() -> Parser:
    import linkgrammar  # type: ignore[import-not-found]

    options = linkgrammar.ParseOptions(min_null_count=0, max_null_count=MAX_WORDS)
    dictionary = linkgrammar.Dictionary("en")

    def unlinked(sentence: str) -> int:
        parsed = linkgrammar.Sentence(sentence, dictionary, options)
        parsed.parse()
        return int(parsed.null_count())

    return unlinked


class LinkGrammarEngine:
    """Short sentences the parser cannot link whole, as advice on the sentence."""

    name = ENGINE_NAME

    def __init__(self, parser: Parser | None = None) -> None:
        self._parser = parser
        self._lock = threading.Lock()

    def availability(self) -> Availability:
        """Ready when the parser imports (or one was given); its absence is normal."""
        if self._parser is not None:
            return Availability(True, "ready", "Link Grammar parse hints are on.")
        try:
            import linkgrammar  # noqa: F401
        except ImportError:
            return Availability(
                False,
                "missing",
                "Link Grammar parse hints are off (optional; not installed).",
                "On Debian or Ubuntu: apt install python3-link-grammar.",
            )
        return Availability(True, "ready", "Link Grammar parse hints are on.")

    def warm(self) -> None:
        """Load the English dictionary now (a second or so)."""
        self._ensure()

    def set_words(self, words: Iterable[str]) -> None:
        """The parser has its own dictionary; unknown words only cost it a link."""

    def check(self, text: str) -> list[Finding]:
        """An advice on each short sentence that leaves two or more words unlinked."""
        parser = self._ensure()
        if parser is None:
            return []
        found: list[Finding] = []
        for match in _SENTENCE.finditer(text):
            sentence = match.group(0).strip()
            words = len(sentence.split())
            if not 3 <= words <= MAX_WORDS:
                continue
            with self._lock:
                unlinked = parser(sentence)
            if unlinked >= MIN_UNLINKED:
                start = match.start() + match.group(0).index(sentence)
                found.append(_finding(start, start + len(sentence), unlinked))
        return found

    def _ensure(self) -> Parser | None:
        with self._lock:
            if self._parser is None:
                try:
                    self._parser = _real_parser()
                except (ImportError, OSError, RuntimeError):
                    return None
            return self._parser


def _finding(start: int, end: int, unlinked: int) -> Finding:
    return Finding(
        rule="link-grammar.unparsed",
        category="grammar",
        severity="advice",
        message=(
            f"This sentence may not be standard English grammar: a parser could not fit "
            f"{unlinked} of its words into it. Read it aloud, or ask someone to check it."
        ),
        start=start,
        end=end,
        engine=ENGINE_NAME,
        source="Link Grammar parser (optional)",
    )


def build() -> list[Engine]:
    """``[LinkGrammarEngine()]`` where the parser imports, else nothing (a normal state)."""
    engine = LinkGrammarEngine()
    return [engine] if engine.availability().ok else []
