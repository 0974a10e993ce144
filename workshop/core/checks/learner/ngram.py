"""The English trigram model that ships inside the ``pocketsphinx`` wheel, as a scorer.

Why this model: it is the only general-English n-gram model in a registry package here
(``pocketsphinx/model/en-us/en-us.lm.bin``, 27 MB, CMU's BSD-style licence, lowercase words,
no punctuation, contractions as words). ``NGramModel.prob([w, h1, h2])`` answers in about a
microsecond, in units of log base 1.0001 (we convert to log10); an unknown word gets a floor of
-536870912, which we treat as "no information": an unknown word adds nothing to a score and cuts
the history of the words after it, so names, drugs and abbreviations never decide a verdict.

The model is memory-mapped by pocketsphinx's C code (about 35 MB of RSS once loaded). Loading
takes ~0.15 s, so it happens in :meth:`LanguageModel.load` at warm-up, never at import.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

#: log10(1.0001): pocketsphinx's log base to log10.
_TO_LOG10 = 4.342727686266964e-05
_UNKNOWN_FLOOR = -500_000_000
_MAX_MEMO = 50_000  # n-gram scores remembered (about 5 MB at most)
SENTENCE_START = "<s>"
SENTENCE_END = "</s>"


@lru_cache(maxsize=1)
def model_path() -> str | None:
    """Path of the bundled English trigram model, or None when pocketsphinx is missing.

    Cached: a failed import is not remembered by Python, and this is asked per paragraph.
    """
    try:
        import pocketsphinx  # type: ignore[import-untyped, import-not-found, unused-ignore]
    except ImportError:
        return None
    path = os.path.join(pocketsphinx.get_model_path(), "en-us", "en-us.lm.bin")
    return path if os.path.isfile(path) else None


class LanguageModel:
    """Log10 probabilities of lowercase words given up to two previous words.

    One re-entrant lock around the C model: pocketsphinx does not promise its n-gram lookups
    are thread-safe, and the checker may run from the head-start thread and a worker.
    """

    def __init__(self, model: Any) -> None:
        self._model = model
        self._lock = threading.RLock()
        self._known: dict[str, bool] = {}
        self._probs: dict[tuple[str, ...], int] = {}

    @classmethod
    def load(cls, path: str | None = None) -> LanguageModel:
        """Read the model (slow: call at warm-up).

        Raises:
            ImportError: pocketsphinx is not installed.
            OSError: the model file is missing or unreadable.
        """
        from pocketsphinx import NGramModel

        path = path or model_path()
        if path is None:
            raise OSError("the pocketsphinx English language model is not installed")
        return cls(NGramModel.readfile(path))

    def known(self, word: str) -> bool:
        """The word is in the model's vocabulary (cached: asked for every token)."""
        hit = self._known.get(word)
        if hit is None:
            with self._lock:
                hit = self._model.prob([word]) > _UNKNOWN_FLOOR
            self._known[word] = hit
        return hit

    def score(self, words: Sequence[str], start: int, end: int) -> float:
        """Sum of log10 P(word | two before it) for ``words[start:end]``.

        Unknown words contribute nothing and cut the history of the words after them.
        Results are memoised by n-gram: a paragraph asks for the same ones many times.
        """
        total = 0
        first = max(start, 0)
        known = [self.known(w) for w in words[max(first - 2, 0) : end]]
        offset = max(first - 2, 0)
        probs = self._probs
        for j in range(first, min(end, len(words))):
            word = words[j]
            if not known[j - offset] or word == SENTENCE_START:
                continue
            if j >= 1 and known[j - 1 - offset]:
                prev = words[j - 1]
                if prev != SENTENCE_START and j >= 2 and known[j - 2 - offset]:
                    query: tuple[str, ...] = (word, prev, words[j - 2])
                else:
                    query = (word, prev)
            else:
                query = (word,)
            value = probs.get(query)
            if value is None:
                with self._lock:
                    value = self._model.prob(list(query))
                if len(probs) > _MAX_MEMO:
                    probs.clear()
                probs[query] = value
            total += value
        return total * _TO_LOG10
