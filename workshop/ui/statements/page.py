"""Personal statements: list, plain-text editor with live checks, counters, versions, tailoring.

Autosave follows :class:`workshop.core.autosave.AutosavePolicy` (after a pause, and at least
every 1.5 s while typing). A failed save (disk full) keeps the text in the editor, says so in
the status bar and retries on the next tick; nothing typed is dropped. Checks run on the shared
checker thread; an answer that arrives after a newer edit is dropped.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from workshop.core import statements as service
from workshop.core.changes import Changes
from workshop.core.checks.rules.tailoring import specialty_names
from workshop.core.errors import UserError
from workshop.core.model.documents import Document, DocumentKind
from workshop.ui.autosaver import Autosaver
from workshop.ui.checker import CheckerHost
from workshop.ui.context import UiContext
from workshop.ui.empty_state import EmptyState
from workshop.ui.file_dialogs import open_file_name, save_file_name
from workshop.ui.find_replace import FindReplaceDialog
from workshop.ui.page_base import PageBase
from workshop.ui.palette import muted
from workshop.ui.save_state import SaveState
from workshop.ui.statements.counters import CountersBar
from workshop.ui.statements.editor import CheckedEditor
from workshop.ui.statements.export_prompt import confirm_export
from workshop.ui.statements.import_report import show_import_report
from workshop.ui.statements.issues_panel import IssuesPanel
from workshop.ui.statements.live_check import LiveCheck
from workshop.ui.statements.versions import VersionsDialog
from workshop.ui.widgets import button, name_list

# The pause after a keystroke before the edited paragraph is checked again. Unchanged
# paragraphs keep their underlines meanwhile (they move with the text), and a check of one
# edited paragraph takes ~20 ms on the worker, so a short pause costs little and the new
# underlines follow typing closely (benchmark: `workshop bench` "statement underlines").
CHECK_DELAY_MS = 60
STATEMENTS_CHANGED = Changes(statements=True)
OWNER = "statements"




class StatementsPage(PageBase):
    """Lists statements and edits the selected one."""

    keeps_versions = True
    finds_text = True

    checked = Signal(object)  # a whole check's result is shown
    first_underlines = Signal()  # any result is shown (the quick first one too)
    exported = Signal(object)  # the Path written
    export_failed = Signal(str)

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.workspace = context.workspace
        self.autosave = Autosaver(self._save_body, idle_ms=context.settings.autosave_idle_ms,
                                  parent=self)
        self.autosave.state_changed.connect(self.save_state_changed)
        self.autosave.state_changed.connect(self._announce_save)
        self.current: Document | None = None
        self.result: object | None = None
        self._loading = False
        self._find: FindReplaceDialog | None = None
        self.import_report: QWidget | None = None  # the last import's report, while open
        self._build()
        self.checker = self._checker()
        self.live = LiveCheck(self.checker, OWNER)
        self.checker.ready.connect(self._on_checked)
        self.checker.failed.connect(self._on_check_failed)
        self.checker.reconfigured.connect(self.check_timer_start)

        self.check_timer = QTimer(self)
        self.check_timer.setSingleShot(True)
        self.check_timer.setInterval(CHECK_DELAY_MS)
        self.check_timer.timeout.connect(self.request_check)
        self.reload()

    # -- building -----------------------------------------------------------------------
    def _checker(self) -> CheckerHost:
        services = self.context.services
        if "checker" not in services:
            host = CheckerHost("auto", self.context.settings.languagetool_url,
                               self.context.settings.learner_grammar)
            host.warm()
            services["checker"] = host
        return services["checker"]  # type: ignore[no-any-return]

    def _build(self) -> None:
        self.list = name_list("Statements")
        self.list.currentItemChanged.connect(self._on_selected)
        self.new_button = button("New statement", self.new_statement)
        self.import_button = button("Import…", self.import_file,
                                     "Import a statement from .docx, .txt or .md")
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel("<b>Statements</b>"))
        left_layout.addWidget(self.list, 1)
        left_layout.addWidget(self.new_button)
        left_layout.addWidget(self.import_button)
        left.setMinimumWidth(190)

        self.title = QLineEdit()
        self.title.setAccessibleName("Statement title")
        self.title.setPlaceholderText("Title, e.g. Internal Medicine — main statement")
        self.title.editingFinished.connect(self._save_targets)
        self.specialty = QComboBox()
        self.specialty.setEditable(True)
        self.specialty.setAccessibleName("Target specialty")
        self.specialty.addItems(specialty_names())
        self.specialty.lineEdit().editingFinished.connect(self._save_targets)
        self.specialty.activated.connect(lambda _i: self._save_targets())
        self.programs = QLineEdit()
        self.programs.setAccessibleName("Target programs")
        self.programs.setPlaceholderText("all programs (or names, separated by semicolons)")
        self.programs.editingFinished.connect(self._save_targets)
        form = QFormLayout()
        form.addRow("Title:", self.title)
        form.addRow("Specialty:", self.specialty)
        form.addRow("Programs:", self.programs)

        self.summary = QLabel()
        self.summary.setAccessibleName("Ready for ERAS")
        toolbar = QHBoxLayout()
        toolbar.addWidget(button("Save version…", lambda: self.save_version(),
                                  "Keep a named snapshot (Ctrl+S)"))
        toolbar.addWidget(button("Versions…", self.show_versions,
                                  "Compare versions word by word, restore an old one"))
        toolbar.addWidget(button("Tailor…", self.tailor,
                                  "Tailor for a program: a copy of this statement for one program"))
        toolbar.addWidget(button("Find…", self.show_find, "Find and replace (Ctrl+F)"))
        toolbar.addWidget(button("Make ERAS-safe", self.make_eras_safe,
                                  "Replace smart quotes, long dashes, tabs and other characters "
                                  "that do not survive ERAS plain text"))
        self.export_button = QToolButton()
        self.export_button.setText("Export")
        self.export_button.setAccessibleName("Export")
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.export_button)
        menu.addAction("PDF…", lambda: self.export_file(".pdf"))
        menu.addAction("Word (.docx)…", lambda: self.export_file(".docx"))
        menu.addAction("ERAS plain text (.txt)…", lambda: self.export_file(".txt"))
        menu.addAction("Copy ERAS-safe text", self.copy_eras_safe)
        self.export_button.setMenu(menu)
        toolbar.addWidget(self.export_button)
        toolbar.addWidget(button("Delete…", self.delete_statement))
        toolbar.addStretch(1)

        self.editor = CheckedEditor()
        self.editor.setAccessibleName("Statement text")
        self.editor.setPlaceholderText("Write or paste your personal statement here.")
        self.editor.setTabChangesFocus(True)
        font = self.editor.font()
        font.setPointSizeF(max(font.pointSizeF(), 11.0))
        self.editor.setFont(font)
        self.editor.textChanged.connect(self._on_text_changed)
        self.editor.apply_suggestion.connect(self.apply_fix)
        self.editor.add_to_dictionary.connect(self.add_word)
        self.editor.ignore_finding.connect(self.ignore)
        self.issues = IssuesPanel()
        self.issues.jump.connect(self.editor.select_finding)
        self.issues.apply_fix.connect(lambda f: self.apply_fix(f, f.suggestions[0]))
        self.issues.ignore.connect(self.ignore)
        self.counters = CountersBar()
        middle = QSplitter(Qt.Orientation.Horizontal)
        middle.addWidget(self.editor)
        middle.addWidget(self.issues)
        middle.setStretchFactor(0, 3)
        middle.setStretchFactor(1, 1)
        middle.setSizes([640, 280])

        editor_box = QWidget()
        editor_layout = QVBoxLayout(editor_box)
        editor_layout.setContentsMargins(0, 0, 0, 0)
        editor_layout.addLayout(form)
        editor_layout.addLayout(toolbar)
        editor_layout.addWidget(self.summary)
        editor_layout.addWidget(middle, 1)
        editor_layout.addWidget(self.counters)

        self.empty = EmptyState(
            "Personal statements",
            "Draft, check and version your ERAS personal statements here: one per specialty "
            "and tailored copies per program, checked against the 28,000-character ERAS limit.",
            ["Click <i>New statement</i>, or import a .docx, .txt or .md file.",
             "Write or paste your draft; it saves as you type and is checked as you go.",
             "Press Ctrl+S to keep a named version before big changes."],
            action_text="New statement",
        )
        assert self.empty.button is not None
        self.empty.button.clicked.connect(self.new_statement)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(editor_box)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 4)
        splitter.setSizes([220, 900])
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

    # -- list ---------------------------------------------------------------------------
    def reload(self, select_id: int | None = None) -> None:
        self.flush()
        wanted = select_id if select_id is not None else (
            self.current.id if self.current else None)
        self.list.blockSignals(True)
        self.list.clear()
        for doc in self.workspace.documents.list(DocumentKind.PERSONAL_STATEMENT):
            item = QListWidgetItem(doc.title or "Untitled statement")
            item.setData(Qt.ItemDataRole.UserRole, doc.id)
            item.setToolTip(f"{doc.title or 'Untitled statement'}\n{doc.target_specialty} · "
                            f"{', '.join(doc.target_programs) or 'all programs'}")
            self.list.addItem(item)
            if doc.id == wanted:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)
        self._on_selected(self.list.currentItem(), None)

    def new_item(self) -> None:
        self.new_statement()

    def new_statement(self) -> None:
        try:
            doc = self.workspace.documents.create(
                DocumentKind.PERSONAL_STATEMENT, "Untitled statement",
                target_specialty=self.workspace.profile.get().target_specialty,
            )
        except UserError as exc:
            self.message.emit(str(exc))
            return
        self.reload(select_id=doc.id)
        self.changed.emit(STATEMENTS_CHANGED)
        self.title.setFocus()
        self.title.selectAll()

    def _on_selected(self, item: QListWidgetItem | None, _previous: object) -> None:
        self.flush()
        if item is None:
            self.current = None
            self.stack.setCurrentWidget(self.empty)
            return
        self.current = self.workspace.documents.get(int(item.data(Qt.ItemDataRole.UserRole)))
        self._loading = True
        self.live.forget()  # answers still coming for the previous statement are not for this
        self.result = None
        self.title.setText(self.current.title)
        self.specialty.setCurrentText(self.current.target_specialty)
        self.programs.setText("; ".join(self.current.target_programs))
        self.editor.setPlainText(self.current.body)
        self.editor.show_findings([])
        self._loading = False
        self.stack.setCurrentIndex(1)
        editable = not self.workspace.read_only
        for widget in (self.editor, self.title, self.programs):
            widget.setReadOnly(not editable)
        self.specialty.setEnabled(editable)
        # Deferred: at start-up this lets the window paint before the checker spins up.
        self.check_timer.start()

    # -- checking -----------------------------------------------------------------------
    def check_timer_start(self) -> None:
        """Check again soon (the checker's engines changed in Preferences)."""
        self.check_timer.start()

    def request_check(self) -> None:
        if self.current is None:
            return
        if self.result is None:
            self.issues.summary.setText("<b>Issues</b> (checking…)")
        self.live.request(
            self.editor.toPlainText(), self.editor.revision,
            service.rule_context(self.workspace, self.current),
            service.user_words(self.workspace), service.ignored_keys(self.workspace),
            fresh=self.result is None)  # just opened: spelling and grammar first

    def _on_checked(self, owner: str, generation: int, result: object) -> None:
        sent = self.live.accept(owner, generation)
        if sent is None:
            return  # an older answer than the one shown, or for another statement
        revision, text = sent
        # The text may have changed since this check was sent: its findings are carried
        # through the edits made meanwhile, and those on edited words are left out.
        self.editor.show_findings(result.findings, text, revision)  # type: ignore[attr-defined]
        self.editor.edits.forget_before(self.live.oldest_pending_revision(self.editor.revision))
        self.issues.show_result(result.summary, self.editor.listed_findings())  # type: ignore
        self.counters.show_stats(result.stats)  # type: ignore[attr-defined]
        self._show_quick_counts()
        self.first_underlines.emit()
        if result.quick:  # type: ignore[attr-defined]
            self.summary.setText(
                f"<span style='color:{muted(self)}'>{result.summary}</span>")  # type: ignore
            return  # the whole check follows; only it gives a verdict
        self.result = result
        self.summary.setText(
            f"<b>{result.summary}</b>"  # type: ignore[attr-defined]
            if result.ready else f"<b style='color:#c0392b'>{result.summary}</b>")  # type: ignore
        self.checked.emit(result)

    @property
    def ready_for_screenshot(self) -> bool:
        return self.current is None or self.result is not None

    def _on_check_failed(self, owner: str, generation: int, error: str) -> None:
        if self.live.is_newest(owner, generation):
            self.issues.summary.setText(f"The checker failed: {error}")

    def apply_fix(self, finding: object, replacement: str) -> None:
        if self.workspace.read_only:
            return
        if not self.editor.replace_finding(finding, replacement):
            self.message.emit("That text was edited since it was checked: nothing replaced.")

    def add_word(self, word: str) -> None:
        try:
            service.add_user_word(self.workspace, word)
        except UserError as exc:
            self.message.emit(str(exc))
            return
        self.message.emit(f"Added “{word}” to this workspace's dictionary.")
        self.request_check()

    def ignore(self, finding: object) -> None:
        try:
            service.ignore_finding(self.workspace, finding.key)  # type: ignore[attr-defined]
        except UserError as exc:
            self.message.emit(str(exc))
            return
        self.request_check()

    # -- saving -------------------------------------------------------------------------
    def _on_text_changed(self) -> None:
        if self._loading or self.current is None:
            return
        self._show_quick_counts()
        self.autosave.edited()
        self.check_timer.start()

    def _show_quick_counts(self) -> None:
        """Characters and words on every keystroke; the rest of the counters follow checks."""
        self.counters.show_counts(self.editor.toPlainText())

    def _announce_save(self, state: SaveState, _detail: str) -> None:
        if state is SaveState.SAVED:
            self.changed.emit(STATEMENTS_CHANGED)

    def _save_body(self) -> None:
        if self.current is not None:
            self.workspace.documents.save_working_copy(self.current.id, self.editor.toPlainText())

    def flush(self) -> bool:
        """Save the working copy now if anything is unsaved; False when saving failed."""
        return self.autosave.flush()

    def _save_targets(self) -> None:
        if self.current is None or self._loading or self.workspace.read_only:
            return
        title = self.title.text().strip() or "Untitled statement"
        specialty = self.specialty.currentText().strip()
        programs = [p.strip() for p in self.programs.text().split(";") if p.strip()]
        if (title, specialty, programs) == (self.current.title, self.current.target_specialty,
                                            self.current.target_programs):
            return
        try:
            self.current = self.workspace.documents.update(
                self.current.id, title=title, target_specialty=specialty,
                target_programs=programs)
        except UserError as exc:
            self.save_state_changed.emit(SaveState.FAILED, exc.message)
            return
        item = self.list.currentItem()
        if item is not None:
            item.setText(title)
        self.save_state_changed.emit(SaveState.SAVED, "")
        self.changed.emit(STATEMENTS_CHANGED)
        self.request_check()

    # -- actions ------------------------------------------------------------------------
    def save_version(self, name: str | None = None) -> bool:
        """Ctrl+S: keep a named snapshot of the current statement."""
        if self.current is None or not self.flush():
            return False
        if name is None:
            count = len(self.workspace.documents.versions(self.current.id))
            name, ok = QInputDialog.getText(
                self, "Save version", "Name this version:", text=f"Version {count + 1}")
            if not ok:
                return False
        try:
            info = self.workspace.documents.save_version(self.current.id, name)
        except UserError as exc:
            self.message.emit(str(exc))
            return False
        self.message.emit(f"Saved version “{info.name}”.")
        return True

    def show_versions(self) -> None:
        if self.current is None or not self.flush():
            return
        dialog = VersionsDialog(self.workspace, self.current.id, self,
                                apply_text=self.restore_text)
        dialog.exec()

    def restore_text(self, version_name: str, body: str) -> None:
        """Put an old version in the editor as one undoable edit, save it, mark it a version.

        The versions dialog has already kept the working copy as a version, so both the
        history and Ctrl+Z bring the replaced text back.
        """
        if self.current is None or self.workspace.read_only:
            raise UserError("This statement cannot be changed now.")
        self.editor.replace_all_text(body)
        if not self.flush():
            raise UserError("The restored text could not be saved yet.",
                            hint="It is in the editor; it saves as soon as the disk allows.")
        self.workspace.documents.save_version(self.current.id, f"Restored from “{version_name}”")
        self.message.emit(f"Restored “{version_name}”. Ctrl+Z brings back the text you had.")

    def tailor(self) -> None:
        if self.current is None or not self.flush():
            return
        programs = list(service.known_programs(self.workspace))
        program, ok = QInputDialog.getItem(
            self, "Tailor for a program", "Program this copy is for:", programs, 0, True)
        if not ok or not program.strip():
            return
        try:
            copy = self.workspace.documents.duplicate_as_tailored(self.current.id,
                                                                  program.strip())
        except UserError as exc:
            self.message.emit(str(exc))
            return
        self.reload(select_id=copy.id)
        self.changed.emit(STATEMENTS_CHANGED)
        self.message.emit(f"Made a tailored copy for {program.strip()}: the checker now flags "
                          "any other program it names.")

    def find_next(self) -> None:
        """Edit ▸ Find Next (F3): the next match of the last search, or the finder."""
        if self._find is None or not self._find.find_edit.text():
            self.show_find()
            return
        self._find.find_next()

    def show_find(self, replace: bool = False) -> None:
        if self._find is None:
            self._find = FindReplaceDialog(self.editor, self)
        self._find.show()
        self._find.raise_()
        selected = self.editor.textCursor().selectedText()
        if selected and "\u2029" not in selected:
            self._find.find_edit.setText(selected)
        (self._find.replace_edit if replace and self._find.find_edit.text()
         else self._find.find_edit).setFocus()

    def make_eras_safe(self) -> int:
        """Replace characters that ERAS plain text would break, as one undoable edit."""
        from workshop.core.checks.rules.eras_safe import make_eras_safe

        text = self.editor.toPlainText()
        safe = make_eras_safe(text)
        if safe == text:
            self.message.emit("Already ERAS-safe: nothing to change.")
            return 0
        self.editor.replace_all_text(safe)
        changed = sum(1 for a, b in zip(text, safe, strict=False) if a != b) + abs(
            len(text) - len(safe))
        self.message.emit("Made ERAS-safe (undo with Ctrl+Z).")
        return changed

    def copy_eras_safe(self) -> None:
        from workshop.core.checks.rules.eras_safe import make_eras_safe

        QGuiApplication.clipboard().setText(make_eras_safe(self.editor.toPlainText()))
        self.message.emit("Copied ERAS-safe text: paste it into MyERAS.")

    def import_file(self) -> None:
        path, _ = open_file_name(self, "Import statement", str(Path.home()),
                                              "Statements (*.docx *.txt *.md)")
        if path:
            self.import_path(Path(path))

    def import_path(self, path: Path) -> Document | None:
        try:
            imported = service.import_statement_with_report(self.workspace, path)
        except UserError as exc:
            QMessageBox.warning(self, "Cannot import", str(exc))
            return None
        self.reload(select_id=imported.document.id)
        self.changed.emit(STATEMENTS_CHANGED)
        self.message.emit(f"Imported {path.name}.")
        self.import_report = show_import_report(self, imported.report)
        return imported.document

    def export_file(self, suffix: str) -> None:
        if self.current is None or not self.flush() or not confirm_export(
                self, self.export_concerns()):
            return
        from workshop.core.exports import file_name

        default = file_name(self.workspace, f"Statement {self.current.title}", suffix)
        path, _ = save_file_name(self, "Export statement", default, f"*{suffix}")
        if path:
            self.export_path(Path(path))

    def export_concerns(self) -> list[str]:
        """What stands between this text and a statement worth sending (empty: nothing)."""
        from workshop.core.statement_export_checks import export_concerns

        result = self.result
        findings = list(getattr(result, "findings", []))
        stats = getattr(result, "stats", None)
        return export_concerns(
            self.editor.toPlainText(),
            sum(1 for f in findings if f.severity == "error"),
            sum(1 for f in findings if f.severity == "warning"),
            page_count=getattr(stats, "page_count", None))

    def export_path(self, path: Path) -> int | None:
        """Read the statement now, write the file off the GUI thread; ``exported`` reports it.

        Returns the operation's token, or None when nothing was started (no statement, or a
        file type that cannot be exported, which is said at once).
        """
        if self.current is None:
            return None
        self.current = self.workspace.documents.get(self.current.id)
        try:
            write = service.plan_statement_export(self.workspace, self.current, path)
        except UserError as exc:
            QMessageBox.warning(self, "Cannot export", str(exc))
            self.export_failed.emit(str(exc))
            return None
        self.message.emit(f"Exporting {path.name}…")

        def done(written: object) -> None:
            self.message.emit(f"Exported {Path(str(written)).name}.")
            self.exported.emit(written)

        def failed(error: str) -> None:
            QMessageBox.warning(self, "Cannot export", error)
            self.export_failed.emit(error)

        return self.context.operations.run(write, on_done=done, on_failed=failed, parent=self)

    def delete_statement(self) -> None:
        if self.current is None:
            return
        answer = QMessageBox.question(
            self, "Delete statement",
            f"Delete “{self.current.title}” and all its versions? This cannot be undone "
            "(backups keep older copies).")
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.autosave.discard()
        self.workspace.documents.delete(self.current.id)
        self.current = None
        self.reload()
        self.changed.emit(STATEMENTS_CHANGED)

    def undo(self) -> None:
        self.editor.undo()

    def redo(self) -> None:
        self.editor.redo()

    def shutdown(self) -> None:
        self.autosave.stop()
        self.check_timer.stop()

