"""Icon, .desktop file and AppStream metainfo agree with each other and with the app."""

from __future__ import annotations

import configparser
import shutil
import subprocess
import xml.etree.ElementTree as ET  # noqa: N817 - our own committed file, not input

import pytest

from workshop import APP_NAME, DESKTOP_ID
from workshop.core.resources import resource
from workshop.ui.app_icon import ICON_NAME, SIZES

DESKTOP = resource("desktop", f"{DESKTOP_ID}.desktop")
METAINFO = resource("desktop", f"{DESKTOP_ID}.metainfo.xml")


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_entry_matches_the_window() -> None:
    entry = desktop_entry()
    # Qt on X11 sets WM_CLASS to (launcher name, application name): the class is APP_NAME.
    assert entry["StartupWMClass"] == APP_NAME
    assert entry["Icon"] == ICON_NAME
    assert entry["Exec"].split()[0] == "residency-workshop", "the bundle's windowed launcher"
    assert resource("icons", f"{ICON_NAME}.svg").is_file()


def test_every_icon_size_exists_and_is_square() -> None:
    from PIL import Image

    for size in SIZES:
        with Image.open(resource("icons", f"{ICON_NAME}-{size}.png")) as image:
            assert image.size == (size, size)
    for packed in ("ico", "icns"):
        assert resource("icons", f"{ICON_NAME}.{packed}").stat().st_size > 1000


def test_metainfo_names_the_desktop_file() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == DESKTOP_ID
    assert root.find("launchable").text == DESKTOP.name  # type: ignore[union-attr]
    assert root.findtext("name") == APP_NAME


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None,
                    reason="desktop-file-utils is not installed")
def test_desktop_file_validates() -> None:
    proc = subprocess.run(["desktop-file-validate", str(DESKTOP)], capture_output=True,
                          text=True)
    assert proc.returncode == 0 and "error" not in proc.stdout, proc.stdout


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstream is not installed")
def test_metainfo_validates() -> None:
    proc = subprocess.run(["appstreamcli", "validate", "--no-net", str(METAINFO)],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
