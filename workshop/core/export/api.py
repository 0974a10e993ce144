"""The public entry points of the export engine: render to bytes, or export to a file.

The GUI preview calls :func:`render_pdf` off the GUI thread; the export dialog and the
``workshop export`` command call :func:`export`, which picks the format from the file suffix
and writes through :mod:`workshop.core.atomic` so a failed export never leaves half a file.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from workshop.core.atomic import atomic_write_bytes
from workshop.core.errors import UserError
from workshop.core.export.document import Document
from workshop.core.export.pdf import render_pdf_bytes
from workshop.core.export.text_safety import clean_tree
from workshop.core.export.themes import Theme, load_theme, with_paper

FORMATS = (".pdf", ".docx")


def _theme(theme: Theme | str, paper: str | None, user_dirs: Sequence[Path | str]) -> Theme:
    if isinstance(theme, Theme):
        return with_paper(theme, paper) if paper else theme
    return load_theme(theme, user_dirs, paper=paper)


def render_pdf(
    doc: Document,
    theme: Theme | str,
    paper: str | None = "letter",
    *,
    user_dirs: Sequence[Path | str] = (),
) -> bytes:
    """Render a document to PDF bytes.

    Args:
        doc: the document description (from a builder such as ``cv_document``).
        theme: a loaded :class:`Theme` or a theme name.
        paper: ``"letter"`` (default) or ``"a4"``; ``None`` keeps the theme's own paper.
        user_dirs: folders searched for theme files before the built-in ones.

    Raises:
        UserError: unknown theme or paper, invalid theme file, missing font file.
    """
    return render_pdf_bytes(clean_tree(doc), _theme(theme, paper, user_dirs))


def render_docx(
    doc: Document,
    theme: Theme | str,
    paper: str | None = "letter",
    *,
    user_dirs: Sequence[Path | str] = (),
) -> bytes:
    """Render a document to .docx bytes (Word styles; page size and margins from the theme)."""
    from workshop.core.export.docx_writer import render_docx_bytes  # python-docx: +14 MB

    return render_docx_bytes(clean_tree(doc), _theme(theme, paper, user_dirs))


def export(
    doc: Document,
    theme_name: str,
    paper: str,
    out_path: Path | str,
    *,
    user_dirs: Sequence[Path | str] = (),
) -> Path:
    """Render ``doc`` and write it atomically to ``out_path`` (.pdf or .docx by suffix).

    Returns:
        The path written.

    Raises:
        UserError: unsupported suffix, unknown theme or paper, invalid theme file.
        WriteFailed: the file could not be written (the previous file is unchanged).
    """
    path = Path(out_path)
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise UserError(
            f'Cannot export to "{path.name}": the file name must end in .pdf or .docx.',
            hint="Pick a name like cv.pdf or cv.docx.",
            where=str(path),
        )
    theme = _theme(theme_name, paper, user_dirs)
    safe = clean_tree(doc)
    if suffix == ".pdf":
        data = render_pdf_bytes(safe, theme)
    else:  # python-docx only when a .docx is asked for (it costs 14 MB and 0.14 s to import)
        from workshop.core.export.docx_writer import render_docx_bytes

        data = render_docx_bytes(safe, theme)
    return atomic_write_bytes(path, data, mode=0o644)
