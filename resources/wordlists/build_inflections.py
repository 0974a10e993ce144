"""Rebuild ``inflections.sqlite`` from LemmInflect (run by hand; not used at run time).

Run: ``.venv/bin/pip install lemminflect==0.2.3`` then
``.venv/bin/python resources/wordlists/build_inflections.py``.

Why: LemmInflect answers our agreement and learner rules well, but it keeps its whole
dictionary as Python dicts of tuples, which cost about 70 MB of memory and 0.7 s inside the
first check (measured for issue 20). The checker only ever asks two questions of it, for
lower-case words: "what are this word's lemmas, by part of speech?" (``getAllLemmas``) and "what
are this lemma's forms, by Penn tag?" (``getAllInflections`` without a part of speech; the
caller filters the tags). This script asks LemmInflect both questions for every lower-case key
of its dictionaries and its overrides, and writes the answers, exactly, into a small read-only
SQLite table (``workshop/core/checks/rules/inflections.py`` reads it a row at a time, so almost
nothing stays in memory). ``tests/core/checks/test_inflections.py`` compares the table with
LemmInflect word by word wherever LemmInflect is installed.

Encoding of a row's value: ``KEY=form,form|KEY=form`` with the keys (parts of speech or Penn
tags) and the forms in LemmInflect's order. LemmInflect is MIT-licensed (its data derives
from the SPECIALIST Lexicon, which the NLM distributes freely); the licence note goes in the
table's ``meta`` rows.
"""

from __future__ import annotations

import sqlite3
from importlib.metadata import version
from pathlib import Path

import lemminflect
from lemminflect.core.Inflections import Inflections
from lemminflect.core.Lemmatizer import Lemmatizer

HERE = Path(__file__).resolve().parent
OUT = HERE / "inflections.sqlite"


def encode(entries: dict[str, tuple[str, ...]]) -> str:
    """``{"NOUN": ("a", "b")}`` → ``"NOUN=a,b"`` (no form contains ``, | =``; checked)."""
    for forms in entries.values():
        for form in forms:
            if any(c in form for c in ",|="):
                raise ValueError(f"form {form!r} holds a separator")
    return "|".join(f"{key}={','.join(forms)}" for key, forms in entries.items())


def lower_keys(*tables: dict[str, object]) -> list[str]:
    """The keys a lower-case lookup can reach (LemmInflect lower-cases every word first)."""
    return sorted({key for table in tables for key in table if key == key.lower()})


def main() -> None:
    lemmatizer, inflections = Lemmatizer(), Inflections()
    lemma_keys = lower_keys(lemmatizer._getLemmaDict(), lemmatizer._getOverridesDict())
    infl_keys = lower_keys(inflections._getInflDict(), inflections._getOverridesDict())
    lemma_rows = [(w, encode(lemminflect.getAllLemmas(w))) for w in lemma_keys]
    infl_rows = [(w, encode(lemminflect.getAllInflections(w))) for w in infl_keys]
    OUT.unlink(missing_ok=True)
    conn = sqlite3.connect(OUT)
    with conn:
        conn.execute("PRAGMA page_size = 4096")
        conn.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID")
        conn.execute("CREATE TABLE lemmas (word TEXT PRIMARY KEY, data TEXT NOT NULL) "
                     "WITHOUT ROWID")
        conn.execute("CREATE TABLE inflections (lemma TEXT PRIMARY KEY, data TEXT NOT NULL) "
                     "WITHOUT ROWID")
        conn.executemany("INSERT INTO lemmas VALUES (?, ?)", [r for r in lemma_rows if r[1]])
        conn.executemany("INSERT INTO inflections VALUES (?, ?)", [r for r in infl_rows if r[1]])
        conn.executemany("INSERT INTO meta VALUES (?, ?)", [
            ("source", f"lemminflect {version('lemminflect')} (MIT licence; data from the "
                       "SPECIALIST Lexicon, NLM)"),
            ("built_by", "resources/wordlists/build_inflections.py"),
        ])
    conn.execute("VACUUM")
    conn.close()
    print(f"{OUT.name}: {len(lemma_rows)} words, {len(infl_rows)} lemmas, "
          f"{OUT.stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
