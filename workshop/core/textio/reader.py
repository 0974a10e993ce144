"""``read_statement_file``: the text of a statement file, or one clear :class:`UserError`.

Every failure a user can cause (missing file, wrong type, encrypted or corrupt Word file, a
binary file renamed .txt, a non-UTF-8 file, an empty file, a huge file) becomes a message that
says what is wrong and what to do. A statement is at most 28,000 characters, so anything over
:data:`MAX_TEXT_BYTES` is certainly not one and is refused before it is read into memory.
"""

from __future__ import annotations

import re
from pathlib import Path

from workshop.core.errors import UserError
from workshop.core.textio.docx_text import read_docx_text

MAX_TEXT_BYTES = 2 * 1024 * 1024  # 2 MB: ~70x the ERAS limit; a larger file is not a statement
MAX_DOCX_BYTES = 20 * 1024 * 1024  # Word files carry images and styles: allow more on disk
TEXT_SUFFIXES = (".txt", ".text", ".md", ".markdown")
SUPPORTED_SUFFIXES = (*TEXT_SUFFIXES, ".docx")
_OLE_SIGNATURE = bytes.fromhex("D0CF11E0A1B11AE1")
_SIGNATURES = {
    b"PK\x03\x04": "a zip archive (perhaps a Word .docx file with the wrong extension)",
    b"%PDF": "a PDF file",
    _OLE_SIGNATURE[:4]: "an old Word .doc or other Office file",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
}


def read_statement_file(path: Path | str) -> str:
    """The text of a statement file as a person sees it, with ``\\n`` line breaks.

    Args:
        path: a .txt, .md or .docx file.

    Raises:
        UserError: the file is missing, unreadable, of an unsupported type, not what its
            extension says, encrypted, corrupt, binary, not UTF-8, empty, or too large.
    """
    file = Path(path)
    where = str(file)
    if not file.exists():
        raise UserError("File not found.", hint="Check the path and try again.", where=where)
    if file.is_dir():
        raise UserError(
            "This is a folder, not a file.", hint="Pick a .txt, .md or .docx file.", where=where
        )
    suffix = file.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        hint = "Save it as .docx or plain text (.txt) and try again."
        if suffix == ".doc":
            hint = "This is the old Word format: open it in Word and save as .docx."
        raise UserError(f"Unsupported file type '{suffix or 'none'}'.", hint=hint, where=where)
    try:
        size = file.stat().st_size
        if suffix == ".docx":
            if size > MAX_DOCX_BYTES:
                raise _too_large(size, MAX_DOCX_BYTES, where)
            text = read_docx_text(file)
        else:
            if size > MAX_TEXT_BYTES:
                raise _too_large(size, MAX_TEXT_BYTES, where)
            text = _decode_text(file.read_bytes(), where)
            if suffix in (".md", ".markdown"):
                text = markdown_to_plain(text)
    except PermissionError as exc:
        raise UserError(
            "Permission denied while reading the file.",
            hint="Check that you may read it.",
            where=where,
        ) from exc
    except OSError as exc:
        raise UserError(f"Could not read the file: {exc.strerror or exc}.", where=where) from exc
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise UserError("The file is empty: there is no text to check.", where=where)
    if len(text.encode("utf-8")) > MAX_TEXT_BYTES:
        raise _too_large(len(text.encode("utf-8")), MAX_TEXT_BYTES, where)
    return text


def _too_large(size: int, limit: int, where: str) -> UserError:
    return UserError(
        f"The file is too large to be a personal statement ({size / 1e6:.1f} MB; "
        f"the limit is {limit / 1e6:.0f} MB, and ERAS allows 28,000 characters).",
        hint="Check that this is the right file.",
        where=where,
    )


def _decode_text(data: bytes, where: str) -> str:
    for signature, kind in _SIGNATURES.items():
        if data.startswith(signature):
            raise UserError(
                f"This is not a text file: it looks like {kind}.",
                hint="Open it in its program and save it as .txt or .docx.",
                where=where,
            )
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise _not_utf8(where, exc) from exc
    head = data[:8192]
    if b"\x00" in head or _control_share(head) > 0.05:
        raise UserError(
            "This is a binary file, not text.",
            hint="Pick the statement saved as .txt, .md or .docx.",
            where=where,
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _not_utf8(where, exc) from exc


def _control_share(data: bytes) -> float:
    if not data:
        return 0.0
    controls = sum(1 for b in data if b < 32 and b not in (9, 10, 12, 13))
    return controls / len(data)


def _not_utf8(where: str, exc: UnicodeDecodeError) -> UserError:
    return UserError(
        f"The file is not valid UTF-8 text (bad byte at position {exc.start}).",
        hint="Save it again as 'UTF-8' (in Notepad or TextEdit: Save As, encoding UTF-8).",
        where=where,
    )


_MD_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^\s{0,3}#{1,6}\s+", re.MULTILINE), ""),  # headings
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),  # images → alt text
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # links → link text
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),  # bold
    (re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?!\w)"), r"\1"),  # italic *x*
    (re.compile(r"`([^`\n]+)`"), r"\1"),  # inline code
    (re.compile(r"^\s{0,3}>\s?", re.MULTILINE), ""),  # block quotes
)


def markdown_to_plain(text: str) -> str:
    """Markdown reduced to the plain text a reader sees (headings, emphasis, links, quotes).

    Deliberately light: statements are prose, and ERAS takes plain text anyway.
    """
    for pattern, replacement in _MD_RULES:
        text = pattern.sub(replacement, text)
    return text
