"""Reviewer round-trip: export a statement as .docx; import the reviewed file back.

Each comment and tracked change is placed on the CURRENT draft (the core's fuzzy anchors), shown
beside it, and changes can be accepted or rejected. Applying first keeps the old text as a
named version ("Before review from <file>"), then saves the new working copy. A file that is
not a .docx, is encrypted, has no comments or changes, or belongs to another statement is
refused by the core with a message that says so; it is shown as it is.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QSplitter,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from workshop.core import statements
from workshop.core.errors import UserError
from workshop.core.model.documents import Document, DocumentKind
from workshop.core.review import (
    AnchoredChange,
    AnchoredComment,
    ReviewImport,
    anchor_review,
    applied_text,
    apply_decisions,
    import_review,
    problems_text,
    review_counts,
    summary_text,
)
from workshop.ui.file_dialogs import open_file_name, save_file_name
from workshop.ui.letters.common import button, escape, refuse, wrapped
from workshop.ui.letters.store import LettersStore
from workshop.ui.save_state import SaveState

ITEM_ROLE = Qt.ItemDataRole.UserRole
COMMENT_TINT, CHANGE_TINT, FOCUS_TINT = "#fff3c4", "#d5f5e3", "#aed6f1"
STATUS_TEXT = {
    "exact": "anchored: the text is unchanged",
    "moved": "the text moved since the review",
    "changed": "the text was edited since the review; the place is approximate",
    "lost": "anchor lost",
}
INTRO = ("Send a statement to a mentor as .docx; when it comes back with comments and tracked "
         "changes, import it here. Each one is placed on your current draft, even if you "
         "edited it since; accept the changes you want, then apply them.")


def _short(text: str, limit: int = 80) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[:limit - 1] + "…"


def describe_change(item: AnchoredChange) -> str:
    change = item.change
    if change.kind == "insert":
        what = f"insert “{_short(change.new)}”"
    elif change.kind == "delete":
        what = f"delete “{_short(change.old)}”"
    else:
        what = f"“{_short(change.old, 40)}” → “{_short(change.new, 40)}”"
    return f"Change: {what}" + (f" ({change.author})" if change.author else "")


def describe_comment(item: AnchoredComment) -> str:
    comment = item.comment
    who = comment.author or "Reviewer"
    on = f" — on “{_short(comment.quoted, 50)}”" if comment.quoted.strip() else ""
    return f"Comment, {who}: {_short(comment.text, 120)}{on}"


def where_text(anchor_status: str, note: str) -> str:
    """The anchor's state in words; a lost anchor says so plainly, with the core's note."""
    if anchor_status == "lost":
        return f"Anchor lost: {note}" if note else "Anchor lost: this text is no longer in " \
            "the draft."
    return STATUS_TEXT.get(anchor_status, anchor_status)


class ReviewTab(QWidget):
    """Pick a statement, export it for review, import the reviewed file, accept changes."""

    message = Signal(str)
    applied = Signal(int)  # id of the statement whose working copy was rewritten
    exported = Signal(object)  # the Path written for the reviewer

    def __init__(self, store: LettersStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.workspace = store.workspace
        self.review: ReviewImport | None = None
        self.source_name = ""
        self.review_doc_id: int | None = None
        self.applied_changes: set[int] = set()
        self.statement = QComboBox()
        self.statement.setAccessibleName("Statement to review")
        self.statement.currentIndexChanged.connect(self._on_statement)
        self.export_button = button("Export for review (.docx)…", self.export_dialog,
                                    "Write the statement as a Word file to send to a reviewer")
        self.import_button = button("Import reviewed .docx…", self.import_dialog,
                                    "Read the comments and tracked changes of the file the "
                                    "reviewer sent back")
        top = QHBoxLayout()
        top.addWidget(QLabel("Statement:"))
        top.addWidget(self.statement, 1)
        top.addWidget(self.export_button)
        top.addWidget(self.import_button)
        self.intro = wrapped(INTRO, "How the review round-trip works")
        self.intro.setStyleSheet("color: #5d6d7e;")
        self.draft = QPlainTextEdit()
        self.draft.setReadOnly(True)
        self.draft.setAccessibleName("Current draft")
        self.summary = wrapped("", "Review summary")
        self.items = QListWidget()
        self.items.setAccessibleName("Comments and changes")
        self.items.setWordWrap(True)
        self.items.setSpacing(2)
        self.items.currentItemChanged.connect(lambda *_: self._focus_current())
        self.detail = wrapped("", "Selected comment or change")
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.accept_all_button = button("Accept all", lambda: self._check_all(True))
        self.reject_all_button = button("Reject all", lambda: self._check_all(False))
        self.apply_button = button("Apply accepted changes", self.apply,
                                   "Keeps the current text as a version first")
        actions = QHBoxLayout()
        actions.addWidget(self.accept_all_button)
        actions.addWidget(self.reject_all_button)
        actions.addStretch(1)
        actions.addWidget(self.apply_button)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.summary)
        right_layout.addWidget(self.items, 1)
        right_layout.addWidget(self.detail)
        right_layout.addLayout(actions)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.draft)
        splitter.addWidget(right)
        splitter.setSizes([480, 440])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.intro)
        layout.addWidget(splitter, 1)
        self.reload()

    # -- statements -----------------------------------------------------------------------
    def reload(self) -> None:
        keep = self.statement.currentData()
        docs = self.workspace.documents.list(DocumentKind.PERSONAL_STATEMENT)
        self.statement.blockSignals(True)
        self.statement.clear()
        for doc in docs:
            self.statement.addItem(doc.title or f"Statement {doc.id}", doc.id)
        index = self.statement.findData(keep)
        self.statement.setCurrentIndex(index if index >= 0 else (0 if docs else -1))
        self.statement.blockSignals(False)
        self.export_button.setEnabled(bool(docs))
        self.import_button.setEnabled(bool(docs))
        self._on_statement()

    def current_document(self) -> Document | None:
        doc_id = self.statement.currentData()
        if doc_id is None:
            return None
        try:
            return self.workspace.documents.get(int(doc_id))
        except UserError:
            return None

    def _on_statement(self, _index: int = -1) -> None:
        if self.review is not None and self.review_doc_id != self.statement.currentData():
            self.review = None
        self.show_review()

    # -- export / import ------------------------------------------------------------------
    def export_dialog(self) -> None:
        doc = self.current_document()
        if doc is None:
            return
        name = (doc.title or "statement").replace("/", "-")
        path, _ = save_file_name(self, "Export for review",
                                              str(Path.home() / f"{name} - for review.docx"),
                                              "Word document (*.docx)")
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> int | None:
        """Write the statement for a reviewer off the GUI thread; ``exported`` reports it."""
        doc = self.current_document()
        if doc is None:
            return None
        if path.suffix.lower() != ".docx":
            path = path.with_name(path.name + ".docx")
        try:
            write = statements.plan_statement_export(self.workspace, doc, path)
        except UserError as exc:
            refuse(self, "Not exported", str(exc))
            return None
        title = doc.title

        def done(written: object) -> None:
            self.message.emit(f"Exported {title} for review to {written}.")
            self.exported.emit(written)

        return self.store.operations.run(
            write, on_done=done, on_failed=lambda error: refuse(self, "Not exported", error),
            parent=self)

    def import_dialog(self) -> None:
        path, _ = open_file_name(self, "Import reviewed statement", str(Path.home()),
                                              "Word documents (*.docx);;All files (*)")
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> bool:
        """Read ``path`` against the chosen statement's current text; refusals are shown."""
        doc = self.current_document()
        if doc is None:
            return False
        try:
            review = import_review(path, doc.body, where=path.name, title=doc.title or
                                   "this statement")
        except UserError as exc:
            QMessageBox.warning(self, "Review not imported", str(exc))
            return False
        self.review = review
        self.review_doc_id = doc.id
        self.source_name = path.name
        self.applied_changes = set()
        self.show_review()
        return True

    # -- showing --------------------------------------------------------------------------
    def show_review(self) -> None:
        doc = self.current_document()
        self.items.clear()
        self.detail.setText("")
        if doc is None:
            self.draft.setPlainText("")
            self.summary.setText("No personal statement yet: write one in Statements first.")
            self._set_actions(False)
            return
        review = self.review
        if review is None:
            self.draft.setPlainText(doc.body)
            self.draft.setExtraSelections([])
            self.summary.setText("No review imported for this statement yet.")
            self._set_actions(False)
            return
        if review.draft != doc.body:  # edited elsewhere since the import: place items again
            review = self.review = anchor_review(review.document, doc.body)
        self.draft.setPlainText(review.draft)
        comments, changes = review.comments, review.changes
        counts = review_counts(review, self.applied_changes)
        problems = problems_text(counts)
        self.summary.setText(
            f"<b>{escape(self.source_name)}</b>: {escape(summary_text(counts))}; shares "
            f"{review.similarity:.0%} of its text with the draft."
            + (f" <span style='color:#c0392b'>{escape(problems)}</span>" if problems else ""))
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        for comment in comments:
            entry = QListWidgetItem(f"{describe_comment(comment)}\n    "
                                    f"{where_text(comment.anchor.status, comment.anchor.note)}")
            entry.setData(ITEM_ROLE, ("comment", comment))
            entry.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            if comment.anchor.lost:
                entry.setForeground(QColor("#c0392b"))
            self.items.addItem(entry)
        for change in changes:
            done = change.change.index in self.applied_changes
            state = "applied" if done else where_text(change.anchor.status, change.anchor.note)
            entry = QListWidgetItem(f"{describe_change(change)}\n    {state}")
            entry.setData(ITEM_ROLE, ("change", change))
            flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
            if not done and not change.anchor.lost and not self.store.read_only:
                flags |= Qt.ItemFlag.ItemIsUserCheckable
                entry.setCheckState(Qt.CheckState.Unchecked)
                entry.setToolTip("Tick to accept this change; leave it unticked to reject it.")
            elif change.anchor.lost and not done:
                entry.setForeground(QColor("#c0392b"))
                entry.setToolTip("Its place in the draft is lost: make this edit by hand.")
            else:
                entry.setForeground(QColor("#7f8c8d"))
            entry.setFlags(flags)
            self.items.addItem(entry)
        self._set_actions(bool(self.change_entries()))
        self._highlight()

    def _set_actions(self, enabled: bool) -> None:
        editable = enabled and not self.store.read_only
        for widget in (self.accept_all_button, self.reject_all_button, self.apply_button):
            widget.setEnabled(editable)

    def change_entries(self) -> list[QListWidgetItem]:
        """List entries of changes that can still be accepted."""
        found = []
        for row in range(self.items.count()):
            entry = self.items.item(row)
            kind, _ = entry.data(ITEM_ROLE)
            if kind == "change" and entry.flags() & Qt.ItemFlag.ItemIsUserCheckable:
                found.append(entry)
        return found

    def _check_all(self, accept: bool) -> None:
        state = Qt.CheckState.Checked if accept else Qt.CheckState.Unchecked
        for entry in self.change_entries():
            entry.setCheckState(state)

    def _highlight(self, focus: tuple[int, int] | None = None) -> None:
        selections = []
        if self.review is not None:
            spans = [(c.anchor, COMMENT_TINT) for c in self.review.comments] + [
                (c.anchor, CHANGE_TINT) for c in self.review.changes
                if c.change.index not in self.applied_changes]
            for anchor, tint in spans:
                if anchor.lost:
                    continue
                selections.append(self._selection(anchor.start, max(anchor.end,
                                                                     anchor.start + 1), tint))
        if focus is not None:
            selections.append(self._selection(focus[0], max(focus[1], focus[0] + 1),
                                              FOCUS_TINT))
        self.draft.setExtraSelections(selections)

    def _selection(self, start: int, end: int, tint: str) -> QTextEdit.ExtraSelection:
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.draft.document())
        length = len(self.draft.toPlainText())
        cursor.setPosition(min(start, length))
        cursor.setPosition(min(end, length), QTextCursor.MoveMode.KeepAnchor)
        fmt = QTextCharFormat()
        fmt.setBackground(QColor(tint))
        selection.cursor = cursor
        selection.format = fmt
        return selection

    def _focus_current(self) -> None:
        entry = self.items.currentItem()
        if entry is None:
            return
        kind, item = entry.data(ITEM_ROLE)
        anchor = item.anchor
        if kind == "comment":
            detail = (f"<b>{item.comment.author or 'Reviewer'}</b>: {escape(item.comment.text)}"
                      f"<br><i>on “{escape(item.comment.quoted)}”</i>")
        else:
            change = item.change
            detail = (f"<b>{change.kind.capitalize()}</b>"
                      + (f"<br>from: “{escape(change.old)}”" if change.old else "")
                      + (f"<br>to: “{escape(change.new)}”" if change.new else ""))
        where = where_text(anchor.status, anchor.note)
        colour = "#c0392b" if anchor.lost else "#5d6d7e"
        self.detail.setTextFormat(Qt.TextFormat.RichText)
        self.detail.setText(f"{detail}<br><span style='color:{colour}'>{escape(where)}</span>")
        if anchor.lost:
            self._highlight()
            return
        self._highlight((anchor.start, anchor.end))
        cursor = QTextCursor(self.draft.document())
        cursor.setPosition(min(anchor.start, len(self.draft.toPlainText())))
        self.draft.setTextCursor(cursor)
        self.draft.ensureCursorVisible()

    # -- applying -------------------------------------------------------------------------
    def decisions(self) -> list[tuple[AnchoredChange, bool]]:
        return [(entry.data(ITEM_ROLE)[1], entry.checkState() == Qt.CheckState.Checked)
                for entry in self.change_entries()]

    def apply(self) -> bool:
        """Keep a version, then write the accepted changes into the working copy."""
        doc = self.current_document()
        if doc is None or self.review is None or self.store.read_only:
            return False
        decisions = self.decisions()
        accepted = [item for item, ok in decisions if ok]
        if not accepted:
            QMessageBox.information(self, "Nothing to apply", "No change is ticked, so the "
                                    "draft stays as it is.")
            return False
        if self.review.draft != doc.body:
            refuse(self, "Draft changed", "The statement was edited since these changes were "
                   "placed. They have been placed again on the new text: check them, then "
                   "apply again.")
            self.show_review()
            return False
        try:
            new_text = apply_decisions(doc.body, decisions)
            version = f"Before review from {self.source_name}"
            self.workspace.documents.save_version(doc.id, version)
            self.workspace.documents.save_working_copy(doc.id, new_text)
        except UserError as exc:
            self.store.save_state_changed.emit(SaveState.FAILED, exc.message)
            refuse(self, "Changes not applied", str(exc))
            return False
        self.store.save_state_changed.emit(SaveState.SAVED, "")
        self.applied_changes.update(item.change.index for item in accepted)
        self.review = anchor_review(self.review.document, new_text)
        self.show_review()
        self.message.emit(applied_text(len(accepted), len(decisions) - len(accepted),
                                       doc.title or "the statement", version))
        self.applied.emit(doc.id)
        return True

