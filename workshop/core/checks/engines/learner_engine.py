"""The learner-English detector (:mod:`workshop.core.checks.learner`) as a check engine.

An engine rather than a rule because, like Harper, it has a slow start (reading the 27 MB
trigram model, ~0.15 s) that belongs in :meth:`warm` on the checker's worker, and a per-paragraph
cost the service caches. Its model ships in the optional ``pocketsphinx`` package: without it
the engine reports a normal "not installed" state and finds nothing; the rest of the checker is
unchanged. Switched off by the ``learner_grammar`` setting (see :mod:`factory`).
"""

from __future__ import annotations

import threading
from collections.abc import Iterable

from workshop.core.checks.engines.base import Availability
from workshop.core.checks.finding import Finding
from workshop.core.checks.learner import detector
from workshop.core.checks.learner.ngram import LanguageModel, model_path

ENGINE_NAME = detector.ENGINE_NAME


class LearnerEngine:
    """Articles, prepositions, verb forms and noun number scored by a trigram model."""

    name = ENGINE_NAME

    def __init__(self, margins: dict[str, float] | None = None) -> None:
        self._margins = margins
        self._model: LanguageModel | None = None
        self._protected: frozenset[str] = frozenset()
        self._lock = threading.Lock()
        self._failed = False

    def availability(self) -> Availability:
        """Ready when pocketsphinx and its English model are installed (no load here)."""
        if model_path() is None:
            return Availability(
                False,
                "missing",
                "Learner grammar (articles, prepositions, verb forms) is off: its English "
                "language model is not installed.",
                "Install the optional package: pip install pocketsphinx",
            )
        return Availability(True, "ready", "Learner grammar (offline language model) is ready.")

    def warm(self) -> None:
        """Read the model and the confusion sets now, not inside the first check."""
        model = self._ensure_model()
        if model is not None:
            detector.candidates(detector.WARM_TEXT, model)

    def set_words(self, words: Iterable[str]) -> None:
        """Clinical terms and the user's words are never changed by this engine."""
        self._protected = frozenset(w.lower() for w in words if w and " " not in w)

    def check(self, text: str) -> list[Finding]:
        """Findings for one paragraph (nothing when the model is missing)."""
        if not text.strip():
            return []
        model = self._ensure_model()
        if model is None:
            return []
        margins = self._margins or detector.default_margins()
        floor = margins.get("floor", float("inf"))
        found = detector.candidates(text, model, self._protected, floor)
        return [detector.to_finding(c) for c in detector.select(found, margins)]

    def _ensure_model(self) -> LanguageModel | None:
        with self._lock:
            if self._model is None and not self._failed and model_path() is not None:
                try:
                    self._model = LanguageModel.load()
                except (ImportError, OSError):
                    self._failed = True  # a broken install: stay off, do not retry per check
            return self._model
