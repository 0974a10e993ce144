"""The interview question bank: loading, validating and looking up questions.

Questions live in ``resources/questions/bank/*.toml``, one file per category (format in
``resources/questions/README.md``). Loading checks everything a drill later relies on - unique
ids, known categories, required fields, sane lengths - so a broken or hostile file fails once,
at load, with a :class:`UserError` naming the file, the question's index and id and the field,
instead of surfacing as a blank screen mid-interview.
"""

from __future__ import annotations

import functools
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from workshop.core.drills.categories import Category, load_categories
from workshop.core.drills.specialties import shipped_specialties
from workshop.core.drills.validation import (
    ANSWER_SECONDS_RANGE,
    FOLLOW_UP_RANGE,
    FOLLOW_UPS_MAX,
    LOOK_FOR_MAX,
    MAX_QUESTIONS_PER_FILE,
    RULE_RANGE,
    RULE_SOURCE_RANGE,
    SAMPLE_ANSWER_RANGE,
    SPECIALTIES_MAX,
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
    {"id", "text", "category", "answer_seconds", "look_for", "follow_ups", "tags",
     "specialties", "rule", "rule_source", "sample_answer", "moved_from"}
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
        specialties: canonical specialty names the question is for; empty means every
            specialty (an ABIM question is noise to a surgery applicant).
        rule: the rule a question touches, in plain words (required for improper questions:
            what the program may not ask, and that the applicant may decline).
        rule_source: where the rule comes from (FACTS.md's source), shown beside it.
        sample_answer: a calm, polite way to answer, in the applicant's words.
    """

    id: str
    text: str
    category: str
    answer_seconds: int
    look_for: str
    follow_ups: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    specialties: tuple[str, ...] = ()
    rule: str = ""
    rule_source: str = ""
    sample_answer: str = ""

    def fits(self, specialty: str) -> bool:
        """True for general questions and for those tagged with ``specialty`` (canonical)."""
        return not self.specialties or specialty in self.specialties


class QuestionBank:
    """An ordered, validated set of questions with lookups by id and category."""

    def __init__(self, questions: Sequence[Question], categories: Sequence[Category]) -> None:
        self.categories: tuple[Category, ...] = tuple(categories)
        self.questions: tuple[Question, ...] = tuple(questions)
        self._by_id = {q.id: q for q in self.questions}
        self._categories = {c.id: c for c in self.categories}
        self._aliases = {a: c.id for c in self.categories for a in c.aliases}
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
        """The category with this id or alias ("behavioral" finds "behavioural").

        Raises:
            UserError: unknown category; the message lists the known ones.
        """
        try:
            return self._categories[self._aliases.get(category_id, category_id)]
        except KeyError:
            known = ", ".join(c.id for c in self.categories)
            raise UserError(f"Unknown category '{category_id}'.",
                            hint=f"Known categories: {known}.") from None

    def in_category(self, category_id: str) -> tuple[Question, ...]:
        """Questions of one category (id or alias), in bank order; unknown raises UserError."""
        canonical = self.category(category_id).id
        return tuple(q for q in self.questions if q.category == canonical)

    def answerable(self) -> tuple[Question, ...]:
        """Questions a drill may pick at random: timed, and in a mixed category.

        Mock interviews and one-way drills draw from this, so improper questions and SOAP
        phone screens stay out of them: an applicant should never be drilled on "Where are we
        on your rank list?" as if it were a normal question. They remain drillable on purpose,
        by category or by id (see :meth:`timed`).
        """
        mixed = {c.id for c in self.categories if c.answerable and c.mixed}
        return tuple(q for q in self.questions if q.category in mixed)

    def timed(self) -> tuple[Question, ...]:
        """Every question answered against a timer, mixed or not (not the ones to ask)."""
        timed = {c.id for c in self.categories if c.answerable}
        return tuple(q for q in self.questions if q.category in timed)

    def improper(self) -> tuple[Question, ...]:
        """Questions programs should not ask, each with its rule and a calm answer."""
        improper = {c.id for c in self.categories if c.improper}
        return tuple(q for q in self.questions if q.category in improper)

    def specialties(self) -> tuple[str, ...]:
        """Specialties that have their own questions, in first-seen order."""
        return tuple(dict.fromkeys(s for q in self.questions for s in q.specialties))

    def for_specialty(self, specialty: str | None) -> QuestionBank:
        """The general questions plus those of one specialty (None: the whole bank).

        ``specialty`` may be a canonical name, an alias or an abbreviation ("IM"). A mock
        interview for a surgery applicant should be planned on ``for_specialty("General
        Surgery")``, so it never asks about ABIM boards or a psychiatry call night.

        Raises:
            UserError: unknown specialty; the hint lists the known ones.
        """
        if specialty is None:
            return self
        name = shipped_specialties().resolve(specialty)
        return QuestionBank([q for q in self.questions if q.fits(name)], self.categories)

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
              categories: Sequence[Category] | None = None,
              specialties: Collection[str] | None = None) -> QuestionBank:
    """Load and validate question files.

    Args:
        paths: TOML files to read; None reads the shipped bank.
        categories: known categories; None reads ``resources/questions/categories.toml``.
        specialties: canonical specialty names a question may name; None reads
            ``resources/checks/specialties.json``.

    Raises:
        UserError: naming the file, the question (index and id) and the field at fault.
    """
    file_list = default_bank_paths() if paths is None else [Path(p) for p in paths]
    if len(file_list) > MAX_FILES:
        raise UserError(f"{len(file_list)} question files; the limit is {MAX_FILES}.")
    cats = tuple(categories) if categories is not None else load_categories()
    by_id = {c.id: c for c in cats}
    by_id.update({alias: c for c in cats for alias in c.aliases})
    known = frozenset(specialties if specialties is not None else shipped_specialties().names)
    questions: list[Question] = []
    origin: dict[str, str] = {}
    for path in file_list:
        for question in _load_file(path, by_id, known):
            if question.id in origin:
                raise UserError(
                    f"id '{question.id}' is already used in {origin[question.id]}.",
                    where=f"{path.name}, question '{question.id}'",
                    hint="Every question needs its own id; ids never change once shipped.",
                )
            origin[question.id] = path.name
            questions.append(question)
    return QuestionBank(questions, cats)


@functools.cache
def shipped_bank() -> QuestionBank:
    """The shipped bank, read once a process (its files never change while the app runs).

    Parsing the 25 files takes 150–350 ms, which the drill page used to pay on the GUI thread
    at every first visit; the window preloads it on a worker (``ui/preload.py``). The bank is
    immutable (``extended`` returns a new one), so sharing it is safe.
    """
    return load_bank()


def _load_file(path: Path, categories: dict[str, Category],
               specialties: frozenset[str]) -> list[Question]:
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
        _question(table, f"{path.name}, question {index}", default_category, categories,
                  specialties)
        for index, table in enumerate(tables, start=1)
    ]


def _question(table: Any, where: str, default_category: str | None,
              categories: dict[str, Category], specialties: frozenset[str]) -> Question:
    if isinstance(table, dict) and isinstance(table.get("id"), str):
        where = f"{where} ('{table['id'][:60]}')"
    f = Fields(table, where, _QUESTION_FIELDS)
    qid = check_question_id(f.data.get("id", ""), f"{where}, field 'id'")
    category = _category(f, "category", categories, default_category)
    _check_id_prefix(f, qid, category, categories)
    rule = f.text("rule", 0, RULE_RANGE[1], default="")
    rule_source = f.text("rule_source", 0, RULE_SOURCE_RANGE[1], default="")
    sample_answer = f.text("sample_answer", 0, SAMPLE_ANSWER_RANGE[1], default="")
    if category.improper:
        # An improper question is only useful with the rule, its source and a calm answer.
        rule = f.text("rule", *RULE_RANGE)
        rule_source = f.text("rule_source", *RULE_SOURCE_RANGE)
        sample_answer = f.text("sample_answer", *SAMPLE_ANSWER_RANGE)
    if rule and not rule_source:
        raise f.fail("rule_source", "is required when a rule is stated: say where it comes from.")
    named = f.text_list("specialties", SPECIALTIES_MAX, 1, 80)
    for name in named:
        if name not in specialties:
            raise f.fail("specialties", f"'{name}' is not a known specialty name "
                                        f"(resources/checks/specialties.json).")
    return Question(
        id=qid,
        text=f.text("text", *TEXT_RANGE),
        category=category.id,
        answer_seconds=f.integer("answer_seconds", *ANSWER_SECONDS_RANGE,
                                 default=category.answer_seconds),
        look_for=f.text("look_for", BANK_LOOK_FOR_MIN, LOOK_FOR_MAX),
        follow_ups=f.text_list("follow_ups", FOLLOW_UPS_MAX, *FOLLOW_UP_RANGE),
        tags=f.text_list("tags", TAGS_MAX, 1, 30, TAG_PATTERN),
        specialties=tuple(dict.fromkeys(named)),
        rule=rule,
        rule_source=rule_source,
        sample_answer=sample_answer,
    )


def _category(f: Fields, key: str, categories: dict[str, Category],
              default: str | None = None) -> Category:
    category_id = f.text(key, 1, 40, default=default)
    category = categories.get(category_id)
    if category is None:
        known = ", ".join(dict.fromkeys(c.id for c in categories.values()))
        raise f.fail(key, f"'{category_id}' is not a known category ({known}).")
    return category


def _check_id_prefix(f: Fields, qid: str, category: Category,
                     categories: dict[str, Category]) -> None:
    """The id starts with its category's prefix - or, for a question moved to another
    category, with the prefix of the category it was first shipped in (``moved_from``):
    ids never change, since attempts, notes and review dates are keyed by them."""
    owner = category
    if "moved_from" in f.data:
        owner = _category(f, "moved_from", categories)
        if owner.id == category.id:
            raise f.fail("moved_from", f"names the question's own category '{owner.id}'.")
    number = qid.removeprefix(owner.prefix + "-")
    if number == qid or len(number) != 3 or not number.isdigit():
        raise f.fail("id", f"'{qid}' must be '{owner.prefix}-' and three digits "
                           f"for category '{owner.id}'.")
