"""Finding British spellings in text meant for U.S. programs.

The question bank is read by applicants preparing for U.S. interviews, and the app's own
checker tells them British forms ("behavioural", "practise", "nil by mouth") read as errors to
U.S. programs; the bank must not teach the opposite. The forms live in
``resources/questions/british_spellings.toml`` (whole words, phrases and regular families with
their American exceptions), so adding one is a data change. Used by the bank tests; cheap
enough for any other text (a UI string test, the user's own questions).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from workshop.core.drills.validation import Fields, read_toml
from workshop.core.errors import UserError
from workshop.core.resources import resource


@dataclass(frozen=True, slots=True)
class BritishHit:
    """One British form found: the text as written, its offset and the American form."""

    text: str
    start: int
    american: str


@dataclass(frozen=True, slots=True)
class BritishSpellings:
    """The compiled word list: whole forms with their American spelling, and the families."""

    words: dict[str, str]
    families: tuple[re.Pattern[str], ...]
    exceptions: frozenset[str]

    def find(self, text: str) -> list[BritishHit]:
        """Every British form in ``text``, in order of appearance (overlaps reported once)."""
        hits: dict[int, BritishHit] = {}
        lowered = text.lower().replace("\u2019", "'")
        for form, american in self.words.items():
            for match in re.finditer(rf"(?<![\w&]){re.escape(form)}(?![\w&])", lowered):
                hits.setdefault(match.start(), BritishHit(text[match.start():match.end()],
                                                          match.start(), american))
        for family in self.families:
            for match in family.finditer(lowered):
                word = match.group(0)
                if word in self.exceptions or match.start() in hits:
                    continue
                hits[match.start()] = BritishHit(text[match.start():match.end()],
                                                 match.start(), "")
        return [hits[k] for k in sorted(hits)]


def load_british_spellings(path: Path | None = None) -> BritishSpellings:
    """Read the word list (default ``resources/questions/british_spellings.toml``).

    Raises:
        UserError: a section is malformed or a family is not a valid regular expression.
    """
    path = path or resource("questions", "british_spellings.toml")
    data = read_toml(path)
    top = Fields(data, path.name, frozenset({"words", "families", "exceptions"}))
    words = data.get("words", {})
    families = data.get("families", {})
    if not isinstance(words, dict) or not all(isinstance(v, str) for v in words.values()):
        raise top.fail("words", "must be a table of \"british\" = \"american\".")
    if not isinstance(families, dict):
        raise top.fail("families", "must be a table of name = 'regular expression'.")
    exceptions = Fields(data.get("exceptions", {}), f"{path.name} [exceptions]",
                        frozenset({"words"})).text_list("words", 2000, 1, 60)
    compiled = []
    for name, pattern in families.items():
        try:
            compiled.append(re.compile(rf"(?<![\w])(?:{pattern})(?![\w])"))
        except (re.error, TypeError) as exc:
            raise UserError(f"family '{name}' is not a valid pattern ({exc}).",
                            where=f"{path.name} [families]") from exc
    return BritishSpellings({k.lower(): v for k, v in words.items()}, tuple(compiled),
                            frozenset(w.lower() for w in exceptions))


@cache
def shipped_british_spellings() -> BritishSpellings:
    """The shipped list, compiled once per process."""
    return load_british_spellings()
