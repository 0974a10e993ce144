"""Geographic and setting preferences: the MyERAS "Biographical Information" choices.

An applicant may pick up to 3 U.S. Census divisions or say "no preference", and explain it in
a short essay; the same for an urban, suburban or rural setting (FACTS.md, "Geographic
preferences" and "Setting preferences"). Programs outside the chosen divisions see nothing,
so the Programs side reads ``cv.preferences.divisions`` to warn about them.

Stored values are kept as given: a division spelled in a way this version does not know is
shown and reported by the checks, never dropped on load.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Final

#: MyERAS allows at most this many divisions (FACTS.md, "Geographic preferences").
MAX_DIVISIONS: Final = 3
#: Setting choices, stored key -> label (FACTS.md, "Setting preferences").
SETTINGS: Final[dict[str, str]] = {"urban": "Urban", "suburban": "Suburban", "rural": "Rural"}
SOURCE_GEOGRAPHIC: Final = (
    "FACTS.md: ERAS application sections / Geographic preferences (AAMC, 'Biographical "
    "Information'; 2024 FAQ)")
SOURCE_SETTING: Final = (
    "FACTS.md: ERAS application sections / Setting preferences (AAMC, 'Biographical "
    "Information')")


@dataclass
class Preferences:
    """What the applicant tells MyERAS about where and in what setting they want to train.

    ``divisions`` empty means "not chosen" (unless ``no_geographic_preference``); ``settings``
    holds keys of :data:`SETTINGS`.
    """

    divisions: list[str] = field(default_factory=list)
    no_geographic_preference: bool = False
    geographic_essay: str = ""
    settings: list[str] = field(default_factory=list)
    no_setting_preference: bool = False
    setting_essay: str = ""

    @property
    def geographic_answered(self) -> bool:
        """True once a choice is made (divisions or "no preference")."""
        return bool(self.divisions) or self.no_geographic_preference

    @property
    def setting_answered(self) -> bool:
        return bool(self.settings) or self.no_setting_preference


def setting_label(key: str) -> str:
    """"Urban" for "urban"; an unknown stored value is shown as it is."""
    return SETTINGS.get(key, key)
