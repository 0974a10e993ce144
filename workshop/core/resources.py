"""The one place that finds ``resources/`` and ``templates/``.

In the repository both folders sit at the top level, beside the ``workshop`` package. The wheel
ships them inside the package as ``workshop/_data/resources`` and ``workshop/_data/templates``
(``pyproject.toml`` maps them there), and the bundle puts them at the same place, so one rule
finds them everywhere:

1. package data (``importlib.resources``): an installed wheel, a frozen bundle;
2. package data inside a zip (zipimport): extracted once to a cache folder, because callers
   need real paths (fonts for reportlab, TOML files, globbing);
3. the checkout: a source tree or an editable install.

Callers ask for a path by name and never build it themselves.
"""

from __future__ import annotations

import functools
import shutil
import tempfile
from importlib import resources as importlib_resources
from importlib.resources.abc import Traversable
from pathlib import Path

from workshop import __version__

FOLDERS = ("resources", "templates")
_COMPLETE = ".complete"


class DataMissing(RuntimeError):
    """The installation lacks its data files: a packaging bug, not the user's doing."""


@functools.cache
def data_root() -> Path:
    """The folder holding ``resources/`` and ``templates/`` for this installation."""
    packaged = importlib_resources.files("workshop").joinpath("_data")
    if packaged.is_dir():
        if isinstance(packaged, Path):
            return packaged
        return _extract(packaged)
    checkout = Path(__file__).resolve().parents[2]
    if all((checkout / name).is_dir() for name in FOLDERS):
        return checkout
    raise DataMissing(
        "This installation has no data files (resources/ and templates/ are missing). "
        "Reinstall the app; if you built it yourself, build the wheel with `pip wheel .`.")


def resource(*parts: str) -> Path:
    """Path of a file under ``resources/`` (it need not exist yet)."""
    return data_root().joinpath("resources", *parts)


def template(*parts: str) -> Path:
    """Path of a file under ``templates/`` (it need not exist yet)."""
    return data_root().joinpath("templates", *parts)


def _extract(tree: Traversable) -> Path:
    """Copy package data out of a zip once per version; a half-done copy is never used."""
    from workshop.core.paths import cache_home

    cache = cache_home()
    target = cache / f"data-{__version__}"
    if (target / _COMPLETE).is_file():
        return target
    cache.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".data-", dir=cache))
    try:
        _copy_tree(tree, staging)
        (staging / _COMPLETE).write_text(__version__, encoding="utf-8")
        if (target / _COMPLETE).is_file():  # another process finished first and may use it
            shutil.rmtree(staging, ignore_errors=True)
            return target
        shutil.rmtree(target, ignore_errors=True)  # a half copy (no marker) is never used
        staging.rename(target)
    except OSError:
        shutil.rmtree(staging, ignore_errors=True)
        if (target / _COMPLETE).is_file():  # another process finished first
            return target
        raise
    return target


def _copy_tree(tree: Traversable, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for child in tree.iterdir():
        if child.is_dir():
            _copy_tree(child, folder / child.name)
        else:
            (folder / child.name).write_bytes(child.read_bytes())
