"""The on-disk cache of parsed fonts: same PDF bytes from a cached load, corrupt entries rebuilt."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.pdfbase.ttfonts import TTFont

from workshop.core.export import font_cache, fonts
from workshop.core.export.font_cache import FontCache


def _pdf_with(font: TTFont) -> bytes:
    import io

    from reportlab.pdfgen.canvas import Canvas

    out = io.BytesIO()
    canvas = Canvas(out, invariant=1)
    canvas.setFont(font.fontName, 12)
    canvas.drawString(72, 720, "Dr. Zoë Nakamura-Ølsen, Ağrı ДЛЯ")
    canvas.save()
    return out.getvalue()


def _register(font: TTFont) -> TTFont:
    from reportlab.pdfbase import pdfmetrics

    pdfmetrics.registerFont(font)
    return font


def test_cached_load_gives_identical_pdf_bytes(tmp_path: Path) -> None:
    path = fonts.font_path("NotoSans-Regular")
    cache = FontCache(tmp_path)
    first = _register(cache.load("CacheTestA", path))
    assert (cache.hits, cache.misses) == (0, 1)
    assert list(tmp_path.iterdir())
    plain = _pdf_with(first)
    second = FontCache(tmp_path)
    again = _register(second.load("CacheTestA", path))
    assert (second.hits, second.misses) == (1, 0)
    assert again is not first
    assert again.face.charToGlyph == first.face.charToGlyph
    assert _pdf_with(again) == plain
    assert _pdf_with(_register(TTFont("CacheTestA", str(path)))) == plain


@pytest.mark.parametrize("junk", [b"", b"not marshal at all", b"\xe3\x00\x00"])
def test_corrupt_entry_is_ignored_and_rebuilt(tmp_path: Path, junk: bytes) -> None:
    path = fonts.font_path("NotoSans-Bold")
    FontCache(tmp_path).load("CacheTestB", path)
    (entry,) = tmp_path.iterdir()
    good = entry.read_bytes()
    entry.write_bytes(junk)
    cache = FontCache(tmp_path)
    font = cache.load("CacheTestB", path)
    assert (cache.hits, cache.misses) == (0, 1)
    assert font.face.name == b"NotoSans-Bold"
    assert entry.read_bytes() == good


def test_changed_file_is_a_miss(tmp_path: Path) -> None:
    import shutil

    copy = tmp_path / "face.ttf"
    shutil.copy(fonts.font_path("NotoSans-Italic"), copy)
    store = tmp_path / "cache"
    FontCache(store).load("CacheTestC", copy)
    shutil.copy(fonts.font_path("NotoSans-BoldItalic"), copy)
    cache = FontCache(store)
    font = cache.load("CacheTestC", copy)
    assert cache.misses == 1
    assert font.face.name == b"NotoSans-BoldItalic"


def test_unwritable_cache_is_never_fatal(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    cache = FontCache(blocker / "fonts")  # a folder under a file cannot be made
    font = cache.load("CacheTestD", fonts.font_path("NotoSans-Regular"))
    assert font.face.name == b"NotoSans-Regular"
    assert font_cache.default_cache() is not None
