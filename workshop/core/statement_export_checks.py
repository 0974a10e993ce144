"""What to tell an applicant before a statement leaves the app: the sentences export shows.

Exporting never refuses a statement (a draft for a mentor may well be long or unfinished), but
a PDF that looks final hides what MyERAS or a reader will object to. The statements page
passes the counts from its latest check to :func:`export_concerns` and shows the sentences
with the export; ``workshop export statement`` prints them as warnings and writes the file.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from workshop.core.checks.rules.length import eras_char_count
from workshop.core.checks.rules.meta import eras_config

if TYPE_CHECKING:
    from workshop.core.model.documents import Document
    from workshop.core.storage.workspace import Workspace


def export_concerns(body: str, open_errors: int, open_warnings: int, *,
                    page_count: int | None = None) -> list[str]:
    """Sentences about what stands between this text and a statement worth sending.

    Args:
        body: the statement text as the editor holds it.
        open_errors: open findings of error severity (spelling, grammar, residency), after
            the user's ignores and dictionary.
        open_warnings: open findings of warning severity.
        page_count: the PDF's pages if known (``Stats.page_count``); more than one is said.

    Returns:
        Plain sentences, most serious first; empty when nothing stands in the way.
    """
    config = eras_config()
    limit = int(config["statement_char_limit"])
    concerns: list[str] = []
    characters = eras_char_count(body)
    if not body.strip():
        concerns.append("The statement is empty.")
    elif characters > limit:
        concerns.append(
            f"It is {characters:,} characters: MyERAS refuses more than {limit:,}. Shorten it "
            f"by {characters - limit:,} characters before you paste it.")
    if open_errors > 0:
        noun, verb = _plural(open_errors, "spelling or grammar problem", "is")
        concerns.append(f"{open_errors:,} {noun} {verb} still open.")
    if open_warnings > 0:
        noun, verb = _plural(open_warnings, "warning from the checker", "is")
        concerns.append(f"{open_warnings:,} {noun} {verb} still open.")
    if page_count is not None and page_count > 1:
        concerns.append(f"It runs to {page_count} pages in the PDF; programs expect about one.")
    return concerns


def _plural(n: int, noun: str, verb: str) -> tuple[str, str]:
    if n == 1:
        return noun, verb
    head, _, tail = noun.partition(" from ")
    noun = f"{head}s from {tail}" if tail else f"{noun}s"
    return noun, "are" if verb == "is" else verb


def statement_concerns(workspace: Workspace, doc: Document, *, engine: str = "auto",
                       page_count: int | None = None) -> list[str]:
    """Check ``doc`` as the editor would (the workspace's dictionary, ignores and programs)
    and return :func:`export_concerns` for it: the command line's path, which has no
    checker running already.

    Slow the first time in a process (the checker loads its engine and word data).
    """
    from workshop.core import statements
    from workshop.core.checks.factory import build_service

    result = build_service(engine).check(
        doc.body, statements.rule_context(workspace, doc),
        user_words=statements.user_words(workspace), ignored=statements.ignored_keys(workspace))
    errors = sum(1 for f in result.findings if f.severity == "error")
    warnings = sum(1 for f in result.findings if f.severity == "warning")
    return export_concerns(doc.body, errors, warnings, page_count=page_count)
