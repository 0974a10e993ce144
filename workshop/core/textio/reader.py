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
from workshop.core.textio.docx_text import join_blocks, read_docx
from workshop.core.textio.report import ContentCounts, ImportReport, StatementImport, TitleSource
from workshop.core.textio.title import (
    TitleChoice,
    choose_docx_title,
    from_file_name,
    split_markdown_title,
)

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

    Everything is kept, a first heading included: this is the text ``workshop check`` checks.
    Importing uses :func:`read_statement`, which also picks a title and reports.

    Args:
        path: a .txt, .md or .docx file.

    Raises:
        UserError: the file is missing, unreadable, of an unsupported type, not what its
            extension says, encrypted, corrupt, binary, not UTF-8, empty, or too large.
    """
    return _read(Path(path), title="", keep_heading=True).text


def read_statement(path: Path | str, *, title: str = "") -> StatementImport:
    """A statement file read for import: its text, its title, and a report of what changed.

    The title is ``title`` when given (and then nothing is taken out of the text), else the
    document's own (see :mod:`workshop.core.textio.title`), else the file name.

    Raises:
        UserError: as :func:`read_statement_file`; also a file that holds only a heading.
    """
    return _read(Path(path), title=title, keep_heading=False)


def _read(file: Path, *, title: str, keep_heading: bool) -> StatementImport:
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
        limit = MAX_DOCX_BYTES if suffix == ".docx" else MAX_TEXT_BYTES
        if size > limit:
            raise _too_large(size, limit, where)
        if suffix == ".docx":
            result = _docx_import(file, title, keep_heading, where)
        else:
            result = _text_import(file, suffix, title, keep_heading, where)
    except PermissionError as exc:
        raise UserError(
            "Permission denied while reading the file.",
            hint="Check that you may read it.",
            where=where,
        ) from exc
    except OSError as exc:
        raise UserError(f"Could not read the file: {exc.strerror or exc}.", where=where) from exc
    size = len(result.text.encode("utf-8"))
    if size > MAX_TEXT_BYTES:
        raise _too_large(size, MAX_TEXT_BYTES, where)
    return result


def _docx_import(file: Path, title: str, keep_heading: bool, where: str) -> StatementImport:
    content = read_docx(file, where)
    counts = content.counts
    if not join_blocks(content.blocks).strip():
        raise UserError("The file is empty: there is no text to check.",
                        hint=_nothing_but(counts), where=where)
    if keep_heading:
        choice = TitleChoice(title.strip() or from_file_name(file), TitleSource.GIVEN)
    else:
        choice = choose_docx_title(given=title, properties=content.properties_title,
                                   blocks=content.blocks, path=file)
    blocks = content.blocks[1:] if choice.drop_first_block else content.blocks
    if choice.drop_first_block:
        counts.headings -= 1
    text = join_blocks(blocks)
    if not text.strip():
        raise UserError(f"The document holds only its title (“{choice.title}”), no statement "
                        "text.", hint="Check that this is the right file.", where=where)
    return _result(text, file, "Word document", choice, counts)


def _nothing_but(counts: ContentCounts) -> str:
    """What to do when a Word file has no body text: say what it holds instead."""
    if counts.text_boxes:
        return ("Its text is in text boxes, which are not imported: copy the text out of the "
                "boxes into the page, save, and import again.")
    if counts.images:
        return ("It holds only images (a scanned page?): ERAS takes text, so type or paste "
                "the statement into the document.")
    return "Check that this is the right file."


def _text_import(file: Path, suffix: str, title: str, keep_heading: bool,
                 where: str) -> StatementImport:
    text, encoding = _decode_text(file.read_bytes(), where)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise UserError("The file is empty: there is no text to check.", where=where)
    choice = TitleChoice(title.strip() or from_file_name(file), TitleSource.GIVEN)
    split = None if keep_heading or title.strip() else split_markdown_title(text)
    if split is not None:
        choice = TitleChoice(split[0], TitleSource.MARKDOWN, drop_first_block=True)
        text = split[1]
    elif not title.strip() and not keep_heading:
        choice = TitleChoice(from_file_name(file), TitleSource.FILE_NAME)
    counts = ContentCounts()
    markdown = suffix in (".md", ".markdown")
    if markdown:
        counts.headings = len(_MD_HEADING.findall(text))
        counts.bullets = len(_MD_BULLET.findall(_MD_RULE_LINE.sub("", text)))
        text = markdown_to_plain(text)
    if not text.strip():
        raise UserError(f"The file holds only its title (“{choice.title}”), no statement "
                        "text.", hint="Check that this is the right file.", where=where)
    counts.paragraphs = sum(1 for block in re.split(r"\n\s*\n", text) if block.strip())
    counts.paragraphs -= counts.headings
    return _result(text, file, "Markdown file" if markdown else "text file", choice, counts,
                   encoding=encoding)


def _result(text: str, file: Path, kind: str, choice: TitleChoice, counts: ContentCounts, *,
            encoding: str = "") -> StatementImport:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    report = ImportReport(file_name=file.name, file_kind=kind, title=choice.title,
                          title_source=choice.source, counts=counts, encoding=encoding,
                          words=len(text.split()), characters=len(text))
    return StatementImport(text=text, report=report)


def _too_large(size: int, limit: int, where: str) -> UserError:
    return UserError(
        f"The file is too large to be a personal statement ({size / 1e6:.1f} MB; "
        f"the limit is {limit / 1e6:.0f} MB, and ERAS allows 28,000 characters).",
        hint="Check that this is the right file.",
        where=where,
    )


def _decode_text(data: bytes, where: str) -> tuple[str, str]:
    """The text and the name of the encoding it was read in (for the import report)."""
    for signature, kind in _SIGNATURES.items():
        if data.startswith(signature):
            raise UserError(
                f"This is not a text file: it looks like {kind}.",
                hint="Open it in its program and save it as .txt or .docx.",
                where=where,
            )
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "UTF-16"
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
        bom = data.startswith(b"\xef\xbb\xbf")
        return data.decode("utf-8-sig"), "UTF-8 (with a byte-order mark)" if bom else "UTF-8"
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


# [ \t], not \s: with re.MULTILINE, \s would also eat the blank line before a heading.
_MD_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+", re.MULTILINE)
_MD_RULE_LINE = re.compile(r"^[ \t]{0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$", re.MULTILINE)
_MD_BULLET = re.compile(r"^([ \t]*)[-*+][ \t]+(?=\S)", re.MULTILINE)
_MD_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (_MD_RULE_LINE, ""),  # horizontal rules (before bullets: "* * *" is not a list)
    (_MD_BULLET, r"\1• "),  # list items, as Word bullets are imported
    (_MD_HEADING, ""),  # headings
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),  # images → alt text
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # links → link text
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),  # bold
    (re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?!\w)"), r"\1"),  # italic *x*
    (re.compile(r"`([^`\n]+)`"), r"\1"),  # inline code
    (re.compile(r"^[ \t]{0,3}>[ \t]?", re.MULTILINE), ""),  # block quotes
)


def markdown_to_plain(text: str) -> str:
    """Markdown reduced to the plain text a reader sees (headings, lists, emphasis, links, quotes).

    Deliberately light: statements are prose, and ERAS takes plain text anyway.
    """
    for pattern, replacement in _MD_RULES:
        text = pattern.sub(replacement, text)
    return re.sub(r"\n{3,}", "\n\n", text)  # a removed rule leaves no gap of its own
