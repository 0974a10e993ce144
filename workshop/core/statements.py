"""Statement use-cases shared by the editor and the CLI: import, export, check context.

The workspace keeps the user dictionary and the ignore list in its settings, so "Add to
dictionary" made in the app also applies to ``workshop check --workspace``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workshop.core.atomic import atomic_write_text
from workshop.core.errors import UserError
from workshop.core.model.documents import Document, DocumentKind
from workshop.core.storage.workspace import Workspace

if TYPE_CHECKING:  # light at run time: both are imported where they are built
    from workshop.core.checks.rules.meta import RuleContext
    from workshop.core.export.document import Document as ExportDocument
    from workshop.core.textio.report import ImportReport

USER_DICTIONARY = "user_dictionary"
IGNORED = "ignored_findings"
EXPORT_SUFFIXES = (".pdf", ".docx", ".txt")


def user_words(workspace: Workspace) -> tuple[str, ...]:
    return tuple(workspace.settings.get(USER_DICTIONARY, []) or [])


def add_user_word(workspace: Workspace, word: str) -> tuple[str, ...]:
    word = word.strip()
    words = list(user_words(workspace))
    if word and word not in words:
        words.append(word)
        words.sort(key=str.casefold)
        workspace.settings.set(USER_DICTIONARY, words)
    return tuple(words)


def ignored_keys(workspace: Workspace) -> tuple[str, ...]:
    return tuple(workspace.settings.get(IGNORED, []) or [])


def ignore_finding(workspace: Workspace, key: str) -> tuple[str, ...]:
    keys = list(ignored_keys(workspace))
    if key not in keys:
        keys.append(key)
        workspace.settings.set(IGNORED, keys)
    return tuple(keys)


def known_programs(workspace: Workspace) -> tuple[str, ...]:
    """Program names the workspace knows (the programs list, and every statement's targets)."""
    names: set[str] = set()
    try:
        rows = workspace.conn.execute("SELECT name FROM programs").fetchall()
        names.update(str(row[0]) for row in rows if row[0])
    except Exception:  # noqa: BLE001 - no programs table in this schema yet
        pass
    for doc in workspace.documents.list(DocumentKind.PERSONAL_STATEMENT):
        names.update(doc.target_programs)
    return tuple(sorted(names))


def rule_context(workspace: Workspace, doc: Document) -> RuleContext:
    """The residency rules' context for one statement (target, programs to watch for)."""
    from workshop.core.checks.rules.meta import RuleContext

    return RuleContext(
        specialty=doc.target_specialty or None,
        target_programs=tuple(doc.target_programs),
        known_programs=known_programs(workspace),
    )


@dataclass(frozen=True)
class ImportedStatement:
    """A statement created from a file, and the report of what the file lost on the way in."""

    document: Document
    report: ImportReport


def import_statement(workspace: Workspace, path: Path | str, *, title: str = "",
                     specialty: str = "") -> Document:
    """Create a statement from a .txt, .md or .docx file (one clear error if it is unusable)."""
    return import_statement_with_report(workspace, path, title=title,
                                        specialty=specialty).document


def import_statement_with_report(workspace: Workspace, path: Path | str, *, title: str = "",
                                 specialty: str = "") -> ImportedStatement:
    """Create a statement from a file and say what was kept, converted and left out.

    The file is read before anything is written, so an unusable file leaves the workspace
    as it was.

    Args:
        title: the statement's title; empty: the document's own title, its first heading,
            or the file name (the report says which).
        specialty: the target specialty; empty: the profile's.

    Raises:
        UserError: the file is missing, unreadable, not a statement, or empty.
    """
    from workshop.core.textio import read_statement

    source = read_statement(path, title=title)
    document = workspace.documents.create(
        DocumentKind.PERSONAL_STATEMENT, source.title, source.text,
        target_specialty=specialty or workspace.profile.get().target_specialty,
    )
    return ImportedStatement(document=document, report=source.report)


def statement_pdf_document(workspace: Workspace, doc: Document, *,
                           show_target: bool = False) -> ExportDocument:
    return _describe_statement(asdict(workspace.profile.get()), doc, show_target=show_target)


def _describe_statement(profile: dict[str, Any], doc: Document, *,
                        show_target: bool = False) -> ExportDocument:
    """The export description from plain data (pure: any thread).

    The target programs go to the builder, which prints them only with ``show_target``: one
    PDF usually serves every program of the specialty, and another program's name in it reads
    as carelessness.
    """
    from workshop.core.export.builders import statement_document

    notice = "SAMPLE — fictional applicant" if profile.get("is_sample") else ""
    return statement_document(profile, doc.title, doc.body, doc.target_specialty, notice=notice,
                              programs=tuple(doc.target_programs), show_target=show_target)


def export_statement(workspace: Workspace, doc: Document, out: Path | str, *,
                     theme: str = "statement", paper: str = "letter",
                     user_theme_dirs: tuple[Path, ...] = (), show_target: bool = False) -> Path:
    """Write a statement as PDF, .docx (Word styles) or ERAS-safe plain text, by suffix."""
    return plan_statement_export(workspace, doc, out, theme=theme, paper=paper,
                                 user_theme_dirs=user_theme_dirs, show_target=show_target)()


def plan_statement_export(workspace: Workspace, doc: Document, out: Path | str, *,
                          theme: str = "statement", paper: str = "letter",
                          user_theme_dirs: tuple[Path, ...] = (),
                          show_target: bool = False) -> Callable[[], Path]:
    """Read what the export needs now; return the writing step, safe to run on any thread.

    ``show_target`` names the statement's target programs in the page header (never in the
    file's properties); by default the PDF and .docx name only the specialty.

    Raises:
        UserError: an unsupported file type, before anything is read or written.
    """
    from workshop.core.checks.rules.eras_safe import make_eras_safe

    target = Path(out)
    suffix = target.suffix.lower()
    if suffix not in EXPORT_SUFFIXES:
        raise UserError(f"Cannot export a statement as '{suffix or target.name}'.",
                        hint="Use a file name ending in .pdf, .docx or .txt.")
    if suffix == ".txt":
        body = doc.body
        return lambda: atomic_write_text(target, make_eras_safe(body))
    profile = asdict(workspace.profile.get())  # the reading happens here, on the caller's thread
    snapshot = replace(doc, target_programs=list(doc.target_programs))

    def write() -> Path:
        from workshop.core.export.api import export

        return export(_describe_statement(profile, snapshot, show_target=show_target), theme,
                      paper, target, user_dirs=user_theme_dirs)

    return write


def themes_folder(workspace: Workspace) -> Path:
    """Where a user drops their own theme files for this workspace."""
    return workspace.path.with_name(workspace.path.name + ".themes")
