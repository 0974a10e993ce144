"""Render the app icon (resources/icons/residency-workshop.svg) to PNG sizes, .ico and .icns.

Run after editing the SVG: ``.venv/bin/python scripts/make_icons.py``. The PNGs are committed
(the window, the .desktop file and the bundles use them); Qt renders the SVG, Pillow packs the
Windows and macOS icon files.
"""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
NAME = "residency-workshop"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def render(renderer: QSvgRenderer, size: int) -> Path:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    out = ICONS / f"{NAME}-{size}.png"
    image.save(str(out))
    return out


def main() -> None:
    app = QGuiApplication([])  # noqa: F841 - QImage painting needs a GUI application
    renderer = QSvgRenderer(str(ICONS / f"{NAME}.svg"))
    pngs = {size: render(renderer, size) for size in SIZES}
    largest = Image.open(pngs[256])
    largest.save(ICONS / f"{NAME}.ico", sizes=[(s, s) for s in (16, 24, 32, 48, 64, 128, 256)])
    Image.open(pngs[512]).save(ICONS / f"{NAME}.icns")
    print(f"wrote {len(pngs)} PNGs, .ico and .icns to {ICONS}")


if __name__ == "__main__":
    main()
