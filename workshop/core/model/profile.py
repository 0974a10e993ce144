"""The applicant's profile: the few facts every document header needs."""

from __future__ import annotations

from dataclasses import dataclass, fields


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
