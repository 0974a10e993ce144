"""The CV page: section forms on the left, live PDF preview and checks on the right.

Edits write straight into the page's :class:`~workshop.core.cv.model.CV`; the workspace copy is
saved under :class:`~workshop.core.autosave.AutosavePolicy` (like statements: after a pause and
at least every 1.5 s), the checks rerun after a short pause (they take ~2 ms for a real CV, so
they run on the GUI thread) and the preview re-renders on a worker thread ~400 ms after the last
edit. Named versions come from the documents repository the CV is stored in.

The personal section shares the applicant's name and contact with the profile (see
``workshop.core.profile_service``): a CV save writes them to the profile, and a profile saved
elsewhere (File ▸ Applicant profile…) is shown here at once.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMenu,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from workshop.core.changes import Changes
from workshop.core.cv.checks import check_cv
from workshop.core.cv.dates import MonthYear
from workshop.core.cv.in_workspace import (
    cv_document,
    load_workspace_cv,
    print_options,
    profile_values_from_cv,
    remember_print_options,
    save_workspace_cv,
    sync_profile_from_cv,
)
from workshop.core.cv.model import CV
from workshop.core.cv.ordering import sort_cv
from workshop.core.cv.timeline import Gap, find_gaps
from workshop.core.errors import UserError
from workshop.core.profile_service import apply_profile_to_cv, load_profile
from workshop.ui.autosaver import Autosaver
from workshop.ui.context import UiContext
from workshop.ui.cv import language, transfer
from workshop.ui.cv.checks_panel import ChecksPanel, count_phrase
from workshop.ui.cv.list_editor import ListEditor
from workshop.ui.cv.preview import PreviewPane
from workshop.ui.cv.section_forms import SectionForms
from workshop.ui.empty_state import EmptyState
from workshop.ui.page_base import PageBase
from workshop.ui.save_state import SaveState
from workshop.ui.widgets import button

CHECK_DELAY_MS = 300
LANGUAGE_DELAY_MS = 1200
_WHERE = re.compile(r"^(\w+)(?:\[([^\]]*)\])?(?:\.(.+))?$")
#: Finding paths that start with these heads live on a record page (head -> page key).
RECORD_HEADS = {"personal": "personal", "target_specialty": "personal", "summary": "personal",
                "ecfmg": "ecfmg", "preferences": "preferences",
                "impactful_experience": "preferences"}


class CvPage(PageBase):
    """Edit the workspace's CV section by section with a live preview and checks."""

    keeps_versions = True
    #: The profile's name and contact are the personal section's (see the module docstring).
    shows = ("profile",)

    checked = Signal(object)
    exported = Signal(object)
    export_failed = Signal(str)
    language_checked = Signal(object)

    def __init__(self, context: UiContext, parent: QWidget | None = None,
                 today: Callable[[], _dt.date] = _dt.date.today) -> None:
        super().__init__(parent)
        self.context = context
        self.workspace = context.workspace
        self.today = today
        self.autosave = Autosaver(lambda: save_workspace_cv(self.workspace, self.cv),
                                  idle_ms=context.settings.autosave_idle_ms, parent=self)
        self.autosave.state_changed.connect(self.save_state_changed)
        self.autosave.state_changed.connect(self._announce_save)
        self.cv = CV()
        self.export_notes: list[str] = []  # what the last JSON Resume export could not hold
        self.findings: list[Any] = []
        self.language_findings: list[Any] = []
        self._language_generation = 0
        self._joined: language.JoinedText | None = None
        self.gaps: list[Gap] = []
        self._loading = False
        # The shared name and contact as last announced: a save says profile=True only when
        # they changed (the header and the exports read them).
        self._shared: dict[str, str] = {}
        self.eras_dialog: QWidget | None = None
        self._build()
        self.check_timer = QTimer(self)
        self.check_timer.setSingleShot(True)
        self.check_timer.setInterval(CHECK_DELAY_MS)
        self.check_timer.timeout.connect(self.run_checks)
        self.language_timer = QTimer(self)
        self.language_timer.setSingleShot(True)
        self.language_timer.setInterval(LANGUAGE_DELAY_MS)
        self.language_timer.timeout.connect(self.request_language_check)
        self.checker = context.services.get("checker")
        if self.checker is not None:
            self.checker.ready.connect(self._on_language_checked)
            self.checker.reconfigured.connect(self._recheck_language)
        self.reload()

    # -- building ---------------------------------------------------------------------------
    def _build(self) -> None:
        self.sections = SectionForms(lambda: self.cv, self._edited,
                                     editable=not self.workspace.read_only)
        # The page's names for them (tests and the window read these).
        self.nav, self.forms = self.sections.nav, self.sections.forms
        self.pages, self.records, self.lists = (self.sections.pages, self.sections.records,
                                                self.sections.lists)

        self.preview = PreviewPane(self._snapshot)
        self.preview.options_changed.connect(self._remember_options)
        self.checks = ChecksPanel()
        self.checks.field_label = lambda path: language.field_label(self.cv, path)
        self.checks.jump.connect(self.jump_to)
        self.checks.gap_note_changed.connect(self._gap_note_changed)
        self.side = QTabWidget()
        self.side.setAccessibleName("Preview and checks")
        self.side.addTab(self.preview, "Preview")
        self.side.addTab(self.checks, "Checks")

        self.sort_button = button("Sort newest first", self.sort_newest_first,
                                   "Reverse-chronological order in every dated section, as U.S. "
                                   "programs expect")
        self.version_button = button("Save version…", lambda: self.save_version(),
                                      "Keep a named snapshot (Ctrl+S)")
        self.versions_button = button("Versions…", self.show_versions,
                                       "Compare CV versions word by word, restore an old one")
        self.eras_button = button("ERAS text…", self.show_eras_blocks,
                                   "Plain-text blocks per experience, and the whole MyERAS "
                                   "worksheet (in MyERAS order, with counts) to paste from")
        self.import_button = button("Import JSON Resume…", lambda: transfer.ask_import(self))
        self.export_button = QToolButton()
        self.export_button.setText("Export")
        self.export_button.setAccessibleName("Export CV")
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.export_button)
        menu.addAction("PDF…", lambda: transfer.ask_export(self, ".pdf"))
        menu.addAction("Word (.docx)…", lambda: transfer.ask_export(self, ".docx"))
        menu.addAction("JSON Resume (.json)…", lambda: transfer.ask_export_json_resume(self))
        self.export_button.setMenu(menu)
        self.summary = QLabel()
        self.summary.setAccessibleName("CV check summary line")
        toolbar = QHBoxLayout()
        for widget in (self.sort_button, self.version_button, self.versions_button,
                       self.eras_button,
                       self.import_button, self.export_button):
            toolbar.addWidget(widget)
        toolbar.addStretch(1)
        toolbar.addWidget(self.summary)

        editor_splitter = QSplitter(Qt.Orientation.Horizontal)
        editor_splitter.addWidget(self.nav)
        editor_splitter.addWidget(self.forms)
        editor_splitter.addWidget(self.side)
        editor_splitter.setChildrenCollapsible(False)
        editor_splitter.setStretchFactor(1, 5)
        editor_splitter.setStretchFactor(2, 4)
        editor_splitter.setSizes([128, 400, 450])
        self.splitter = editor_splitter
        editor = QWidget()
        editor_layout = QVBoxLayout(editor)
        editor_layout.setContentsMargins(0, 0, 0, 0)
        editor_layout.addLayout(toolbar)
        editor_layout.addWidget(editor_splitter, 1)

        self.empty = EmptyState(
            "CV",
            "Build an ERAS-shaped CV: education, USMLE, ECFMG, U.S. clinical experience and "
            "research, checked for gaps and ERAS limits, with a live preview in print themes.",
            ["Click <i>Start my CV</i> (your profile fills in the basics), or import a "
             "JSON Resume file.",
             "Fill each section; dates are month and year, or “present”.",
             "Explain every gap the checks find, then export PDF, .docx or ERAS text."],
            action_text="Start my CV",
        )
        assert self.empty.button is not None
        self.empty.button.clicked.connect(self.start_cv)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(editor)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

    @property
    def custom_items(self) -> ListEditor:
        """The items of the custom section selected (built with the custom sections' page)."""
        return self.sections.custom_items

    # -- loading ----------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the CV from the workspace (an empty state when none was started)."""
        self.flush()
        self.preview.set_options(*print_options(self.workspace))
        if cv_document(self.workspace) is None:
            self.stack.setCurrentWidget(self.empty)
            self.empty.setEnabled(not self.workspace.read_only)
            return
        try:
            cv = load_workspace_cv(self.workspace)
        except UserError as exc:
            self.stack.setCurrentWidget(self.empty)
            self.message.emit(str(exc))
            return
        self.set_cv(cv)

    def set_cv(self, cv: CV) -> None:
        """Show ``cv`` in every form (after loading, importing or restoring)."""
        self._loading = True
        self.cv = cv
        self._shared = profile_values_from_cv(cv)
        try:
            self.sections.bind()
        finally:
            self._loading = False
        self.stack.setCurrentIndex(1)
        if self.nav.currentRow() < 0:
            self.nav.setCurrentRow(0)
        self.set_editable(not self.workspace.read_only)
        self.run_checks()
        self.preview.schedule(immediate=True)
        self.language_timer.start()

    def set_editable(self, editable: bool) -> None:
        self.sections.set_editable(editable)
        self.checks.set_editable(editable)
        for control in (self.sort_button, self.version_button, self.import_button):
            control.setEnabled(editable)

    def start_cv(self) -> None:
        """Begin a CV from the profile's basics and save it at once."""
        if self.workspace.read_only:
            return
        profile = load_profile(self.workspace)
        cv = CV(target_specialty=profile.target_specialty)
        apply_profile_to_cv(profile, cv)
        try:
            save_workspace_cv(self.workspace, cv)
        except UserError as exc:
            self.message.emit(str(exc))
            return
        self.set_cv(cv)
        self.nav.setCurrentRow(0)
        self.changed.emit(Changes(cv=True))

    def new_item(self) -> None:
        """Ctrl+N: a new entry in the list shown (an experience from the personal page)."""
        if self.stack.currentIndex() == 0:
            self.start_cv()
            return
        key = self.sections.current_key()
        if key not in self.lists:
            key = "experience"
            self.show_section(key)
        self.lists[key].add()

    def show_section(self, key: str) -> None:
        self.sections.show_section(key)

    # -- edits, saving ----------------------------------------------------------------------
    def _edited(self, _path: str = "") -> None:
        if self._loading or self.workspace.read_only:
            return
        self.autosave.edited()
        self.preview.schedule()
        self.check_timer.start()
        self.language_timer.start()

    def _gap_note_changed(self, gap: Gap, text: str) -> None:
        if self.workspace.read_only:
            return
        self.cv.set_gap_note(gap.start, gap.end, text)
        self._edited("gap_notes")

    def _announce_save(self, state: SaveState, _detail: str) -> None:
        """A saved CV; ``profile`` too when the shared name or contact changed with it."""
        if state is not SaveState.SAVED:
            return
        shared = profile_values_from_cv(self.cv)
        profile_changed = shared != self._shared
        self._shared = shared
        self.changed.emit(Changes(cv=True, profile=profile_changed))

    def refresh(self) -> None:
        """The profile changed elsewhere: show its name and contact in the personal section.

        The CV in the workspace already has them (``save_profile`` wrote both); the copy here
        takes them too, so a later autosave of other edits keeps them.
        """
        if self.stack.currentIndex() == 0:
            return
        if not apply_profile_to_cv(load_profile(self.workspace), self.cv):
            return
        self._shared = profile_values_from_cv(self.cv)
        self.sections.bind(only="personal")
        self.run_checks()
        self.preview.schedule()

    def flush(self) -> bool:
        """Save the CV now if anything is unsaved; False when saving failed (retried later)."""
        return self.autosave.flush()

    def save_version(self, name: str | None = None) -> bool:
        """Ctrl+S: keep a named snapshot of the CV."""
        if self.stack.currentIndex() == 0 or self.workspace.read_only or not self.flush():
            return False
        doc = cv_document(self.workspace)
        try:
            if doc is None:
                doc = save_workspace_cv(self.workspace, self.cv)
            if name is None:
                count = len(self.workspace.documents.versions(doc.id))
                name, ok = QInputDialog.getText(self, "Save CV version", "Name this version:",
                                                text=f"CV version {count + 1}")
                if not ok:
                    return False
            info = self.workspace.documents.save_version(doc.id, name)
        except UserError as exc:
            self.message.emit(str(exc))
            return False
        self.message.emit(f"Saved CV version “{info.name}”.")
        return True

    def show_versions(self) -> None:
        """Named CV versions side by side (as readable text); restoring reloads the editor."""
        from workshop.core.cv.in_workspace import cv_plain_text
        from workshop.ui.statements.versions import VersionsDialog

        doc = cv_document(self.workspace)
        if doc is None or not self.flush():
            return
        dialog = VersionsDialog(self.workspace, doc.id, self, render=cv_plain_text)
        dialog.setWindowTitle("CV versions")
        dialog.exec()
        if dialog.restored:
            self.reload()
            self._sync_profile_after_restore()

    def _sync_profile_after_restore(self) -> None:
        """A restored version may carry another name or phone: the profile follows the CV."""
        if self.workspace.read_only or self.stack.currentIndex() == 0:
            return
        try:
            changed = sync_profile_from_cv(self.workspace, self.cv)
        except UserError as exc:
            self.message.emit(str(exc))
            return
        if changed:
            self.changed.emit(Changes(cv=True, profile=True))

    def _remember_options(self) -> None:
        if self.workspace.read_only:
            return
        try:
            remember_print_options(self.workspace, self.preview.theme_name,
                                   self.preview.paper_name)
        except UserError as exc:
            self.message.emit(str(exc))
            return
        self.changed.emit(Changes(cv=True))  # Exports starts the CV with this theme and paper

    def _snapshot(self) -> dict[str, Any]:
        return self.cv.to_dict(include_private=False)

    # -- actions ----------------------------------------------------------------------------
    def sort_newest_first(self) -> list[str]:
        changed = sort_cv(self.cv)
        self.sections.refresh_lists(changed)
        if changed:
            self._edited("order")
            self.message.emit("Sorted newest first: " + ", ".join(changed) + ".")
        else:
            self.message.emit("Already newest first.")
        return changed

    def show_eras_blocks(self) -> None:
        transfer.show_eras_blocks(self)

    # -- checks -----------------------------------------------------------------------------
    def run_checks(self) -> list[Any]:
        today = self.today()
        self.findings = check_cv(self.cv, today)
        self.gaps = find_gaps(self.cv, MonthYear.from_date(today))
        self.checks.show_findings([*self.findings, *self.language_findings])
        self.checks.show_gaps(self.gaps)
        # Spelling and grammar count too: the header and the tab read what the list shows.
        counts = {s: sum(1 for f in (*self.findings, *self.language_findings) if f.severity == s)
                  for s in ("error", "warning")}
        marks = [f"{n} {sign}" for n, sign in ((counts["error"], "✖"), (counts["warning"], "⚠"))
                 if n]
        title = f"Checks ({' '.join(marks)})" if marks else "Checks ✓"
        self.side.setTabText(1, title)
        errors, warnings = counts["error"], counts["warning"]
        colour = "#c0392b" if errors else ("#b9770e" if warnings else "#1e8449")
        parts = (count_phrase(errors, "error"), count_phrase(warnings, "warning"),
                 count_phrase(len(self.gaps), "gap"))
        self.summary.setText(f"<span style='color:{colour}'>{' · '.join(parts)}</span>")
        self.checked.emit(self.findings)
        return self.findings

    def _recheck_language(self) -> None:
        self.language_timer.start()

    def request_language_check(self) -> bool:
        """Send the CV's prose to the shared checker (when the app runs one)."""
        if self.checker is None or self.stack.currentIndex() == 0:
            return False
        from workshop.core import statements as statement_service
        from workshop.core.checks.rules.meta import RuleContext
        from workshop.ui.checker import CheckRequest

        self._language_generation += 1
        self._joined = language.join_texts(self.cv)
        self.checker.request(CheckRequest(
            language.OWNER, self._language_generation, self._joined.text, RuleContext(),
            statement_service.user_words(self.workspace),
            statement_service.ignored_keys(self.workspace)))
        return True

    def _on_language_checked(self, owner: str, generation: int, result: Any) -> None:
        if owner != language.OWNER or generation != self._language_generation \
                or self._joined is None:
            return
        self.language_findings = language.map_findings(list(result.findings), self._joined)
        self.run_checks()
        self.language_checked.emit(self.language_findings)

    def jump_to(self, where: str) -> bool:
        """Show the entry and focus the field a finding names ("experience[2].end")."""
        match = _WHERE.match(where)
        if match is None:
            return False
        head, index, rest = match.groups()
        if head == "gap_notes":
            self.side.setCurrentWidget(self.checks)
            return self.checks.focus_gap(index or "")
        if head in RECORD_HEADS:
            key = RECORD_HEADS[head]
            self.show_section(key)
            widget = self.records[key].widget_for(where)
            scroll = self.sections.record_scrolls[key]
        elif head in self.lists:
            self.show_section(head)
            editor = self.lists[head]
            if index is None or not index.isdigit() or not editor.select(int(index)):
                return False
            widget = editor.form.widget_for(rest) if rest else None
            if widget is None:
                widget = next(iter(editor.form.widgets.values()), None)
            scroll = editor.scroll
        else:
            return False
        if widget is None:
            return False
        if isinstance(scroll, QScrollArea):
            scroll.ensureWidgetVisible(widget)
        widget.setFocus()
        return True

    @property
    def ready_for_screenshot(self) -> bool:
        return self.stack.currentIndex() == 0 or not self.preview.busy

    def shutdown(self) -> None:
        self.autosave.stop()
        self.check_timer.stop()
        self.language_timer.stop()
        if self.checker is not None:
            self.checker.ready.disconnect(self._on_language_checked)
            self.checker.reconfigured.disconnect(self._recheck_language)
        self.flush()
        self.preview.shutdown()
