"""Rebuild ``count_nouns.txt`` and ``mass_nouns.txt`` (run by hand; not used at run time).

Run: ``.venv/bin/pip install symspellpy lemminflect`` then
``.venv/bin/python resources/wordlists/build_noun_number.py``.

A noun is *countable* when its plural is common relative to its singular in general English
(plural at least 10% as frequent) and *mass* (uncountable) when the plural is under 1% as
frequent. Frequencies: SymSpell's English unigram list (symspellpy package, MIT licence,
derived from the Google Books Ngram data); noun forms: LemmInflect (MIT licence). Nothing here
comes from JFLEG or any test set.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from lemminflect import getAllInflections, getAllLemmas

HERE = Path(__file__).resolve().parent
MIN_FREQ = 100_000  # singular form count in the list (~top 25,000 words)
MASS_MIN_FREQ = 1_000_000
HEADER = (
    "# {what}. Derived by resources/wordlists/build_noun_number.py from SymSpell's English\n"
    "# frequency list (symspellpy, MIT; Google Books Ngram counts) and LemmInflect (MIT):\n"
    "# {rule}\n"
)


def main() -> None:
    text = resources.files("symspellpy").joinpath("frequency_dictionary_en_82_765.txt")
    freq: dict[str, int] = {}
    for line in text.read_text(encoding="utf-8").splitlines():
        word, count = line.split()
        freq[word] = int(count)
    count_nouns: list[str] = []
    mass_nouns: list[str] = []
    for word, count in freq.items():
        lemmas = getAllLemmas(word)
        if lemmas.get("NOUN") != (word,) or count < MIN_FREQ:
            continue
        plurals = [p for p in getAllInflections(word, "NOUN").get("NNS", ()) if p != word]
        plural_count = max((freq.get(p, 0) for p in plurals), default=0)
        ratio = plural_count / count
        if ratio >= 0.1 and plurals:
            count_nouns.append(word)
        elif ratio < 0.01 and count >= MASS_MIN_FREQ:
            mass_nouns.append(word)
    (HERE / "count_nouns.txt").write_text(
        HEADER.format(
            what="Countable nouns (singular)",
            rule="the plural is at least 10% as frequent as the singular.",
        )
        + "\n".join(sorted(count_nouns))
        + "\n",
        encoding="utf-8",
    )
    (HERE / "mass_nouns.txt").write_text(
        HEADER.format(
            what="Uncountable (mass) nouns",
            rule="the plural is under 1% as frequent as the singular (information, advice).",
        )
        + "\n".join(sorted(mass_nouns))
        + "\n",
        encoding="utf-8",
    )


if __name__ == "__main__":
    main()
