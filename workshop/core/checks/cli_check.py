"""``workshop check FILE``: the CLI's whole job, as one function returning (output, exit code).

The lead's argparse front end parses options (usage errors exit 2 there) and calls
:func:`run_check`; a :class:`UserError` from reading the file becomes one line and exit 1 in
the caller, the same as for every other command.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from workshop.core.checks.factory import build_service
from workshop.core.checks.rules.meta import RuleContext
from workshop.core.checks.service import CheckResult
from workshop.core.textio import read_statement_file

EXIT_OK = 0
EXIT_ERRORS = 1


def run_check(
    path: Path | str,
    fmt: str = "text",
    engine: str = "auto",
    specialty: str | None = None,
    programs: Sequence[str] = (),
    known_programs: Sequence[str] = (),
    lt_server_url: str = "",
    user_words: Sequence[str] = (),
    ignored: Sequence[str] = (),
) -> tuple[str, int]:
    """Check a statement file and render the result.

    Args:
        path: .txt, .md or .docx file.
        fmt: "text" (one line per finding plus stats and summary) or "json".
        engine: "auto", "harper", "languagetool" or "none".
        specialty: target specialty of this statement.
        programs: target programs of this copy (never flagged).
        known_programs: every program in the workspace (others named are errors).
        lt_server_url: LanguageTool server from Preferences, if any.
        user_words: the workspace dictionary.
        ignored: ignored finding keys from the workspace.

    Returns:
        The output text and the exit code: 0 when the statement is ready for ERAS (see
        :mod:`workshop.core.checks.verdict`), 1 when anything is left to do.

    Raises:
        UserError: unreadable input or an unavailable engine asked for by name.
    """
    if fmt not in ("text", "json"):
        raise ValueError(f"fmt must be 'text' or 'json', not {fmt!r}")
    text = read_statement_file(path)
    service = build_service(engine, lt_server_url)
    context = RuleContext(
        specialty=specialty,
        target_programs=tuple(programs),
        known_programs=tuple(known_programs) + tuple(programs),
    )
    result = service.check(text, context, user_words=user_words, ignored=ignored)
    code = EXIT_OK if result.ready else EXIT_ERRORS
    if fmt == "json":
        return json.dumps(result.to_dict(), ensure_ascii=False, indent=2), code
    return render_text(result, str(path)), code


def render_text(result: CheckResult, name: str) -> str:
    """Human output: ``file:line:col: severity [category] rule: message (-> suggestions)``."""
    lines = []
    for f in result.findings:
        hint = f" -> {' | '.join(f.suggestions[:3])}" if any(f.suggestions) else ""
        lines.append(
            f"{name}:{f.line}:{f.column}: {f.severity} [{f.category}] {f.rule}: {f.message}{hint}"
        )
    s = result.stats
    lines.append(
        f"{s.characters:,}/{s.characters_limit:,} characters (as ERAS counts), {s.words} words "
        f"(advice {s.words_min}-{s.words_max}), {s.paragraphs} paragraphs, {s.sentences} "
        f"sentences, reading {s.reading_minutes:.1f} min, speaking {s.speaking_minutes:.1f} min, "
        f"~{s.pages:.1f} page{'s' if s.pages >= 1.05 else ''} in the PDF ({s.pages_basis}), "
        f"ARI grade {s.ari_grade:.1f}"
    )
    lines.append(result.summary)
    return "\n".join(lines)
