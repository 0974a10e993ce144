"""Your ratings and notes after the interview; the rank-list helper reads them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QSpinBox, QVBoxLayout, QWidget

from workshop.core.interviews import in_workspace as service
from workshop.core.interviews.model import Impression, Invitation
from workshop.core.programs.ranking import FACTORS, NRMP_NOTE
from workshop.ui.interviews.common import NOTE_STYLE, text_box, wrapped
from workshop.ui.widgets import button

if TYPE_CHECKING:
    from workshop.ui.interviews.page import InterviewsPage


def _rating(name: str) -> QSpinBox:
    spin = QSpinBox()
    spin.setAccessibleName(name)
    spin.setRange(0, 5)
    spin.setSpecialValueText("not rated")
    spin.setSuffix(" / 5")
    return spin


class ImpressionsTab(QWidget):
    def __init__(self, page: InterviewsPage) -> None:
        super().__init__()
        self.page = page
        self.invitation: Invitation | None = None
        self.intro = wrapped("Rate while the day is fresh (1 = poor, 5 = excellent). The rank "
                             "list uses the same factors.", NOTE_STYLE, "About impressions")
        self.ratings = {key: _rating(label) for key, label in FACTORS.items()}
        self.overall = _rating("Overall impression")
        self.liked = text_box("What you liked", "What stood out, in your words", 50, 110)
        self.concerns = text_box("Concerns", "What worried you", 50, 110)
        self.notes = text_box("Impression notes", "People you met, questions to follow up", 50, 110)
        self.save = button("Save impressions", self.save_impression,
                           "Save your ratings and notes")
        self.nrmp = wrapped(NRMP_NOTE, NOTE_STYLE, "How the Match works")
        form = QFormLayout()
        for key, spin in self.ratings.items():
            form.addRow(FACTORS[key], spin)
        form.addRow("Overall", self.overall)
        form.addRow("Liked", self.liked)
        form.addRow("Concerns", self.concerns)
        form.addRow("Notes", self.notes)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.nrmp)
        layout.addStretch(1)

    def load(self, invitation: Invitation) -> None:
        self.invitation = invitation
        impression = invitation.impression
        for key, spin in self.ratings.items():
            spin.setValue(impression.ratings.get(key, 0))
        self.overall.setValue(impression.overall or 0)
        self.liked.setPlainText(impression.liked)
        self.concerns.setPlainText(impression.concerns)
        self.notes.setPlainText(impression.notes)
        self.save.setEnabled(not self.page.read_only)

    def current(self) -> Impression:
        return Impression({k: s.value() for k, s in self.ratings.items() if s.value()},
                          self.overall.value() or None, self.liked.toPlainText().strip(),
                          self.concerns.toPlainText().strip(), self.notes.toPlainText().strip())

    def save_impression(self) -> None:
        invitation = self.invitation
        if invitation is None or invitation.id is None:
            return
        invitation_id, impression = invitation.id, self.current()
        self.page.write(lambda: service.save_impression(self.page.workspace, invitation_id,
                                                        impression),
                        "Cannot save the impressions")
