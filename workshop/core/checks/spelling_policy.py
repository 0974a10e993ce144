"""What to do with a spelling finding once the whole text is known.

The engines flag every word their dictionary lacks. A statement is full of words a general
dictionary lacks and that are right: clinical terms, abbreviations, names and places. This
module decides, per finding, whether to keep it, soften it or drop it; the check service
calls :func:`review` on every result.
"""

from __future__ import annotations

from collections.abc import Iterable

from workshop.core.checks.finding import Finding
from workshop.core.checks.vocabulary import Vocabulary


def review(findings: Iterable[Finding], text: str, vocabulary: Vocabulary) -> list[Finding]:
    """The findings to show: spelling findings on known words are dropped."""
    return [f for f in findings if not _known_spelling(f, vocabulary)]


def _known_spelling(finding: Finding, vocabulary: Vocabulary) -> bool:
    """A spelling finding on a word the vocabulary knows (medical list or user dictionary)."""
    if finding.category != "spelling" or not finding.excerpt.strip():
        return False
    return all(vocabulary.knows(word) for word in finding.excerpt.split())
