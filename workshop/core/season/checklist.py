"""The IMG application checklist: derived from workspace data where it can be, ticked otherwise.

Items, their reasons and sources live in ``resources/season/checklist.toml``. Derivation reads
plain :class:`ChecklistInputs` (built from the CV with :func:`inputs_from_cv` plus counts the
lead reads from the statements and letters stores), so this module depends on no store. Manual
ticks are a ``{item key: bool}`` dict the lead persists (e.g. in the settings table); a tick also
completes a derived item whose data is not in the workspace.

Some lines are information, not tasks (the ECFMG Status Report is ECFMG's job, not the
applicant's): they carry no tick and do not count toward progress. Visa items show only for the
visa the CV says the applicant needs, or all of them, labelled, when the CV does not say.
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final, Literal

from workshop.core.cv.model import CV
from workshop.core.errors import UserError
from workshop.core.programs.model import normalize_key
from workshop.core.programs.profile import visa_need
from workshop.core.resources import resource
from workshop.core.season.events import TimelineEvent, event_status, status_label

ItemStatus = Literal["done", "partial", "todo", "info"]
SECTIONS: Final = frozenset({"statements", "cv", "letters", "interview", "programs", "exports"})
KINDS: Final = frozenset({"task", "info"})
VISAS: Final = ("J-1", "H-1B")
MIN_LETTERS: Final = 3
MAX_LETTERS_PER_PROGRAM: Final = 4  # FACTS.md: at most 4 letters assigned to one program
MIN_US_LETTERS: Final = 2
#: Keys of earlier versions -> today's, so a saved tick survives a renamed item.
RENAMED_KEYS: Final[dict[str, str]] = {"diploma-transcript": "school-transcript"}
_NO_VISA = re.compile(r"citizen|permanent resident|green card|no visa|not (?:need|require)|"
                      r"does not need|doesn't need|none needed", re.IGNORECASE)


@dataclass(frozen=True)
class ChecklistItem:
    """One requirement: why it matters and where it is done.

    Attributes:
        section: the app section where it is done, or "" when it is done outside the app.
        where: the place outside the app (e.g. "ECFMG OASIS").
        kind: "task", or "info" for a line to know with nothing to tick.
        visa: "J-1" or "H-1B" for an item only applicants needing that visa see, else "".
        event: the key of a season date shown with the item (e.g. a deadline), else "".
    """

    key: str
    title: str
    why: str
    section: str
    derive: str
    source: str
    where: str = ""
    kind: str = "task"
    visa: str = ""
    event: str = ""

    @property
    def is_info(self) -> bool:
        return self.kind == "info"


@dataclass(frozen=True)
class ChecklistInputs:
    """Plain facts the derivation reads.

    Attributes:
        exam_results: exam kind ("usmle-step1", "usmle-step2ck", "usmle-step3",
            "oet-medicine") -> "pass", "fail" or "" (taken, no result yet).
        step2ck_score: shown in the detail line.
        ecfmg_status: "not-started", "in-progress" or "certified".
        target_specialties: specialties applied to.
        statements_by_specialty: number of statements written per specialty.
        letters_total: letters uploaded to the LoR Portal (or assigned) in total.
        letters_us_in_specialty: of those, letters from U.S. physicians in the specialty.
        letters_pending: letters asked for and not declined, not uploaded yet.
        visa_needs: the visas the CV says the applicant needs ("J-1", "H-1B").
        visa_known: whether the CV says anything usable about visas; when it does not,
            every visa item is shown, labelled with the visa it is for.
    """

    exam_results: Mapping[str, str] = field(default_factory=dict)
    step2ck_score: int | None = None
    ecfmg_status: str = "not-started"
    target_specialties: Sequence[str] = ()
    statements_by_specialty: Mapping[str, int] = field(default_factory=dict)
    letters_total: int = 0
    letters_us_in_specialty: int = 0
    letters_pending: int = 0
    visa_needs: tuple[str, ...] = ()
    visa_known: bool = False


@dataclass
class ChecklistEntry:
    """An item with its state; ``by`` is "data", "you" (a manual tick) or "".

    ``for_visa`` names the visa the item is for when the applicant's own need is unknown
    ("If you need an H-1B"), else "".
    """

    item: ChecklistItem
    status: ItemStatus
    detail: str = ""
    by: str = ""
    for_visa: str = ""

    @property
    def done(self) -> bool:
        return self.status == "done"

    @property
    def is_info(self) -> bool:
        return self.status == "info"

    @property
    def title(self) -> str:
        """The item's title, prefixed "If you need an H-1B:" when the visa need is unknown."""
        if not self.for_visa:
            return self.item.title
        article = "an" if self.for_visa.startswith("H") else "a"
        return f"If you need {article} {self.for_visa}: {self.item.title}"


def load_checklist(path: Path | str | None = None) -> list[ChecklistItem]:
    """Read the checklist items.

    Raises:
        UserError: the file is missing, malformed, or an item lacks a field, names an
            unknown app section, kind or visa, or repeats a key.
    """
    file = Path(path) if path is not None else resource("season", "checklist.toml")
    try:
        data = tomllib.loads(file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise UserError(f"checklist file {file.name} cannot be read: {exc}",
                        where=str(file)) from exc
    items: list[ChecklistItem] = []
    for i, raw in enumerate(data.get("items", [])):
        try:
            item = ChecklistItem(
                **{k: str(raw[k]) for k in ("key", "title", "why", "section", "derive",
                                            "source")},
                **{k: str(raw[k]) for k in ("where", "kind", "visa", "event") if k in raw})
        except (KeyError, TypeError) as exc:
            raise UserError(f"item {i + 1} lacks {exc}", where=str(file)) from exc
        _check_item(item, items, file)
        items.append(item)
    return items


@functools.cache
def _shipped_checklist() -> tuple[ChecklistItem, ...]:
    """The shipped checklist, read once: the Checklist tab evaluates it on every refresh."""
    return tuple(load_checklist())


def _check_item(item: ChecklistItem, earlier: Sequence[ChecklistItem], file: Path) -> None:
    if item.section and item.section not in SECTIONS:
        raise UserError(f"item {item.key} names unknown section {item.section!r}",
                        where=str(file))
    if not item.section and not item.where:
        raise UserError(f"item {item.key} is done outside the app but does not say where",
                        where=str(file), hint="Add where = \"ECFMG OASIS\" (for example).")
    if item.kind not in KINDS:
        raise UserError(f"item {item.key} has unknown kind {item.kind!r}", where=str(file))
    if item.visa and item.visa not in VISAS:
        raise UserError(f"item {item.key} names unknown visa {item.visa!r}", where=str(file))
    if any(e.key == item.key for e in earlier):
        raise UserError(f"two items share the key {item.key!r}", where=str(file))


def visa_needs_from_status(text: str) -> tuple[tuple[str, ...], bool]:
    """(visas needed, whether the text says) from the CV's visa status line.

    "Requires J-1 visa sponsorship" -> (("J-1",), True); "U.S. citizen" -> ((), True);
    "" or "needs sponsorship" -> ((), False): unknown, so every visa item is shown.
    """
    compact = re.sub(r"[\s\-_.]", "", text.lower())
    both = tuple(v for v, mark in (("J-1", "j1"), ("H-1B", "h1b")) if mark in compact)
    if len(both) > 1:
        return both, True
    need = visa_need(text)
    if need is not None:
        return (need,), True
    if text.strip() and _NO_VISA.search(text):
        return (), True
    return (), False


def inputs_from_cv(cv: CV, *, statements_by_specialty: Mapping[str, int] | None = None,
                   letters_total: int = 0, letters_us_in_specialty: int = 0,
                   letters_pending: int = 0,
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
    visas, visa_known = visa_needs_from_status(cv.personal.immigration.visa_status)
    return ChecklistInputs(
        exam_results=results, step2ck_score=score, ecfmg_status=cv.ecfmg.status,
        target_specialties=tuple(target_specialties),
        statements_by_specialty=dict(statements_by_specialty or {}),
        letters_total=letters_total, letters_us_in_specialty=letters_us_in_specialty,
        letters_pending=letters_pending, visa_needs=visas, visa_known=visa_known,
    )


def _shown(item: ChecklistItem, inputs: ChecklistInputs) -> tuple[bool, str]:
    """(whether the item applies, the visa to name when the need is unknown)."""
    if not item.visa:
        return True, ""
    if inputs.visa_known:
        return item.visa in inputs.visa_needs, ""
    return True, item.visa


def evaluate_checklist(inputs: ChecklistInputs, ticks: Mapping[str, bool] | None = None,
                       items: Sequence[ChecklistItem] | None = None, *,
                       events: Iterable[TimelineEvent] = (),
                       today: _dt.date | None = None) -> list[ChecklistEntry]:
    """Every item that applies, with its status: derived where possible, else from the ticks.

    Args:
        inputs: what the workspace says (see :func:`inputs_from_cv`).
        ticks: manual ticks by item key (keys of earlier versions are mapped, see
            :data:`RENAMED_KEYS`).
        items: the checklist (default: the shipped one).
        events: the season's dates; an item naming one (``event``) shows its date, status and
            countdown while it is not done.
        today: for those countdowns; without it no date is shown.
    """
    marks = {RENAMED_KEYS.get(k, k): v for k, v in (ticks or {}).items()}
    dated = {e.key: e for e in events}
    out = []
    for item in items if items is not None else _shipped_checklist():
        shown, for_visa = _shown(item, inputs)
        if not shown:
            continue
        if item.is_info:
            out.append(ChecklistEntry(item, "info", "", "", for_visa))
            continue
        if item.derive == "manual":
            done = bool(marks.get(item.key))
            entry = ChecklistEntry(item, "done" if done else "todo",
                                   "" if done else "Tick it when done.", "you" if done else "",
                                   for_visa)
        else:
            status, detail = _derive(item.derive, inputs)
            entry = ChecklistEntry(item, status, detail, "data" if status == "done" else "",
                                   for_visa)
            if status != "done" and marks.get(item.key):
                entry = ChecklistEntry(item, "done", f"Ticked by you ({detail})", "you",
                                       for_visa)
        event = dated.get(item.event)
        if event is not None and today is not None and not entry.done:
            entry.detail = f"{entry.detail} {date_line(event, today)}".strip()
        out.append(entry)
    return out


def date_line(event: TimelineEvent, today: _dt.date) -> str:
    """ "By Sunday, January 31, 2027 (estimated; in 60 days; source: NRMP calendars)." """
    day = f"{event.date:%A, %B} {event.date.day}, {event.date.year}"
    days = (event.date - today).days
    if event_status(event, today) == "past":
        return f"The date, {day}, has passed."
    left = {0: "today", 1: "tomorrow"}.get(days, f"in {days} days")
    return f"By {day} ({status_label(event, today)}; {left}; source: {event.source})."


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
    if rule == "pathway":
        if x.ecfmg_status == "certified":
            return "done", "ECFMG certified, from your CV: the Pathway requirement is met."
        if x.exam_results.get("oet-medicine") == "pass":
            return "partial", ("OET Medicine passed, from your CV; tick it when ECFMG has "
                               "accepted your Pathway.")
        return "todo", "Tick it when ECFMG has accepted your Pathway."
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
    summary = f"{total} letter{'s' if total != 1 else ''} uploaded, {us} from U.S. physicians " \
              "in the specialty"
    if x.letters_pending:
        summary += f" ({x.letters_pending} more asked for, not uploaded yet)"
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
    """(done, total) for a progress bar; information lines are not counted."""
    tasks = [e for e in entries if not e.is_info]
    return sum(1 for e in tasks if e.done), len(tasks)
