"""The drill setup offers the SOAP phone screen (issue 17: a preset for Match Week)."""

from __future__ import annotations

from workshop.ui.main_window import MainWindow


def test_the_setup_offers_a_soap_phone_screen(sample_window: MainWindow) -> None:
    sample_window.show_section("interview")
    page = sample_window.page("interview")
    page.setup.set_mode("soap")  # type: ignore[attr-defined]
    plan = page._plan(page.setup.choice())  # type: ignore[attr-defined]
    assert plan.items and all(i.question.category == "soap" for i in plan.items)
    assert all(i.timer.answer_seconds == i.question.answer_seconds for i in plan.items)
    assert "SOAP phone screen" in page.setup.radios["soap"].text()  # type: ignore[attr-defined]


def test_random_drills_keep_to_the_applicants_specialty(sample_window: MainWindow) -> None:
    sample_window.show_section("interview")
    page = sample_window.page("interview")
    bank = page._applicant_bank()  # type: ignore[attr-defined]
    everyone = page.full_bank  # type: ignore[attr-defined]
    surgery = [q for q in everyone if "General Surgery" in q.specialties]
    assert surgery and not any(q.id in bank for q in surgery)  # the sample applies to IM
    assert any("Internal Medicine" in q.specialties for q in bank)
