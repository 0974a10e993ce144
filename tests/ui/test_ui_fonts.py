"""The app registers a face for every script the exports cover (names show in the UI too)."""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase

from workshop.core.export.fonts import SCRIPTS
from workshop.ui import fonts as ui_fonts


def test_every_script_face_is_registered_with_qt(qapp, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(ui_fonts, "_done", False)
    ui_fonts.register_bundled_fonts()
    families = set(QFontDatabase.families())
    assert len(ui_fonts.UI_FONTS) == len(SCRIPTS) == 17
    for wanted in ("Droid Sans Fallback", "Noto Sans Tamil", "Noto Sans Hebrew",
                   "Noto Sans Ethiopic", "Noto Sans Symbols2", "Noto Sans Khmer"):
        assert wanted in families, wanted
    assert ui_fonts.register_bundled_fonts() == 0  # once per process
