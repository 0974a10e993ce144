"""The applicant's profile: edited in one place, shared with the CV, read by every export.

One truth, two stores. The profile row holds what every document header needs; the CV's
``personal`` section holds the same facts for the CV. ``SHARED_WITH_CV``
(``workshop.core.model.profile``) names the shared ones: name as on the passport
(``full_name`` = the CV's ``legal_name``), native-script name, preferred name, email, phone,
city and country. The school, graduation month and target specialty live in the profile only
(the CV has whole education entries and a free target line); the headline, region, links and
visa block live in the CV only.

Keeping them equal:

* :func:`save_profile` writes the profile and the shared fields into the CV, in one
  transaction (when a CV exists).
* Every CV save writes the shared fields back to the profile
  (``workshop.core.cv.in_workspace.save_workspace_cv``), whoever saves it.
* :func:`reconcile` mends a workspace where they disagree (written before this rule, or a CV
  version restored). Per field: a filled value beats an empty one, so nothing typed is lost;
  when both are filled and differ the CV's wins, because until the profile became editable the
  CV's personal section was the only place an applicant could type these facts (the profile
  held what the sample or *Start my CV* put there), and since then the only way they part is a
  CV write (a version restored, a file imported).

Statements, letters packets, drill reports and the rank list read the profile; the CV exports
read the CV: with the two kept equal, every export carries the same name.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace

from workshop.core.changes import NOTHING, Changes
from workshop.core.cv.in_workspace import cv_document, load_workspace_cv, save_workspace_cv
from workshop.core.cv.model import CV
from workshop.core.errors import UserError
from workshop.core.model.profile import EDITABLE_FIELDS, SHARED_WITH_CV, Profile
from workshop.core.storage.workspace import Workspace

__all__ = ["ProfileInvalid", "ProfileProblem", "apply_profile_to_cv", "clean_profile",
           "load_profile", "profile_problems", "reconcile", "save_profile"]

_EMAIL = re.compile(r"^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$")
_GRADUATION = re.compile(r"^(\d{4})-(\d{2})$")
_SPACES = re.compile(r"\s+")
PASSPORT_HINT = ("ERAS, ECFMG and the NRMP match your documents on the Latin-script name in your "
                 "passport.")


@dataclass(frozen=True)
class ProfileProblem:
    """One thing to fix, for the field named ``field`` (a :class:`Profile` field name)."""

    field: str
    message: str
    hint: str = ""


class ProfileInvalid(UserError):
    """The profile was not saved: ``problems`` says what to fix, field by field."""

    def __init__(self, problems: list[ProfileProblem]) -> None:
        first = problems[0]
        super().__init__(first.message, hint=first.hint, where=first.field)
        self.problems = problems


def load_profile(workspace: Workspace) -> Profile:
    """The applicant's profile as stored (empty strings for what was never entered)."""
    return workspace.profile.get()


def clean_profile(profile: Profile) -> Profile:
    """Trimmed, with runs of spaces (a pasted tab, a double space) made one space."""
    clean = replace(profile)
    for name in EDITABLE_FIELDS:
        setattr(clean, name, _SPACES.sub(" ", getattr(profile, name)).strip())
    return clean


def profile_problems(profile: Profile) -> list[ProfileProblem]:
    """What keeps ``profile`` (cleaned first) from being saved; empty when it can be.

    An all-empty profile is fine (nothing was entered yet); anything entered needs the name.
    """
    p = clean_profile(profile)
    problems: list[ProfileProblem] = []
    if not p.full_name and not p.is_empty:
        problems.append(ProfileProblem(
            "full_name", "Enter your name as on your passport.",
            PASSPORT_HINT + " Every export puts it at the top."))
    foreign = _first_non_latin_letter(p.full_name)
    if foreign:
        problems.append(ProfileProblem(
            "full_name", f"Write your passport name in Latin letters (it has “{foreign}”).",
            "Your name in your own script goes under “Name in native script”."))
    if p.email and not _EMAIL.match(p.email):
        problems.append(ProfileProblem(
            "email", "This email address is incomplete.",
            "Write it whole, like name@example.com."))
    if p.graduation and not _valid_month(p.graduation):
        problems.append(ProfileProblem(
            "graduation", "Give both the month and the year of your graduation.",
            "Or leave both empty."))
    return problems


def save_profile(workspace: Workspace, profile: Profile) -> Changes:
    """Save the editable fields of ``profile`` and mirror the shared ones into the CV.

    ``is_sample`` is left as it is: editing the sample's name does not make the rest of the
    sample real.

    Returns:
        What was written: ``profile``, and ``cv`` when the CV's personal section changed too.

    Raises:
        ProfileInvalid: something to fix (field, message and hint for each).
        UserError: the workspace is read-only or could not be written.
    """
    problems = profile_problems(profile)
    if problems:
        raise ProfileInvalid(problems)
    clean = clean_profile(profile)
    current = workspace.profile.get()
    changed = {name: getattr(clean, name) for name in EDITABLE_FIELDS
               if getattr(clean, name) != getattr(current, name)}
    cv = _readable_cv(workspace)
    cv_changed = cv is not None and apply_profile_to_cv(clean, cv)
    if not changed and not cv_changed:
        return NOTHING
    with workspace.transaction():
        if changed:
            workspace.profile.update(**changed)
        if cv is not None and cv_changed:
            save_workspace_cv(workspace, cv)
    return Changes(profile=bool(changed), cv=cv_changed)


def reconcile(workspace: Workspace) -> Changes:
    """Make the profile and the CV agree where they differ (the rule: module docstring).

    A read-only workspace, one without a CV and one whose CV does not parse are left alone.
    """
    if workspace.read_only:
        return NOTHING
    cv = _readable_cv(workspace)
    if cv is None:
        return NOTHING
    profile = workspace.profile.get()
    to_profile: dict[str, str] = {}
    to_cv = False
    for name, cv_name in SHARED_WITH_CV.items():
        mine, theirs = getattr(profile, name).strip(), getattr(cv.personal, cv_name).strip()
        if mine == theirs:
            continue
        if theirs:
            to_profile[name] = theirs
        else:
            setattr(cv.personal, cv_name, mine)
            to_cv = True
    if not to_profile and not to_cv:
        return NOTHING
    with workspace.transaction():
        if to_profile:
            workspace.profile.update(**to_profile)
        if to_cv:
            save_workspace_cv(workspace, cv)
    return Changes(profile=True, cv=to_cv)


def _readable_cv(workspace: Workspace) -> CV | None:
    """The stored CV, or None when none was started or its body does not parse.

    A damaged CV must not keep the applicant from saving their name; the CV page shows its
    own error for it.
    """
    if cv_document(workspace) is None:
        return None
    try:
        return load_workspace_cv(workspace)
    except UserError:
        return None


def apply_profile_to_cv(profile: Profile, cv: CV) -> bool:
    """Copy the shared fields of ``profile`` into ``cv.personal``; True when any differed."""
    changed = False
    for name, cv_name in SHARED_WITH_CV.items():
        value = getattr(profile, name)
        if getattr(cv.personal, cv_name) != value:
            setattr(cv.personal, cv_name, value)
            changed = True
    return changed


def _first_non_latin_letter(text: str) -> str:
    for char in text:
        if unicodedata.category(char).startswith("L") and \
                not unicodedata.name(char, "").startswith("LATIN"):
            return char
    return ""


def _valid_month(value: str) -> bool:
    match = _GRADUATION.match(value)
    return match is not None and 1900 <= int(match[1]) <= 2100 and 1 <= int(match[2]) <= 12
