"""The reviewed statement used across the review tests (fictional, SAMPLE)."""

from __future__ import annotations

REVIEW_PARAGRAPHS = [
    [("text", "I first understood internal medicine on a night shift in Cairo. "),
     ("comment", "The patient was an elderly man", "Be specific: how old was he?"),
     ("text", " with heart failure who could not lie flat.")],
    [("text", "I want to train in a program that "), ("del", "really "),
     ("text", "values teaching and "), ("del", "continuity"), ("ins", "continuity of care"),
     ("text", ".")],
    [("text", "My research year in the cardiometabolic unit taught me patience."),
     ("ins", " It also taught me statistics.")],
    [("comment", "I am ready for residency.", "End on something concrete.")],
]

# What the reviewer received (deletions present, insertions absent).
ORIGINAL = (
    "I first understood internal medicine on a night shift in Cairo. The patient was an "
    "elderly man with heart failure who could not lie flat.\n\n"
    "I want to train in a program that really values teaching and continuity.\n\n"
    "My research year in the cardiometabolic unit taught me patience.\n\n"
    "I am ready for residency."
)

OTHER_STATEMENT = (
    "Surgery has fascinated me since I watched my grandfather recover from a hip operation. "
    "During my sub-internship in orthopedics I assisted in the operating room, learned to "
    "close incisions and followed patients through rehabilitation. I am drawn to the "
    "immediacy of surgical problem solving and the craft of the operating theatre."
)
