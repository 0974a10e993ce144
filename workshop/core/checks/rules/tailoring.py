"""Tailored copies: naming another program, or another specialty as your goal.

A copy meant for one program that names a different one is the costliest mistake an applicant
can make (issue 4), so these are errors. Program names come from the workspace (the caller
passes them); specialty names and the phrases that mark a specialty as the applicant's goal
("residency in X", "X residency") come from ``resources/checks/specialties.json``. A specialty
merely mentioned ("my surgery rotation") is not flagged.
"""

from __future__ import annotations

import re
from functools import lru_cache

from workshop.core.checks.finding import Finding
from workshop.core.checks.rules.meta import RuleContext, load_json, make
from workshop.core.checks.rules.phrases import phrase_pattern

PROGRAM_RULE = "residency.tailoring.program"
SPECIALTY_RULE = "residency.tailoring.specialty"
# Words that do not identify a program on their own ("Internal Medicine Residency Program").
_GENERIC = re.compile(
    r"\b(?:residency|residence|program|programme|training|department|of|the|at|in|and|"
    r"internal|medicine|family|surgery|general|pediatrics|psychiatry|neurology)\b",
    re.IGNORECASE,
)


def _name_variants(name: str) -> set[str]:
    """The full name and, when distinctive enough, the name without generic words."""
    clean = " ".join(name.split()).lower()
    variants = {clean} if clean else set()
    core = " ".join(_GENERIC.sub(" ", clean).split())
    if core and (len(core.split()) >= 2 or len(core) >= 6) and core != clean:
        variants.add(core)
    return variants


def find_other_programs(text: str, context: RuleContext) -> list[Finding]:
    """Errors where the text names a workspace program that is not a target of this copy."""
    if not context.known_programs:
        return []
    targets: set[str] = set()
    for name in context.target_programs:
        targets |= _name_variants(name)
    others: dict[str, str] = {}
    for name in context.known_programs:
        for variant in _name_variants(name):
            # A variant contained in a target's name ("Mercy" in "Mercy Chicago") is ambiguous.
            if variant not in targets and not any(variant in t for t in targets):
                others[variant] = name
    if not others:
        return []
    findings = []
    suggestion = tuple(context.target_programs[:1])
    for match in phrase_pattern(others).finditer(text):
        program = others.get(
            " ".join(match.group().lower().replace("’", "'").split()), match.group()
        )
        detail = f"Names '{program}', which is not a target program of this copy."
        findings.append(make(PROGRAM_RULE, match.start(), match.end(), detail, suggestion))
    return findings


@lru_cache(maxsize=1)
def _specialties() -> dict[str, tuple[str, ...]]:
    data = load_json("specialties.json")["specialties"]
    return {name: tuple(aliases) for name, aliases in data.items()}


def specialty_names() -> list[str]:
    """Specialty names for pickers (the statement's target, the profile), sorted."""
    return sorted(_specialties())


@lru_cache(maxsize=32)
def _goal_pattern(aliases: tuple[str, ...]) -> re.Pattern[str]:
    data = load_json("specialties.json")
    alias = phrase_pattern(aliases).pattern
    before = phrase_pattern(data["goal_before"]).pattern
    after = phrase_pattern(data["goal_after"]).pattern
    return re.compile(
        rf"{before}\s+(?:a\s+|an\s+|the\s+|field\s+of\s+)?(?P<a>{alias})|(?P<b>{alias})\s+{after}",
        re.IGNORECASE,
    )


@lru_cache(maxsize=1)
def _practitioners() -> dict[str, tuple[str, ...]]:
    data = load_json("specialties.json").get("practitioners", {})
    return {name: tuple(nouns) for name, nouns in data.items()}


@lru_cache(maxsize=32)
def _practitioner_pattern(nouns: tuple[str, ...]) -> re.Pattern[str]:
    """ "become a surgeon", "train as a pediatrician": the noun as what the applicant will be."""
    before = phrase_pattern(load_json("specialties.json")["practitioner_before"]).pattern
    return re.compile(rf"{before}\s+(?P<a>{phrase_pattern(nouns).pattern})", re.IGNORECASE)


def _target_aliases(specialty: str) -> set[str]:
    wanted = specialty.strip().lower()
    for name, aliases in _specialties().items():
        if wanted == name.lower() or wanted in aliases:
            return {name.lower(), *aliases}
    return {wanted}


def _target_nouns(specialty: str) -> set[str]:
    aliases = _target_aliases(specialty)
    return {
        noun.lower()
        for name, nouns in _practitioners().items()
        if name.lower() in aliases
        for noun in nouns
    }


def _goal_matches(
    name: str, aliases: tuple[str, ...], mine_nouns: set[str], text: str
) -> list[re.Match[str]]:
    """Where ``text`` states specialty ``name`` (or its practitioner) as the applicant's goal.

    A practitioner noun that ends one of the target's ("surgeon" for an orthopaedic surgery
    copy) is the target's own."""
    matches = list(_goal_pattern(aliases).finditer(text))
    nouns = tuple(
        noun
        for noun in _practitioners().get(name, ())
        if not any(own.endswith(noun.lower()) for own in mine_nouns)
    )
    if nouns:
        matches += list(_practitioner_pattern(nouns).finditer(text))
    return matches


def find_other_specialty(text: str, context: RuleContext) -> list[Finding]:
    """Errors where another specialty is stated as the training the applicant seeks."""
    if not context.specialty:
        return []
    mine = _target_aliases(context.specialty)
    mine_nouns = _target_nouns(context.specialty)
    # Spans naming the target itself: "surgery" inside "orthopaedic surgery" is not another one.
    own = [(m.start(), m.end()) for m in phrase_pattern(mine | mine_nouns).finditer(text)]
    findings = []
    for name, aliases in _specialties().items():
        if name.lower() in mine or set(aliases) & mine:
            continue
        for match in _goal_matches(name, aliases, mine_nouns, text):
            group = "a" if match.groupdict().get("a") else "b"
            start, end = match.start(group), match.end(group)
            if any(s <= start and end <= e for s, e in own):
                continue
            detail = f"Names {name} as your goal, but this copy targets {context.specialty}."
            findings.append(make(SPECIALTY_RULE, start, end, detail, (context.specialty,)))
    return sorted(findings, key=lambda f: f.start)
