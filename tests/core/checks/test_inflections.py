"""The shipped inflection table answers exactly as LemmInflect, which it replaces at run time."""

from __future__ import annotations

import sqlite3

import pytest

from workshop.core.checks.rules import inflections, lexicon
from workshop.core.resources import resource


def test_known_words() -> None:
    assert inflections.all_lemmas("went") == {"VERB": ("go",)}
    assert inflections.all_inflections("child", upos="NOUN")["NNS"] == ("children",)
    assert inflections.all_inflections("try", upos="VERB")["VBZ"] == ("tries",)
    assert "NN" not in inflections.all_inflections("try", upos="VERB")
    assert inflections.all_lemmas("qwzxv") == {}
    assert inflections.all_inflections("walk", upos="PRON") == {}


def test_capitalisation_follows_the_word() -> None:
    assert inflections.all_lemmas("Went") == {"VERB": ("Go",)}
    assert inflections.all_lemmas("WENT") == {"VERB": ("GO",)}


def test_lexicon_uses_the_table() -> None:
    assert lexicon.available()
    assert lexicon.plural_of("company") == "companies"
    assert lexicon.third_person("go") == "goes"
    assert lexicon.verb_tags("went") == {"VBD"}


def test_table_is_read_only_and_labelled() -> None:
    conn = sqlite3.connect(f"{resource('wordlists', 'inflections.sqlite').as_uri()}?mode=ro",
                           uri=True)
    try:
        meta = dict(conn.execute("SELECT key, value FROM meta"))
        with pytest.raises(sqlite3.OperationalError):
            conn.execute("DELETE FROM lemmas")
    finally:
        conn.close()
    assert meta["source"].startswith("lemminflect 0.2.3")


def test_missing_table_means_unavailable(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(inflections, "resource", lambda *parts: tmp_path / "gone.sqlite")
    inflections._table.cache_clear()
    try:
        assert not inflections.available()
    finally:
        inflections._table.cache_clear()


def test_every_word_matches_lemminflect() -> None:
    """Every lower-case key of LemmInflect's dictionaries, both questions, exactly."""
    lemminflect = pytest.importorskip("lemminflect")
    from lemminflect.core.Inflections import Inflections
    from lemminflect.core.Lemmatizer import Lemmatizer

    lem, inf = Lemmatizer(), Inflections()
    words = {w for t in (lem._getLemmaDict(), lem._getOverridesDict()) for w in t
             if w == w.lower()}
    lemmas = {w for t in (inf._getInflDict(), inf._getOverridesDict()) for w in t
              if w == w.lower()}
    assert len(words) > 60_000 and len(lemmas) > 30_000
    wrong = [w for w in sorted(words) if inflections.all_lemmas(w) != lemminflect.getAllLemmas(w)]
    assert wrong == []
    for upos in (None, "VERB", "AUX", "NOUN", "ADJ"):
        wrong = [w for w in sorted(lemmas)
                 if inflections.all_inflections(w, upos) != lemminflect.getAllInflections(w, upos)]
        assert wrong == [], upos
    for word in ("Went", "CHILDREN", "Companies", "zzzq", "I"):
        assert inflections.all_lemmas(word) == lemminflect.getAllLemmas(word)
