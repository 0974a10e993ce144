"""Lemmas and inflections of English words, read from a small shipped table.

The table (``resources/wordlists/inflections.sqlite``, 3.5 MB on disk) holds LemmInflect's
answers for every lower-case word it knows, exactly (``build_inflections.py`` wrote it and
``tests/core/checks/test_inflections.py`` compares the two). Reading it a row at a time from a
read-only SQLite file keeps memory flat: LemmInflect itself holds its dictionary as Python
objects, about 70 MB, and takes 0.7 s to load inside the first check (issue 20). Callers cache
the answers they use (``lexicon.lemmas`` keeps 65,536), so each word costs one lookup of a few
microseconds a session.

Results follow LemmInflect's rules: the lookup is on the lower-cased word, and the forms come
back in the word's capitalisation style (lower, Capitalised or UPPER).
"""

from __future__ import annotations

import sqlite3
import threading
from functools import lru_cache

from workshop.core.resources import resource

# LemmInflect's uposToTags: the Penn tags a part of speech may have.
_TAGS_OF = {
    "VERB": frozenset({"VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "MD"}),
    "AUX": frozenset({"VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "MD"}),
    "ADJ": frozenset({"JJ", "JJR", "JJS"}),
    "ADV": frozenset({"RB", "RBR", "RBS"}),
    "NOUN": frozenset({"NN", "NNS", "NNP", "NNPS"}),
}


class TableMissing(RuntimeError):
    """The shipped table is missing or unreadable: a packaging bug, not the user's doing."""


class _Table:
    """One read-only connection shared by the checker's threads (a lock serialises reads)."""

    def __init__(self) -> None:
        path = resource("wordlists", "inflections.sqlite")
        if not path.is_file():
            raise TableMissing(f"The word table {path} is missing: reinstall the app.")
        # immutable=1: no locks, no journal, no writes; the file never changes under us.
        self._conn = sqlite3.connect(f"{path.as_uri()}?mode=ro&immutable=1", uri=True,
                                     check_same_thread=False)
        self._lock = threading.Lock()

    def row(self, table: str, key: str) -> str:
        column = "word" if table == "lemmas" else "lemma"
        with self._lock:
            found = self._conn.execute(
                f"SELECT data FROM {table} WHERE {column} = ?", (key,)).fetchone()  # noqa: S608
        return str(found[0]) if found else ""


@lru_cache(maxsize=1)
def _table() -> _Table:
    return _Table()


def available() -> bool:
    """The table can be read (the rules that need it stay silent otherwise)."""
    try:
        _table()
    except (TableMissing, sqlite3.Error):
        return False
    return True


def _decode(data: str, style: str) -> dict[str, tuple[str, ...]]:
    found: dict[str, tuple[str, ...]] = {}
    for part in data.split("|") if data else ():
        key, _, forms = part.partition("=")
        found[key] = tuple(_styled(form, style) for form in forms.split(","))
    return found


def _style(word: str) -> str:
    if word.isupper():
        return "upper"
    return "first" if word[:1].isupper() else "lower"


def _styled(form: str, style: str) -> str:
    if style == "upper":
        return form.upper()
    return form.capitalize() if style == "first" else form.lower()


def all_lemmas(word: str) -> dict[str, tuple[str, ...]]:
    """Lemmas by universal part of speech, as ``lemminflect.getAllLemmas(word)``."""
    return _decode(_table().row("lemmas", word.lower()), _style(word))


def all_inflections(lemma: str, upos: str | None = None) -> dict[str, tuple[str, ...]]:
    """Forms by Penn tag, as ``lemminflect.getAllInflections(lemma, upos)``."""
    forms = _decode(_table().row("inflections", lemma.lower()), _style(lemma))
    if upos is None:
        return forms
    tags = _TAGS_OF.get(upos, frozenset())
    return {tag: spelled for tag, spelled in forms.items() if tag in tags}


def warm() -> None:
    """Open the table and read one row, so the first check pays nothing for it."""
    all_lemmas("walked")
