"""Exports: pick a document, a theme and a paper size; preview it live; write PDF/.docx/text.

The preview re-renders in the background whenever the choice changes or the workspace data
behind it changes (checked every second while the page is visible), so it follows edits made
in other sections without ever blocking typing there.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from workshop.core import exports, statements
from workshop.core.errors import UserError
from workshop.core.export.themes import list_themes
from workshop.ui.context import UiContext
from workshop.ui.file_dialogs import save_file_name
from workshop.ui.page_base import PageBase
from workshop.ui.pdf_preview import PdfPreview
from workshop.ui.statements.export_prompt import confirm_export
from workshop.ui.widgets import name_list


class ExportsPage(PageBase):
    """Every document in every theme and paper size, with a live preview and export."""

    handles_new_item = False
    shows = ("statements", "cv", "profile", "letters")
    exported = Signal(object)  # the Path written
    export_failed = Signal(str)

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.workspace = context.workspace
        self.items: list[exports.ExportItem] = []

        self.list = name_list("Documents to export")
        # Long labels wrap instead of being cut: two packets of one writer differ only by the
        # specialty at the end ("Packet — Dr. Nikos Papadakis (General)").
        self.list.setWordWrap(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.currentRowChanged.connect(self._on_item)
        self.theme = QComboBox()
        self.theme.setAccessibleName("Theme")
        self.theme.currentIndexChanged.connect(lambda _i: self.refresh_preview())
        self.paper = QComboBox()
        self.paper.setAccessibleName("Paper size")
        self.paper.addItem("US Letter", "letter")
        self.paper.addItem("A4", "a4")
        self.paper.currentIndexChanged.connect(lambda _i: self.refresh_preview())
        self.format = QComboBox()
        self.format.setAccessibleName("File format")
        # Off by default: one statement PDF usually goes to every program of the specialty.
        self.show_target = QCheckBox("Program in the header")
        self.show_target.setAccessibleName("Name the target program in the header")
        self.show_target.setToolTip(
            "Prints this statement's target programs beside the specialty at the top of the "
            "page. Leave it off for a PDF you send to several programs or to a mentor; the "
            "file's properties never name a program.")
        self.show_target.toggled.connect(lambda _on: self.refresh_preview())
        self.export_button = QPushButton("Export…")
        self.export_button.setAccessibleName("Export")
        self.export_button.clicked.connect(self.export_dialog)
        self.theme_note = QLabel()
        self.theme_note.setWordWrap(True)
        self.theme_note.setAccessibleName("Theme description")
        form = QFormLayout()
        form.addRow("Theme:", self.theme)
        form.addRow("Paper:", self.paper)
        form.addRow("Format:", self.format)
        form.addRow("", self.show_target)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel("<b>Export</b>"))
        left_layout.addWidget(self.list, 1)
        left_layout.addLayout(form)
        left_layout.addWidget(self.theme_note)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        left_layout.addLayout(buttons)
        themes_hint = QLabel(f"Your own themes: put .toml files in "
                             f"<i>{statements.themes_folder(self.workspace).name}</i> beside "
                             "the workspace.")
        themes_hint.setWordWrap(True)
        themes_hint.setAccessibleName("Where to put your own themes")
        left_layout.addWidget(themes_hint)
        left.setMinimumWidth(260)

        self.preview = PdfPreview()
        #: Statement id -> what its latest check says is not ready (the window's service, from
        #: the statements page; nothing is known without it).
        self.statement_concerns: Callable[[int], list[str]] = context.services.get(
            "statement_concerns", lambda _document_id: [])
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([300, 700])
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        self.reload()

    @property
    def ready_for_screenshot(self) -> bool:
        return not self.preview.pending

    def _user_dirs(self) -> tuple[Path, ...]:
        return (statements.themes_folder(self.workspace),)

    def reload(self) -> None:
        current = self.current_item()
        self.items = exports.catalogue(self.workspace)
        self.list.blockSignals(True)
        self.list.clear()
        for item in self.items:
            entry = QListWidgetItem(item.label)
            entry.setToolTip(item.label)
            entry.setData(Qt.ItemDataRole.UserRole, item.key)
            self.list.addItem(entry)
        self.list.blockSignals(False)
        keys = [item.key for item in self.items]
        row = keys.index(current.key) if current and current.key in keys else 0
        if self.items:
            self.list.setCurrentRow(row)
            self._on_item(row)
        else:
            self.preview.show_message("Nothing to export yet: write a statement or fill the CV.")

    def current_item(self) -> exports.ExportItem | None:
        row = self.list.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    def _on_item(self, row: int) -> None:
        item = self.current_item()
        if item is None:
            return
        self.theme.blockSignals(True)
        self.theme.clear()
        for info in list_themes(item.theme_kind, self._user_dirs()):
            label = f"{info.name} (yours)" if info.user else info.name
            self.theme.addItem(label + (" — invalid" if info.error else ""), info.name)
            self.theme.setItemData(self.theme.count() - 1, info.error or info.description,
                                   Qt.ItemDataRole.ToolTipRole)
        index = self.theme.findData(item.default_theme)
        self.theme.setCurrentIndex(max(index, 0))
        self.theme.blockSignals(False)
        paper = self.paper.findData(item.default_paper) if item.default_paper else -1
        if paper >= 0:
            self.paper.blockSignals(True)
            self.paper.setCurrentIndex(paper)
            self.paper.blockSignals(False)
        self.show_target.setVisible(item.theme_kind == "statement")
        self.format.clear()
        for suffix in item.suffixes:
            self.format.addItem({".pdf": "PDF", ".docx": "Word (.docx)",
                                 ".txt": "ERAS plain text (.txt)",
                                 ".json": "JSON Resume (.json)"}[suffix], suffix)
        self.refresh_preview()

    def refresh_preview(self) -> None:
        item = self.current_item()
        theme = self.theme.currentData()
        if item is None or not theme:
            return
        tip = self.theme.itemData(self.theme.currentIndex(), Qt.ItemDataRole.ToolTipRole)
        self.theme_note.setText(str(tip or ""))
        try:
            document = exports.build_document(self.workspace, item.key,
                                              show_target=self._show_target(item))
        except UserError as exc:
            self.preview.show_message(str(exc))
            return
        paper = self.paper.currentData()
        dirs = self._user_dirs()
        self.preview.request(lambda: exports.render_preview(document, theme, paper, dirs))

    def refresh(self) -> None:
        """Every document here is read from the workspace: re-read the list and the preview."""
        self.reload()

    def export_dialog(self) -> None:
        item = self.current_item()
        if item is None:
            return
        if item.key.startswith("statement:") and not confirm_export(
                self, self.statement_concerns(int(item.key.partition(":")[2]))):
            return  # the same question the statements page asks before a statement leaves
        suffix = self.format.currentData() or ".pdf"
        name = exports.suggested_file_name(self.workspace, item, suffix)
        path, _ = save_file_name(self, "Export", name, f"*{suffix}")
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> int | None:
        """Read the document now, write it off the GUI thread; ``exported`` reports the path."""
        item = self.current_item()
        if item is None:
            return None
        try:
            plan = exports.plan_export(self.workspace, item.key, self.theme.currentData(),
                                       self.paper.currentData(), path,
                                       show_target=self._show_target(item))
        except UserError as exc:
            QMessageBox.warning(self, "Cannot export", str(exc))
            self.export_failed.emit(str(exc))
            return None
        self.export_button.setEnabled(False)
        self.message.emit(f"Exporting {path.name}…")
        operations = self.context.operations

        def done(result: object) -> None:
            self.export_button.setEnabled(True)
            try:
                written, changes = plan.finish(result)
            except UserError as exc:
                self.message.emit(f"The file was written, but: {exc}")
                return
            note = f" {' '.join(plan.warnings)}" if plan.warnings else ""
            self.message.emit(f"Exported {written.name}.{note}")
            self.exported.emit(written)
            if changes.any:
                operations.changed.emit(changes)

        def failed(error: str) -> None:
            self.export_button.setEnabled(True)
            QMessageBox.warning(self, "Cannot export", error)
            self.export_failed.emit(error)

        return operations.run(plan.write, on_done=done, on_failed=failed, parent=self)

    def _show_target(self, item: exports.ExportItem) -> bool:
        return item.theme_kind == "statement" and self.show_target.isChecked()

    def shutdown(self) -> None:
        self.preview.shutdown()
