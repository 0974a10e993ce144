"""Is this file a résumé at all, and is its text whole? Checked before anything is mapped.

A JSON file can be valid JSON Resume and still hold no résumé: the schema project's own
``sample.job.json`` (a job description), a file with ``basic`` for ``basics``, a theme's
``package.json``. Importing such a file would replace the CV with an empty one, so it is refused
with what was seen instead. Text with an unpaired surrogate (``"\\ud800"`` in the JSON, what a
broken exporter writes) cannot be stored as UTF-8 and is refused naming its field.
"""

from __future__ import annotations

import difflib
from typing import Any, Final

from workshop.core.cv.jsonresume.schema import SCHEMA
from workshop.core.cv.serial import join
from workshop.core.errors import UserError

#: Sections whose entries make a résumé (skills, languages or interests alone do not: a job
#: description has skills too).
RESUME_SECTIONS: Final = ("work", "volunteer", "education", "awards", "certificates",
                          "publications", "projects", "references")
_JOB_KEYS: Final = frozenset({"company", "responsibilities", "qualifications", "salary",
                              "remote", "tooling"})
_HINT: Final = ("Export your résumé again from the tool you made it with, as JSON Resume "
                "(a file with \"basics\", \"work\" and \"education\"), and import that.")


def check_text(doc: Any) -> None:
    """Refuse strings that are not valid Unicode text (unpaired surrogates), naming the field.

    Raises:
        UserError: ``where`` is the field path.
    """
    stack: list[tuple[Any, str]] = [(doc, "")]
    while stack:
        value, path = stack.pop()
        if isinstance(value, str):
            _check_string(value, path or "(top level)")
        elif isinstance(value, dict):
            for key, item in value.items():
                _check_string(key, path or "(top level)")
                stack.append((item, join(path, key)))
        elif isinstance(value, list):
            stack.extend((item, join(path, i)) for i, item in enumerate(value))


def _check_string(text: str, where: str) -> None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        bad = f"U+{ord(text[exc.start]):04X}"
        raise UserError(
            f"this text holds a broken character ({bad}, half of an emoji or accented letter "
            f"pair) at position {exc.start + 1}: the tool that wrote the file damaged it",
            where=where,
            hint="Fix that text in the tool you exported from (or delete the odd character "
            "in a text editor) and import again.") from None


def require_resume_content(doc: dict[str, Any], extra: list[str]) -> None:
    """Refuse a document with no résumé content, saying what it holds instead.

    Args:
        doc: a document :func:`~workshop.core.cv.jsonresume.schema.validate` accepted.
        extra: the unknown property paths it returned.

    Raises:
        UserError: nothing in ``basics`` and no entries in any résumé section.
    """
    basics = doc.get("basics")
    if isinstance(basics, dict) and _has_text(basics):
        return
    if any(isinstance(doc.get(key), list) and doc[key] for key in RESUME_SECTIONS):
        return
    keys = [str(key) for key in doc if key != "$schema"]
    if _JOB_KEYS & set(keys):
        seen = "a job description (JSON Resume's job schema: " + _listed(keys) + ")"
        raise UserError(f"this file is {seen}, not a résumé", where="(top level)", hint=_HINT)
    if not keys:
        raise UserError("this file holds an empty JSON object, no résumé",
                        where="(top level)", hint=_HINT)
    typos = []
    for key in extra:
        if "." in key or "[" in key:
            continue
        close = difflib.get_close_matches(key, list(SCHEMA), n=1, cutoff=0.75)
        if close:
            typos.append(f"“{key}” looks like a misspelling of “{close[0]}”")
    detail = f"; {', '.join(typos)}" if typos else ""
    raise UserError(f"this file holds no résumé content: no name or contact details in "
                    f"\"basics\" and no work, education or other entries (it has "
                    f"{_listed(keys)}){detail}", where="(top level)",
                    hint=("Rename the misspelt section and import again." if typos
                          else _HINT))


def _has_text(value: Any) -> bool:
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, dict):
        return any(_has_text(item) for item in value.values())
    if isinstance(value, list):
        return any(_has_text(item) for item in value)
    return False


def _listed(keys: list[str]) -> str:
    shown = ", ".join(f"“{key}”" for key in keys[:8])
    return shown + (f" and {len(keys) - 8} more" if len(keys) > 8 else "")
