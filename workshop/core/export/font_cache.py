"""Parsed TrueType fonts kept on disk between runs, so an export does not re-parse its faces.

reportlab's ``TTFont`` reads every table of a font file in Python (10-25 ms a face, 160 ms for
the CJK face), and a CV uses eight to twelve faces: most of a ``workshop export`` run. What the
parse produces is plain data (glyph maps, widths, metrics, the table directory), so it is kept
in the user cache folder with :mod:`marshal`, which stores only built-in types and runs no code
when read (unlike pickle). The font file's bytes are not copied: they are read again on load.

An entry is keyed by the file's path, size and modification time, the font name, reportlab's
version and Python's, and stores its key, so a changed file, an upgrade or a name clash is a
miss. A missing, unreadable or corrupt entry is a miss too: the font is parsed as before and the
entry rewritten. Writing is best effort (a read-only or full disk only costs the next run the
parse). A rebuilt font is the same object reportlab would have built, so PDFs are unchanged to
the byte.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import sys
from pathlib import Path
from typing import Any
from weakref import WeakKeyDictionary

import reportlab
from reportlab.pdfbase.ttfonts import TTEncoding, TTFNameBytes, TTFont, TTFontFace

#: Bump when the stored layout changes.
FORMAT = 1
_PLAIN = (int, float, str, bytes, bool, type(None))
#: Attributes rebuilt on load instead of stored.
_FACE_REBUILT = {"_ttf_data", "_pdfScale"}
_FONT_REBUILT = {"face", "encoding", "state"}


def _plain(value: object) -> bool:
    """True when marshal stores ``value`` exactly (built-in types only, no subclasses)."""
    kind = type(value)
    if kind in _PLAIN:
        return True
    if kind is dict:
        return all(_plain(k) and _plain(v) for k, v in value.items())  # type: ignore[attr-defined]
    if kind in (list, tuple):
        return all(_plain(v) for v in value)  # type: ignore[attr-defined]
    return False


def _key(name: str, path: Path) -> tuple[Any, ...]:
    stat = path.stat()
    return (FORMAT, reportlab.Version, sys.version_info[:2], name, str(path), stat.st_size,
            stat.st_mtime_ns)


def _entry_path(folder: Path, key: tuple[Any, ...]) -> Path:
    digest = hashlib.sha256(repr(key).encode("utf-8")).hexdigest()[:20]
    return folder / f"{key[3]}-{digest}.marshal"


def _scale(units_per_em: int) -> Any:
    """The ``_pdfScale`` reportlab's parser makes (``TTFontFile.extractInfo``), the same sums."""
    if units_per_em == 1000:
        return lambda x: x
    mult = 1000 / units_per_em
    return lambda x: x * mult


def _dump(font: TTFont, key: tuple[Any, ...]) -> bytes | None:
    """The font as marshal bytes, or None when it holds something marshal cannot keep exactly."""
    names: dict[str, tuple[bytes, str]] = {}
    face: dict[str, Any] = {}
    for attr, value in font.face.__dict__.items():
        if attr in _FACE_REBUILT:
            continue
        if type(value) is TTFNameBytes:
            names[attr] = (bytes(value), value.ustr)
        elif _plain(value):
            face[attr] = value
        else:
            return None
    outer = {k: v for k, v in font.__dict__.items() if k not in _FONT_REBUILT}
    if not _plain(outer) or not hasattr(font.face, "unitsPerEm"):
        return None
    return marshal.dumps((key, outer, face, names))


def _build(entry: Any, key: tuple[Any, ...], path: Path) -> TTFont | None:
    """A TTFont from a stored entry, or None when the entry is not one for ``key``."""
    if not (isinstance(entry, tuple) and len(entry) == 4 and entry[0] == key):
        return None
    _, outer, face_state, names = entry
    face = TTFontFace.__new__(TTFontFace)
    face.__dict__.update(face_state)
    for attr, (raw, text) in names.items():
        name_bytes = TTFNameBytes(raw)
        name_bytes.ustr = text
        setattr(face, attr, name_bytes)
    face._pdfScale = _scale(face.unitsPerEm)
    face._ttf_data = path.read_bytes()
    if len(face._ttf_data) != key[5]:
        return None
    font = TTFont.__new__(TTFont)
    font.__dict__.update(outer)
    font.face = face
    font.encoding = TTEncoding()
    font.state = WeakKeyDictionary()
    return font


class FontCache:
    """Parsed fonts in one folder; ``folder=None`` keeps nothing (every load parses)."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self.hits = 0
        self.misses = 0

    def load(self, name: str, path: Path | str) -> TTFont:
        """``TTFont(name, path)``, from the cache when it has this exact file.

        Raises:
            Whatever ``TTFont`` raises for the file (missing, damaged, CFF outlines).
        """
        file = Path(path)
        if self.folder is None:
            return TTFont(name, str(file))
        try:
            key = _key(name, file)
        except OSError:
            return TTFont(name, str(file))  # let reportlab report the missing file its way
        entry_file = _entry_path(self.folder, key)
        font = self._read(entry_file, key, file)
        if font is not None:
            self.hits += 1
            return font
        self.misses += 1
        font = TTFont(name, str(file))
        self._write(entry_file, font, key)
        return font

    @staticmethod
    def _read(entry_file: Path, key: tuple[Any, ...], file: Path) -> TTFont | None:
        try:
            data = entry_file.read_bytes()
        except OSError:
            return None
        try:
            return _build(marshal.loads(data), key, file)
        except Exception:  # noqa: BLE001 - corrupt or foreign entry: parse the font instead
            return None

    @staticmethod
    def _write(entry_file: Path, font: TTFont, key: tuple[Any, ...]) -> None:
        from workshop.core.atomic import atomic_write_bytes
        from workshop.core.errors import WriteFailed
        from workshop.core.paths import ensure_private_dir

        data = _dump(font, key)
        if data is None:
            return
        with contextlib.suppress(OSError, WriteFailed):
            ensure_private_dir(entry_file.parent)
            atomic_write_bytes(entry_file, data)


_default: FontCache | None = None


def default_cache() -> FontCache:
    """The process's cache, in ``<user cache folder>/fonts`` (``WORKSHOP_HOME`` moves it)."""
    global _default
    if _default is None:
        from workshop.core.paths import cache_home

        try:
            folder: Path | None = cache_home() / "fonts"
        except Exception:  # noqa: BLE001 - no usable cache folder: parse every time
            folder = None
        _default = FontCache(folder)
    return _default


def set_default_cache(cache: FontCache | None) -> None:
    """Use ``cache`` for the process (``None``: back to the default folder, looked up again)."""
    global _default
    _default = cache
