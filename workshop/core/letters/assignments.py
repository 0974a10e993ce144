"""Checks on the program × letter matrix: the cap, specialty coverage, U.S. letters.

Pure functions over plain values, so the programs list (owned by the programs module) can be
passed as its own objects or as ``(id, name, specialty)`` tuples.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from workshop.core.letters.facts import letter_facts
from workshop.core.letters.model import GENERAL, LetterRequest, LetterWriter, Status

Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True)
class ProgramRef:
    """The three things the checks need to know about a program."""

    id: int
    name: str
    specialty: str


@dataclass(frozen=True, slots=True)
class AssignmentFinding:
    """One problem with one program's letters.

    Attributes:
        code: stable identifier ("over_cap", "no_specialty_letter", "few_us_letters",
            "declined_assigned") for the UI to pick an icon and tests to match.
    """

    program_id: int
    program_name: str
    severity: Severity
    code: str
    message: str


def as_program_refs(programs: Iterable[Any]) -> list[ProgramRef]:
    """Programs from the programs model (``.id/.name/.specialty``), dicts, or tuples.

    ``workshop.core.programs.model.Program`` objects work as they are; unsaved ones (no id)
    cannot hold assignments and are skipped.
    """
    refs: list[ProgramRef] = []
    for item in programs:
        if isinstance(item, ProgramRef):
            refs.append(item)
        elif isinstance(item, Mapping):
            refs.append(ProgramRef(int(item["id"]), str(item["name"]),
                                   str(item.get("specialty") or "")))
        elif isinstance(item, Sequence) and not isinstance(item, str):
            refs.append(ProgramRef(int(item[0]), str(item[1]), str(item[2] or "")))
        elif getattr(item, "id", None) is not None:  # an unsaved Program has no id: skip it
            refs.append(ProgramRef(int(item.id), str(item.name), str(item.specialty or "")))
    return refs


def _same_specialty(a: str, b: str) -> bool:
    return " ".join(a.casefold().split()) == " ".join(b.casefold().split())


def assignment_findings(
    programs: Iterable[Any],
    writers: Iterable[LetterWriter],
    requests: Iterable[LetterRequest],
    assignments: Iterable[tuple[int, int]],
) -> list[AssignmentFinding]:
    """Problems per program, errors first.

    Args:
        programs: objects with ``id``, ``name``, ``specialty`` (or tuples/dicts of them).
        writers: all writers (to know who is a U.S. physician).
        requests: all requests.
        assignments: ``(program_id, request_id)`` pairs.

    Returns:
        "over_cap" (error) above the ERAS maximum; "declined_assigned" (error) for a declined
        letter still assigned; "no_specialty_letter" when no letter targets the program's
        specialty; "few_us_letters" with fewer U.S. letters than advised. A program with no
        letters yet gets only the last two, so the matrix shows what is missing.
    """
    facts = letter_facts()
    by_writer = {w.id: w for w in writers}
    by_request = {r.id: r for r in requests}
    assigned: dict[int, list[LetterRequest]] = {}
    for program_id, request_id in assignments:
        if request_id in by_request:
            assigned.setdefault(program_id, []).append(by_request[request_id])
    findings: list[AssignmentFinding] = []
    for program in as_program_refs(programs):
        letters = assigned.get(program.id, [])
        active = [r for r in letters if r.status is not Status.DECLINED]

        def add(severity: Severity, code: str, message: str,
                program: ProgramRef = program) -> None:
            findings.append(AssignmentFinding(program.id, program.name, severity, code, message))

        if len(letters) > facts.max_letters_per_program:
            add("error", "over_cap", f"{program.name} has {len(letters)} letters assigned; ERAS "
                f"allows at most {facts.max_letters_per_program}.")
        for request in letters:
            if request.status is Status.DECLINED:
                writer = by_writer.get(request.writer_id)
                add("error", "declined_assigned",
                    f"The letter from {writer.name if writer else 'a writer'} was declined but "
                    f"is still assigned to {program.name}.")
        specialty = program.specialty.strip()
        if specialty and not _same_specialty(specialty, GENERAL) and not any(
                _same_specialty(r.target_specialty, specialty) for r in active):
            add("warning", "no_specialty_letter",
                f"{program.name} has no letter written for {specialty}.")
        us = sum(1 for r in active if (w := by_writer.get(r.writer_id)) is not None and w.is_us)
        if us < facts.min_us_letters:
            add("warning", "few_us_letters",
                f"{program.name} has {us} letter{'s' if us != 1 else ''} from U.S. physicians; "
                f"at least {facts.min_us_letters} are advised for international graduates.")
    findings.sort(key=lambda f: (f.severity != "error", f.program_name.casefold(), f.code))
    return findings
