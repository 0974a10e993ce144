"""The dates an exported file carries: now, unless a build or a test asks for fixed ones.

A PDF or .docx that says it was made on 2000-01-01 looks broken to the mentor who opens its
properties, so exports carry the real time. Byte-stable output (golden files, reproducible
builds) uses the standard ``SOURCE_DATE_EPOCH`` variable (seconds since 1970, UTC), which
reportlab honours too; nothing else switches the real dates off.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime

ENV = "SOURCE_DATE_EPOCH"


def fixed_epoch() -> int | None:
    """The fixed time requested through ``SOURCE_DATE_EPOCH``, or None for the real time.

    A value that is not a whole number counts as unset here (the variable is for builds and
    tests, never for users); reportlab itself would refuse it.
    """
    raw = os.environ.get(ENV, "").strip()
    if not raw:
        return None
    try:
        return int(raw)
    except ValueError:
        return None


def export_time() -> datetime:
    """The creation and modification time to record, in UTC without a zone (as .docx wants)."""
    epoch = fixed_epoch()
    moment = datetime.fromtimestamp(epoch, UTC) if epoch is not None else datetime.now(UTC)
    return moment.replace(tzinfo=None, microsecond=0)
