"""SOAP preparation: the March timeline from the season data, SOAP statements per track, and the
SOAP phone-screen drill preset.

SOAP statements are ordinary ERAS personal statements (FACTS.md: any number may be created and
each assigned per program; 28,000 characters), so they are stored as personal-statement
documents titled "SOAP — <track>": the Statements section checks and exports them like any
other, and the counters here use the same ERAS character count.
"""

from __future__ import annotations

import datetime as _dt
import functools
import tomllib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

from workshop.core.changes import Changes
from workshop.core.checks.rules.length import eras_char_count
from workshop.core.checks.rules.meta import eras_config
from workshop.core.checks.stats import char_level
from workshop.core.errors import UserError
from workshop.core.model.documents import DocumentKind
from workshop.core.resources import resource
from workshop.core.season.events import TimelineEvent
from workshop.core.season.timeline import TimelineItem, load_season, with_countdowns
from workshop.core.storage.workspace import Workspace

if TYPE_CHECKING:
    from workshop.core.drills.plans import DrillPlan

#: Track key -> the label used in the statement's title ("SOAP — Preliminary").
TRACKS: Final[dict[str, str]] = {
    "preliminary": "Preliminary",
    "transitional": "Transitional year",
    "categorical": "Categorical",
}
TITLE_PREFIX: Final = "SOAP — "


def statement_limit() -> int:
    return int(eras_config()["statement_char_limit"])


# -- timeline ------------------------------------------------------------------------------------
def march_timeline(today: _dt.date) -> list[TimelineItem]:
    """The season's dates from the rank-order list deadline to Match Day (March of the Match
    year), with countdowns and statuses for ``today``."""
    season = load_season(today=today)
    year = season.match_year or today.year
    window = [e for e in season.events if _in_march(e, year)]
    return with_countdowns(window, today)


def _in_march(event: TimelineEvent, year: int) -> bool:
    return (event.date.year == year and event.date.month == 3) or (
        event.last_day.year == year and event.last_day.month == 3)


# -- statements ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class SoapStatement:
    track: str
    title: str
    document_id: int | None
    body: str
    characters: int
    limit: int

    @property
    def level(self) -> str:
        """ "ok", "near" (95 %) or "over" the ERAS limit."""
        return char_level(self.characters, self.limit)

    @property
    def counter(self) -> str:
        return f"{self.characters:,} / {self.limit:,} characters"


def title_for(track: str) -> str:
    if track not in TRACKS:
        raise UserError(f"unknown SOAP track {track!r}",
                        hint="Use preliminary, transitional or categorical.")
    return TITLE_PREFIX + TRACKS[track]


def soap_statements(workspace: Workspace) -> list[SoapStatement]:
    """One entry per track, with the document when it exists."""
    docs = {d.title: d for d in workspace.documents.list(DocumentKind.PERSONAL_STATEMENT)}
    limit = statement_limit()
    out = []
    for track in TRACKS:
        title = title_for(track)
        doc = docs.get(title)
        body = doc.body if doc else ""
        out.append(SoapStatement(track, title, doc.id if doc else None, body,
                                 eras_char_count(body), limit))
    return out


def create_soap_statement(workspace: Workspace, track: str, *,
                          from_main: bool = False) -> SoapStatement:
    """Create the track's statement (empty, or a copy of the first other statement to edit)."""
    title = title_for(track)
    existing = next((s for s in soap_statements(workspace) if s.track == track), None)
    if existing is not None and existing.document_id is not None:
        return existing
    body = ""
    if from_main:
        main = next((d for d in workspace.documents.list(DocumentKind.PERSONAL_STATEMENT)
                     if not d.title.startswith(TITLE_PREFIX)), None)
        body = main.body if main else ""
    specialty = workspace.profile.get().target_specialty
    with workspace.transaction():
        doc = workspace.documents.create(DocumentKind.PERSONAL_STATEMENT, title, body,
                                         target_specialty=specialty)
    return SoapStatement(track, title, doc.id, body, eras_char_count(body), statement_limit())


def save_soap_statement(workspace: Workspace, document_id: int, body: str) -> Changes:
    """Save the working copy (like the statement editor's autosave)."""
    workspace.documents.save_working_copy(document_id, body)
    return Changes(statements=True)


def counter_for(body: str) -> tuple[int, int, str]:
    """(characters, limit, level) for live counters while typing."""
    count, limit = eras_char_count(body), statement_limit()
    return count, limit, char_level(count, limit)


# -- drill preset --------------------------------------------------------------------------------
@dataclass(frozen=True)
class SoapPreset:
    key: str
    title: str
    description: str
    think_seconds: int
    answer_seconds: int
    cue_seconds: int
    hard_stop: bool
    max_takes: int
    count: int
    source: str
    questions: tuple[dict[str, Any], ...]


@functools.cache
def soap_preset() -> SoapPreset:
    """The preset from ``resources/interviews/soap_preset.toml``.

    Raises:
        UserError: the file is broken (named, with the field).
    """
    path = resource("interviews", "soap_preset.toml")
    try:
        data = tomllib.loads(path.read_text("utf-8"))
        preset = SoapPreset(
            str(data["key"]), str(data["title"]), str(data["description"]),
            int(data["think_seconds"]), int(data["answer_seconds"]), int(data["cue_seconds"]),
            bool(data["hard_stop"]), int(data["max_takes"]), int(data["count"]),
            str(data["source"]), tuple(data["question"]))
    except (tomllib.TOMLDecodeError, KeyError, TypeError, ValueError) as exc:
        raise UserError(f"the SOAP drill preset cannot be read ({exc})", where=str(path),
                        hint="Reinstall the app; the preset ships with it.") from None
    for q in preset.questions:
        if not {"id", "category", "text", "look_for"} <= set(q):
            raise UserError(f"SOAP question {q.get('id', '?')} lacks a field", where=str(path))
    return preset


def soap_drill_plan(preset: SoapPreset | None = None) -> DrillPlan:
    """The preset as a :class:`workshop.core.drills.plans.DrillPlan` (mode "soap"), in file
    order, for the drills page to run like any other plan."""
    from workshop.core.drills.bank import Question
    from workshop.core.drills.plans import DrillItem, DrillPlan
    from workshop.core.drills.timer import TimerConfig

    chosen = preset or soap_preset()
    config = TimerConfig(chosen.think_seconds, chosen.answer_seconds, chosen.cue_seconds,
                         max_takes=chosen.max_takes, hard_stop=chosen.hard_stop)
    items = tuple(
        DrillItem(Question(q["id"], q["text"], q["category"], chosen.answer_seconds,
                           q["look_for"], tuple(q.get("follow_ups", ())),
                           tuple(q.get("tags", ()))), config)
        for q in chosen.questions[:chosen.count])
    return DrillPlan("soap", items)
