"""Reading the cells of an applicant's spreadsheet: dates, numbers, visas, tracks, statuses.

Spreadsheets are typed by hand, so each reader accepts the forms people actually write ("J1/H1B",
"≥ 240", "within 5 yrs", "Sep 24 2026") and raises ``ValueError`` with a message that quotes the
cell and says what to type instead. The importer adds the row number and column.
A reader may also call ``warn`` for something it accepted but the user should look at.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable
from typing import Final

Warn = Callable[[str], None]

#: Cells that mean "not recorded".
BLANKS: Final = frozenset({
    "", "-", "--", "\u2013", "\u2014", "?", "n/a", "na", "n.a.", "unknown", "tbd", "not stated",
    "not published", "not listed", "not specified", "no data",
})
#: Cells that mean "no requirement" for a cutoff or minimum.
NO_LIMIT: Final = frozenset({
    "none", "no", "no minimum", "no min", "no cutoff", "no limit", "any", "not required",
    "no requirement",
})
YES: Final = frozenset({"yes", "y", "x", "true", "1", "\u2713", "\u2714", "\u2705", "\u2611",
                       "sponsored", "ok", "t", "required", "yes required"})
NO: Final = frozenset({"no", "n", "false", "0", "none", "not sponsored", "\u2717", "\u2718",
                      "\u274c", "\u2715", "\u2716", "f", "not required"})

_MONTHS: Final[dict[str, int]] = {}
for _i, _name in enumerate(("january", "february", "march", "april", "may", "june", "july",
                            "august", "september", "october", "november", "december"), 1):
    _MONTHS[_name] = _i
    _MONTHS[_name[:3]] = _i
_MONTHS["sept"] = 9

_ISO = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T].*)?$")
_SLASH = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})$")
_DOTTED = re.compile(r"^(\d{1,2})[.\-](\d{1,2})[.\-](\d{4})$")
_MONTH_FIRST = re.compile(r"^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$")
_DAY_FIRST = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?[\s\-]+([a-z]+)\.?,?[\s\-]+(\d{4})$")
_MONTH_DAY = re.compile(r"^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?$")
_DAY_MONTH = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?[\s\-]+([a-z]+)\.?$")
_SLASH_NO_YEAR = re.compile(r"^(\d{1,2})/(\d{1,2})$")
#: The first month of an application season (June: MyERAS opens); the season ends in May.
SEASON_START_MONTH: Final = 6
_NUMBER = re.compile(r"^(\d+(?:\.\d+)?)$")
_INT_ADORNED = re.compile(
    r"^(?:>=|\u2265|>|min(?:imum)?\.?:?)?\s*(\d+(?:\.0+)?)\s*"
    r"(?:\+|positions?|residents?|spots?|pgy-?1s?)?$")


def norm(text: str) -> str:
    """Lower-case and collapse spaces, for comparing a cell with a word list (an emoji's
    variation selector and a trailing "!" or "." are dropped: "✔️" is "✔", "Yes." is "yes")."""
    cleaned = text.replace("\ufe0f", "").strip().lower().rstrip("!.")
    return " ".join(cleaned.split())


def is_blank(text: str) -> bool:
    """True when the cell says nothing ("", "N/A", "?", "-")."""
    return norm(text) in BLANKS


def parse_date(text: str, *, today: _dt.date | None = None,
               warn: Warn | None = None) -> _dt.date | None:
    """Read 2026-09-24, 09/24/2026, 24/09/2026, 24.09.2026, Sep 24 2026, 24-Sep-2026.

    Slashed dates are read month first (U.S. style) unless the first number is over 12; dotted
    dates are day first (European style). Two-digit years are 20xx. A date without a year
    ("Oct 15", "15 Oct", "10/15") is placed in the application season ``today`` falls in (June
    to May: "Oct 15" in the 2026-27 season is October 15, 2026, "Jan 10" is January 10, 2027),
    and ``warn`` says so.

    Raises:
        ValueError: quoting the cell and the forms accepted; a date without a year when no
            ``today`` is given.
    """
    raw = norm(text)
    if raw in BLANKS:
        return None
    try:
        if m := _ISO.match(raw):
            return _dt.date(int(m[1]), int(m[2]), int(m[3]))
        if m := _SLASH.match(raw):
            first, second, year = int(m[1]), int(m[2]), int(m[3])
            year = year + 2000 if year < 100 else year
            month, day = (second, first) if first > 12 else (first, second)
            return _dt.date(year, month, day)
        if m := _DOTTED.match(raw):
            return _dt.date(int(m[3]), int(m[2]), int(m[1]))
        if m := _MONTH_FIRST.match(raw):
            return _dt.date(int(m[3]), _month(m[1]), int(m[2]))
        if m := _DAY_FIRST.match(raw):
            return _dt.date(int(m[3]), _month(m[2]), int(m[1]))
        month_day = _month_day(raw)
    except ValueError as exc:
        raise ValueError(f"'{text.strip()}' is not a valid date ({exc})") from None
    if month_day is not None:
        return _in_season(text.strip(), *month_day, today, warn)
    raise ValueError(f"'{text.strip()}' is not a date; write it like 2026-09-24 or 09/24/2026")


def _month_day(raw: str) -> tuple[int, int] | None:
    """(month, day) of a date written without a year, or None when it is not one."""
    if m := _MONTH_DAY.match(raw):
        if m[1].rstrip(".") in _MONTHS:
            return _MONTHS[m[1].rstrip(".")], int(m[2])
        return None
    if m := _DAY_MONTH.match(raw):
        return (_MONTHS[m[2].rstrip(".")], int(m[1])) if m[2].rstrip(".") in _MONTHS else None
    if m := _SLASH_NO_YEAR.match(raw):
        first, second = int(m[1]), int(m[2])
        return (second, first) if first > 12 else (first, second)
    return None


def _in_season(text: str, month: int, day: int, today: _dt.date | None,
               warn: Warn | None) -> _dt.date:
    if today is None:
        raise ValueError(f"'{text}' has no year; write it like 2026-10-15")
    from workshop.core.programs.anchor import match_year_for

    match_year = match_year_for(today)
    year = match_year - 1 if month >= SEASON_START_MONTH else match_year
    try:
        found = _dt.date(year, month, day)
    except ValueError as exc:
        raise ValueError(f"'{text}' is not a valid date ({exc})") from None
    if warn is not None:
        warn(f"'{text}' has no year: read as {found:%B} {found.day}, {found.year} "
             f"(the {match_year - 1}-{str(match_year)[2:]} season, June to May)")
    return found


def _month(name: str) -> int:
    month = _MONTHS.get(name.rstrip("."))
    if month is None:
        raise ValueError(f"'{name}' is not a month name")
    return month


def parse_int(text: str, what: str, *, low: int, high: int) -> int | None:
    """A whole number, allowing "≥ 240", "240+", "12 positions", "240.0" (Excel).

    Raises:
        ValueError: "Step 2 CK minimum 'abc' is not a number: write a whole number from 1
            to 300, or leave it empty" (what is wrong, and what would do).
    """
    raw = norm(text)
    if raw in BLANKS or raw in NO_LIMIT:
        return None
    m = _INT_ADORNED.match(raw.replace(",", ""))
    if m is None:
        raise ValueError(f"{what} '{text.strip()}' is not a number: write a whole number "
                         f"from {low} to {high}, or leave it empty")
    value = int(float(m[1]))
    if not low <= value <= high:
        raise ValueError(f"{what} {value} is not between {low} and {high}")
    return value


def parse_percent(text: str, what: str, warn: Warn) -> float | None:
    """A share in percent: "35", "35 %", "35.5%"; a fraction such as 0.35 is read as 35%."""
    raw = norm(text).replace(" ", "")
    if raw in BLANKS:
        return None
    raw = re.sub(r"^(\d+),(\d+)", r"\1.\2", raw)  # a decimal comma (European Excel)
    has_sign = raw.endswith("%")
    m = _NUMBER.match(raw.rstrip("%"))
    if m is None:
        raise ValueError(f"{what} '{text.strip()}' is not a percentage (write 35 or 35%)")
    value = float(m[1])
    if not has_sign and "." in m[1] and value <= 1:
        warn(f"{what} {m[1]} read as a fraction: {value * 100:g}%")
        value *= 100
    if not 0 <= value <= 100:
        raise ValueError(f"{what} {value:g}% is not between 0 and 100")
    return round(value, 2)


_VISA_NEGATED = re.compile(r"\b(?:no|not|non|without)\s*[-]?\s*(j\s*-?\s*1|h\s*-?\s*1\s*-?\s*b?)")


def parse_visas(text: str, warn: Warn) -> frozenset[str] | None:
    """"J-1", "J1/H1B", "J1 and H1B", "both", "none", "J-1 only, no H-1B" -> a set; "yes"
    does not say which, so it is not kept."""
    raw = norm(text)
    if raw in BLANKS:
        return None
    if raw in NO or raw in {"no visa", "no visas", "does not sponsor", "citizens only"}:
        return frozenset()
    negated = {("J-1" if "j" in m[1] else "H-1B") for m in _VISA_NEGATED.finditer(raw)}
    compact = re.sub(r"[\s\-_.]", "", _VISA_NEGATED.sub(" ", raw))
    found: set[str] = set()
    if "j1" in compact:
        found.add("J-1")
    if "h1b" in compact or "h1" in compact:
        found.add("H-1B")
    if compact in {"both", "j1andh1b", "all", "bothvisas", "j1h1b"} or compact.startswith("both"):
        found = {"J-1", "H-1B"}
    found -= negated
    if found or negated:
        return frozenset(found)
    if raw in YES:
        warn(f"visa sponsorship '{text.strip()}' does not say which visa; not recorded "
             "(write J-1, H-1B, both or none)")
        return None
    raise ValueError(f"visa sponsorship '{text.strip()}' is not J-1, H-1B, both or none")


def parse_yes_no(text: str, what: str) -> bool | None:
    """A yes/no cell (a column per visa); blank is unknown."""
    raw = norm(text)
    if raw in BLANKS:
        return None
    if raw in YES:
        return True
    if raw in NO:
        return False
    raise ValueError(f"{what} '{text.strip()}' is not yes or no")


_TRACKS: Final[dict[str, str]] = {
    "categorical": "categorical", "cat": "categorical", "c": "categorical",
    "preliminary": "preliminary", "prelim": "preliminary", "p": "preliminary",
    "transitional": "transitional", "transitional year": "transitional", "ty": "transitional",
    "advanced": "advanced", "advanced pgy 2": "advanced", "pgy 2": "advanced", "a": "advanced",
    "advanced pgy-2": "advanced", "pgy-2": "advanced", "pgy2": "advanced",
    "reserved": "reserved", "reserved pgy-2": "reserved", "r": "reserved",
    "physician": "physician", "physician only": "physician", "m": "physician",
}


def parse_track(text: str) -> str:
    """Categorical / preliminary / transitional year / advanced (PGY-2) / reserved / physician,
    with the usual abbreviations (NRMP codes end in C, P, A, R or M)."""
    raw = norm(text.replace("(", " ").replace(")", " ")).rstrip(".")
    if raw in BLANKS:
        return ""
    if raw in _TRACKS:
        return _TRACKS[raw]
    raise ValueError(f"track '{text.strip()}' is not categorical, preliminary, transitional, "
                     "advanced, reserved or physician")


def parse_hospital_type(text: str) -> str:
    """Academic / community / community-based university."""
    raw = norm(text).replace("-", " ")
    if raw in BLANKS:
        return ""
    words = set(re.findall(r"[a-z]+", raw))
    if "community" in words and words & {"university", "academic", "affiliated"}:
        return "community-based university"
    if "community" in words:
        return "community"
    if words & {"academic", "university", "university based"}:
        return "academic"
    raise ValueError(f"hospital type '{text.strip()}' is not academic, community or "
                     "community-based university")


def parse_grad_cutoff(text: str) -> tuple[int | None, int | None]:
    """"within 5 years" / "5" -> (5, None); "2019 or later" / ">= 2019" -> (None, 2019)."""
    raw = norm(text)
    if raw in BLANKS or raw in NO_LIMIT:
        return None, None
    numbers = re.findall(r"\d+", raw)
    if len(numbers) != 1:
        raise ValueError(f"graduation cutoff '{text.strip()}' is not a number of years "
                         "or a year (write 5 or 2019)")
    value = int(numbers[0])
    if 1900 <= value <= 2200:
        return None, value
    if 0 <= value <= 80:
        return value, None
    raise ValueError(f"graduation cutoff {value} is neither a year nor a number of years")


def parse_usce_months(text: str, warn: Warn) -> tuple[int | None, int | None]:
    """"3", "3 months", "3 months within 2 years", "not required" -> (months, within_years)."""
    raw = norm(text)
    if raw in BLANKS:
        return None, None
    if raw in NO_LIMIT or raw in NO:
        return 0, None
    if (raw in YES or raw == "required") and not raw.isdigit():
        # A hard requirement must not vanish from the fit: kept as "at least 1 month".
        warn(f"U.S. clinical experience '{text.strip()}' gives no number of months: recorded "
             "as required (at least 1 month); type the months the program asks for")
        return 1, None
    m = re.match(r"^(\d+)\s*(?:months?|mos?\.?|m)?(?:\s*(?:within|in)\s*(?:the\s*)?(?:last|past)?"
                 r"\s*(\d+)\s*(?:years?|yrs?|y))?$", raw)
    if m is None:
        raise ValueError(f"U.S. clinical experience '{text.strip()}' is not a number of months")
    months = int(m[1])
    if months > 120:
        raise ValueError(f"U.S. clinical experience {months} months is over 120")
    return months, int(m[2]) if m[2] else None


def parse_attempts(text: str) -> int | None:
    """"1", "first attempt only", "no more than 2" -> the most attempts accepted."""
    raw = norm(text)
    if raw in BLANKS or raw in NO_LIMIT:
        return None
    for word, value in (("first", 1), ("1st", 1), ("second", 2), ("2nd", 2), ("third", 3)):
        if re.search(rf"\b{word}\b", raw):
            return value
    numbers = re.findall(r"\d+", raw)
    if len(numbers) == 1 and 1 <= int(numbers[0]) <= 10:
        return int(numbers[0])
    raise ValueError(f"attempts accepted '{text.strip()}' is not a number of attempts")


_STATUSES: Final[dict[str, str]] = {
    "researching": "researching", "research": "researching", "considering": "researching",
    "to apply": "researching", "not applied": "researching",
    "applied": "applied", "submitted": "applied",
    "interview invited": "interview-invited", "invited": "interview-invited",
    "ii": "interview-invited", "interview offer": "interview-invited",
    "interview-invited": "interview-invited",
    "interviewed": "interviewed", "ranked": "ranked", "matched": "matched",
    "withdrawn": "withdrawn", "withdrew": "withdrawn",
}


def parse_status(text: str) -> str:
    """A pipeline step by its label or a common shorthand ("II" = interview invited)."""
    raw = norm(text)
    if raw in BLANKS:
        return "researching"
    if raw in _STATUSES:
        return _STATUSES[raw]
    raise ValueError(f"status '{text.strip()}' is not one of researching, applied, interview "
                     "invited, interviewed, ranked, matched, withdrawn")


def parse_fit_label(text: str) -> str:
    """The user's own fit label."""
    raw = norm(text)
    if raw in BLANKS:
        return ""
    if raw in {"ineligible", "not eligible", "no"}:
        return "not eligible"
    if raw in {"safety", "strong fit", "strong"}:  # "safety" read as a promise: renamed
        return "strong fit"
    if raw in {"reach", "target"}:
        return raw
    raise ValueError(f"fit label '{text.strip()}' is not reach, target, strong fit or not "
                     "eligible")


def parse_signal(text: str) -> str:
    """A MyERAS program signal: yes / signal, gold, silver, or blank for none."""
    raw = norm(text)
    if raw in BLANKS or raw in {"no", "none", "n"}:
        return ""
    if raw in {"gold", "gold signal"}:
        return "gold"
    if raw in {"silver", "silver signal"}:
        return "silver"
    if raw in {"yes", "y", "signal", "signaled", "signalled", "x"}:
        return "signal"
    raise ValueError(f"signal '{text.strip()}' is not yes, gold, silver or blank")
