"""A child process that types into a statement and autosaves exactly as the editor does.

Run as ``python -m workshop.harness.save_loop WORKSPACE SEED``. It appends characters at a
steady typing rate, saves with :class:`AutosavePolicy` on a 50 ms tick like the editor's timer,
and reports on stdout each length it typed and each length it saved, with a timestamp, so the
parent that kills it can tell how much typing a crash lost.
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

from workshop.core.autosave import AutosavePolicy
from workshop.core.model.documents import DocumentKind
from workshop.core.storage import open_workspace

TICK = 0.05
KEYSTROKE = 0.01  # a fast typist, so that every save has a lot to write
WORDS = ("patient", "résidence", "ياسمين", "care", "team", "ward", "night", "करुणा", "learned")


def main(path: str, seed: int) -> None:
    rng = random.Random(seed)
    ws = open_workspace(Path(path))
    doc = ws.documents.list(DocumentKind.PERSONAL_STATEMENT)[0]
    text = doc.body
    policy = AutosavePolicy()
    out = sys.stdout
    out.write(f"start {time.time():.4f} {len(text)}\n")
    out.flush()
    next_tick = time.monotonic() + TICK
    while True:
        word = rng.choice(WORDS) + " "
        for char in word:
            text += char
            policy.edited(time.monotonic())
            time.sleep(KEYSTROKE)
        out.write(f"typed {time.time():.4f} {len(text)}\n")
        if time.monotonic() >= next_tick:
            next_tick = time.monotonic() + TICK
            if policy.should_save(time.monotonic()):
                ws.documents.save_working_copy(doc.id, text)
                policy.saved()
                out.write(f"saved {time.time():.4f} {len(text)}\n")
        out.flush()


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
