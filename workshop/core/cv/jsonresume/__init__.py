"""JSON Resume v1.0.0 (https://jsonresume.org/schema) in and out.

Map what maps, keep what does not (``references``, other ``projects``) in custom sections, and say
what was left out: an import returns the CV and a list of plain-language notes.
"""

from workshop.core.cv.jsonresume.exporter import (
    export_json_resume,
    export_json_resume_report,
    write_json_resume,
)
from workshop.core.cv.jsonresume.importer import cv_from_json_resume, import_json_resume
from workshop.core.cv.jsonresume.into_workspace import ResumeImport, import_json_resume_into

__all__ = [
    "ResumeImport",
    "cv_from_json_resume",
    "export_json_resume",
    "export_json_resume_report",
    "import_json_resume",
    "import_json_resume_into",
    "write_json_resume",
]
