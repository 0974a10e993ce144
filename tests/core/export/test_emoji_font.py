"""Issue 18: emoji outside Noto Sans Symbols 2 come from the shipped monochrome Noto Emoji,
not from whatever the machine happens to have."""

from __future__ import annotations

import pytest

from workshop.core.export import fonts


def test_emoji_are_drawn_by_a_shipped_face_without_system_fonts(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fonts, "system_faces", lambda: [])
    assert fonts.face_for("😀", "NotoSans") == "NotoEmoji"
    assert fonts.face_for("👩", "NotoSans") in {"NotoEmoji", "NotoSansSymbols2"}
    assert fonts.missing("Thank you 😀🙏👍") == []


def test_the_emoji_font_ships_with_its_licence_row() -> None:
    from workshop.core.resources import resource

    assert resource("fonts", "NotoEmoji.ttf").is_file()
    assert "NotoEmoji.ttf" in resource("fonts", "README.md").read_text(encoding="utf-8")
