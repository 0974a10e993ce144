"""Build ``common_words.txt``: English words with their unigram log10 probability ≥ -6.

Source: the trigram model and pronouncing dictionary inside the ``pocketsphinx`` wheel
(``model/en-us/en-us.lm.bin``, ``cmudict-en-us.dict``; Carnegie Mellon University, BSD-style
licence). Used by ``workshop/core/checks/single_word_fix.py`` to tell a common word one edit
from a typo ("applying" for "aplying") without the optional package at run time.
Run: ``.venv/bin/python resources/wordlists/build_common_words.py``.
"""

from __future__ import annotations

import os
from pathlib import Path

import pocketsphinx

MIN_LOG10 = -6.0
TO_LOG10 = 4.342727686266964e-05


def main() -> None:
    base = os.path.join(pocketsphinx.get_model_path(), "en-us")
    model = pocketsphinx.NGramModel.readfile(os.path.join(base, "en-us.lm.bin"))
    words = set()
    for line in Path(base, "cmudict-en-us.dict").read_text(encoding="utf-8").splitlines():
        word = line.split(" ", 1)[0].split("(", 1)[0]
        if word.isalpha() and word.islower():
            words.add(word)
    scored = sorted(
        (round(model.prob([w]) * TO_LOG10, 2), w) for w in words if model.prob([w]) > -5e8
    )
    kept = [(v, w) for v, w in scored if v >= MIN_LOG10]
    header = [
        "# Common English words and their unigram log10 probability (>= -6), built by",
        "# resources/wordlists/build_common_words.py from the CMU Sphinx en-us trigram model",
        "# in the pocketsphinx wheel (Carnegie Mellon University, BSD-style licence).",
    ]
    body = [f"{w}\t{v}" for v, w in sorted(kept, key=lambda item: item[1])]
    out = Path(__file__).with_name("common_words.txt")
    out.write_text("\n".join(header + body) + "\n", encoding="utf-8")
    print(f"{len(body)} words -> {out}")


if __name__ == "__main__":
    main()
