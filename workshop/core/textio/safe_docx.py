"""The one safe way to open a .docx (a statement to import, a reviewed copy): refuse what is not
one before any XML is parsed.

Checks run in order of cost: the first bytes (an encrypted Word file is an OLE compound file,
signature ``D0CF11E0``; a PDF or text file is not a zip), then the zip directory (damaged,
missing ``word/document.xml``, or a zip bomb or an XML entity attack: see
:mod:`workshop.core.textio.bounded_zip`), and only then python-docx. Every refusal is a
:class:`UserError` that says what to do.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

from workshop.core.errors import UserError
from workshop.core.textio.bounded_zip import DOCX_LIMITS, check_zip
from workshop.core.textio.strict_ooxml import is_strict, to_transitional

MAX_FILE_BYTES = 50 * 1024 * 1024
OLE_SIGNATURE = bytes.fromhex("D0CF11E0A1B11AE1")
_RESAVE = "Open it in Word or LibreOffice, use File > Save As > Word Document (.docx), and " \
    "import that file."


def read_source(source: Path | str | bytes, where: str = "", *,
                what: str = "reviewed statement") -> tuple[bytes, str]:
    """The file's bytes and a ``where`` label for messages.

    Raises:
        UserError: the file cannot be read, or is too large to be a reviewed statement.
    """
    if isinstance(source, bytes):
        data, label = source, where or what
    else:
        path = Path(source)
        label = where or str(path)
        try:
            size = path.stat().st_size
            if size > MAX_FILE_BYTES:
                raise UserError(f"This file is {size / 1e6:.0f} MB, far too large for a "
                                f"{what}.", hint=_RESAVE, where=label)
            data = path.read_bytes()
        except OSError as exc:
            raise UserError(f"The file cannot be read: {exc.strerror or exc}.",
                            hint="Check that it still exists and that you may open it.",
                            where=label) from exc
    if len(data) > MAX_FILE_BYTES:
        raise UserError(f"This file is {len(data) / 1e6:.0f} MB, far too large for a {what}.",
                        hint=_RESAVE, where=label)
    return data, label


def check_container(data: bytes, where: str, *,
                    pick: str = "Pick the .docx the reviewer sent back.") -> None:
    """Refuse non-.docx, encrypted, damaged and zip-bomb files without inflating anything.

    Raises:
        UserError: with the reason and what to do.
    """
    if not data:
        raise UserError("The file is empty.", hint=_RESAVE, where=where)
    if data.startswith(OLE_SIGNATURE):
        raise UserError(
            "This Word file is password-protected (encrypted), or is an old .doc file.",
            hint="Ask the reviewer for a copy without a password, or open it in Word, remove "
            "the password (File > Info > Protect Document) and save it as .docx.", where=where)
    if data.startswith(b"%PDF"):
        raise UserError("This is a PDF, not a .docx: comments and tracked changes cannot be "
                        "read from it.", hint="Ask the reviewer for the .docx file itself.",
                        where=where)
    if not data.startswith(b"PK"):
        raise UserError("This is not a .docx file (its content is not a Word document).",
                        hint=_RESAVE, where=where)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, ValueError, EOFError) as exc:
        raise UserError("This .docx file is damaged: its zip container cannot be read.",
                        hint="Open it in Word (it may offer to repair it) and save it again.",
                        where=where) from exc
    if "word/document.xml" not in names:
        raise UserError("This is a zip file but not a Word document (no word/document.xml).",
                        hint=pick, where=where)
    check_zip(data, kind="docx", limits=DOCX_LIMITS, where=where)


def open_document(source: Path | str | bytes, where: str = "", *,
                  what: str = "reviewed statement",
                  pick: str = "Pick the .docx the reviewer sent back.") -> tuple[Any, str]:
    """A python-docx ``Document`` after the safety checks, and the ``where`` label.

    ``what`` and ``pick`` word the refusals for the caller's purpose.

    Raises:
        UserError: see :func:`check_container`; also XML python-docx cannot parse.
    """
    data, label = read_source(source, where, what=what)
    check_container(data, label, pick=pick)
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    if is_strict(data):
        data = to_transitional(data)
    try:
        return docx.Document(io.BytesIO(data)), label
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise UserError("This .docx file is damaged or is not a Word document.",
                        hint="Open it in Word (it may offer to repair it) and save it again.",
                        where=label) from exc
    except Exception as exc:  # lxml syntax errors and the like: the file is damaged
        raise UserError(f"This .docx file is damaged ({type(exc).__name__}).",
                        hint="Open it in Word (it may offer to repair it) and save it again.",
                        where=label) from exc
