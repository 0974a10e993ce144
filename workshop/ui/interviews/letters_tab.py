"""Cancellation, decline, thank-you and update-letter texts that follow the program's policy.

A template the policy rules out is not offered: the tab says why instead. The applicant's own
thank-you and update-letter texts are kept on the invitation; a check flags wording that asks the
program for a commitment (NRMP Match Participation Agreement).
"""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from workshop.core.interviews import in_workspace as service
from workshop.core.interviews.guidance import commitment_findings, commitment_reason
from workshop.core.interviews.model import Invitation
from workshop.core.interviews.templates import KINDS, Letter, Unavailable, template
from workshop.core.programs.model import Program
from workshop.ui.interviews.common import (
    NOTE_STYLE,
    PROBLEM_STYLE,
    WARN_STYLE,
    combo,
    text_box,
    wrapped,
)
from workshop.ui.widgets import button

if TYPE_CHECKING:
    from workshop.ui.interviews.page import InterviewsPage

LABELS = {"thank-you": "Thank-you note", "update-letter": "Update letter",
          "cancellation": "Cancellation", "decline": "Declining the invitation"}
#: Letters whose text is kept on the invitation.
KEPT = {"thank-you": "thank_you_text", "update-letter": "update_letter_text"}


class LettersTab(QWidget):
    def __init__(self, page: InterviewsPage) -> None:
        super().__init__()
        self.page = page
        self.program: Program | None = None
        self.invitation: Invitation | None = None
        self.current: Letter | Unavailable | None = None
        self.kind = combo("Letter", [(LABELS[k], k) for k in KINDS])
        self.kind.currentIndexChanged.connect(lambda _i: self.show_kind())
        self.reason = wrapped("", WARN_STYLE, "Why there is no template")
        self.subject = wrapped("", "font-weight: bold;", "Subject")
        self.text = text_box("Letter text", "", 170)
        self.text.textChanged.connect(self._check_text)
        self.notes = wrapped("", NOTE_STYLE, "Advice for this letter")
        self.check = wrapped("", PROBLEM_STYLE, "Commitment check")
        self.use_template = button("Use the template", self.fill_template,
                                   "Replace the text with the template")
        self.save = button("Save text", self.save_text, "Keep this text with the invitation")
        self.copy = button("Copy", self.copy_text, "Copy subject and text to the clipboard")
        self.log = button("Log as sent…", self.log_sent,
                          "Put this letter in the communication log as sent today")
        buttons = QHBoxLayout()
        for widget in (self.use_template, self.save, self.copy, self.log):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(self.kind)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.reason)
        layout.addWidget(self.subject)
        layout.addWidget(self.text, 10)
        layout.addWidget(self.check)
        layout.addLayout(buttons)
        layout.addWidget(self.notes)
        layout.addStretch(1)

    def load(self, program: Program, invitation: Invitation) -> None:
        self.program, self.invitation = program, invitation
        if invitation.status == "completed":
            self.kind.setCurrentIndex(self.kind.findData("thank-you"))
        elif invitation.status in ("scheduled",):
            self.kind.setCurrentIndex(self.kind.findData("cancellation"))
        elif invitation.status in ("invited", "waitlisted"):
            self.kind.setCurrentIndex(self.kind.findData("decline"))
        self.show_kind()

    def show_kind(self) -> None:
        program, invitation = self.program, self.invitation
        if program is None or invitation is None:
            return
        kind = str(self.kind.currentData())
        facts = service.letter_facts(self.page.workspace, program, invitation)
        chosen = invitation.chosen
        self.current = template(kind, invitation, facts, self.page.today(),
                                chosen.day if chosen else None)
        available = isinstance(self.current, Letter)
        self.reason.setVisible(not available)
        self.reason.setText(self.current.reason if isinstance(self.current, Unavailable) else "")
        kept = KEPT.get(kind)
        saved = getattr(invitation, kept) if kept else ""
        self.text.setVisible(available or bool(saved))
        self.subject.setVisible(available)
        if isinstance(self.current, Letter):
            self.subject.setText(f"Subject: {self.current.subject}")
            self.text.setPlainText(saved or self.current.body)
            self.notes.setText("\n".join(self.current.notes))
        else:
            self.text.setPlainText(saved)
            self.notes.setText("")
        self.notes.setVisible(bool(self.notes.text()))
        editable = not self.page.read_only
        self.use_template.setVisible(available)
        self.save.setVisible(kept is not None and (available or bool(saved)))
        self.save.setEnabled(editable)
        self.copy.setVisible(available)
        self.log.setVisible(available)
        self.log.setEnabled(editable)
        self._check_text()

    def _check_text(self) -> None:
        found = commitment_findings(self.text.toPlainText()) if self.text.isVisible() else []
        self.check.setText(("Check: “" + "”, “".join(found) + "”. " + commitment_reason())
                           if found else "")
        self.check.setVisible(bool(found))

    def fill_template(self) -> None:
        if isinstance(self.current, Letter):
            self.text.setPlainText(self.current.body)

    def save_text(self) -> None:
        kept = KEPT.get(str(self.kind.currentData()))
        if self.invitation is None or kept is None:
            return
        invitation = copy.deepcopy(self.invitation)
        setattr(invitation, kept, self.text.toPlainText())
        self.page.write(lambda: service.save_invitation(self.page.workspace, invitation),
                        "Cannot save the text")

    def copy_text(self) -> None:
        if isinstance(self.current, Letter):
            QGuiApplication.clipboard().setText(
                f"Subject: {self.current.subject}\n\n{self.text.toPlainText()}")
            self.page.message.emit("Copied the letter.")

    def log_sent(self) -> None:
        if isinstance(self.current, Letter):
            self.page.prefill_log(self.current.kind if self.current.kind != "decline"
                                  else "scheduling", self.current.subject,
                                  self.text.toPlainText())
