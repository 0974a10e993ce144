from __future__ import annotations

from pathlib import Path

from workshop.core.model.documents import DocumentKind
from workshop.core.services import init_workspace


def test_sample_applicant_is_fictional_and_filled(ws_path: Path) -> None:
    with init_workspace(ws_path, sample=True) as ws:
        profile = ws.profile.get()
        assert profile.is_sample
        assert profile.full_name == "Yasmin Farouk El-Sayed"
        assert profile.email.endswith("@example.org")  # a reserved, undeliverable domain
        statements = ws.documents.list(DocumentKind.PERSONAL_STATEMENT)
        assert statements and 600 <= len(statements[0].body.split()) <= 850
        assert len(ws.documents.versions(statements[0].id)) == 2
