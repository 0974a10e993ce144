"""What an unknown word looks like: a clinical term, an abbreviation, a name, or plain English.

The spelling policy only asks this about words no dictionary knew. A general dictionary's
nearest word for such a word is usually a *different* word (piperacillin → penicillin,
Öztürk → Stark), so the shape decides whether a one-click fix may be offered at all. The
patterns are the combining forms and drug stems every clinician reads (USAN stems for drugs),
written for this project; they are deliberately broad, because a word reaches them only after
Harper and the shipped lists have both failed to know it.
"""

from __future__ import annotations

import re

# Suffixes of diseases, procedures, specialties and findings (-itis, -ectomy, -emia …) and
# USAN drug stems (-cillin, -mab, -pril …), longest first is not needed: any match will do.
_CLINICAL_SUFFIXES = (
    "itis",
    "itides",
    "ectomy",
    "ectomies",
    "ostomy",
    "ostomies",
    "otomy",
    "otomies",
    "plasty",
    "plasties",
    "scopy",
    "scopies",
    "scopic",
    "graphy",
    "graphic",
    "gram",
    "grams",
    "emia",
    "emias",
    "aemia",
    "uria",
    "osis",
    "ology",
    "ologies",
    "ologic",
    "ological",
    "ologist",
    "ologists",
    "iatric",
    "iatrics",
    "iatrist",
    "iatrists",
    "pathy",
    "pathies",
    "pathic",
    "algia",
    "oma",
    "omas",
    "omata",
    "plasia",
    "trophy",
    "penia",
    "cytosis",
    "philia",
    "plegia",
    "paresis",
    "rrhea",
    "rrhoea",
    "rrhage",
    "lysis",
    "ptysis",
    "stasis",
    "megaly",
    "spasm",
    "lith",
    "cillin",
    "mycin",
    "micin",
    "floxacin",
    "oxacin",
    "cycline",
    "azole",
    "conazole",
    "prazole",
    "tidine",
    "pril",
    "sartan",
    "olol",
    "alol",
    "ilol",
    "statin",
    "mab",
    "mabs",
    "nib",
    "nibs",
    "parin",
    "dipine",
    "xaban",
    "gatran",
    "gliptin",
    "gliflozin",
    "glutide",
    "glitazone",
    "afil",
    "setron",
    "triptan",
    "pramine",
    "triptyline",
    "oxetine",
    "azepam",
    "azolam",
    "barbital",
    "caine",
    "curium",
    "curonium",
    "onium",
    "dronate",
    "fibrate",
    "lukast",
    "terol",
    "sonide",
    "olone",
    "navir",
    "previr",
    "asvir",
    "tegravir",
    "ciclovir",
    "amivir",
    "trexed",
    "platin",
    "rubicin",
    "taxel",
    "vudine",
    "profen",
    "apine",
    "azine",
    "peridone",
    "teplase",
    "stigmine",
    "tropin",
    "relin",
    "lutamide",
    "parib",
    "ciclib",
    "lisib",
    "rafenib",
    "zomib",
    "lidomide",
    "semide",
    "thiazide",
    "vastatin",
    "tadine",
)
_SUFFIX = re.compile(rf"(?:{'|'.join(sorted(set(_CLINICAL_SUFFIXES), key=len, reverse=True))})$")
# Combining forms that rarely occur in everyday words; a long word containing one is clinical.
# Forms that everyday words contain ("angi" in "changing", "bili" in "ability", "oste" in
# "hostel", "histo" in "history") are left out: a misspelled everyday word must keep its fix.
_COMBINING = re.compile(
    r"(?:cardi|hepat|nephr|neur|gastr|pulmon|dermat|osteo|arthr|myel|hemat|haemat|angio|"
    r"lymph|thromb|chole|encephal|mening|pneum|bronch|laryng|pharyng|rhino|ophthalm|onco|"
    r"cyto|leuk|erythr|glyc|adeno|carcin|fibr|scler|phleb|arteri|aort|cerebr|spondyl|rhabd|"
    r"tachy|brady|cyst|proct|pancreat|immun|electro|psych|patho|hemo|haemo|ureth|vesic|"
    r"hyster|oophor|salping|mamm|thyr|adren|pituit|endocrin|tympan|cochle|retin|kerat|"
    r"blephar|trache|esophag|oesophag|duoden|jejun|sigmoid|glomer|pyel|periton|pleur|"
    r"pericard|myocard|endocard|vascul|ventric|cervic|abdomin|crani|vertebr|ligament|synov|"
    r"chondr|onych|trich)"
)
_MIN_COMBINING_LENGTH = 9
_MIN_SUFFIX_LENGTH = 6
# Two or more capitalised chunks: a name (McDonald, DeSouza, MacKenzie), not an abbreviation.
_NAME_CHUNKS = re.compile(r"(?:[A-Z][a-z]+){2,}(?:'s)?")


def has_foreign_letters(word: str) -> bool:
    """Letters outside ASCII (Łukasz, Çağrı, Nguyễn): English words seldom have them."""
    return any(c.isalpha() and not c.isascii() for c in word)


def is_capitalized(word: str) -> bool:
    """First letter a capital and the rest not all capitals ("Shubra", "McDonald")."""
    letters = [c for c in word if c.isalpha()]
    return bool(letters) and letters[0].isupper() and any(c.islower() for c in letters[1:])


def is_abbreviation(word: str) -> bool:
    """An abbreviation or code: NSTEMI, MICU, HbA1c, eGFR, SpO2, BiPAP (not McDonald).

    All capitals (two or more letters, a plural "s" allowed), letters mixed with digits, a
    capital after a lower-case first letter (eGFR, mAb), or capitals in a pattern no name has.
    """
    core = word.replace("’", "'").removesuffix("'s")
    letters = [c for c in core if c.isalpha()]
    if len(letters) < 2 or not core.replace("-", "").isalnum():
        return False
    if any(c.isdigit() for c in core):
        return True
    body = core[:-1] if core.endswith("s") else core
    if body.isupper():
        return True
    capitals = sum(1 for c in body if c.isupper())
    if body[0].islower():
        return capitals > 0
    return capitals >= 2 and not _NAME_CHUNKS.fullmatch(core)


def looks_clinical(word: str) -> bool:
    """A word built like a clinical term: a disease/procedure suffix, a drug stem, or a long
    word containing a medical combining form."""
    folded = word.casefold().replace("’", "'").removesuffix("'s")
    if not folded.isalpha():
        folded = folded.replace("-", "")
        if not folded.isalpha():
            return False
    if len(folded) >= _MIN_SUFFIX_LENGTH and _SUFFIX.search(folded):
        return True
    return len(folded) >= _MIN_COMBINING_LENGTH and _COMBINING.search(folded) is not None
