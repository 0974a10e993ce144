"""Bounds on an Office file (.docx, .xlsx) checked from its zip directory, before any parser.

A zip bomb is small on disk and huge once inflated; openpyxl and python-docx inflate whole
parts into memory, so a 150 KB workbook can cost gigabytes. Everything here is decided from the
central directory (entry count, declared sizes, compression ratio) or by streaming a part
through zlib with a byte budget (cell and row counts, a DTD in the prolog), so a refusal takes
a fraction of a second and a few megabytes whatever the file claims. Declared sizes can lie;
:mod:`zipfile` stops reading an entry at its declared size, so the parsers that come after are
bounded by the same numbers.

``check_zip`` is the general check; ``check_xlsx`` adds what only a workbook needs (cells per
sheet, columns per row, a declared size or a cell reference far out, the shared-strings part).
Both raise :class:`UserError` saying what is wrong and what to do.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Final

from workshop.core.errors import UserError

MB: Final = 1024 * 1024


@dataclass(frozen=True)
class ZipLimits:
    """What a genuine file of one kind stays far below (a tenfold margin or more)."""

    max_file_bytes: int = 50 * MB
    max_total_bytes: int = 100 * MB
    max_entry_bytes: int = 60 * MB
    max_entries: int = 2000
    max_ratio: int = 200  # Office XML compresses 5-30 times; bombs 1,000 times and more
    ratio_floor: int = 10 * MB  # small parts may compress well (repeated styles): no ratio check


@dataclass(frozen=True)
class SheetLimits:
    """A program list is a few thousand rows of a few dozen columns."""

    max_cells: int = 1_000_000
    max_rows: int = 100_000
    max_columns: int = 500
    max_shared_strings_bytes: int = 40 * MB
    max_shared_strings: int = 500_000


DOCX_LIMITS: Final = ZipLimits()
XLSX_LIMITS: Final = ZipLimits(max_total_bytes=120 * MB, max_entry_bytes=80 * MB)
SHEET_LIMITS: Final = SheetLimits()

_WHAT = {"docx": "Word document (.docx)", "xlsx": "Excel workbook (.xlsx)"}
_RESAVE = {
    "docx": "Open it in Word or LibreOffice, save it again as .docx, and import that copy.",
    "xlsx": "Open it in Excel or LibreOffice, keep only the programs sheet, save it as .xlsx "
            "or .csv, and import that copy.",
}
_PROLOG_BYTES: Final = 4096
_CHUNK: Final = 1 << 16


def check_zip(source: Path | str | bytes, *, kind: str, limits: ZipLimits | None = None,
              where: str = "") -> list[zipfile.ZipInfo]:
    """Refuse a zip container whose directory shows a bomb; return its entries otherwise.

    Args:
        source: the file or its bytes.
        kind: ``"docx"`` or ``"xlsx"`` (words the messages, picks default limits).
        limits: bounds to apply (default: the kind's).
        where: the label for messages (default: the path).

    Raises:
        UserError: not a zip, damaged, too many entries, an entry or the whole too large once
            inflated, a suspicious compression ratio, or an XML part that declares a DTD.
    """
    limits = limits or (XLSX_LIMITS if kind == "xlsx" else DOCX_LIMITS)
    label = where or (str(source) if not isinstance(source, bytes) else _WHAT.get(kind, kind))
    with _open(source, kind, limits, label) as archive:
        infos = archive.infolist()
        _check_directory(infos, kind, limits, label)
        for info in infos:
            if info.filename.lower().endswith((".xml", ".rels")):
                _check_prolog(archive, info, kind, label)
    return infos


def check_xlsx(source: Path | str | bytes, *, where: str = "",
               limits: ZipLimits = XLSX_LIMITS,
               sheets: SheetLimits = SHEET_LIMITS) -> None:
    """The zip checks, then each worksheet's cells and rows and the shared strings, streamed.

    Call it before ``openpyxl.load_workbook(path, read_only=True)``: after it passes, the
    workbook holds at most ``sheets.max_cells`` cells per sheet, no row wider than
    ``sheets.max_columns``, and shared strings within their byte and count bounds.

    Raises:
        UserError: see :func:`check_zip`; also too many cells, rows, columns or shared strings.
    """
    label = where or (str(source) if not isinstance(source, bytes) else _WHAT["xlsx"])
    infos = check_zip(source, kind="xlsx", limits=limits, where=label)
    names = {info.filename for info in infos}
    if "xl/workbook.xml" not in names:
        raise UserError("This is a zip file but not an Excel workbook (no xl/workbook.xml).",
                        hint="Pick the program list saved from Excel, LibreOffice or Google "
                        "Sheets as .xlsx or .csv.", where=label)
    with _open(source, "xlsx", limits, label) as archive:
        for info in infos:
            name = info.filename
            if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                _check_sheet(archive, info, sheets, label)
            elif name == "xl/sharedStrings.xml":
                _check_shared_strings(archive, info, sheets, label)


# -- the directory --------------------------------------------------------------------------------


def _open(source: Path | str | bytes, kind: str, limits: ZipLimits,
          label: str) -> zipfile.ZipFile:
    what = _WHAT.get(kind, kind)
    handle: IO[bytes] | Path
    if isinstance(source, bytes):
        size = len(source)
        handle = io.BytesIO(source)
    else:
        handle = Path(source)
        try:
            size = handle.stat().st_size
        except OSError as exc:
            raise UserError(f"The file cannot be read: {exc.strerror or exc}.",
                            hint="Check that it still exists and that you may open it.",
                            where=label) from exc
    if size > limits.max_file_bytes:
        raise UserError(f"This file is {size / MB:.0f} MB, far larger than any {what} this "
                        "app imports.", hint=_RESAVE.get(kind, ""), where=label)
    try:
        return zipfile.ZipFile(handle)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as exc:
        raise UserError(f"This file is not {_article(what)}, or it is damaged: its zip container "
                        "cannot be read.", hint=_RESAVE.get(kind, ""), where=label) from exc
    except OSError as exc:
        raise UserError(f"The file cannot be read: {exc.strerror or exc}.",
                        hint="Check that it still exists and that you may open it.",
                        where=label) from exc


def _article(what: str) -> str:
    return ("an " if what[:1].lower() in "aeiou" else "a ") + what


def _check_directory(infos: list[zipfile.ZipInfo], kind: str, limits: ZipLimits,
                     label: str) -> None:
    what = _WHAT.get(kind, kind)
    hint = _RESAVE.get(kind, "")
    bomb = " It was not opened: it may be a 'zip bomb' (a small file that inflates hugely)."
    if len(infos) > limits.max_entries:
        raise UserError(f"This {what} holds {len(infos):,} parts; a genuine one holds a few "
                        f"dozen (the limit is {limits.max_entries:,}).{bomb}",
                        hint=hint, where=label)
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise UserError(f"This {what} is encrypted (password-protected).",
                            hint="Remove the password in its program and save it again.",
                            where=label)
        if info.file_size > limits.max_entry_bytes:
            raise UserError(f"Its part {info.filename} would inflate to "
                            f"{info.file_size / MB:,.0f} MB (the limit is "
                            f"{limits.max_entry_bytes // MB} MB).{bomb}", hint=hint, where=label)
        if (info.file_size > limits.ratio_floor
                and info.file_size > limits.max_ratio * max(info.compress_size, 1)):
            ratio = info.file_size / max(info.compress_size, 1)
            raise UserError(f"Its part {info.filename} is compressed {ratio:,.0f} times; "
                            f"genuine files stay under {limits.max_ratio}.{bomb}",
                            hint=hint, where=label)
        total += info.file_size
    if total > limits.max_total_bytes:
        raise UserError(f"This {what} would inflate to {total / MB:,.0f} MB (the limit is "
                        f"{limits.max_total_bytes // MB} MB).{bomb}", hint=hint, where=label)


def _check_prolog(archive: zipfile.ZipFile, info: zipfile.ZipInfo, kind: str,
                  label: str) -> None:
    """Office XML never declares a DTD; one that does is an entity attack (billion laughs,
    external entities), refused before a parser expands it."""
    try:
        with archive.open(info) as handle:
            head = handle.read(_PROLOG_BYTES)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as exc:
        raise UserError(f"This {_WHAT.get(kind, kind)} is damaged: its part {info.filename} "
                        "cannot be read.", hint=_RESAVE.get(kind, ""), where=label) from exc
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        head = head.decode("utf-16", errors="ignore").encode("utf-8", errors="ignore")
    if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
        raise UserError(f"Its part {info.filename} declares XML entities (a DTD), which "
                        f"genuine Office files never do; it was not opened, as it may be an "
                        "XML attack (entity expansion or reading other files).",
                        hint=_RESAVE.get(kind, ""), where=label)


# -- worksheets, streamed -------------------------------------------------------------------------

_MARK = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(row|c|si|dimension)([\s/][^<>]*)?>")
_REF = re.compile(rb"""\sr\s*=\s*["']\$?([A-Za-z]{0,3})\$?(\d{1,9})["']""")
_DIMENSION = re.compile(rb"""\sref\s*=\s*["']([^"']*)["']""")
_CELL = re.compile(r"\$?([A-Za-z]{1,3})?\$?(\d{1,9})?")


def column_number(letters: str) -> int:
    """``"A"`` -> 1, ``"XFD"`` -> 16384."""
    number = 0
    for char in letters.upper():
        number = number * 26 + ord(char) - 64
    return number


def _stream(archive: zipfile.ZipFile, info: zipfile.ZipInfo, label: str) -> IO[bytes]:
    try:
        return archive.open(info)
    except (zipfile.BadZipFile, OSError, NotImplementedError, ValueError) as exc:
        raise UserError(f"This workbook is damaged: its part {info.filename} cannot be read.",
                        hint=_RESAVE["xlsx"], where=label) from exc


def _scan(archive: zipfile.ZipFile, info: zipfile.ZipInfo, label: str,
          visit: _Visitor) -> None:
    """Feed each ``<row``, ``<c`` and ``<si`` start tag of a part to ``visit``, streaming."""
    carry = b""
    with _stream(archive, info, label) as handle:
        while True:
            try:
                chunk = handle.read(_CHUNK)
            except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
                raise UserError(f"This workbook is damaged: its part {info.filename} cannot "
                                "be read.", hint=_RESAVE["xlsx"], where=label) from exc
            data = carry + chunk
            if not chunk:
                cut = len(data)
            else:
                cut = data.rfind(b"<")
                cut = len(data) if cut < 0 else cut
            for match in _MARK.finditer(data, 0, cut):
                visit.tag(match.group(1), match.group(2) or b"")
            carry = data[cut:]
            if not chunk:
                return


class _Visitor:
    def tag(self, name: bytes, attrs: bytes) -> None:  # pragma: no cover - interface
        raise NotImplementedError


class _SheetCounter(_Visitor):
    def __init__(self, limits: SheetLimits, sheet: str, label: str) -> None:
        self.limits = limits
        self.sheet = sheet
        self.label = label
        self.cells = 0
        self.rows = 0
        self.in_row = 0

    def tag(self, name: bytes, attrs: bytes) -> None:
        limits = self.limits
        if name == b"row":
            self.rows += 1
            self.in_row = 0
            if self.rows > limits.max_rows:
                self._refuse(f"more than {limits.max_rows:,} rows")
            self._position(attrs)
        elif name == b"c":
            self.cells += 1
            self.in_row += 1
            if self.in_row > limits.max_columns:
                self._refuse(f"a row with more than {limits.max_columns:,} cells")
            if self.cells > limits.max_cells:
                self._refuse(f"more than {limits.max_cells:,} cells")
            self._position(attrs)
        elif name == b"dimension":
            found = _DIMENSION.search(attrs)
            if found:
                self._dimension(found.group(1).decode("ascii", "replace"))

    def _position(self, attrs: bytes) -> None:
        """A cell or row far out (``XFD1048576``) makes a reader fill every cell before it."""
        found = _REF.search(attrs)
        if found is None:
            return
        letters, digits = found.group(1).decode("ascii"), int(found.group(2))
        self._far(column_number(letters) if letters else 0, digits, f"a cell at "
                  f"{letters}{digits}" if letters else f"a row numbered {digits:,}")

    def _dimension(self, ref: str) -> None:
        last = ref.split(":")[-1]
        match = _CELL.fullmatch(last.strip())
        if match is None:
            return
        letters, digits = match.group(1) or "", match.group(2)
        self._far(column_number(letters) if letters else 0, int(digits) if digits else 0,
                  f"a declared size of {ref}")

    def _far(self, column: int, row: int, what: str) -> None:
        limits = self.limits
        if column > limits.max_columns or row > limits.max_rows:
            self._refuse(f"{what}, beyond {limits.max_rows:,} rows of "
                         f"{limits.max_columns:,} columns (a reader would fill every empty "
                         "cell up to it)")

    def _refuse(self, what: str) -> None:
        raise UserError(f"The sheet {self.sheet} holds {what}; a program list has a few "
                        "thousand rows of a few dozen columns. It was not opened (it may be a "
                        "'zip bomb').", hint=_RESAVE["xlsx"], where=self.label)


class _StringCounter(_Visitor):
    def __init__(self, limits: SheetLimits, label: str) -> None:
        self.limits = limits
        self.label = label
        self.count = 0

    def tag(self, name: bytes, attrs: bytes) -> None:
        if name == b"si":
            self.count += 1
            if self.count > self.limits.max_shared_strings:
                raise UserError(f"This workbook holds more than "
                                f"{self.limits.max_shared_strings:,} distinct texts; a program "
                                "list holds a few thousand. It was not opened (it may be a "
                                "'zip bomb').", hint=_RESAVE["xlsx"], where=self.label)


def _check_sheet(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limits: SheetLimits,
                 label: str) -> None:
    sheet = info.filename.rsplit("/", 1)[-1].removesuffix(".xml")
    _scan(archive, info, label, _SheetCounter(limits, sheet, label))


def _check_shared_strings(archive: zipfile.ZipFile, info: zipfile.ZipInfo,
                          limits: SheetLimits, label: str) -> None:
    if info.file_size > limits.max_shared_strings_bytes:
        raise UserError(f"Its shared texts (xl/sharedStrings.xml) would inflate to "
                        f"{info.file_size / MB:,.0f} MB (the limit is "
                        f"{limits.max_shared_strings_bytes // MB} MB). It was not opened (it "
                        "may be a 'zip bomb').", hint=_RESAVE["xlsx"], where=label)
    _scan(archive, info, label, _StringCounter(limits, label))
