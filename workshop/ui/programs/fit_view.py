"""Why a program got its label, in plain words, and the user's own label with a reason.

Each reason carries a mark that says how it counted (a blocker, a plus, a minus, neutral or
unknown), written out as well as coloured. The override is the user's: it is shown first, as
"your label; computed: X", and the computed label and its reasons stay visible below it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from workshop.core.programs.fit import FitResult
from workshop.core.programs.model import OVERRIDE_LABELS, Program

#: kind -> (mark, colour, what it means)
MARKS: dict[str, tuple[str, str, str]] = {
    "blocker": ("✗", "#c0392b", "blocks eligibility"),
    "minus": ("−", "#b9770e", "counts against"),
    "plus": ("+", "#1e8449", "counts for"),
    "neutral": ("=", "#555555", "meets the requirement"),
    "unknown": ("?", "#7f8c8d", "not recorded"),
}
ORDER = ("blocker", "minus", "plus", "neutral", "unknown")
#: Under the reasons: how the label is worked out.
NOTE = ("<p style='color:#666; font-size:9pt'>The label compares your CV with what the program "
        "states, and needs at least two requirements recorded on both sides. \u201cStrong "
        "fit\u201d means every stated requirement is met with margin, not a promise of an "
        "interview. The margins (15 points comfortable, under 5 thin; 40% IMGs friendly, "
        "under 10% few) are this app's rule of thumb, not a published rule. Years count to "
        "the July 1 training start of the Match.</p>")


def reasons_html(fit: FitResult) -> str:
    """The reasons as an HTML list, blockers first."""
    rows = []
    for kind in ORDER:
        mark, colour, meaning = MARKS[kind]
        for reason in (r for r in fit.reasons if r.kind == kind):
            text = reason.text.replace("&", "&amp;").replace("<", "&lt;")
            rows.append(f"<tr><td style='color:{colour}; font-weight:bold; padding-right:6px'>"
                        f"{mark}</td><td>{text} <span style='color:#888'>({meaning})</span>"
                        f"</td></tr>")
    return "<table cellspacing='3'>" + "".join(rows) + "</table>"


class FitView(QWidget):
    """Reasons for the label and the override controls."""

    override_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loading = False
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName("Fit summary")
        # The reasons and, under them, how the label is worked out, in one read-only document
        # that scrolls by itself: on a short window the explanation is a scroll away instead
        # of squeezed to a cut line. A document lays its table out once per width; the rich-
        # text label it replaces was laid out again on every resize pass (50 ms of the
        # Programs page's first show).
        self.reasons = QTextBrowser()
        self.reasons.setAccessibleName("Fit reasons")
        self.reasons.setFrameShape(QTextBrowser.Shape.NoFrame)
        self.reasons.setOpenLinks(False)
        self.reasons.viewport().setAutoFillBackground(False)
        self.reasons.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.reasons.setHtml(NOTE)
        self.label = QComboBox()
        self.label.setAccessibleName("Your fit label")
        self.label.addItem("use the computed label", "")
        for fit_label in reversed(OVERRIDE_LABELS):
            self.label.addItem(fit_label, fit_label)
        self.label.activated.connect(lambda _i: self._changed())
        self.reason = QLineEdit()
        self.reason.setAccessibleName("Reason for your label")
        self.reason.setPlaceholderText("why you label it differently (kept with the label)")
        self.reason.editingFinished.connect(self._changed)
        form = QFormLayout()
        form.addRow("Your label:", self.label)
        form.addRow("Your reason:", self.reason)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.reasons, 1)
        layout.addLayout(form)

    def show_fit(self, fit: FitResult | None, program: Program | None) -> None:
        self._loading = True
        try:
            if fit is None:
                self.summary.setText("No fit computed.")
                self.reasons.setHtml(NOTE)
                return
            counts = {k: sum(1 for r in fit.reasons if r.kind == k) for k in ORDER}
            head = (f"<b>{fit.describe()}</b>")
            if fit.overridden and fit.override_reason:
                head += f"<br>Your reason: {fit.override_reason}"
            head += (f"<br><span style='color:#555'>{counts['blocker']} blocker(s), "
                     f"{counts['plus']} for, {counts['minus']} against, "
                     f"{counts['unknown']} not recorded</span>")
            self.summary.setText(head)
            self.reasons.setHtml(reasons_html(fit) + NOTE)
            index = self.label.findData(program.fit_override if program else "")
            self.label.setCurrentIndex(max(0, index))
            if program is not None and self.reason.text() != program.fit_override_reason:
                self.reason.setText(program.fit_override_reason)
                self.reason.setCursorPosition(0)
        finally:
            self._loading = False

    def override(self) -> tuple[str, str]:
        """(label or "", reason); the reason is dropped with the label."""
        label = str(self.label.currentData() or "")
        return label, self.reason.text().strip() if label else ""

    def set_editable(self, editable: bool) -> None:
        self.label.setEnabled(editable)
        self.reason.setReadOnly(not editable)

    def _changed(self) -> None:
        if not self._loading:
            self.override_changed.emit()
