"""Reading an applicant's spreadsheet (CSV or .xlsx) into rows of text, and finding its header.

Real spreadsheets have a title above the header, a header split over two rows (a merged group
cell such as "Requirements" over "Step 2 CK" and "Visa"), empty rows, a BOM, semicolons from a
European Excel, or text in a legacy encoding (Windows-1252, MacRoman, Windows-1251 Cyrillic,
Windows-1256 Arabic, UTF-16 without a BOM), detected with ``charset-normalizer``. This module
turns all of that into a :class:`Table`: one header per column and the data rows with their
spreadsheet row numbers. Nothing is dropped without a word: title rows above the header and
repeated header rows are listed in :attr:`Table.ignored` with the reason.
"""

from __future__ import annotations

import csv
import datetime as _dt
import io
import re
import unicodedata
import warnings
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from workshop.core.errors import UserError
from workshop.core.programs.columns import match_score, synonym_tokens, tokens
from workshop.core.textio.bounded_zip import check_xlsx
from workshop.core.textio.csv_safety import unescape_cell

MAX_BYTES: Final = 5 * 1024 * 1024
MAX_ROWS: Final = 5000
MAX_COLUMNS: Final = 100
MAX_CELL: Final = 10_000
#: How many non-empty rows from the top may hold the header.
HEADER_SEARCH: Final = 15


@dataclass
class Table:
    """A sheet as text: ``headers[i]`` names column i; rows keep their spreadsheet numbers."""

    headers: list[str]
    header_row: int
    rows: list[tuple[int, list[str]]] = field(default_factory=list)
    source: str = ""
    warnings: list[str] = field(default_factory=list)
    #: Non-empty rows not read as programs: (spreadsheet row, why), e.g. a title row.
    ignored: list[tuple[int, str]] = field(default_factory=list)
    #: How the text was decoded ("UTF-8", "Windows-1251 (Cyrillic)"...); "" for .xlsx.
    encoding: str = ""

    @property
    def width(self) -> int:
        return len(self.headers)


def read_table(path: Path | str, *, sheet: str | None = None) -> Table:
    """Read a .csv/.tsv/.txt or .xlsx file (bounded in size and rows).

    Raises:
        UserError: unreadable, too large, not a spreadsheet, or without any rows.
    """
    file = Path(path)
    try:
        size = file.stat().st_size
        if size > MAX_BYTES:
            raise _too_big(file.name, size)
        data = file.read_bytes()
    except OSError as exc:
        raise UserError(f"could not read {file.name}: {exc.strerror or exc}",
                        where=str(file), hint="Check the file exists and is readable.") from exc
    return read_table_bytes(data, file.name, sheet=sheet)


def read_table_bytes(data: bytes, name: str, *, sheet: str | None = None) -> Table:
    """Like :func:`read_table` on bytes already in memory (drag and drop, tests)."""
    if len(data) > MAX_BYTES:
        raise _too_big(name, len(data))
    encoding = ""
    if name.lower().endswith((".xlsx", ".xlsm")) or data[:4] == b"PK\x03\x04":
        grid = _xlsx_rows(data, name, sheet)
    elif name.lower().endswith(".xls") or data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise UserError(f"{name} is an old Excel .xls file (or an encrypted workbook)",
                        hint="Open it in your spreadsheet app and save as .xlsx or CSV.")
    else:
        grid, encoding = _csv_rows(data, name)
    table = build_table(grid, name)
    table.encoding = encoding
    if encoding and encoding != "UTF-8":
        table.warnings.append(f"the file is not UTF-8: read as {encoding} text; if letters "
                              "look wrong, save it from your spreadsheet app as CSV UTF-8")
    return table


def _too_big(name: str, size: int) -> UserError:
    return UserError(f"{name} is {size / 1_048_576:.1f} MB; programs files up to "
                     f"{MAX_BYTES // 1_048_576} MB are read",
                     hint="Remove other sheets or images, or save only the programs as CSV.")


#: Python codec -> the name people know, for the "read as ..." note.
_ENCODING_NAMES: Final[dict[str, str]] = {
    "utf_8": "UTF-8", "utf_16": "UTF-16", "utf_16_le": "UTF-16", "utf_16_be": "UTF-16",
    "utf_32": "UTF-32", "cp1252": "Windows-1252 (Western)", "mac_roman": "MacRoman",
    "cp1250": "Windows-1250 (Central European)", "cp1251": "Windows-1251 (Cyrillic)",
    "cp1253": "Windows-1253 (Greek)", "cp1254": "Windows-1254 (Turkish)",
    "cp1255": "Windows-1255 (Hebrew)", "cp1256": "Windows-1256 (Arabic)",
    "koi8_r": "KOI8-R (Cyrillic)", "cp866": "DOS Cyrillic (866)", "gb18030": "GB18030 (Chinese)",
    "gb2312": "GB2312 (Chinese)", "big5": "Big5 (Chinese)", "shift_jis": "Shift JIS (Japanese)",
    "cp932": "Shift JIS (Japanese)", "euc_jp": "EUC-JP (Japanese)", "cp949": "Korean (949)",
    "euc_kr": "EUC-KR (Korean)", "cp874": "Windows-874 (Thai)", "tis_620": "TIS-620 (Thai)",
}
#: Single-byte code pages spreadsheets are saved in, in order of preference on a tie.
_CANDIDATES: Final = ("cp1252", "mac_roman", "cp1251", "cp1256", "cp1250", "cp1253", "cp1254",
                      "cp1255", "koi8_r", "cp866", "mac_cyrillic")
_TYPOGRAPHIC: Final = frozenset("’‘“”–—…•€«»°·")
_WORD = re.compile(r"\w+")


def decode(data: bytes) -> str:
    """The text of a CSV file (see :func:`decode_with_name`)."""
    return decode_with_name(data)[0]


def decode_with_name(data: bytes) -> tuple[str, str]:
    """(text, encoding name): a BOM wins, then UTF-8, then the code page that reads best.

    ``charset-normalizer`` ranks code pages well on long prose but poorly on a sheet that is
    mostly ASCII with a few names (it named a Windows-1252 sheet "cp775" and an Arabic one
    "mac_iceland"), so its pick is one candidate among the code pages spreadsheets are saved
    in, and the one whose non-ASCII words read as words of one script wins (:func:`_score`).
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "UTF-8"
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return data.decode("utf-32", errors="replace"), "UTF-32"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace"), "UTF-16"
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    detected = _detect(data)
    options: list[tuple[str, str]] = []
    for enc in _CANDIDATES:
        text = _strict(data, enc)
        if text is not None:
            options.append((text, _ENCODING_NAMES.get(enc, enc)))
    if detected is not None:
        options.append(detected)
    if not options:
        return data.decode("cp1252", errors="replace"), _ENCODING_NAMES["cp1252"]
    best = max(range(len(options)), key=lambda i: (_score(options[i][0]), -i))
    return options[best]


def _score(text: str) -> int:
    """How well ``text`` reads: non-ASCII words in one script with a sane letter case count
    for it; words mixing scripts or cases ("ÈÑäÇã") and stray symbols count against it."""
    score = 0
    for word in _WORD.findall(text):
        if word.isascii():
            continue
        letters = [c for c in word if c.isalpha()]
        scripts = {unicodedata.name(c, "?").split(" ")[0] for c in letters if not c.isascii()}
        scripts |= {"LATIN"} if any(c.isascii() for c in letters) else set()
        cased = any(a.islower() and b.isupper() for a, b in zip(word, word[1:], strict=False))
        # Latin words carry an accent here and there; Cyrillic or Greek bytes read as Latin
        # give words made of accented letters only ("Õîðîøàÿ").
        accented = (scripts == {"LATIN"} and len(word) >= 4
                    and sum(not c.isascii() for c in word) * 2 > len(word))
        score += -3 * len(word) if len(scripts) > 1 or cased or accented else len(word)
    for char in text:
        if ord(char) < 0x80 or char.isalnum() or char.isspace():
            continue
        score += 1 if char in _TYPOGRAPHIC else -3
    return score


def _detect(data: bytes) -> tuple[str, str] | None:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - a dependency of a dependency; see pyproject
        return None
    match = from_bytes(data[:200_000] if len(data) > 200_000 else data).best()
    if match is None:
        return None
    enc = match.encoding
    text = _strict(data, enc)
    if text is None:
        return None
    return text, _ENCODING_NAMES.get(enc, enc.replace("_", "-"))


def _looks_like_text(text: str) -> bool:
    """Lines of printable characters (a binary file "decodes" as UTF-16 into rubbish)."""
    if not text or "\n" not in text.strip() and len(text) > 200:
        return False
    bad = sum(1 for c in text if (not c.isprintable() and c not in "\t\r\n")
              or unicodedata.category(c) in ("Co", "Cn", "Cs"))
    return bad <= len(text) // 100


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def sniff_delimiter(text: str) -> str:
    """Comma, semicolon, tab or pipe: the one that splits the first lines most consistently."""
    lines = [ln for ln in text.splitlines()[:30] if ln.strip()]
    if lines and lines[0].lower().startswith("sep=") and len(lines[0]) == 5:
        return lines[0][4]
    try:
        return csv.Sniffer().sniff("\n".join(lines[:20]), delimiters=",;\t|").delimiter
    except csv.Error:
        counts = {d: sum(ln.count(d) for ln in lines) for d in (",", ";", "\t", "|")}
        best = max(counts, key=lambda d: counts[d])
        return best if counts[best] else ","


def _csv_rows(data: bytes, name: str) -> tuple[list[list[str]], str]:
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        detected = _detect(data)  # UTF-16 saved without a BOM has a NUL in every other byte
        if (detected is None or not detected[1].startswith("UTF-")
                or not _looks_like_text(detected[0])):
            raise UserError(f"{name} is not a text spreadsheet",
                            hint="Choose a CSV file or an .xlsx workbook.")
        text, encoding = detected
    else:
        text, encoding = decode_with_name(data)
    delimiter = sniff_delimiter(text)
    lines = text.splitlines(keepends=True)
    if lines and lines[0].lower().startswith("sep="):
        lines = lines[1:]
    reader = csv.reader(io.StringIO("".join(lines)), delimiter=delimiter)
    try:
        # Our own exports quote formula-like cells ('=1+1); exactly that escape comes off.
        return _bounded(([unescape_cell(c) for c in row] for row in reader), name), encoding
    except csv.Error as exc:
        raise UserError(f"{name} could not be read as CSV: a quote or a line break is out of "
                        "place",
                        hint="Save it again from your spreadsheet app as CSV.") from exc


def _xlsx_rows(data: bytes, name: str, sheet: str | None) -> list[list[str]]:
    try:
        import openpyxl  # type: ignore[import-untyped]
    except ImportError as exc:  # pragma: no cover - openpyxl is a dependency
        raise UserError("reading .xlsx needs the openpyxl package",
                        hint="Save the sheet as CSV and import that instead.") from exc
    # Bounded from the zip directory and a streaming count before openpyxl sees it: a 157 KB
    # file of 3 M cells took 77 s and 2 GB; a declared A1:XFD1048576 fills every empty cell.
    check_xlsx(data, where=name)
    with warnings.catch_warnings():  # openpyxl's UserWarnings are not for users
        warnings.simplefilter("ignore")
        try:
            book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except (zipfile.BadZipFile, KeyError, ValueError, OSError, SyntaxError) as exc:
            raise UserError(f"{name} is not a readable .xlsx workbook",
                            hint="It may be damaged or password-protected; save it again as "
                            ".xlsx or CSV.") from exc
        try:
            if sheet is not None and sheet not in book.sheetnames:
                raise UserError(f"{name} has no sheet named {sheet!r}",
                                hint=f"Sheets: {', '.join(book.sheetnames)}.")
            ws = book[sheet] if sheet is not None else book.worksheets[0]
            rows = ws.iter_rows(values_only=True)
            return _bounded(([_cell_text(v) for v in row] for row in rows), name)
        except SyntaxError as exc:  # XML parse errors inside a sheet
            raise UserError(f"{name} is not a readable .xlsx workbook",
                            hint="It may be damaged; save it again as .xlsx or CSV.") from exc
        finally:
            book.close()


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, _dt.datetime):
        return value.date().isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _bounded(rows: Iterable[list[str]], name: str) -> list[list[str]]:
    grid: list[list[str]] = []
    for row in rows:
        if len(grid) >= MAX_ROWS + HEADER_SEARCH:
            raise UserError(f"{name} has more than {MAX_ROWS} rows",
                            hint="Split the list, or remove rows that are not programs.")
        grid.append([cell.strip()[:MAX_CELL] for cell in row[:MAX_COLUMNS]])
    return grid


def build_table(grid: list[list[str]], name: str = "") -> Table:
    """Find the header (possibly two rows) and keep the non-empty rows below it.

    The header is the row among the first few whose cells name the most known columns. When the
    row above it holds group labels (merged cells read as a label followed by blanks), each
    header that means nothing alone is read together with its group ("USCE" + "Months").

    Raises:
        UserError: when the file holds no rows at all.
    """
    numbered = [(i + 1, row) for i, row in enumerate(grid) if any(c.strip() for c in row)]
    if not numbered:
        raise UserError(f"{name or 'the file'} has no rows",
                        hint="Fill in the template (one program per row) and import it again.")
    width = max(len(row) for _n, row in numbered)
    padded = [(n, row + [""] * (width - len(row))) for n, row in numbered]
    candidates = padded[:HEADER_SEARCH]
    scores = [sum(1 for c in row if c and match_score(c)[1]) for _n, row in candidates]
    best = max(range(len(candidates)), key=lambda i: (scores[i], -i))
    header_row, header = candidates[best]
    headers = list(header)
    warnings: list[str] = []
    if best > 0:
        group = candidates[best - 1][1]
        if sum(1 for c in group if c) >= 2:
            headers = _with_groups(headers, group)
    if scores[best] == 0:
        warnings.append("no known column headers were found; map the columns by hand")
    ignored = [(n, f"above the header (row {header_row}): read as a title, not a program")
               for n, _row in padded[:best]]
    rows = []
    folded = [c.casefold() for c in header]
    for n, row in padded[best + 1:]:
        if [c.casefold() for c in row] == folded:
            ignored.append((n, "repeats the header row"))
        else:
            rows.append((n, row))
    _trim_width(headers, rows)
    return Table(headers=headers, header_row=header_row, rows=rows, source=name,
                 warnings=warnings, ignored=ignored)


def _with_groups(headers: list[str], group: list[str]) -> list[str]:
    """Read each header with its group label when the group adds meaning.

    "Deadlines" over "ERAS" and "Program" gives "Deadlines ERAS" and "Deadlines Program" (the
    group's word is part of what matched); "Requirements" over "Min Step 2 CK" stays as it is.
    A blank header under a label directly above takes the label (a cell merged down).
    """
    filled: list[str] = []
    current = ""
    for cell in group:
        current = cell or current
        filled.append(current)
    combined = []
    for sub, grp, above in zip(headers, filled, group, strict=True):
        if not sub:
            combined.append(above)
        elif grp and _group_helps(grp, sub):
            combined.append(f"{grp} {sub}")
        else:
            combined.append(sub)
    return combined


def _group_helps(group: str, sub: str) -> bool:
    _score, key = match_score(f"{group} {sub}")
    if key is None:
        return False
    _sub_score, sub_key = match_score(sub)
    if sub_key is None:
        return True
    # Only when the match uses words of both lines ("Deadlines" + "Program" = program deadline),
    # never when the group alone matches ("Program" over "City").
    sub_words = set(tokens(sub))
    group_words = set(tokens(group)) - sub_words
    used = set(synonym_tokens(key, f"{group} {sub}"))
    return key != sub_key and bool(group_words & used) and bool(sub_words & used)


def _trim_width(headers: list[str], rows: list[tuple[int, list[str]]]) -> None:
    """Drop trailing columns that are empty in the header and every row."""
    while headers and not headers[-1] and all(not row[len(headers) - 1] for _n, row in rows):
        headers.pop()
    for _n, row in rows:
        del row[len(headers):]
