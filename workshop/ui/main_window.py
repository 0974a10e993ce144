"""The main window: navigation on the left, one page per section, menus and status bar."""

from __future__ import annotations

import datetime as dt
import html
import os
import sys
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from workshop import APP_NAME
from workshop.core.app_settings import AppSettings, save_app_settings
from workshop.core.changes import Changes
from workshop.core.engine_head_start import APP_ENGINE
from workshop.core.errors import UserError
from workshop.core.model.profile import Profile
from workshop.core.profile_service import load_profile, reconcile, save_profile
from workshop.core.services import Workspace
from workshop.ui import window_geometry
from workshop.ui.checker import CheckerHost
from workshop.ui.context import UiContext
from workshop.ui.dialogs import PreferencesDialog
from workshop.ui.edit_menu import build_edit_menu, send_edit_command
from workshop.ui.fonts import register_bundled_fonts
from workshop.ui.help_menu import build_help_menu
from workshop.ui.idle_builder import IdleBuilder
from workshop.ui.operations import Operations
from workshop.ui.page_base import PageBase
from workshop.ui.pages import build_page
from workshop.ui.palette import muted
from workshop.ui.preload import section_preloader
from workshop.ui.profile_dialog import ProfileDialog
from workshop.ui.save_state import SaveState, SaveStateLabel
from workshop.ui.sections import SECTIONS
from workshop.ui.workspace_guard import WorkspaceGuard

if TYPE_CHECKING:
    from workshop.ui.statements.page import StatementsPage

BACKUP_CHECK_MS = 60_000


class MainWindow(QMainWindow):
    """Shows one workspace; :meth:`set_workspace` swaps it for another."""

    open_requested = Signal(str)
    new_requested = Signal()
    open_dialog_requested = Signal()
    first_painted = Signal()

    def __init__(self, workspace: Workspace, settings: AppSettings, *, persist: bool = True,
                 defer_first_page: bool = False, preload_sections: bool = False) -> None:
        super().__init__()
        register_bundled_fonts()
        self.settings = settings
        self.persist = persist
        self.workspace = workspace
        self.setAccessibleName("Main window")
        self.setMinimumSize(760, 500)

        self.nav = QListWidget()
        self.nav.setAccessibleName("Sections")
        self.nav.setFixedWidth(200)
        self.nav.setSpacing(2)
        self.nav.setStyleSheet(
            "QListWidget { border: none; background: palette(window); font-size: 11pt;"
            " outline: 0; }"
            "QListWidget::item { padding: 9px 12px; border-radius: 6px; }"
            "QListWidget::item:selected { background: palette(highlight);"
            " color: palette(highlighted-text); }")
        for info in SECTIONS:
            item = QListWidgetItem(info.title)
            item.setData(Qt.ItemDataRole.UserRole, info.key)
            self.nav.addItem(item)
        self.pages = QStackedWidget()
        self.pages.setAccessibleName("Section content")
        self.nav.currentRowChanged.connect(self._on_nav)

        self.banner = QLabel()
        self.banner.setAccessibleName("Sample applicant notice")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(
            "background: #fff4d6; color: #5a4300; padding: 6px 10px; border-radius: 4px;")
        self.header = QLabel()
        self.header.setAccessibleName("Applicant")
        self.header.setWordWrap(True)
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.header.linkActivated.connect(lambda _link: self.show_profile())
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(8, 8, 8, 0)
        right_layout.addWidget(self.header)
        right_layout.addWidget(self.banner)
        right_layout.addWidget(self.pages, 1)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addWidget(self.nav)
        layout.addWidget(right, 1)
        self.setCentralWidget(central)

        self.save_label = SaveStateLabel()
        self.engine_label = QLabel()
        self.engine_label.setAccessibleName("Checker engine")
        self.statusBar().addPermanentWidget(self.engine_label)
        self.statusBar().addPermanentWidget(self.save_label)
        self.guard = WorkspaceGuard(self)
        self._build_menus()

        self.backup_timer = QTimer(self)
        self.backup_timer.setInterval(BACKUP_CHECK_MS)
        self.backup_timer.timeout.connect(self._backup_if_due)
        self.backup_timer.start()
        self._painted = False
        # At app start the window chrome paints first and the section page is built right
        # after (one event-loop turn later), so the window shows up as fast as a bare one.
        self._defer_page = defer_first_page
        self.installEventFilter(self)

        self.page_widgets: dict[str, PageBase] = {}
        # Long-lived services shared by pages (the warmed grammar engine...), kept across
        # workspace switches.
        self.services: dict[str, object] = {}
        self.operations = Operations(self)
        self.operations.changed.connect(self.broadcast)
        self.checker = CheckerHost(APP_ENGINE, settings.languagetool_url,
                                   settings.learner_grammar)
        self.checker.status.connect(self.engine_label.setText)
        self.services["checker"] = self.checker
        # Exports asks this before a statement leaves, as the statements page does.
        self.services["statement_concerns"] = self._statement_concerns
        self.first_painted.connect(self.checker.warm)
        # Once the checker is warm, a worker imports each section's code and shipped data, so
        # no first visit waits for them (ui/preload.py). Off in tests unless asked for.
        self.preloader = section_preloader()
        # Then, in idle spells, each page is built hidden (ui/idle_builder.py).
        self.idle_builder: IdleBuilder | None = None
        if preload_sections:
            self.checker.status.connect(self._preload_when_warm)
        # `workshop bench`: exit at the first underlines, printing when they came.
        self._bench_underlines = bool(os.environ.get("WORKSHOP_EXIT_AFTER_UNDERLINES"))
        if os.environ.get("WORKSHOP_EXIT_AFTER_WARM"):  # `workshop bench`: memory when warm
            self.checker.status.connect(self._exit_when_warm)
        self.set_workspace(workspace)
        self._restore_geometry()

    # -- building -----------------------------------------------------------------------
    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        self.action_new = self._action(file_menu, "&New", QKeySequence.StandardKey.New,
                                       self.new_item)
        self._action(file_menu, "New &workspace…", None, self.new_requested.emit)
        self._action(file_menu, "&Open workspace…", QKeySequence.StandardKey.Open,
                     self.open_dialog_requested.emit)
        self.recent_menu = file_menu.addMenu("Open &recent")
        file_menu.addSeparator()
        self.action_save_version = self._action(
            file_menu, "&Save version…", QKeySequence.StandardKey.Save, self.save_version)
        self.action_save_as = self._action(file_menu, "Save &As…",
                                           QKeySequence.StandardKey.SaveAs,
                                           lambda: self.guard.save_as())
        file_menu.addSeparator()
        self.action_profile = self._action(file_menu, "Applicant pro&file…", None,
                                           self.show_profile)
        self._action(file_menu, "&Preferences…", QKeySequence.StandardKey.Preferences,
                     self.show_preferences)
        file_menu.addSeparator()
        self._action(file_menu, "&Quit", QKeySequence.StandardKey.Quit, self.close)
        edit_menu = bar.addMenu("&Edit")
        self.edit_actions = build_edit_menu(edit_menu, self, self._current_page_widget,
                                            self._find)
        help_menu = bar.addMenu("&Help")
        window_actions = [a for m in (file_menu, edit_menu) for a in m.actions()]
        self.help_actions = build_help_menu(help_menu, self, window_actions,
                                            lambda: str(self.workspace.path.parent))

    def _action(self, menu, text, shortcut, slot) -> QAction:  # type: ignore[no-untyped-def]
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _refresh_recent(self) -> None:
        self.recent_menu.clear()
        for path in self.settings.recent_workspaces:
            action = self.recent_menu.addAction(path)
            action.triggered.connect(lambda _=False, p=path: self.open_requested.emit(p))
        self.recent_menu.setEnabled(bool(self.settings.recent_workspaces))

    def set_workspace(self, workspace: Workspace) -> None:
        """Show ``workspace``: rebuild the pages, header and status."""
        self.workspace = workspace
        self.context = UiContext(workspace, self.settings, self.services, self.operations)
        for widget in self.page_widgets.values():
            widget.shutdown()
        while self.pages.count():
            widget = self.pages.widget(0)
            self.pages.removeWidget(widget)
            widget.deleteLater()
        self.page_widgets = {}
        for _info in SECTIONS:  # placeholders; each page is built when first shown
            self.pages.addWidget(QWidget())
        try:  # a workspace from before the profile was editable may disagree with its CV
            reconcile(workspace)
        except UserError as exc:
            self.statusBar().showMessage(str(exc), 8000)
        profile = self._refresh_header()
        self.banner.setText(
            "This is the <b>sample applicant</b>: a fictional person, for exploring. "
            "Create your own with File ▸ New workspace.")
        self.banner.setVisible(profile.is_sample)
        self.setWindowTitle(f"{workspace.path.stem} — {APP_NAME}"
                            + (" (read-only)" if workspace.read_only else ""))
        self.save_label.set_state(SaveState.READ_ONLY if workspace.read_only else SaveState.SAVED)
        self.engine_label.setText(self.checker.last_status)
        self.settings.remember(workspace.path)
        self._refresh_recent()
        self.guard.watch()
        keys = [info.key for info in SECTIONS]
        last = self.settings.last_section if self.settings.last_section in keys else keys[0]
        if self._defer_page:
            self.nav.blockSignals(True)
            self.nav.setCurrentRow(keys.index(last))
            self.nav.blockSignals(False)
            self.pages.setCurrentIndex(keys.index(last))
            return
        self.nav.setCurrentRow(keys.index(last))
        self._on_nav(keys.index(last))

    def _exit_when_warm(self, status: str) -> None:
        if "starting" not in status:
            print(f"checker-warm {time.time():.6f}", flush=True)
            os._exit(0)

    def _preload_when_warm(self, status: str) -> None:
        if "starting" not in status:
            self.preloader.start([info.key for info in SECTIONS])
            if self.idle_builder is None:  # once: later statuses (a checker restart) repeat it
                self._start_idle_builder()

    def _start_idle_builder(self) -> None:
        if self.idle_builder is not None:
            self.idle_builder.stop()
            self.idle_builder.deleteLater()
        self.idle_builder = IdleBuilder(
            [info.key for info in SECTIONS], lambda key: key in self.page_widgets,
            lambda key: key in self.preloader.done(), self.prebuild_page, self,
            busy=lambda: any(page.timing_something for page in self.page_widgets.values()))
        self.idle_builder.start()

    def prebuild_page(self, key: str) -> None:
        """Build ``key``'s page hidden and lay it out at the size it will be shown at."""
        widget = self.page(key)
        # Showing a page the first time polishes and lays out every child (80 ms for the
        # programs page, measured): do that now, behind a stack that does not repaint.
        # The stack moves the keyboard focus along with the page: give it back, so the
        # statement being typed keeps its cursor.
        shown = self.pages.currentIndex()
        focus = QApplication.focusWidget()
        self.pages.setUpdatesEnabled(False)
        try:
            self.pages.setCurrentWidget(widget)
            self.pages.setCurrentIndex(shown)
        finally:
            self.pages.setUpdatesEnabled(True)
            if focus is not None and QApplication.focusWidget() is not focus:
                focus.setFocus(Qt.FocusReason.OtherFocusReason)

    def _build_deferred_page(self) -> None:
        if not self._defer_page:
            return
        self._defer_page = False
        self._on_nav(self.nav.currentRow())
        if os.environ.get("WORKSHOP_EXIT_AFTER_PAINT") and not (
                os.environ.get("WORKSHOP_EXIT_AFTER_WARM")
                or os.environ.get("WORKSHOP_EXIT_AFTER_UNDERLINES")):
            self.repaint()
            print(f"page-ready {time.time():.6f}", flush=True)
            os._exit(0)

    def page(self, key: str) -> PageBase:
        """The page widget for ``key``, built on first use."""
        if key not in self.page_widgets:
            row = [info.key for info in SECTIONS].index(key)
            self.preloader.wait(key)
            widget = build_page(key, self.context)
            widget.save_state_changed.connect(self.save_label.set_state)
            widget.message.connect(lambda text: self.statusBar().showMessage(text, 6000))
            widget.document_changed.connect(self._document_changed)
            widget.changed.connect(lambda changes, source=widget: self.broadcast(changes, source))
            widget.go_to_section.connect(self.show_section)
            placeholder = self.pages.widget(row)
            self.pages.insertWidget(row, widget)
            self.pages.removeWidget(placeholder)
            placeholder.deleteLater()
            self.page_widgets[key] = widget
            if key == "statements" and self._bench_underlines:
                widget.first_underlines.connect(  # type: ignore[attr-defined]
                    self._exit_when_underlined)
        return self.page_widgets[key]

    def _statement_concerns(self, document_id: int) -> list[str]:
        """What the statements page's latest check says stands between a statement and
        sending it (nothing known when that statement is not the one open there)."""
        page = self.page_widgets.get("statements")
        current = getattr(page, "current", None)
        if page is None or current is None or current.id != document_id:
            return []
        concerns: list[str] = page.export_concerns()  # type: ignore[attr-defined]
        return concerns

    def _exit_when_underlined(self) -> None:
        if self.statements.editor.findings:
            print(f"first-underline {time.time():.6f}", flush=True)
            os._exit(0)

    def broadcast(self, changes: Changes, source: QWidget | None = None) -> None:
        """Tell every other built page what changed; each refreshes itself from it."""
        if changes.profile:
            self._refresh_header()
        for widget in list(self.page_widgets.values()):
            if widget is not source:
                widget.on_changes(changes)

    def _finish_operations(self) -> None:
        """Let running work end and deliver (an export records its history on delivery)."""
        self.operations.wait()
        QCoreApplication.sendPostedEvents(self.operations)

    def replace_workspace(self, new: Workspace) -> None:
        """Show another workspace; the caller has flushed this one's edits (see flush_all)."""
        self._finish_operations()
        for widget in self.page_widgets.values():
            widget.shutdown()
        self.page_widgets = {}
        self.workspace.close()
        self.set_workspace(new)
        self.persist_settings()
        if self.idle_builder is not None:  # the new workspace's pages, in idle spells too
            self._start_idle_builder()

    def warn_unsaved(self) -> None:
        QMessageBox.warning(
            self, "Not saved",
            "Your latest changes could not be saved (see the status bar), so this workspace "
            "stays open. Free some space, wait for “Saved”, then try again.")

    def _document_changed(self, document_id: int) -> None:
        """Another page rewrote a document (e.g. accepted review changes): reload editors."""
        page = self.page_widgets.get("statements")
        if page is not None:
            page.reload(select_id=document_id)  # type: ignore[attr-defined]

    @property
    def statements(self) -> StatementsPage:  # noqa: F821 - imported for type checkers only
        return self.page("statements")  # type: ignore[return-value]

    def current_key(self) -> str:
        return SECTIONS[max(self.nav.currentRow(), 0)].key

    def show_section(self, key: str) -> None:
        keys = [info.key for info in SECTIONS]
        self.nav.setCurrentRow(keys.index(key))

    def _on_nav(self, row: int) -> None:
        if row < 0:
            return
        shown = self.pages.currentIndex()
        leaving = self.page_widgets.get(SECTIONS[shown].key) if 0 <= shown != row else None
        if leaving is not None:
            # Save what was typed in the last moment before another section reads the
            # workspace: an export previewed right after typing showed the text saved before.
            leaving.flush()
        self.page(SECTIONS[row].key)
        self.pages.setCurrentIndex(row)
        self.settings.last_section = SECTIONS[row].key

    def flush_all(self) -> bool:
        """Save every page's pending edits; False if any could not be saved."""
        results = [widget.flush() for widget in self.page_widgets.values()]
        return all(results)

    def save_probe(self) -> tuple[bool, dt.datetime, str]:
        """Save what is pending; (saved, up to when, why not) for the error dialog."""
        if self.flush_all():
            return True, dt.datetime.now(), ""
        return False, self.save_label.saved_at, self.save_label.detail

    def new_item(self) -> None:
        page = self.page(self.current_key())
        if page.handles_new_item:
            page.new_item()
        else:
            self.show_section("statements")
            self.statements.new_item()

    def _current_page_widget(self) -> PageBase | None:
        return self.page_widgets.get(self.current_key())

    def _edit_command(self, name: str) -> None:
        send_edit_command(name, self._current_page_widget())

    def _find(self, what: str) -> None:
        """Edit ▸ Find: the statement editor's finder (the one page with long free text)."""
        page = self._current_page_widget()
        if page is None or not page.finds_text:
            self.show_section("statements")
            page = self.statements
        if what == "next":
            page.find_next()
        else:
            page.show_find(replace=what == "replace")

    # -- actions ------------------------------------------------------------------------
    def save_version(self) -> None:
        page = self.page(self.current_key())
        if not page.keeps_versions:
            self.show_section("statements")
            page = self.statements
        page.save_version()

    def show_profile(self) -> None:
        """File ▸ Applicant profile… (or the header's link): the name every export carries."""
        self.flush_all()  # the CV's latest name and contact are the profile's
        dialog = ProfileDialog(load_profile(self.workspace),
                               lambda profile: save_profile(self.workspace, profile),
                               read_only=self.workspace.read_only, parent=self)
        if dialog.exec() and dialog.changes.any:
            self.broadcast(dialog.changes)
            self.statusBar().showMessage("Profile saved.", 4000)

    def _refresh_header(self) -> Profile:
        profile = load_profile(self.workspace)
        self.header.setText(header_html(profile, muted(self),
                                        read_only=self.workspace.read_only))
        return profile

    def show_preferences(self) -> None:
        dialog = PreferencesDialog(self.settings, self)
        if dialog.exec():
            dialog.apply()
            self.persist_settings()
            if self.checker.reconfigure(self.settings.languagetool_url,
                                        self.settings.learner_grammar):
                self.statusBar().showMessage(
                    "Checker settings changed: restarting the checker (a few seconds); your "
                    "text is checked again when it is ready.", 8000)

    def persist_settings(self) -> None:
        if not self.persist:
            return
        try:
            save_app_settings(self.settings)
        except UserError as exc:
            self.statusBar().showMessage(str(exc), 8000)

    def workspace_moved(self) -> None:
        """The workspace now lives in another file (Save As): title and recent list follow."""
        self.setWindowTitle(f"{self.workspace.path.stem} — {APP_NAME}")
        self.save_label.set_state(SaveState.SAVED)
        self.settings.remember(self.workspace.path)
        self._refresh_recent()
        self.persist_settings()

    def _backup_if_due(self) -> None:
        if self.workspace.closed or self.guard.check():
            return
        try:
            made = self.workspace.backup_if_due()
        except UserError as exc:
            self.statusBar().showMessage(str(exc), 8000)
            return
        if made:
            self.statusBar().showMessage("Backup made.", 3000)

    # -- geometry and closing -----------------------------------------------------------
    def _restore_geometry(self) -> None:
        self.start_maximized = window_geometry.restore_or_fit(self, self.settings.window_geometry)

    def show_as_left(self) -> None:
        """Show the window as the user left it, or maximized on a screen too small for it."""
        if self.start_maximized:
            self.showMaximized()
        else:
            self.show()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if self.workspace.closed:
            event.accept()
            return
        try:
            saved = self.flush_all()
        except Exception:  # a bug while saving: keep the window (and the text) open, report it
            event.ignore()
            sys.excepthook(*sys.exc_info())  # type: ignore[arg-type]
            return
        if not saved:
            answer = QMessageBox.warning(
                self, "Not saved",
                "Your latest changes could not be saved (see the status bar). Quit anyway and "
                "lose them?",
                QMessageBox.StandardButton.Cancel | QMessageBox.StandardButton.Discard)
            if answer != QMessageBox.StandardButton.Discard:
                event.ignore()
                return
        self.settings.window_geometry = window_geometry.encode(self)
        self.persist_settings()
        try:
            self._finish_operations()
            for widget in self.page_widgets.values():
                widget.shutdown()
        finally:  # whatever a page did, the data is saved: close the file, stop the threads
            self.workspace.close()
            self.checker.shutdown()
            self.preloader.stop()
            if self.idle_builder is not None:
                self.idle_builder.stop()
        event.accept()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if not self._painted and event.type() == QEvent.Type.Paint:
            self._painted = True
            if os.environ.get("WORKSHOP_EXIT_AFTER_PAINT"):
                # `workshop bench`: report the moment of the first paint.
                print(f"first-paint {time.time():.6f}", flush=True)
            QTimer.singleShot(0, self._build_deferred_page)
            QTimer.singleShot(0, self.first_painted.emit)
        return super().eventFilter(watched, event)


def header_html(profile: Profile, muted_colour: str = "#6b6b6b", *,
                read_only: bool = False) -> str:
    """Name (and native-script name) over the target and school, and a link to the profile.

    Without a name the header asks for one ("Add your name") instead of a placeholder.
    """
    name = profile.full_name or profile.preferred_name
    if name:
        title = html.escape(name)
    elif read_only:
        title = "New applicant"
    else:
        title = "<a href='profile'>Add your name</a>"
    native = (f"&nbsp;&nbsp;<span style='font-size:13pt'>{html.escape(profile.native_name)}"
              "</span>" if profile.native_name else "")
    details = [html.escape(part) for part in (
        profile.target_specialty, profile.medical_school) if part]
    if name or read_only:
        details.append("<a href='profile'>" + ("View profile" if read_only else "Edit profile")
                       + "</a>")
    else:  # the title is the link already
        details.append("As on your passport: it goes on every export")
    return (f"<span style='font-size:16pt; font-weight:600'>{title}</span>{native}"
            f"<br><span style='color:{muted_colour}'>{' · '.join(details)}</span>")
