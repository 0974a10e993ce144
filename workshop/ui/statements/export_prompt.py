"""Before a statement leaves the app: say what is left, and let the applicant decide."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget


def confirm_export(parent: QWidget, concerns: list[str]) -> bool:
    """True to go on: nothing stands in the way, or the user chose "Export anyway".

    Exporting stays possible (a draft for a mentor is a good reason); the point is that an
    over-long or unchecked statement never leaves without a word.
    """
    if not concerns:
        return True
    box = QMessageBox(QMessageBox.Icon.Warning, "Export anyway?",
                      "This statement is not ready to send yet:", parent=parent)
    box.setInformativeText("\n".join(f"• {c}" for c in concerns)
                           + "\n\nYou can still export it, e.g. as a draft for a mentor.")
    export = box.addButton("Export anyway", QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is export
