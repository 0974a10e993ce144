from __future__ import annotations

import pytest

from workshop.core.errors import UserError
from workshop.core.programs.model import Program, check_transition, normalize_key


def test_valid_program_passes() -> None:
    Program(name="Riverside (SAMPLE)", track="categorical", visa_sponsorship=frozenset({"J-1"}),
            img_share=62.5, min_step2ck=220).validate()


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"name": "  "}, "needs a name"),
    ({"track": "fellowship"}, "track 'fellowship'"),
    ({"img_share": 120.0}, "IMG share 120%"),
    ({"min_step2ck": 400}, "Step 2 CK minimum 400"),
    ({"visa_sponsorship": frozenset({"F-1"})}, "unknown visa 'F-1'"),
    ({"fit_override": "dream"}, "fit override 'dream'"),
    ({"status": "pending"}, "status 'pending'"),
])
def test_invalid_fields_are_named(kwargs: dict[str, object], message: str) -> None:
    data: dict[str, object] = {"name": "X (SAMPLE)", **kwargs}
    with pytest.raises(UserError, match=message):
        Program(**data).validate()  # type: ignore[arg-type]


def test_transitions_forward_skip_and_withdraw() -> None:
    check_transition("researching", "interviewed")
    check_transition("ranked", "withdrawn")
    check_transition("withdrawn", "applied")
    with pytest.raises(UserError, match="back to 'Applied'"):
        check_transition("interviewed", "applied")


def test_display_and_location() -> None:
    p = Program(name="Bayside (SAMPLE)", track="preliminary", city="Brooklyn", state="NY")
    assert p.display_name == "Bayside (SAMPLE) (Preliminary)"
    assert p.location == "Brooklyn, NY"
    assert normalize_key("St. Mary's  Hospital", "|", "NEWARK") == "st mary s hospital newark"
