from __future__ import annotations

import datetime as dt
import json

import pytest

from tests.core.programs.test_fit import YASMIN
from workshop.core.errors import UserError
from workshop.core.programs.listing import programs_listing
from workshop.core.programs.model import Program

TODAY = dt.date(2026, 9, 1)
PROGRAMS = [
    Program(name="Summit (SAMPLE)", id=1, visa_sponsorship=frozenset(), city="Denver",
            state="CO", program_deadline=dt.date(2026, 10, 15)),
    Program(name="Riverside (SAMPLE)", id=2, status="applied", min_step2ck=220, img_share=62,
            specialty="Internal Medicine", visa_sponsorship=frozenset({"J-1"}),
            grad_within_years=7, usce_months_required=3, signal="silver"),
]


def test_text_lists_labels_reasons_and_mix() -> None:
    text = programs_listing(PROGRAMS, YASMIN, "text", today=TODAY)
    assert "Summit (SAMPLE) - Denver, CO" in text
    assert "Fit: not eligible" in text
    assert "x You need a J-1 visa; the program sponsors no visa." in text
    assert "Fit: strong fit" in text and "Mix of the list:" in text
    assert "silver signal sent" in text
    assert text.index("Summit") < text.index("Riverside")  # researching before applied


def test_json_is_machine_readable() -> None:
    data = json.loads(programs_listing(PROGRAMS, YASMIN, "json", today=TODAY))
    assert [p["fit"]["label"] for p in data["programs"]] == ["not eligible", "strong fit"]
    assert data["mix"]["counts"]["strong fit"] == 1
    riverside = data["programs"][1]
    assert riverside["signal"] == "silver" and riverside["fit"]["signaled"] is True
    assert riverside["fit"]["known"] == ["visa", "graduation", "usce", "score"]
    assert {"kind", "text", "criterion"} <= set(riverside["fit"]["reasons"][0])
    assert data["programs"][0]["program_deadline"] == "2026-10-15"


def test_without_profile_and_empty() -> None:
    assert "Fit:" not in programs_listing(PROGRAMS, None, today=TODAY)
    assert "No programs yet" in programs_listing([], YASMIN, today=TODAY)
    with pytest.raises(UserError, match="unknown format"):
        programs_listing(PROGRAMS, YASMIN, "xml")
