"""The IMG application checklist: derived from workspace data where it can be, ticked otherwise.

Items, their reasons and sources live in ``resources/season/checklist.toml``. Derivation reads
plain :class:`ChecklistInputs` (built from the CV with :func:`inputs_from_cv` plus counts the
lead reads from the statements and letters stores), so this module depends on no store. Manual
ticks are a ``{item key: bool}`` dict the lead persists (e.g. in the settings table); a tick also
completes a derived item whose data is not in the workspace.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final, Literal

from workshop.core.cv.model import CV
from workshop.core.errors import UserError
from workshop.core.programs.model import normalize_key
from workshop.core.resources import resource

ItemStatus = Literal["done", "partial", "todo"]
SECTIONS: Final = frozenset({"statements", "cv", "letters", "interview", "programs", "exports"})
MIN_LETTERS: Final = 3
MAX_LETTERS_PER_PROGRAM: Final = 4  # FACTS.md: at most 4 letters assigned to one program
MIN_US_LETTERS: Final = 2


@dataclass(frozen=True)
class ChecklistItem:
    """One requirement: why it matters and where in the app it is done."""

    key: str
    title: str
    why: str
    section: str
    derive: str
    source: str


@dataclass(frozen=True)
class ChecklistInputs:
    """Plain facts the derivation reads.

    Attributes:
        exam_results: exam kind ("usmle-step1", "usmle-step2ck", "oet-medicine") -> "pass",
            "fail" or "" (taken, no result yet).
        step2ck_score: shown in the detail line.
        ecfmg_status: "not-started", "in-progress" or "certified".
        target_specialties: specialties applied to.
        statements_by_specialty: number of statements written per specialty.
        letters_total: letters uploaded (or expected) in total.
        letters_us_in_specialty: of those, letters from U.S. physicians in the specialty.
    """

    exam_results: Mapping[str, str] = field(default_factory=dict)
    step2ck_score: int | None = None
    ecfmg_status: str = "not-started"
    target_specialties: Sequence[str] = ()
    statements_by_specialty: Mapping[str, int] = field(default_factory=dict)
    letters_total: int = 0
    letters_us_in_specialty: int = 0


@dataclass
class ChecklistEntry:
    """An item with its state; ``by`` is "data", "you" (a manual tick) or ""."""

    item: ChecklistItem
    status: ItemStatus
    detail: str = ""
    by: str = ""

    @property
    def done(self) -> bool:
        return self.status == "done"


def load_checklist(path: Path | str | None = None) -> list[ChecklistItem]:
    """Read the checklist items.

    Raises:
        UserError: the file is missing, malformed, or an item lacks a field or names an
            unknown app section.
    """
    file = Path(path) if path is not None else resource("season", "checklist.toml")
    try:
        data = tomllib.loads(file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise UserError(f"checklist file {file.name} cannot be read: {exc}",
                        where=str(file)) from exc
    items = []
    for i, raw in enumerate(data.get("items", [])):
        try:
            item = ChecklistItem(**{k: str(raw[k]) for k in (
                "key", "title", "why", "section", "derive", "source")})
        except (KeyError, TypeError) as exc:
            raise UserError(f"item {i + 1} lacks {exc}", where=str(file)) from exc
        if item.section not in SECTIONS:
            raise UserError(f"item {item.key} names unknown section {item.section!r}",
                            where=str(file))
        items.append(item)
    return items


def inputs_from_cv(cv: CV, *, statements_by_specialty: Mapping[str, int] | None = None,
                   letters_total: int = 0, letters_us_in_specialty: int = 0,
                   target_specialties: Sequence[str] | None = None) -> ChecklistInputs:
    """Exams and ECFMG status from the CV, plus counts from the statements and letters stores.

    The target specialty defaults to the CV's ("Internal Medicine (categorical), 2027 Match" ->
    "Internal Medicine").
    """
    results: dict[str, str] = {}
    score = None
    for exam in cv.exams:
        if results.get(exam.kind) != "pass":
            results[exam.kind] = exam.result
        if exam.kind == "usmle-step2ck" and exam.score is not None:
            score = exam.score
    if target_specialties is None:
        head = cv.target_specialty.split("(")[0].split(",")[0].strip()
        target_specialties = [head] if head else []
    return ChecklistInputs(
        exam_results=results, step2ck_score=score, ecfmg_status=cv.ecfmg.status,
        target_specialties=tuple(target_specialties),
        statements_by_specialty=dict(statements_by_specialty or {}),
        letters_total=letters_total, letters_us_in_specialty=letters_us_in_specialty,
    )


def evaluate_checklist(inputs: ChecklistInputs, ticks: Mapping[str, bool] | None = None,
                       items: Sequence[ChecklistItem] | None = None) -> list[ChecklistEntry]:
    """Every item with its status, derived where possible, else from the manual ticks."""
    marks = ticks or {}
    out = []
    for item in items if items is not None else load_checklist():
        if item.derive == "manual":
            done = bool(marks.get(item.key))
            entry = ChecklistEntry(item, "done" if done else "todo",
                                   "" if done else "Tick it when done.", "you" if done else "")
        else:
            status, detail = _derive(item.derive, inputs)
            entry = ChecklistEntry(item, status, detail, "data" if status == "done" else "")
            if status != "done" and marks.get(item.key):
                entry = ChecklistEntry(item, "done", f"Ticked by you ({detail})", "you")
        out.append(entry)
    return out


def _derive(rule: str, x: ChecklistInputs) -> tuple[ItemStatus, str]:
    if rule.startswith("exam:"):
        kind = rule.split(":", 1)[1]
        result = x.exam_results.get(kind)
        if result == "pass":
            extra = f" (score {x.step2ck_score})" if kind == "usmle-step2ck" and (
                x.step2ck_score is not None) else ""
            return "done", f"Passed{extra}, from your CV."
        if result == "fail":
            return "todo", "Your CV records a failed attempt and no pass."
        if result == "":
            return "partial", "In your CV without a result yet."
        return "todo", "Not in your CV yet."
    if rule == "ecfmg":
        if x.ecfmg_status == "certified":
            return "done", "Certified, from your CV."
        if x.ecfmg_status == "in-progress":
            return "partial", "In progress, from your CV."
        return "todo", "Not started, from your CV."
    if rule == "statements":
        return _statements(x)
    if rule == "letters":
        return _letters(x)
    raise UserError(f"checklist rule {rule!r} is unknown", hint="Check checklist.toml.")


def _statements(x: ChecklistInputs) -> tuple[ItemStatus, str]:
    if not x.target_specialties:
        return "todo", "No target specialty set in your CV."
    have = {normalize_key(k): n for k, n in x.statements_by_specialty.items() if n > 0}
    missing = [s for s in x.target_specialties if normalize_key(s) not in have]
    if not missing:
        return "done", f"A statement for each of: {', '.join(x.target_specialties)}."
    status: ItemStatus = "partial" if len(missing) < len(x.target_specialties) else "todo"
    return status, f"No statement yet for: {', '.join(missing)}."


def _letters(x: ChecklistInputs) -> tuple[ItemStatus, str]:
    total, us = x.letters_total, x.letters_us_in_specialty
    summary = f"{total} letter{'s' if total != 1 else ''}, {us} from U.S. physicians in the " \
              "specialty"
    if total >= MIN_LETTERS and us >= MIN_US_LETTERS:
        note = (f"; at most {MAX_LETTERS_PER_PROGRAM} can be assigned to one program"
                if total > MAX_LETTERS_PER_PROGRAM else "")
        return "done", f"{summary}{note}."
    needs = []
    if total < MIN_LETTERS:
        needs.append(f"{MIN_LETTERS - total} more letter{'s' if MIN_LETTERS - total > 1 else ''}")
    if us < MIN_US_LETTERS:
        needs.append(f"{MIN_US_LETTERS - us} more from U.S. physicians in the specialty")
    return ("partial" if total else "todo"), f"{summary}; needs {' and '.join(needs)}."


def checklist_progress(entries: Sequence[ChecklistEntry]) -> tuple[int, int]:
    """(done, total) for a progress bar."""
    return sum(1 for e in entries if e.done), len(entries)
