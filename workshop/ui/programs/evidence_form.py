"""The program's "Evidence" tab: numbers copied from Residency Explorer or FREIDA, the day the
visa policy was confirmed for this season, Step 3 for an H-1B, and the day limits count to.

Kept out of the requirements form: requirements are what the program *states*; evidence is
what happened last season (the median Step 2 CK of matched residents, the share of IMGs
interviewed or matched), which the fit rules use only when the user has recorded it.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget

from workshop.core.errors import UserError
from workshop.core.programs import values
from workshop.core.programs.model import Program
from workshop.ui.programs.common import OptionalPercent, OptionalSpin

#: (field, form label, accessible name, placeholder)
DATES: tuple[tuple[str, str, str, str], ...] = (
    ("visa_confirmed_on", "Visa policy confirmed on:", "Visa policy confirmed on",
     "YYYY-MM-DD"),
    ("step3_required_by", "Step 3 passed by (H-1B):", "Step 3 required by",
     "YYYY-MM-DD, if stated"),
    ("limits_as_of", "Limits counted to:", "Limits counted to",
     "empty: the July 1 start"),
)


class EvidenceForm(QWidget):
    """Emits ``changed`` after an edit; :meth:`values` reads the fields for ``Program``."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.median = OptionalSpin(1, 300, "Median Step 2 CK of matched residents")
        self.interviewed = OptionalPercent("IMGs among those interviewed")
        self.matched = OptionalPercent("IMGs among those matched")
        self.source = QLineEdit()
        self.source.setAccessibleName("Evidence source")
        self.source.setPlaceholderText("e.g. Residency Explorer, copied 2026-10")
        self.dates: dict[str, QLineEdit] = {}
        form = QFormLayout(self)
        intro = QLabel("Copy last season's numbers from Residency Explorer or FREIDA when you "
                       "have them: the fit label uses them and cites the source. Leave a "
                       "field empty when you do not know it.")
        intro.setWordWrap(True)
        intro.setStyleSheet("color: #555;")
        form.addRow(intro)
        form.addRow("Median Step 2 CK (matched):", self.median)
        form.addRow("IMGs interviewed:", self.interviewed)
        form.addRow("IMGs matched:", self.matched)
        form.addRow("Source of these numbers:", self.source)
        for name, label, accessible, placeholder in DATES:
            edit = QLineEdit()
            edit.setAccessibleName(accessible)
            edit.setPlaceholderText(placeholder)
            edit.editingFinished.connect(self.changed.emit)
            self.dates[name] = edit
            form.addRow(label, edit)
        note = QLabel("Visa rules change between seasons (a September 2025 proclamation put a "
                      "$100,000 fee on new H-1B petitions; how it applies to residents is not "
                      "confirmed): ask each program and record the day you confirmed.")
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        form.addRow(note)
        for spin in (self.median, self.interviewed, self.matched):
            spin.valueChanged.connect(lambda _v: self.changed.emit())
        self.source.editingFinished.connect(self.changed.emit)

    def load(self, program: Program) -> None:
        self.median.set_optional(program.step2ck_matched_median)
        self.interviewed.set_optional(program.img_interviewed_share)
        self.matched.set_optional(program.img_matched_share)
        if self.source.text() != program.evidence_source:
            self.source.setText(program.evidence_source)
            self.source.setCursorPosition(0)  # a long source opens at its start
        for name, edit in self.dates.items():
            day: _dt.date | None = getattr(program, name)
            text = day.isoformat() if day else ""
            if edit.text() != text:
                edit.setText(text)

    def values(self) -> dict[str, Any]:
        """The fields as ``Program`` keyword arguments.

        Raises:
            UserError: a date that cannot be read, naming the field.
        """
        out: dict[str, Any] = {
            "step2ck_matched_median": self.median.optional_value(),
            "img_interviewed_share": self.interviewed.optional_value(),
            "img_matched_share": self.matched.optional_value(),
            "evidence_source": " ".join(self.source.text().split()),
        }
        for name, edit in self.dates.items():
            try:
                out[name] = values.parse_date(edit.text())
            except ValueError as exc:
                raise UserError(str(exc), where=edit.accessibleName(),
                                hint="Type a date such as 2026-11-20.") from exc
        return out
