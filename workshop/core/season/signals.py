"""Program signals: how many a specialty allows this season, how many are used, and the rules.

The numbers live in ``resources/season/signals-<season>.toml`` (one file per season, with its
source), so a new AAMC table is a data change. Until the AAMC table for the season is in hand
every number is marked unconfirmed, and a specialty the file does not list has no number at
all ("not known: check the AAMC program signaling page"): the app never invents one.

What counts as "the same institution's specialty" (FACTS.md: a signal goes to the institution's
specialty and covers its tracks) is assumed here, because the applicant's list is all we have:

* the specialty is the program's specialty as recorded, matched to the table by name or alias
  (case and punctuation ignored); a transitional program with no specialty is Transitional Year;
* two programs are the same institution when both NRMP codes start with the same 4 digits (the
  institution part of the code); when either has no code, when their names agree once track
  words ("categorical", "preliminary"...) and the specialty's own words are dropped, and their
  cities agree where both are recorded.

A signal recorded on a withdrawn program still counts: withdrawing in the app does not hand a
signal back; taking the signal off does.
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from workshop.core.changes import Changes
from workshop.core.errors import UserError
from workshop.core.programs.model import SIGNAL_LABELS, SIGNALS, Program, normalize_key
from workshop.core.season.season_file import nearest_match_year, tables_by_match_year

TIERED: Final = ("gold", "silver")
PLAIN: Final = ("signal",)
_TRACK_WORDS: Final = frozenset({"categorical", "preliminary", "prelim", "transitional",
                                 "advanced", "reserved", "physician", "track", "program",
                                 "programs", "residency", "pgy"})


@dataclass(frozen=True)
class Allowance:
    """What one specialty allows: gold and silver counts (tiered) or one plain count."""

    specialty: str
    gold: int | None = None
    silver: int | None = None
    signals: int | None = None
    aliases: tuple[str, ...] = ()
    tracks: tuple[str, ...] = ()
    source: str = ""
    basis: str = ""
    confirmed: bool = False
    match_year: int = 0

    @property
    def tiered(self) -> bool:
        return self.gold is not None or self.silver is not None

    @property
    def tiers(self) -> tuple[str, ...]:
        """The signal kinds this specialty uses (values of ``Program.signal``)."""
        return TIERED if self.tiered else PLAIN

    def limit(self, tier: str) -> int | None:
        """How many signals of ``tier`` (None: the specialty does not use that tier)."""
        return {"gold": self.gold, "silver": self.silver, "signal": self.signals}.get(tier) \
            if tier in self.tiers else None

    @property
    def status(self) -> str:
        """ "2025 numbers, unconfirmed for 2027" until the season's table is in hand."""
        if self.confirmed:
            return f"{self.basis}, confirmed for {self.match_year}"
        return f"{self.basis}, unconfirmed for {self.match_year}"

    def describe(self) -> str:
        """ "3 gold + 12 silver" or "5 signals"."""
        if self.tiered:
            return f"{self.gold or 0} gold + {self.silver or 0} silver"
        return f"{self.signals} signal{'s' if self.signals != 1 else ''}"


@dataclass(frozen=True)
class SignalTable:
    """One season's signal file: its specialties and what is known about the numbers."""

    season: str
    match_year: int
    source: str
    basis: str
    confirmed: bool
    unconfirmed_note: str
    unknown_note: str
    rule: str
    specialties: tuple[Allowance, ...] = ()
    #: Set when no file exists for the Match asked for and an older season's is shown instead.
    borrowed_from: str = ""

    def allowance(self, specialty: str, track: str = "") -> Allowance | None:
        """The row for a specialty as typed (or for a track such as "transitional")."""
        key = normalize_key(specialty)
        for row in self.specialties:
            if key and key in {normalize_key(n) for n in (row.specialty, *row.aliases)}:
                return row
        if not key and track:
            return next((r for r in self.specialties if track in r.tracks), None)
        return None


@dataclass
class SignalUsage:
    """Signals used in one specialty against its allowance (None when the table lacks it)."""

    specialty: str
    allowance: Allowance | None
    used: dict[str, int] = field(default_factory=dict)
    programs: int = 0
    warnings: list[str] = field(default_factory=list)

    def remaining(self, tier: str) -> int | None:
        limit = self.allowance.limit(tier) if self.allowance else None
        return None if limit is None else limit - self.used.get(tier, 0)

    @property
    def over(self) -> bool:
        """More signals recorded than allowed (imported that way: the app refuses it)."""
        return any((self.remaining(t) or 0) < 0 for t in self.used)


# -- loading -----------------------------------------------------------------------------------

def signal_files(folder: Path | None = None) -> dict[int, Path]:
    """Signal tables shipped, by Match year."""
    return tables_by_match_year("signals", folder)


def load_signal_table(match_year: int | None = None, *, path: Path | None = None,
                      folder: Path | None = None) -> SignalTable:
    """The signal table for a Match year (the newest shipped one when None).

    With no file for that year, the newest older one is returned with ``borrowed_from`` set and
    every number unconfirmed, so the page still shows something honest.

    Raises:
        UserError: no signal file at all, or one that cannot be read.
    """
    if path is not None:
        return _read(Path(path))
    files = signal_files(folder)
    if not files:
        raise UserError("no program-signal table is installed", where="resources/season",
                        hint="Reinstall the app; the signal table ships with it.")
    year = match_year if match_year is not None else max(files)
    nearest = nearest_match_year(files, year)
    table = _read(files[nearest])
    if nearest == year:
        return table
    return SignalTable(
        season=f"{year - 1}-{year}", match_year=year, source=table.source, basis=table.basis,
        confirmed=False, unconfirmed_note=f"unconfirmed for the {year} Match: the app has no "
        f"table for it yet", unknown_note=table.unknown_note, rule=table.rule,
        specialties=tuple(_unconfirmed(a, year) for a in table.specialties),
        borrowed_from=table.season)


def _unconfirmed(row: Allowance, year: int) -> Allowance:
    return Allowance(row.specialty, row.gold, row.silver, row.signals, row.aliases, row.tracks,
                     row.source, row.basis, False, year)


@functools.lru_cache(maxsize=8)
def _read(file: Path) -> SignalTable:
    try:
        data = tomllib.loads(file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise UserError(f"signal table {file.name} cannot be read: {exc}", where=str(file),
                        hint="Restore it from the app's installation.") from exc
    year = data.get("match_year")
    if not isinstance(year, int) or isinstance(year, bool):
        raise UserError("the signal table needs a match_year such as 2027", where=file.name)
    for name in ("source", "basis"):
        if not isinstance(data.get(name), str) or not data[name].strip():
            raise UserError(f"the signal table needs a '{name}'", where=file.name)
    confirmed = bool(data.get("confirmed", False))
    rows = tuple(_row(raw, i, file, data, year, confirmed)
                 for i, raw in enumerate(data.get("specialties", [])))
    return SignalTable(
        season=str(data.get("season", file.stem.removeprefix("signals-"))), match_year=year,
        source=data["source"], basis=data["basis"], confirmed=confirmed,
        unconfirmed_note=str(data.get("unconfirmed_note", "")),
        unknown_note=str(data.get("unknown_note", "not known")),
        rule=str(data.get("rule", "")), specialties=rows)


def _row(raw: Any, index: int, file: Path, data: dict[str, Any], year: int,
         confirmed: bool) -> Allowance:
    where = f"{file.name}, specialty {index + 1}"
    if not isinstance(raw, dict) or not isinstance(raw.get("name"), str) \
            or not raw["name"].strip():
        raise UserError("a specialty needs a name", where=where)
    counts: dict[str, int | None] = {}
    for key in ("gold", "silver", "signals"):
        value = raw.get(key)
        if value is not None and (not isinstance(value, int) or isinstance(value, bool)
                                  or value < 0):
            raise UserError(f"'{key}' must be a whole number", where=where)
        counts[key] = value
    tiered = counts["gold"] is not None or counts["silver"] is not None
    if tiered == (counts["signals"] is not None):
        raise UserError("give either gold and silver, or signals", where=where)
    return Allowance(
        specialty=raw["name"].strip(), gold=counts["gold"], silver=counts["silver"],
        signals=counts["signals"], aliases=tuple(str(a) for a in raw.get("aliases", [])),
        tracks=tuple(str(t) for t in raw.get("tracks", [])),
        source=str(raw.get("source", data["source"])),
        basis=str(raw.get("basis", data["basis"])),
        confirmed=bool(raw.get("confirmed", confirmed)), match_year=year)


# -- rules -------------------------------------------------------------------------------------

def allowance(specialty: str, table: SignalTable | None = None,
              track: str = "") -> Allowance | None:
    """A specialty's allowance this season; None when the table does not know it."""
    return (table or load_signal_table()).allowance(specialty, track)


def specialty_of(program: Program, table: SignalTable) -> tuple[str, Allowance | None]:
    """(the specialty name signals are counted under, its allowance or None)."""
    row = table.allowance(program.specialty, program.track)
    if row is not None:
        return row.specialty, row
    return " ".join(program.specialty.split()), None


def _institution_words(program: Program, specialty: str, row: Allowance | None) -> str:
    names = (specialty, *(row.aliases if row else ()))
    drop = set(_TRACK_WORDS) | {w for n in names for w in normalize_key(n).split()}
    return " ".join(w for w in normalize_key(program.name).split() if w not in drop)


def same_institution_specialty(a: Program, b: Program, table: SignalTable) -> bool:
    """True when one signal covers both programs (see the module docstring for the rule)."""
    spec_a, row = specialty_of(a, table)
    spec_b, _ = specialty_of(b, table)
    if not spec_a or normalize_key(spec_a) != normalize_key(spec_b):
        return False
    code_a, code_b = a.program_code.strip(), b.program_code.strip()
    if code_a[:4].isdigit() and code_b[:4].isdigit() and len(code_a) >= 4 \
            and len(code_b) >= 4:
        return code_a[:4] == code_b[:4]
    if a.city.strip() and b.city.strip() and normalize_key(a.city) != normalize_key(b.city):
        return False
    words = _institution_words(a, spec_a, row)
    return bool(words) and words == _institution_words(b, spec_a, row)


def usage(programs: Iterable[Program], table: SignalTable | None = None) -> list[SignalUsage]:
    """Signals used per specialty on the list, against the allowance, specialties by name.

    Every specialty on the list appears (with 0 used), so the page shows what is allowed before
    the first signal is given. Programs of one institution's specialty that carry a signal each
    (an imported list, say) count once per tier and add a warning.
    """
    table = table or load_signal_table()
    by_spec: dict[str, SignalUsage] = {}
    signaled: dict[str, list[Program]] = {}
    for program in programs:
        name, row = specialty_of(program, table)
        if not name:
            continue
        entry = by_spec.setdefault(normalize_key(name), SignalUsage(name, row))
        entry.programs += 1
        if program.signal:
            signaled.setdefault(normalize_key(name), []).append(program)
    for key, given in signaled.items():
        entry = by_spec[key]
        counted: list[Program] = []
        for program in given:
            twin = next((p for p in counted if same_institution_specialty(p, program, table)),
                        None)
            if twin is not None:
                entry.warnings.append(
                    f"{program.display_name} and {twin.display_name} are one institution's "
                    f"{entry.specialty}: one signal covers both; take one off.")
                if twin.signal == program.signal:
                    continue
            counted.append(program)
            entry.used[program.signal] = entry.used.get(program.signal, 0) + 1
        if entry.allowance is not None:
            for tier in entry.used:
                if tier not in entry.allowance.tiers:
                    entry.warnings.append(f"{entry.specialty} does not use "
                                          f"{SIGNAL_LABELS[tier].lower()}s.")
    return sorted(by_spec.values(), key=lambda u: u.specialty.casefold())


def check_signal(programs: Sequence[Program], program: Program, new_signal: str,
                 table: SignalTable | None = None) -> None:
    """Refuse a signal the specialty's allowance or the one-per-institution rule forbids.

    ``programs`` is the whole list (``program`` may be in it; it is left out of the counts).
    Taking a signal off (``new_signal == ""``) is always allowed.

    Raises:
        UserError: over the allowance, a tier the specialty does not use, a second signal to
            one institution's specialty, or a program without a specialty.
    """
    table = table or load_signal_table()
    if new_signal not in SIGNALS:
        raise UserError(f"{new_signal!r} is not a kind of signal.", where=program.display_name,
                        hint="Choose Gold signal, Silver signal, Signal, or none.")
    if not new_signal:
        return
    specialty, row = specialty_of(program, table)
    if not specialty:
        raise UserError("this program has no specialty recorded.", where=program.display_name,
                        hint="Signals are counted per specialty: record the specialty first.")
    others = [p for p in programs if p is not program
              and (program.id is None or p.id != program.id)]
    if row is not None and new_signal not in row.tiers:
        if row.tiered:
            raise UserError(
                f"{row.specialty} uses gold and silver signals ({row.describe()}; "
                f"{row.status}), not a plain signal.", where=program.display_name,
                hint="Choose Gold signal or Silver signal.")
        raise UserError(
            f"{row.specialty} has one kind of signal ({row.describe()}; {row.status}), "
            "not gold or silver.", where=program.display_name, hint="Choose Signal.")
    twin = next((p for p in others if p.signal
                 and same_institution_specialty(p, program, table)), None)
    if twin is not None:
        raise UserError(
            f"{twin.display_name} already has your {SIGNAL_LABELS[twin.signal].lower()}: a "
            f"signal goes to the institution's {specialty} and covers all its tracks.",
            where=program.display_name,
            hint="Keep the one signal, or take it off that program first.")
    if row is None:
        return  # the allowance is not known: nothing to count against
    limit = row.limit(new_signal) or 0
    given = next((u for u in usage(others, table)
                  if normalize_key(u.specialty) == normalize_key(specialty)), None)
    used = given.used.get(new_signal, 0) if given else 0
    if used >= limit:
        kind = f"{new_signal} signal" if new_signal != "signal" else "signal"
        raise UserError(
            f"{row.specialty} allows {limit} {kind}{'s' if limit != 1 else ''} ({row.status}); "
            f"you have given {used}: take one back first.", where=program.display_name,
            hint="Take a signal off another program, then give this one.")


def assign_signal(workspace: Any, program_id: int, signal: str,
                  table: SignalTable | None = None) -> Changes:
    """Give (or take back, with ``""``) a program's signal after :func:`check_signal`.

    The one service the Programs page and ``workshop programs signals --set`` share.

    Raises:
        UserError: the program is gone, the workspace is read-only, or the rules refuse it.
    """
    from workshop.core.programs.repository import ProgramRepository

    if getattr(workspace, "read_only", False):
        raise UserError("this workspace is open read-only.", where="signals",
                        hint="Close the other window that has it open, then retry.")
    repo = ProgramRepository(workspace.conn)
    program = repo.get(program_id, with_events=False)
    if program.signal == signal:
        return Changes()
    check_signal(repo.list_programs(), program, signal, table)
    program.signal = signal  # type: ignore[assignment]  # checked against SIGNALS above
    repo.update(program)
    return Changes(programs=True)
