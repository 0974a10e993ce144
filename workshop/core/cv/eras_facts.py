"""ERAS and USMLE facts the CV model and checks rely on, in one place with their source.

Source: /work/shared/FACTS.md, rows "Experiences", "Most meaningful" and "USMLE" (AAMC MyERAS
user guide, "Experiences" chapter; USMLE announcement, 2021). When a fact changes, change it here
only. (Candidate to move into ``resources/`` as a data file once the lead settles its layout.)
"""

from __future__ import annotations

from typing import Final

ERAS_MAX_EXPERIENCES: Final = 10
ERAS_DESCRIPTION_CHARS: Final = 750
ERAS_MAX_MOST_MEANINGFUL: Final = 3
ERAS_REFLECTION_CHARS: Final = 300

SOURCE_EXPERIENCES: Final = "FACTS.md: ERAS documents / Experiences (AAMC MyERAS guide)"
SOURCE_MOST_MEANINGFUL: Final = "FACTS.md: ERAS documents / Most meaningful (AAMC MyERAS guide)"
SOURCE_USMLE: Final = "FACTS.md: ERAS documents / USMLE (USMLE announcement, 2021)"
SOURCE_RECENCY: Final = (
    "FACTS.md: The Match / List building (U.S. clinical experience often required within the "
    "last 3-5 years; programs prefer recent graduates)"
)

#: ERAS experience types, storage key -> label as MyERAS shows it (FACTS.md, "Experiences").
ERAS_EXPERIENCE_TYPES: Final[dict[str, str]] = {
    "education-training": "Education/Training",
    "military-service": "Military Service",
    "professional-organization": "Professional Organization",
    "extracurricular": "Extracurricular/Club/Hobby",
    "research": "Research",
    "teaching-mentoring": "Teaching/Mentoring",
    "volunteer-service-advocacy": "Volunteer/Service/Advocacy",
    "work": "Work",
}
