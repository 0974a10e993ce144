"""Loads the fictional sample applicant from ``resources/sample/`` into a workspace.

The sample grows with every feature: each section of the app reads its part from the files here,
so a newcomer sees believable data everywhere. It is always marked ``is_sample`` so the UI can
label it and nobody mistakes it for their own.
"""

from __future__ import annotations

import json
from typing import Any

from workshop.core.model.documents import DocumentKind
from workshop.core.resources import resource
from workshop.core.storage.workspace import Workspace


def sample_data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(resource("sample", "applicant.json").read_text("utf-8"))
    return data


def load_sample(workspace: Workspace) -> None:
    """Fill an empty workspace with the sample applicant (one transaction)."""
    data = sample_data()
    with workspace.transaction():
        workspace.profile.update(**data["profile"], is_sample=True)
        for entry in data["documents"]:
            body = entry.get("body", "")
            if "body_file" in entry:
                body = resource("sample", entry["body_file"]).read_text("utf-8")
            doc = workspace.documents.create(
                DocumentKind(entry["kind"]),
                entry["title"],
                body.strip() + "\n" if body else "",
                target_specialty=entry.get("target_specialty", ""),
                target_programs=entry.get("target_programs", []),
            )
            for name in entry.get("versions", []):
                workspace.documents.save_version(doc.id, name)
        from workshop.core.cv.in_workspace import load_sample_cv

        load_sample_cv(workspace)
        from workshop.core.programs.in_workspace import load_sample_programs

        load_sample_programs(workspace)
