"""Question categories and the timing facts, read from ``resources/questions/``.

Both are data with sources (FACTS.md, "Interviews"), so a change of advice is an edit to a TOML
file, not to code. The loaders are small and strict: a typo in a field name is an error that
names the file and the field, never a silently ignored setting.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from workshop.core.drills.validation import ANSWER_SECONDS_RANGE, ID_PATTERN, Fields, read_toml
from workshop.core.errors import UserError
from workshop.core.resources import resource

MAX_CATEGORIES = 100
_CATEGORY_FIELDS = frozenset(
    {"id", "prefix", "title", "description", "answer_seconds", "answerable", "mixed",
     "improper", "aliases"}
)


@dataclass(frozen=True, slots=True)
class Category:
    """One category of questions.

    Attributes:
        id: stable id, e.g. "behavioural".
        prefix: the start of every bank id in the category, e.g. "behav" for "behav-003".
        title: display name.
        description: one line for the UI.
        answer_seconds: default target for questions that set none.
        answerable: False for questions the applicant asks (studied, not timed).
        mixed: False for questions a mock interview or one-way drill must not pick at random
            (improper questions, SOAP phone screens): they are drilled on purpose, by category.
        improper: questions programs should not ask (NRMP rules, U.S. employment law); each
            carries the rule, its source and a calm way to answer.
        aliases: other ids that resolve to this one, e.g. "behavioral" for "behavioural":
            the id itself is stored in workspaces and never changes.
    """

    id: str
    prefix: str
    title: str
    description: str
    answer_seconds: int
    answerable: bool = True
    mixed: bool = True
    improper: bool = False
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class TimingFacts:
    """Timer defaults and limits from ``timing.toml``."""

    typical_min_seconds: int
    typical_max_seconds: int
    introduction_seconds: int
    cue_seconds: int
    practice_think_seconds: int
    follow_up_answer_seconds: int
    one_way_think_range: tuple[int, int]
    one_way_answer_range: tuple[int, int]
    one_way_takes_range: tuple[int, int]
    one_way_default_think: int
    one_way_default_answer: int
    one_way_default_takes: int


def load_categories(path: Path | None = None) -> tuple[Category, ...]:
    """Read the category list (default ``resources/questions/categories.toml``).

    Raises:
        UserError: naming the file, the category's index and the field at fault.
    """
    path = path or resource("questions", "categories.toml")
    data = read_toml(path)
    Fields(data, str(path), frozenset({"category"}))
    tables = data.get("category")
    if not isinstance(tables, list) or not tables:
        raise UserError("no [[category]] tables found.", where=str(path))
    if len(tables) > MAX_CATEGORIES:
        raise UserError(f"{len(tables)} categories; the limit is {MAX_CATEGORIES}.",
                        where=str(path))
    seen_ids: set[str] = set()
    seen_prefixes: set[str] = set()
    result = []
    for index, table in enumerate(tables, start=1):
        f = Fields(table, f"{path.name}, category {index}", _CATEGORY_FIELDS)
        cat = Category(
            id=f.text("id", 1, 40),
            prefix=f.text("prefix", 1, 20),
            title=f.text("title", 1, 80),
            description=f.text("description", 0, 300, default=""),
            answer_seconds=f.integer("answer_seconds", *ANSWER_SECONDS_RANGE),
            answerable=f.boolean("answerable", True),
            mixed=f.boolean("mixed", True),
            improper=f.boolean("improper", False),
            aliases=f.text_list("aliases", 10, 1, 40, ID_PATTERN),
        )
        names = [("id", cat.id, seen_ids), ("prefix", cat.prefix, seen_prefixes)]
        names += [("aliases", alias, seen_ids) for alias in cat.aliases]
        for key, value, seen in names:
            if not ID_PATTERN.match(value):
                raise f.fail(key, f"'{value}' must be lower-case words joined by hyphens.")
            if value in seen:
                raise f.fail(key, f"'{value}' is used by an earlier category.")
            seen.add(value)
        result.append(cat)
    return tuple(result)


def load_timing(path: Path | None = None) -> TimingFacts:
    """Read the timing facts (default ``resources/questions/timing.toml``).

    Raises:
        UserError: a section or value is missing or out of range.
    """
    path = path or resource("questions", "timing.toml")
    data = read_toml(path)
    Fields(data, str(path), frozenset({"answer", "cue", "practice", "one_way"}))

    def section(name: str, keys: set[str]) -> Fields:
        return Fields(data.get(name, {}), f"{path.name} [{name}]", frozenset(keys))

    answer = section("answer", {"typical_min_seconds", "typical_max_seconds",
                                "introduction_seconds"})
    cue = section("cue", {"seconds_left"})
    practice = section("practice", {"think_seconds", "follow_up_answer_seconds"})
    one_way = section("one_way", {
        "think_min_seconds", "think_max_seconds", "answer_min_seconds", "answer_max_seconds",
        "takes_min", "takes_max", "default_think_seconds", "default_answer_seconds",
        "default_takes",
    })
    lo, hi = ANSWER_SECONDS_RANGE
    think_range = (one_way.integer("think_min_seconds", 0, 600),
                   one_way.integer("think_max_seconds", 0, 600))
    answer_range = (one_way.integer("answer_min_seconds", lo, hi),
                    one_way.integer("answer_max_seconds", lo, hi))
    takes_range = (one_way.integer("takes_min", 1, 10), one_way.integer("takes_max", 1, 10))
    return TimingFacts(
        typical_min_seconds=answer.integer("typical_min_seconds", lo, hi),
        typical_max_seconds=answer.integer("typical_max_seconds", lo, hi),
        introduction_seconds=answer.integer("introduction_seconds", lo, hi),
        cue_seconds=cue.integer("seconds_left", 0, 120),
        practice_think_seconds=practice.integer("think_seconds", 0, 600),
        follow_up_answer_seconds=practice.integer("follow_up_answer_seconds", lo, hi),
        one_way_think_range=think_range,
        one_way_answer_range=answer_range,
        one_way_takes_range=takes_range,
        one_way_default_think=one_way.integer("default_think_seconds", *think_range),
        one_way_default_answer=one_way.integer("default_answer_seconds", *answer_range),
        one_way_default_takes=one_way.integer("default_takes", *takes_range),
    )
