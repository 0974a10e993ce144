"""The interview question bank: loading, validating and looking up questions.

Questions live in ``resources/questions/bank/*.toml``, one file per category (format in
``resources/questions/README.md``). Loading checks everything a drill later relies on - unique
ids, known categories, required fields, sane lengths - so a broken or hostile file fails once,
at load, with a :class:`UserError` naming the file, the question's index and id and the field,
instead of surfacing as a blank screen mid-interview.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from workshop.core.drills.categories import Category, load_categories
from workshop.core.drills.validation import (
    ANSWER_SECONDS_RANGE,
    FOLLOW_UP_RANGE,
    FOLLOW_UPS_MAX,
    LOOK_FOR_MAX,
    MAX_QUESTIONS_PER_FILE,
    TAG_PATTERN,
    TAGS_MAX,
    TEXT_RANGE,
    Fields,
    check_question_id,
    read_toml,
)
from workshop.core.errors import UserError
from workshop.core.resources import resource

MAX_FILES = 200
BANK_LOOK_FOR_MIN = 20
_FILE_FIELDS = frozenset({"category", "source", "question"})
_QUESTION_FIELDS = frozenset(
    {"id", "text", "category", "answer_seconds", "look_for", "follow_ups", "tags"}
)


@dataclass(frozen=True, slots=True)
class Question:
    """One interview question.

    Attributes:
        id: stable id, "<category prefix>-<3 digits>" in the bank, e.g. "intro-001".
        text: the question as the interviewer asks it.
        category: a :class:`Category` id.
        answer_seconds: recommended answer length.
        look_for: what interviewers listen for; shown after the answer.
        follow_ups: likely follow-up questions, used by the mock interview.
        tags: free labels such as "star" or "img".
    """

    id: str
    text: str
    category: str
    answer_seconds: int
    look_for: str
    follow_ups: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()


class QuestionBank:
    """An ordered, validated set of questions with lookups by id and category."""

    def __init__(self, questions: Sequence[Question], categories: Sequence[Category]) -> None:
        self.categories: tuple[Category, ...] = tuple(categories)
        self.questions: tuple[Question, ...] = tuple(questions)
        self._by_id = {q.id: q for q in self.questions}
        self._categories = {c.id: c for c in self.categories}
        if len(self._by_id) != len(self.questions):
            raise UserError("The question list repeats an id.", where="question bank")

    def __len__(self) -> int:
        return len(self.questions)

    def __iter__(self) -> Iterator[Question]:
        return iter(self.questions)

    def __contains__(self, question_id: object) -> bool:
        return question_id in self._by_id

    def get(self, question_id: str) -> Question:
        """The question with this id.

        Raises:
            UserError: no such question (a stale id from an old workspace, a typo on the CLI).
        """
        try:
            return self._by_id[question_id]
        except KeyError:
            raise UserError(f"There is no question '{question_id}'.",
                            hint="Run 'workshop questions' to list the ids.") from None

    def category(self, category_id: str) -> Category:
        """The category with this id.

        Raises:
            UserError: unknown category; the message lists the known ones.
        """
        try:
            return self._categories[category_id]
        except KeyError:
            known = ", ".join(c.id for c in self.categories)
            raise UserError(f"Unknown category '{category_id}'.",
                            hint=f"Known categories: {known}.") from None

    def in_category(self, category_id: str) -> tuple[Question, ...]:
        """Questions of one category, in bank order (unknown category raises UserError)."""
        self.category(category_id)
        return tuple(q for q in self.questions if q.category == category_id)

    def answerable(self) -> tuple[Question, ...]:
        """Questions that are timed in drills (not the ones the applicant asks)."""
        timed = {c.id for c in self.categories if c.answerable}
        return tuple(q for q in self.questions if q.category in timed)

    def extended(self, extra: Iterable[Question]) -> QuestionBank:
        """A bank with the user's own questions added (their ids must not clash)."""
        added = list(extra)
        for q in added:
            self.category(q.category)
            if q.id in self._by_id:
                raise UserError(f"Your question id '{q.id}' is already used by the bank.",
                                hint="Give your question another id.")
        return QuestionBank(self.questions + tuple(added), self.categories)


def default_bank_paths() -> list[Path]:
    """The shipped question files, sorted so the bank order is stable."""
    return sorted(resource("questions", "bank").glob("*.toml"))


def load_bank(paths: Iterable[Path] | None = None,
              categories: Sequence[Category] | None = None) -> QuestionBank:
    """Load and validate question files.

    Args:
        paths: TOML files to read; None reads the shipped bank.
        categories: known categories; None reads ``resources/questions/categories.toml``.

    Raises:
        UserError: naming the file, the question (index and id) and the field at fault.
    """
    file_list = default_bank_paths() if paths is None else [Path(p) for p in paths]
    if len(file_list) > MAX_FILES:
        raise UserError(f"{len(file_list)} question files; the limit is {MAX_FILES}.")
    cats = tuple(categories) if categories is not None else load_categories()
    by_id = {c.id: c for c in cats}
    questions: list[Question] = []
    origin: dict[str, str] = {}
    for path in file_list:
        for question in _load_file(path, by_id):
            if question.id in origin:
                raise UserError(
                    f"id '{question.id}' is already used in {origin[question.id]}.",
                    where=f"{path.name}, question '{question.id}'",
                    hint="Every question needs its own id; ids never change once shipped.",
                )
            origin[question.id] = path.name
            questions.append(question)
    return QuestionBank(questions, cats)


def _load_file(path: Path, categories: dict[str, Category]) -> list[Question]:
    data = read_toml(path)
    top = Fields(data, path.name, _FILE_FIELDS)
    default_category = top.text("category", 0, 40, default="") or None
    top.text("source", 0, 2000, default="")
    tables = data.get("question", [])
    if not isinstance(tables, list):
        raise top.fail("question", "must be an array of [[question]] tables.")
    if len(tables) > MAX_QUESTIONS_PER_FILE:
        raise top.fail("question", f"has {len(tables)} questions; the limit is "
                                   f"{MAX_QUESTIONS_PER_FILE}.")
    return [
        _question(table, f"{path.name}, question {index}", default_category, categories)
        for index, table in enumerate(tables, start=1)
    ]


def _question(table: Any, where: str, default_category: str | None,
              categories: dict[str, Category]) -> Question:
    if isinstance(table, dict) and isinstance(table.get("id"), str):
        where = f"{where} ('{table['id'][:60]}')"
    f = Fields(table, where, _QUESTION_FIELDS)
    qid = check_question_id(f.data.get("id", ""), f"{where}, field 'id'")
    category_id = f.text("category", 1, 40, default=default_category)
    category = categories.get(category_id)
    if category is None:
        raise f.fail("category", f"'{category_id}' is not a known category "
                                 f"({', '.join(categories)}).")
    number = qid.removeprefix(category.prefix + "-")
    if number == qid or len(number) != 3 or not number.isdigit():
        raise f.fail("id", f"'{qid}' must be '{category.prefix}-' and three digits "
                           f"for category '{category.id}'.")
    return Question(
        id=qid,
        text=f.text("text", *TEXT_RANGE),
        category=category.id,
        answer_seconds=f.integer("answer_seconds", *ANSWER_SECONDS_RANGE,
                                 default=category.answer_seconds),
        look_for=f.text("look_for", BANK_LOOK_FOR_MIN, LOOK_FOR_MAX),
        follow_ups=f.text_list("follow_ups", FOLLOW_UPS_MAX, *FOLLOW_UP_RANGE),
        tags=f.text_list("tags", TAGS_MAX, 1, 30, TAG_PATTERN),
    )
