"""The IMG application checklist: derived from your data where it can be, ticked by hand otherwise.

Each item says whether it is done and how the app knows ("from your CV", "ticked by you"), why
it matters and its source, and has a "Go to" button that opens the section where it is done, or
names the place outside the app (ECFMG OASIS, NRMP). Information lines (what ECFMG does, what
not to upload) have no tick. Visa items show for the visa the CV says is needed, or all,
labelled, when it does not say. Ticks are kept in the workspace
(:mod:`workshop.core.programs.ranking_store`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from workshop.core.errors import UserError
from workshop.core.programs import ranking_store
from workshop.core.programs.snapshot import ProgramsData, checklist_inputs
from workshop.core.season.checklist import (
    ChecklistEntry,
    ChecklistInputs,
    checklist_progress,
    evaluate_checklist,
)
from workshop.core.season.timeline import load_season
from workshop.ui.palette import is_dark, muted
from workshop.ui.programs.common import button, rich_text
from workshop.ui.sections import SECTIONS, section

if TYPE_CHECKING:
    from workshop.ui.programs.page import ProgramsPage

STATUS_STYLE = {
    "done": ("Done", "#1d6b3c", "#dcf2e4"),
    "partial": ("Partly", "#8a5a00", "#fcefd4"),
    "todo": ("To do", "#922b21", "#f9e0dd"),
    "info": ("Info", "#1a5276", "#dcebf7"),
}


def visa_line(inputs: ChecklistInputs) -> str:
    """Which visa items are shown, and why (the CV's visa status)."""
    if not inputs.visa_known:
        return ("Your CV does not say which visa you need (CV, visa status): the J-1 and H-1B "
                "items are all shown, each labeled.")
    if not inputs.visa_needs:
        return "Your CV says you need no visa: visa items are hidden."
    return (f"Visa items for the {' and '.join(inputs.visa_needs)} shown, from your CV's visa "
            "status.")


def _section_title(key: str) -> str:
    try:
        return section(key).title
    except StopIteration:
        return key.title()


def _go_width(go: QPushButton) -> int:
    """One width for every "Go to …" button, the widest section's: the column stays straight
    and no section name is cut, whatever the font and the scaling."""
    text = go.text()
    widest = max((f"Go to {info.title}" for info in SECTIONS),
                 key=go.fontMetrics().horizontalAdvance)
    go.setText(widest)
    width = go.sizeHint().width()
    go.setText(text)
    return width


class ChecklistTab(QWidget):
    """A scrolling list of checklist rows under a progress bar."""

    def __init__(self, page: ProgramsPage) -> None:
        super().__init__()
        self.page = page
        self.entries: list[ChecklistEntry] = []
        self.boxes: dict[str, QCheckBox] = {}
        self.go_buttons: dict[str, object] = {}
        self.editable = True
        self._probe = button("Go to", lambda: None)  # measures the right column, never shown
        self.progress = QProgressBar()
        self.progress.setAccessibleName("Checklist progress")
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(14)
        self.progress_text = QLabel()
        self.progress_text.setAccessibleName("Checklist items done")
        self.intro = QLabel("What an international graduate needs before and during the "
                            "season. Items with data in this workspace update themselves; tick "
                            "the others when they are done.")
        self.intro.setWordWrap(True)
        self.visa = QLabel()
        self.visa.setAccessibleName("Visa items shown")
        self.visa.setWordWrap(True)
        self.body = QWidget()
        self.grid = QVBoxLayout(self.body)
        self.grid.setSpacing(4)
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setWidget(self.body)
        area.setAccessibleName("Checklist")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.intro)
        layout.addWidget(self.visa)
        row = QHBoxLayout()
        row.addWidget(self.progress, 1)
        row.addWidget(self.progress_text)
        layout.addLayout(row)
        layout.addWidget(area, 1)

    def set_editable(self, editable: bool) -> None:
        self.editable = editable
        for box in self.boxes.values():
            box.setEnabled(editable and box.property("tickable") is True)

    def refresh(self, _data: ProgramsData | None = None) -> None:
        try:
            ticks = ranking_store.load_checklist_ticks(self.page.workspace.settings)
            inputs = checklist_inputs(self.page.workspace)
            today = self.page.today
            self.entries = evaluate_checklist(inputs, ticks,
                                              events=load_season(today=today).events,
                                              today=today)
        except UserError as exc:
            self.intro.setText(f"<span style='color:#c0392b'>{exc}</span>")
            return
        done, total = checklist_progress(self.entries)
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.progress_text.setText(f"<b>{done} of {total} done</b>")
        visa = rich_text(visa_line(inputs))
        self.visa.setText(f"<span style='color:{muted(self)}'>{visa}</span>")
        while self.grid.count():
            child = self.grid.takeAt(0)
            if child.widget():
                child.widget().deleteLater()
        self.boxes.clear()
        self.go_buttons.clear()
        for entry in self.entries:
            self.grid.addWidget(self._row(entry))
        self.grid.addStretch(1)

    def _row(self, entry: ChecklistEntry) -> QWidget:
        item = entry.item
        frame = QFrame()
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        frame.setObjectName("checkRow")
        text, fg, bg = STATUS_STYLE[entry.status]
        badge = QLabel(text)
        badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        badge.setFixedWidth(58)
        badge.setStyleSheet(f"color:{fg}; background:{bg}; border-radius:4px; padding:2px; "
                            "font-weight:bold;")
        head = self._info_title(entry) if entry.is_info else self._box(entry)
        how = entry.detail or ("Ticked by you." if entry.by == "you" else "")
        how_html = f"{rich_text(how)}<br>" if how else ""
        why = "" if entry.is_info else "Why: "
        details = QLabel(f"{how_html}<span style='color:{muted(self)}'>{why}{rich_text(item.why)} "
                         f"<i>(Source: {rich_text(item.source)})</i></span>")
        details.setWordWrap(True)
        details.setTextFormat(Qt.TextFormat.RichText)
        text_col = QVBoxLayout()
        text_col.setSpacing(1)
        text_col.addWidget(head)
        text_col.addWidget(details)
        grid = QGridLayout(frame)
        grid.setContentsMargins(6, 4, 6, 4)
        grid.addWidget(badge, 0, 0, Qt.AlignmentFlag.AlignTop)
        grid.addLayout(text_col, 0, 1)
        grid.addWidget(self._where(entry), 0, 2, Qt.AlignmentFlag.AlignTop)
        grid.setColumnStretch(1, 1)
        return frame

    def _box(self, entry: ChecklistEntry) -> QCheckBox:
        item = entry.item
        box = QCheckBox(entry.title)
        box.setAccessibleName(f"Done: {entry.title}")
        box.setChecked(entry.done)
        by_data = entry.by == "data"
        box.setProperty("tickable", not by_data)
        box.setEnabled(self.editable and not by_data)
        done_colour = "#9fdcb3" if is_dark(self) else "#1d3b2a"
        box.setStyleSheet(f"QCheckBox:disabled {{ color: {done_colour}; }}")
        font = box.font()
        font.setBold(True)
        box.setFont(font)
        box.setToolTip("Done, from your data in this workspace." if by_data else
                       "Tick when done (kept in this workspace).")
        box.toggled.connect(lambda checked, key=item.key: self.tick(key, checked))
        self.boxes[item.key] = box
        return box

    @staticmethod
    def _info_title(entry: ChecklistEntry) -> QLabel:
        title = QLabel(f"<b>{rich_text(entry.title)}</b>")
        title.setWordWrap(True)
        title.setAccessibleName(f"Information: {entry.title}")
        return title

    def _where(self, entry: ChecklistEntry) -> QWidget:
        """A "Go to" button for a section of the app, or the place outside it."""
        item = entry.item
        if item.section:
            title = _section_title(item.section)
            go = button(f"Go to {title}",
                        lambda key=item.section: self.page.go_to_section.emit(key),
                        f"Open the {title} section, where this is done")
            go.setAccessibleName(f"Go to {title} for {item.title}")
            go.setFixedWidth(_go_width(go))
            self.go_buttons[item.key] = go
            return go
        place = QLabel(f"<span style='color:{muted(self)}'>In {rich_text(item.where)}</span>")
        place.setWordWrap(True)
        place.setAlignment(Qt.AlignmentFlag.AlignCenter)
        place.setAccessibleName(f"Done outside the app, in {item.where}")
        place.setToolTip("Done outside this app")
        place.setFixedWidth(_go_width(self._probe))
        return place

    def tick(self, key: str, done: bool) -> None:
        """Keep a manual tick and re-evaluate (a tick also completes a derived item)."""
        settings = self.page.workspace.settings
        if self.page.write(lambda: ranking_store.set_checklist_tick(settings, key, done),
                           "Cannot save the tick"):
            self.refresh()

