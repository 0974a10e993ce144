"""The cost planner: ERAS fees per specialty from the program list, plus costs the user types.

Fees come from ``resources/season/fees-<season>.toml`` with their source; the 2027 fees are
not confirmed, and the file says so. Costs our facts name without an amount (USMLE transcript,
NRMP registration) are never given a number by the app: the user types what the AAMC or the NRMP
shows them, and it is kept in the workspace settings (:data:`FEE_AMOUNTS_KEY`).

Which programs are counted: every program on the list except withdrawn ones. "Applied" are
those at the status Applied or any later step; "planned" are those still at Researching. ERAS
prices programs per specialty, so each specialty (as recorded; "IM" and "Internal Medicine" are
one, by the signal table's aliases) has its own count and crosses the 30-program price step on
its own.
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from workshop.core.errors import UserError
from workshop.core.programs.model import Program, normalize_key
from workshop.core.season.season_file import nearest_match_year, tables_by_match_year
from workshop.core.season.signals import SignalTable, load_signal_table, specialty_of

FEE_AMOUNTS_KEY: Final = "season.fee_amounts"
NO_SPECIALTY: Final = "Specialty not recorded"
#: The most a typed cost may be (in cents): a typo guard, not a fact about fees.
MAX_AMOUNT_CENTS: Final = 10_000_000


@dataclass(frozen=True)
class Band:
    """Programs ``start``..``end`` (inclusive; ``end`` None: no upper end) cost ``cents`` each."""

    start: int
    end: int | None
    cents: int


@dataclass(frozen=True)
class OtherCost:
    """A cost our facts name without an amount; the user types it."""

    key: str
    label: str
    note: str
    source: str


@dataclass(frozen=True)
class FeeTable:
    """One season's fee file."""

    season: str
    match_year: int
    basis: str
    confirmed: bool
    source: str
    note: str
    bands: tuple[Band, ...]
    other: tuple[OtherCost, ...] = ()

    @property
    def threshold(self) -> int | None:
        """The last program at the first band's price (30), or None with one band."""
        return self.bands[0].end if len(self.bands) > 1 else None

    def fee(self, count: int) -> int:
        """ERAS fee in cents for ``count`` programs of one specialty."""
        total = 0
        for band in self.bands:
            top = count if band.end is None else min(count, band.end)
            if top >= band.start:
                total += (top - band.start + 1) * band.cents
        return total

    def next_cost(self, count: int) -> int:
        """What one more program in that specialty costs (the price of program ``count + 1``)."""
        return self.fee(count + 1) - self.fee(count)


@dataclass
class SpecialtyCost:
    """One specialty's count, fee and the price of the next program."""

    specialty: str
    applied: int
    planned: int
    fee_cents: int
    next_cents: int
    #: Programs that still cost the first band's price (0 once past the threshold).
    left_at_first_price: int | None

    @property
    def count(self) -> int:
        return self.applied + self.planned


@dataclass
class OtherLine:
    """A typed cost: its amount in cents, or None while the user has not typed it."""

    cost: OtherCost
    cents: int | None


@dataclass
class CostPlan:
    """The whole plan: fees per specialty, typed costs and the totals."""

    table: FeeTable
    specialties: list[SpecialtyCost] = field(default_factory=list)
    other: list[OtherLine] = field(default_factory=list)

    @property
    def eras_cents(self) -> int:
        return sum(s.fee_cents for s in self.specialties)

    @property
    def total_cents(self) -> int:
        """ERAS fees plus every typed cost (missing ones are left out: see :attr:`missing`)."""
        return self.eras_cents + sum(o.cents or 0 for o in self.other)

    @property
    def missing(self) -> list[str]:
        return [o.cost.label for o in self.other if o.cents is None]


# -- loading -----------------------------------------------------------------------------------

def fee_files(folder: Path | None = None) -> dict[int, Path]:
    """Fee tables shipped, by Match year."""
    return tables_by_match_year("fees", folder)


def load_fee_table(match_year: int | None = None, *, path: Path | None = None,
                   folder: Path | None = None) -> FeeTable:
    """The fee table for a Match year (the newest older one, marked unconfirmed, when missing).

    Raises:
        UserError: no fee file at all, or one that cannot be read.
    """
    if path is not None:
        return _read(Path(path))
    files = fee_files(folder)
    if not files:
        raise UserError("no fee table is installed", where="resources/season",
                        hint="Reinstall the app; the fee table ships with it.")
    year = match_year if match_year is not None else max(files)
    nearest = nearest_match_year(files, year)
    table = _read(files[nearest])
    if nearest == year:
        return table
    return FeeTable(f"{year - 1}-{year}", year, table.basis, False, table.source,
                    f"{year} fees not confirmed: these are the {table.basis}", table.bands,
                    table.other)


@functools.lru_cache(maxsize=8)
def _read(file: Path) -> FeeTable:
    try:
        data = tomllib.loads(file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise UserError(f"fee table {file.name} cannot be read: {exc}", where=str(file),
                        hint="Restore it from the app's installation.") from exc
    eras = data.get("eras")
    year = data.get("match_year")
    if not isinstance(eras, dict) or not isinstance(year, int):
        raise UserError("the fee table needs match_year and an [eras] table", where=file.name)
    for name in ("basis", "source"):
        if not isinstance(eras.get(name), str) or not eras[name].strip():
            raise UserError(f"[eras] needs a '{name}'", where=file.name)
    bands = tuple(_band(raw, i, file) for i, raw in enumerate(eras.get("bands", [])))
    if not bands or bands[0].start != 1 or any(
            a.end is None or b.start != a.end + 1 for a, b in zip(bands, bands[1:],
                                                                   strict=False)):
        raise UserError("the fee bands must start at program 1 and follow on without gaps",
                        where=file.name)
    other = tuple(_other(raw, i, file) for i, raw in enumerate(data.get("other", [])))
    return FeeTable(str(data.get("season", file.stem.removeprefix("fees-"))), year,
                    eras["basis"], bool(eras.get("confirmed", False)), eras["source"],
                    str(eras.get("note", "")), bands, other)


def _band(raw: Any, index: int, file: Path) -> Band:
    where = f"{file.name}, band {index + 1}"
    if not isinstance(raw, dict):
        raise UserError("a band must be a table", where=where)
    start, end, price = raw.get("from"), raw.get("to"), raw.get("per_program")
    if not isinstance(start, int) or (end is not None and (not isinstance(end, int)
                                                           or end < start)):
        raise UserError("a band needs 'from' (and 'to' not below it)", where=where)
    if not isinstance(price, int | float) or isinstance(price, bool) or price < 0:
        raise UserError("a band needs 'per_program' in dollars", where=where)
    return Band(start, end, round(price * 100))


def _other(raw: Any, index: int, file: Path) -> OtherCost:
    where = f"{file.name}, other cost {index + 1}"
    if not isinstance(raw, dict) or not all(isinstance(raw.get(k), str) and raw[k].strip()
                                            for k in ("key", "label", "note", "source")):
        raise UserError("another cost needs a key, a label, a note and a source", where=where)
    if "amount" in raw:
        raise UserError("an amount here must come from a source: leave it to the user",
                        where=where)
    return OtherCost(raw["key"], raw["label"], raw["note"], raw["source"])


# -- the plan ----------------------------------------------------------------------------------

def _specialty(program: Program, signal_table: SignalTable | None) -> str:
    if signal_table is not None:
        name, _row = specialty_of(program, signal_table)
    else:
        name = " ".join(program.specialty.split())
    return name or NO_SPECIALTY


def plan_costs(programs: Iterable[Program], table: FeeTable,
               amounts: Mapping[str, int] | None = None) -> CostPlan:
    """Fees per specialty for the programs counted (see the module docstring), and the totals.

    Args:
        programs: the whole list; withdrawn programs are left out.
        table: the season's fees.
        amounts: typed costs in cents by key (see :func:`load_amounts`).
    """
    try:
        signal_table: SignalTable | None = load_signal_table()
    except UserError:
        signal_table = None
    counts: dict[str, list[Any]] = {}
    for program in programs:
        if program.status == "withdrawn":
            continue
        name = _specialty(program, signal_table)
        entry = counts.setdefault(normalize_key(name), [name, 0, 0])
        entry[1 if program.status != "researching" else 2] += 1
    plan = CostPlan(table)
    for name, applied, planned in sorted(counts.values(), key=lambda e: str(e[0]).casefold()):
        count = applied + planned
        threshold = table.threshold
        plan.specialties.append(SpecialtyCost(
            str(name), applied, planned, table.fee(count), table.next_cost(count),
            None if threshold is None else max(0, threshold - count)))
    given = amounts or {}
    plan.other = [OtherLine(cost, given.get(cost.key)) for cost in table.other]
    return plan


def money(cents: int) -> str:
    """ "$360" or "$12.50"."""
    dollars, rest = divmod(cents, 100)
    return f"${dollars:,}" if not rest else f"${dollars:,}.{rest:02d}"


def parse_money(text: str) -> int | None:
    """ "85", "$85.50", "1,200" -> cents; "" -> None.

    Raises:
        UserError: anything else, or an amount that is negative or absurdly large.
    """
    clean = text.strip().replace(",", "").removeprefix("$").strip()
    if not clean:
        return None
    if not re.fullmatch(r"\d+(\.\d{1,2})?", clean):
        raise UserError(f"{text.strip()!r} is not an amount", where="costs",
                        hint="Type dollars such as 85 or 85.50, or leave it empty.")
    cents = round(float(clean) * 100)
    if cents > MAX_AMOUNT_CENTS:
        raise UserError(f"{money(cents)} looks like a typo", where="costs",
                        hint="Type the amount the AAMC or NRMP shows you.")
    return cents


# -- typed amounts in the workspace settings ---------------------------------------------------

def load_amounts(settings: Any) -> dict[str, int]:
    """Typed costs in cents by key; a damaged value reads as "nothing typed"."""
    data = settings.get(FEE_AMOUNTS_KEY)
    if not isinstance(data, Mapping):
        return {}
    return {str(k): v for k, v in data.items()
            if isinstance(v, int) and not isinstance(v, bool) and 0 <= v <= MAX_AMOUNT_CENTS}


def set_amount(settings: Any, key: str, cents: int | None,
               table: FeeTable) -> dict[str, int]:
    """Store (or clear, with None) one typed cost at once; returns every typed cost.

    Raises:
        UserError: a key the fee table does not know, or an amount out of range.
    """
    if key not in {c.key for c in table.other}:
        raise UserError(f"unknown cost {key!r}", where="costs")
    if cents is not None and not 0 <= cents <= MAX_AMOUNT_CENTS:
        raise UserError(f"{money(cents)} is not a usable amount", where="costs",
                        hint="Type the amount the AAMC or NRMP shows you.")
    amounts = load_amounts(settings)
    if cents is None:
        amounts.pop(key, None)
    else:
        amounts[key] = cents
    settings.set(FEE_AMOUNTS_KEY, amounts)
    return amounts
