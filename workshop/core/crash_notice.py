"""What the app says after something went wrong: plain words, the time up to which work is safe.

Kept in the core (no Qt) so the texts are tested directly and the UI only shows them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from workshop.core.session_journal import PreviousSession
from workshop.core.storage.workspace import Workspace


@dataclass(frozen=True)
class LastSaved:
    """The most recent edit that is on disk."""

    title: str
    kind: str
    saved_at: dt.datetime | None


def last_saved_change(workspace: Workspace) -> LastSaved | None:
    """The document saved last, with its local save time (None for an empty workspace)."""
    document = workspace.documents.latest_edit()
    if document is None:
        return None
    return LastSaved(document.title or document.kind.label, document.kind.label,
                     _local(document.updated_at))


def error_headline(saved_ok: bool, saved_at: dt.datetime, reason: str = "") -> str:
    """The first line of the error dialog: what happened to the user's work."""
    if saved_ok:
        return (f"Something went wrong. Your work up to {saved_at:%H:%M:%S} is saved, "
                "and you can go on working.")
    why = f" ({reason})" if reason else ""
    return (f"Something went wrong. Your work up to {saved_at:%H:%M:%S} is saved; the edits "
            f"after that could not be saved yet{why} and stay in the window. Keep the app "
            "open and free the problem (for example some disk space): it retries on its own.")


def recovery_notice(previous: list[PreviousSession], workspace: Path | None,
                    last: LastSaved | None) -> tuple[str, str]:
    """(headline, body) for the first start after an abnormal exit."""
    first = min(previous, key=lambda s: s.started_at or dt.datetime.max.replace(
        tzinfo=dt.UTC))
    when = f" (the session started {first.started_at:%d %b %Y at %H:%M})" \
        if first.started_at else ""
    headline = f"The app did not close normally last time{when}."
    parts = ["Your workspace saves as you type, so everything up to the last save is in it."]
    if last is not None and last.saved_at is not None:
        kind = f" ({last.kind})" if last.kind != last.title else ""
        parts.append(f"The last change saved: “{last.title}”{kind} at "
                     f"{last.saved_at:%H:%M:%S} on {last.saved_at:%d %b %Y}.")
    if workspace is not None and first.workspace and Path(first.workspace) != workspace:
        parts.append(f"That session had another workspace open: {first.workspace}.")
    reports = [s.report for s in previous if s.report is not None]
    if reports:
        parts.append(f"A crash report was kept in {reports[-1]}. If this happens again, "
                     "please send it to the developers (it holds no text you wrote).")
    return headline, " ".join(parts)


def _local(stamp: str) -> dt.datetime | None:
    """SQLite's UTC '...Z' stamps as local time."""
    try:
        parsed = dt.datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=dt.UTC)
    return parsed.astimezone()
