"""Reading and writing a CV as a JSON file (the sample, backups, "save CV as...").

The workspace itself keeps ``cv.to_dict()`` in its database; files go through the same
validation and the same hostile-input limits as imports, and are written atomically.
"""

from __future__ import annotations

import json
from pathlib import Path

from workshop.core.atomic import atomic_write_text
from workshop.core.cv.model import CV
from workshop.core.cv.safejson import read_json_file
from workshop.core.errors import UserError
from workshop.core.resources import resource


def load_cv(path: Path | str) -> CV:
    """Read and validate a CV JSON file.

    Raises:
        UserError: unreadable or hostile file, or a field that fails validation (the message
            names the field path and the hint the file).
    """
    data = read_json_file(path)
    try:
        return CV.from_dict(data)
    except UserError as exc:
        raise UserError(exc.message, where=exc.where,
                        hint=f"in {Path(path).name}. {exc.hint}".strip()) from None


def save_cv(cv: CV, path: Path | str) -> Path:
    """Write the CV as pretty UTF-8 JSON, atomically (private data included: it is the user's)."""
    text = json.dumps(cv.to_dict(), ensure_ascii=False, indent=2) + "\n"
    return atomic_write_text(path, text)


def sample_cv() -> CV:
    """The fictional sample applicant's CV from ``resources/sample/cv.json``."""
    return load_cv(resource("sample", "cv.json"))
