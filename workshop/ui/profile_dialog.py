"""File ▸ Applicant profile…: the name and contact every export carries.

A form over :class:`~workshop.core.model.profile.Profile`. OK checks it with the core's
``profile_problems`` and shows each problem under its field; only a clean profile reaches the
``save`` callable (``profile_service.save_profile``), whose :class:`Changes` the caller
broadcasts. The layout is a wrapping form with no fixed widths, so labels move above their
fields rather than clip when the text is large (150 % scaling, big fonts).
"""

from __future__ import annotations

import datetime as _dt
import unicodedata
from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from workshop.core.changes import NOTHING, Changes
from workshop.core.checks.rules.tailoring import specialty_names
from workshop.core.errors import UserError
from workshop.core.model.profile import Profile
from workshop.core.profile_service import ProfileInvalid, ProfileProblem, profile_problems
from workshop.ui.palette import is_dark, muted

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
PASSPORT_TIP = ("Exactly as in your passport, in Latin letters: ERAS, ECFMG and the NRMP "
                "match on it.")
NATIVE_TIP = "Optional: your name in your own script (Arabic, Bengali, Cyrillic…), shown under it."

Save = Callable[[Profile], Changes]


def is_right_to_left(text: str) -> bool:
    """The first strong character is right-to-left (Arabic, Hebrew, Urdu...)."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False


class ProfileDialog(QDialog):
    """Edit (or, in a read-only workspace, read) the applicant's profile."""

    def __init__(self, profile: Profile, save: Save, *, read_only: bool = False,
                 parent: QWidget | None = None, today: _dt.date | None = None) -> None:
        super().__init__(parent)
        self.profile = profile
        self.save = save
        self.read_only = read_only
        self.changes: Changes = NOTHING
        self.setWindowTitle("Applicant profile")
        self.setAccessibleName("Applicant profile")
        self.edits: dict[str, QLineEdit] = {}
        self.errors: dict[str, QLabel] = {}
        self._rows: dict[str, QWidget] = {}

        intro = QLabel("Your name and contact go at the top of every statement, CV and letter "
                       "packet. The CV's personal section shows the same details: change them "
                       "in either place.")
        intro.setWordWrap(True)
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._heading("Name")
        self._text("full_name", "&Name as on passport", tip=PASSPORT_TIP,
                   placeholder="e.g. Yasmin Farouk El-Sayed")
        native = self._text("native_name", "Name in native &script", tip=NATIVE_TIP)
        native.textChanged.connect(lambda text: native.setLayoutDirection(
            Qt.LayoutDirection.RightToLeft if is_right_to_left(text)
            else Qt.LayoutDirection.LeftToRight))
        self._text("preferred_name", "&Preferred name",
                   tip="What people call you, if not your first name.")
        self._heading("Contact")
        self._text("email", "&Email", placeholder="name@example.com")
        self._text("phone", "P&hone", placeholder="+1 312 555 0142")
        self._text("city", "&City")
        self._text("country", "Co&untry")
        self._heading("Medical school and target")
        self._text("medical_school", "&Medical school")
        self._graduation(today or _dt.date.today())
        self._specialty()

        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName("Profile problem")
        self.status.setStyleSheet(f"color: {_error_colour(self)};")
        self.status.hide()
        if read_only:
            buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
            buttons.rejected.connect(self.reject)
            note = QLabel("This workspace is open read-only (another window has it), so the "
                          "profile can be read here but not changed.")
            note.setWordWrap(True)
            note.setAccessibleName("Read-only notice")
        else:
            buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                       | QDialogButtonBox.StandardButton.Cancel)
            buttons.accepted.connect(self.try_accept)
            buttons.rejected.connect(self.reject)
            note = None
        self.buttons = buttons
        # The form scrolls rather than squeezes: at 150 % on a 768-pixel screen the dialog is
        # taller than the screen, and rows squeezed below their height clip their text. The
        # width follows the font (no fixed pixels).
        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 0, 0)
        intro.setMinimumWidth(intro.fontMetrics().averageCharWidth() * 76)
        column.addWidget(intro)
        if note is not None:
            column.addWidget(note)
        column.addLayout(self.form)
        column.addWidget(self.status)
        column.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setAccessibleName("Profile fields")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(content)
        self.content = content
        layout = QVBoxLayout(self)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(buttons)
        self._load(profile)
        self._set_read_only(read_only)
        self._fitted = False

    def fit_to_screen(self) -> None:
        """As big as the fields need, but inside the screen (the fields scroll beyond it)."""
        bar = self.scroll.verticalScrollBar().sizeHint().width()
        self.scroll.setMinimumWidth(self.content.minimumSizeHint().width() + bar)
        margins = self.layout().contentsMargins()
        want_w = max(self.width(), self.sizeHint().width())
        inner = want_w - margins.left() - margins.right() - bar
        content_h = (self.content.heightForWidth(inner) if self.content.hasHeightForWidth()
                     else self.content.sizeHint().height())
        want_h = (max(content_h, self.content.sizeHint().height())
                  + self.buttons.sizeHint().height() + margins.top() + margins.bottom()
                  + self.layout().spacing() + 2)
        screen = (self.screen() or QGuiApplication.primaryScreen()).availableGeometry()
        self.resize(min(want_w, screen.width()), min(want_h, screen.height() - 40))

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        if not self._fitted:  # polished now, so the sizes are the real ones
            self._fitted = True
            self.fit_to_screen()
        super().showEvent(event)

    # -- building ---------------------------------------------------------------------------
    def _heading(self, text: str) -> None:
        label = QLabel(f"<b>{text}</b>")
        label.setContentsMargins(0, 6, 0, 0)
        self.form.addRow(label)

    def _row(self, name: str, label: str, field: QWidget, tip: str = "") -> None:
        """``field`` with its hint and an (empty) error line under it, as one form row."""
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(field)
        if tip:
            hint = QLabel(tip)
            hint.setWordWrap(True)
            hint.setStyleSheet(f"color: {muted(self)};")
            column.addWidget(hint)
        error = QLabel()
        error.setWordWrap(True)
        error.setAccessibleName(f"{label.replace('&', '')} problem")
        error.setStyleSheet(f"color: {_error_colour(self)};")
        error.hide()
        column.addWidget(error)
        box.setFocusProxy(field)
        self.errors[name] = error
        self._rows[name] = field
        self.form.addRow(f"{label}:", box)

    def _text(self, name: str, label: str, *, tip: str = "", placeholder: str = "") -> QLineEdit:
        edit = QLineEdit()
        edit.setAccessibleName(label.replace("&", ""))
        edit.setObjectName(f"profile-{name}")
        edit.setPlaceholderText(placeholder)
        if tip:
            edit.setToolTip(tip)
        edit.textEdited.connect(lambda _t, n=name: self._clear_error(n))
        self.edits[name] = edit
        self._row(name, label, edit, tip if name == "full_name" else "")
        return edit

    def _graduation(self, today: _dt.date) -> None:
        self.month = QComboBox()
        self.month.setAccessibleName("Graduation month")
        self.month.addItem("Month", 0)
        for number, month in enumerate(MONTHS, 1):
            self.month.addItem(month, number)
        self.year = QComboBox()
        self.year.setAccessibleName("Graduation year")
        self.year.addItem("Year", 0)
        for year in range(today.year + 3, 1959, -1):
            self.year.addItem(str(year), year)
        for combo in (self.month, self.year):
            combo.activated.connect(lambda _i: self._clear_error("graduation"))
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.month)
        row.addWidget(self.year)
        row.addStretch(1)
        box.setFocusProxy(self.month)
        self._row("graduation", "&Graduation", box)

    def _specialty(self) -> None:
        self.specialty = QComboBox()
        self.specialty.setEditable(True)
        self.specialty.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.specialty.setAccessibleName("Target specialty")
        self.specialty.addItem("")
        self.specialty.addItems(specialty_names())
        self.specialty.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.specialty.setMinimumContentsLength(18)
        self._row("target_specialty", "&Target specialty", self.specialty)

    # -- values -----------------------------------------------------------------------------
    def _load(self, profile: Profile) -> None:
        for name, edit in self.edits.items():
            edit.setText(getattr(profile, name))
            edit.setCursorPosition(0)
        year, _, month = profile.graduation.partition("-")
        self.year.setCurrentIndex(max(self.year.findData(int(year) if year.isdigit() else 0), 0))
        self.month.setCurrentIndex(
            max(self.month.findData(int(month) if month.isdigit() else 0), 0))
        self.specialty.setCurrentText(profile.target_specialty)

    def entered(self) -> Profile:
        """The profile as the form has it (not yet cleaned or checked)."""
        values = {name: edit.text() for name, edit in self.edits.items()}
        year, month = int(self.year.currentData() or 0), int(self.month.currentData() or 0)
        if year and month:
            graduation = f"{year:04d}-{month:02d}"
        elif year or month:  # half a date: the core says what is missing
            graduation = f"{year or '????'}-{month or '??'}"
        else:
            graduation = ""
        return replace(self.profile, **values, graduation=graduation,
                       target_specialty=self.specialty.currentText())

    def _set_read_only(self, read_only: bool) -> None:
        for edit in self.edits.values():
            edit.setReadOnly(read_only)
        for combo in (self.month, self.year, self.specialty):
            combo.setEnabled(not read_only)

    # -- accepting --------------------------------------------------------------------------
    def try_accept(self) -> bool:
        """OK: check, save, close; else show what to fix and keep the dialog open."""
        problems = profile_problems(self.entered())
        if problems:
            self.show_problems(problems)
            return False
        try:
            self.changes = self.save(self.entered())
        except ProfileInvalid as exc:
            self.show_problems(exc.problems)
            return False
        except UserError as exc:
            self.status.setText(str(exc))
            self.status.show()
            return False
        self.accept()
        return True

    def show_problems(self, problems: list[ProfileProblem]) -> None:
        """Each problem under its field; the first bad field takes the focus."""
        by_field: dict[str, list[str]] = {}
        for problem in problems:
            text = " ".join(p for p in (problem.message, problem.hint) if p)
            by_field.setdefault(problem.field, []).append(text)
        for name, label in self.errors.items():
            label.setText("\n".join(by_field.get(name, [])))
            label.setVisible(name in by_field)
        fields = len(by_field)
        self.status.setText(f"{fields} fields need fixing before the profile can be saved "
                            "(marked above).")
        self.status.setVisible(fields > 1)
        self.fit_to_screen()
        field = self._rows[problems[0].field]
        field.setFocus()
        self.scroll.ensureWidgetVisible(field)

    def _clear_error(self, name: str) -> None:
        self.errors[name].hide()
        self.status.hide()


def _error_colour(widget: QWidget) -> str:
    return "#ff8a80" if is_dark(widget) else "#b03a2e"
