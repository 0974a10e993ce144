"""The applicant's profile: the few facts every document header needs.

The CV's personal section holds the same facts under its own names; :data:`SHARED_WITH_CV`
is the one table that says which (``workshop.core.profile_service`` keeps the two equal).
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Final


@dataclass
class Profile:
    full_name: str = ""
    native_name: str = ""
    preferred_name: str = ""
    email: str = ""
    phone: str = ""
    city: str = ""
    country: str = ""
    medical_school: str = ""
    graduation: str = ""
    target_specialty: str = ""
    is_sample: bool = False

    @classmethod
    def field_names(cls) -> list[str]:
        return [f.name for f in fields(cls)]

    @property
    def display_name(self) -> str:
        return self.preferred_name or self.full_name or "New applicant"

    @property
    def is_empty(self) -> bool:
        """Nothing the applicant types is filled in (``is_sample`` is not typed)."""
        return not any(getattr(self, name).strip() for name in EDITABLE_FIELDS)


#: The fields the applicant edits (everything but ``is_sample``), in the editor's order.
EDITABLE_FIELDS: Final[tuple[str, ...]] = (
    "full_name", "native_name", "preferred_name", "email", "phone", "city", "country",
    "medical_school", "graduation", "target_specialty",
)

#: Profile field -> the CV's ``personal`` field holding the same fact. Profile-only:
#: ``medical_school``, ``graduation`` (the CV has whole education entries) and
#: ``target_specialty`` (the CV's target is a free line, "Internal Medicine (categorical),
#: 2027 Match"). CV-only: ``headline``, ``region``, ``links``, ``immigration``.
SHARED_WITH_CV: Final[dict[str, str]] = {
    "full_name": "legal_name",
    "native_name": "native_name",
    "preferred_name": "preferred_name",
    "email": "email",
    "phone": "phone",
    "city": "city",
    "country": "country",
}
