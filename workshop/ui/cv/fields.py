"""Forms built from field descriptions, bound to a CV record by attribute path.

Every CV section is a few dozen plain fields of a handful of kinds (text, month/year, yes/no,
choice, lines), so one form class driven by :class:`FieldSpec` lists replaces fifteen hand-built
forms. A form writes straight into the bound dataclass and says which field changed; the page
decides when to save. A month/year that does not parse is shown in red and leaves the model as it
was, so a half-typed date never destroys the saved one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontMetrics, QIntValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from workshop.core.cv.dates import DateParseError, MonthYear
from workshop.ui.cv.checks_box import ChecksBox

COLOURS = {"ok": "#5d6d7e", "near": "#b9770e", "over": "#c0392b"}
NEAR_FRACTION = 0.9
DATE_HINT = "YYYY-MM, Jul 2021, 07/2021 or present"


@dataclass(frozen=True)
class FieldSpec:
    """One field of a form.

    Attributes:
        path: dotted attribute path from the bound object ("eras.reflection").
        label: the row label ("" for a heading's text in ``tip``).
        kind: text, multiline, date, bool, choice, combo, checks, int, lines, heading or note.
            ``combo`` is an editable picklist storing the text (an old free-text value is
            shown as it is); ``checks`` a set of boxes storing the list of ticked values.
        choices: (stored value, label) pairs for ``choice`` and ``checks``; a None value means
            "not set". For ``combo`` the labels are the values.
        limit: character limit shown by a live counter (ERAS-sized fields).
        count: show a live count even without a limit ("limit not confirmed").
        limit_note: said with the count when the limit itself is not confirmed.
        invert: for ``bool``: the box shows the opposite of the stored flag.
        to_lines / from_lines: converters for ``lines`` of records (links: "Label | URL").
    """

    path: str
    label: str
    kind: str = "text"
    placeholder: str = ""
    tip: str = ""
    choices: Sequence[tuple[Any, str]] = ()
    limit: int | None = None
    count: bool = False
    limit_note: str = ""
    invert: bool = False
    rows: int = 3
    to_lines: Callable[[Any], list[str]] | None = None
    from_lines: Callable[[list[str]], Any] | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def get_path(obj: Any, path: str) -> Any:
    for part in path.split("."):
        obj = getattr(obj, part)
    return obj


def set_path(obj: Any, path: str, value: Any) -> None:
    head, _, last = path.rpartition(".")
    target = get_path(obj, head) if head else obj
    setattr(target, last, value)


class CharCounter(QLabel):
    """"123 / 750" under an ERAS-sized box: grey, amber from 90 %, red over the limit.

    Without a known limit it shows the count and says the limit is not confirmed, instead of
    inventing one; ``note`` qualifies a limit that is only commonly reported.
    """

    def __init__(self, limit: int | None, name: str, parent: QWidget | None = None, *,
                 note: str = "") -> None:
        super().__init__(parent)
        self.limit = limit
        self.note = note
        self.state = "ok"
        self.setAccessibleName(f"{name} character count")
        self.setAlignment(Qt.AlignmentFlag.AlignRight)
        if limit is None:
            self.setToolTip("No confirmed MyERAS limit for this box; keep it short.")
        elif note:
            self.setToolTip(f"Limit {limit} characters, spaces included: {note}.")
        else:
            self.setToolTip(f"MyERAS accepts at most {limit} characters here, spaces included.")
        self.show_count(0)

    def show_count(self, count: int) -> None:
        limit = self.limit
        if limit is None:
            self.state, text = "ok", f"{count} characters — limit not confirmed"
        elif count > limit:
            self.state, text = "over", f"{count} / {limit} — {count - limit} over"
        elif count >= limit * NEAR_FRACTION:
            self.state, text = "near", f"{count} / {limit} — {limit - count} left"
        else:
            self.state, text = "ok", f"{count} / {limit}"
        if limit is not None and self.note:
            text += " (limit unconfirmed)"
        self.setText(text)
        self.setProperty("state", self.state)
        weight = "600" if self.state != "ok" else "normal"
        self.setStyleSheet(f"color: {COLOURS[self.state]}; font-weight: {weight};")


class RecordForm(QWidget):
    """A form over one object; ``edited(path)`` after the user changes a field."""

    edited = Signal(str)

    def __init__(self, specs: Sequence[FieldSpec], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.specs = list(specs)
        self.obj: Any = None
        self.widgets: dict[str, QWidget] = {}
        self.counters: dict[str, CharCounter] = {}
        self._loading = False
        # The rows, then a stretch: a short form (ECFMG's three fields) in a tall scroll area
        # stays at the top instead of its rows being spread down the page.
        outer = QVBoxLayout(self)
        outer.setContentsMargins(4, 4, 4, 4)
        self.form = QFormLayout()
        self.form.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(self.form)
        outer.addStretch(1)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        for spec in self.specs:
            self._add_row(spec)
        self.setEnabled(False)

    # -- building ---------------------------------------------------------------------------
    def _add_row(self, spec: FieldSpec) -> None:
        if spec.kind == "heading":
            label = QLabel(f"<b>{spec.label}</b>")
            label.setContentsMargins(0, 8, 0, 0)
            self.form.addRow(label)
            return
        if spec.kind == "note":
            label = QLabel(spec.label)
            label.setWordWrap(True)
            label.setAccessibleName(spec.tip or spec.label)
            label.setStyleSheet("color: #6c3483;")
            self.form.addRow(label)
            return
        widget = self._make_widget(spec)
        widget.setAccessibleName(spec.label.rstrip(":") or spec.path)
        widget.setObjectName(f"field-{spec.path}")
        if spec.tip:
            widget.setToolTip(spec.tip)
        self.widgets[spec.path] = widget
        if spec.limit or spec.count:
            counter = CharCounter(spec.limit, spec.label, note=spec.limit_note)
            self.counters[spec.path] = counter
            box = QWidget()
            column = QVBoxLayout(box)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(1)
            column.addWidget(widget)
            column.addWidget(counter)
            self.form.addRow(f"{spec.label}:", box)
        elif spec.kind == "bool":
            self.form.addRow("", widget)
        else:
            self.form.addRow(f"{spec.label}:", widget)

    def _make_widget(self, spec: FieldSpec) -> QWidget:
        kind = spec.kind
        if kind in ("text", "date", "int"):
            edit = QLineEdit()
            edit.setPlaceholderText(spec.placeholder or (DATE_HINT if kind == "date" else ""))
            if kind == "int":
                edit.setValidator(QIntValidator(0, 100000, edit))
                edit.setMaximumWidth(120)
            if kind == "date":
                edit.setMaximumWidth(220)
                edit.setToolTip(spec.tip or f"Month and year: {DATE_HINT}.")
            edit.textEdited.connect(lambda text, s=spec: self._text_edited(s, text))
            return edit
        if kind in ("multiline", "lines"):
            box = QPlainTextEdit()
            box.setTabChangesFocus(True)
            box.setPlaceholderText(spec.placeholder)
            if kind == "lines":
                box.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
            lines = QFontMetrics(box.font()).lineSpacing()
            box.setFixedHeight(lines * spec.rows + 14)
            box.textChanged.connect(lambda s=spec, b=box: self._text_edited(s, b.toPlainText()))
            return box
        if kind == "bool":
            check = QCheckBox(spec.label)
            check.toggled.connect(lambda on, s=spec: self._set(s, (not on) if s.invert else on))
            return check
        if kind == "choice":
            combo = QComboBox()
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(14)
            for value, label in spec.choices:
                combo.addItem(label, value)
            combo.activated.connect(lambda i, s=spec, c=combo: self._set(s, c.itemData(i)))
            return combo
        if kind == "combo":
            return self._picklist(spec)
        if kind == "checks":
            return ChecksBox(spec, lambda values, s=spec: self._set(s, values))
        raise ValueError(f"unknown field kind {kind!r}")

    def _picklist(self, spec: FieldSpec) -> QComboBox:
        """An editable picklist: the MyERAS choices, or any text typed (kept as typed)."""
        combo = QComboBox()
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(14)
        combo.addItem("", "")
        for value, label in spec.choices:
            combo.addItem(label, value)
        edit = combo.lineEdit()
        if edit is not None:
            edit.setPlaceholderText(spec.placeholder or "Choose or type")
            edit.textEdited.connect(lambda text, s=spec: self._text_edited(s, text))
        combo.activated.connect(lambda i, s=spec, c=combo: self._set(s, c.itemText(i)))
        return combo

    # -- binding ----------------------------------------------------------------------------
    def bind(self, obj: Any) -> None:
        """Show ``obj``'s values (None empties and disables the form)."""
        self.obj = obj
        self._loading = True
        try:
            for spec in self.specs:
                if spec.path in self.widgets:
                    self._load(spec, self.widgets[spec.path])
        finally:
            self._loading = False
        self.setEnabled(obj is not None)

    def _load(self, spec: FieldSpec, widget: QWidget) -> None:
        value = get_path(self.obj, spec.path) if self.obj is not None else None
        if isinstance(widget, QLineEdit):
            if spec.kind == "date":
                text = value.to_str() if isinstance(value, MonthYear) else ""
                _mark_date(widget, "")
            else:
                text = "" if value is None else str(value)
            widget.setText(text)
            widget.setCursorPosition(0)
        elif isinstance(widget, QPlainTextEdit):
            if spec.kind == "lines":
                lines = spec.to_lines(value) if spec.to_lines else list(value or [])
                widget.setPlainText("\n".join(lines))
            else:
                widget.setPlainText(value or "")
        elif isinstance(widget, QCheckBox):
            widget.setChecked((not value) if spec.invert else bool(value))
        elif isinstance(widget, QComboBox) and widget.isEditable():
            text = "" if value is None else str(value)
            index = widget.findText(text, Qt.MatchFlag.MatchFixedString)
            if index >= 0 and widget.itemText(index) == text:
                widget.setCurrentIndex(index)
            else:
                widget.setCurrentIndex(-1)
                widget.setEditText(text)  # an old free-text value, shown as it is
        elif isinstance(widget, QComboBox):
            index = widget.findData(value)
            widget.setCurrentIndex(max(index, 0))
        elif isinstance(widget, ChecksBox):
            widget.show_values(list(value or []))
        self._count(spec)

    def _text_edited(self, spec: FieldSpec, text: str) -> None:
        if self._loading or self.obj is None:
            return
        if spec.kind == "date":
            widget = self.widgets[spec.path]
            try:
                value: Any = MonthYear.parse(text) if text.strip() else None
            except DateParseError as exc:
                _mark_date(widget, str(exc))
                return
            _mark_date(widget, "")
        elif spec.kind == "int":
            value = int(text) if text.strip().isdigit() else None
        elif spec.kind == "lines":
            lines = [line.strip() for line in text.splitlines() if line.strip()]
            value = spec.from_lines(lines) if spec.from_lines else lines
        else:
            value = text
        self._set(spec, value)

    def _set(self, spec: FieldSpec, value: Any) -> None:
        if self._loading or self.obj is None:
            return
        set_path(self.obj, spec.path, value)
        self._count(spec)
        self.edited.emit(spec.path)

    def _count(self, spec: FieldSpec) -> None:
        counter = self.counters.get(spec.path)
        if counter is not None:
            value = get_path(self.obj, spec.path) if self.obj is not None else ""
            counter.show_count(len(value or ""))

    # -- queries ----------------------------------------------------------------------------
    def widget_for(self, path: str) -> QWidget | None:
        """The editor of ``path`` or of its closest listed parent ("eras" → first eras field)."""
        if path in self.widgets:
            return self.widgets[path]
        for key, widget in self.widgets.items():
            if key.startswith(path + ".") or path.startswith(key + "."):
                return widget
        return None

    def set_editable(self, editable: bool) -> None:
        for widget in self.widgets.values():
            if isinstance(widget, QLineEdit | QPlainTextEdit):
                widget.setReadOnly(not editable)
            elif isinstance(widget, QComboBox) and widget.isEditable():
                widget.setEnabled(editable)
            else:
                widget.setEnabled(editable)


def _mark_date(edit: QLineEdit, error: str) -> None:
    edit.setProperty("invalid", bool(error))
    edit.setStyleSheet("border: 1px solid #c0392b;" if error else "")
    edit.setToolTip(error or f"Month and year: {DATE_HINT}.")


def labelled_row(*widgets: QWidget) -> QWidget:
    """Widgets side by side (toolbars under a list)."""
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        layout.addWidget(widget)
    return row
