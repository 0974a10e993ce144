"""Themes as data: TOML files in ``templates/themes/`` (and the workspace's themes folder).

A theme says how a document looks (fonts, sizes, colours, margins, spacing, section and entry
styles); the document description says what it contains. Every key has a default here, so a
theme file only lists what it changes, and ``extends = "cv-classic"`` starts from another theme.
A typo is an error naming the file, the key and the allowed keys or values, like rendercv's
validation, never a silent fallback that leaves the user wondering why nothing changed.
"""

from __future__ import annotations

import dataclasses
import functools
import re
import tomllib
import typing
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from workshop.core.errors import UserError
from workshop.core.resources import template

Kind = Literal["cv", "statement", "packet", "report"]
Paper = Literal["letter", "a4"]
Family = Literal["serif", "sans"]

_COLOR_RE = re.compile(r"^#[0-9a-fA-F]{6}$")
_NAME_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")


@dataclass(frozen=True)
class Meta:
    name: str = ""
    kind: Kind = "cv"
    description: str = ""
    extends: str = ""


@dataclass(frozen=True)
class Page:
    paper: Paper = "letter"
    margin_top: float = 54.0  # points (72 per inch)
    margin_bottom: float = 54.0
    margin_left: float = 60.0
    margin_right: float = 60.0
    running_header: bool = True  # applicant's name from page 2 on
    footer: Literal["page-x-of-y", "page-x", "none"] = "page-x-of-y"  # only when > 1 page
    fit_pages: float = 0.0  # shrink type (down to fit_min_scale) to fit this many pages; 0 = never
    fit_min_scale: float = 0.88  # the smallest type fit_pages may use, as a share of fonts.size


@dataclass(frozen=True)
class Fonts:
    body: Family = "serif"
    headings: Family = "serif"
    size: float = 10.5
    leading: float = 14.0
    name_size: float = 22.0
    heading_size: float = 11.5
    small_size: float = 8.5


@dataclass(frozen=True)
class Colors:
    text: str = "#1a1a1a"
    muted: str = "#5f6368"
    accent: str = "#1f3a5f"
    rule: str = "#1f3a5f"
    link: str = "#1f3a5f"


@dataclass(frozen=True)
class Spacing:
    paragraph: float = 6.0
    section_before: float = 12.0
    section_after: float = 5.0
    entry_gap: float = 7.0
    bullet_indent: float = 11.0
    masthead_after: float = 10.0


@dataclass(frozen=True)
class Section:
    case: Literal["upper", "title", "as-is"] = "upper"
    rule: Literal["below", "none"] = "below"
    rule_width: float = 0.6
    color: Literal["accent", "text"] = "accent"


@dataclass(frozen=True)
class EntryStyle:
    date_position: Literal["right", "left"] = "right"
    date_column: float = 78.0  # points, for date_position = "left"
    title_weight: Literal["bold", "regular"] = "bold"
    organisation_style: Literal["italic", "regular"] = "italic"
    location_position: Literal["right", "inline"] = "right"
    bullet: Literal["•", "–", "·"] = "•"  # glyphs present in both Noto families


@dataclass(frozen=True)
class MastheadStyle:
    align: Literal["left", "center"] = "left"
    name_case: Literal["as-is", "upper"] = "as-is"
    name_color: Literal["accent", "text"] = "text"
    separator: Literal["·", "|", "•", "–"] = "·"
    rule: bool = False
    # "stacked": name, native name, headline and contact on lines of their own (CV, cover page);
    # "letterhead": name and native name on one line, contact left and headline right below it,
    # a fixed two-line block, so a one-page statement keeps its room for the text and the page
    # estimate knows the block's height without the applicant's details.
    layout: Literal["stacked", "letterhead"] = "stacked"


@dataclass(frozen=True)
class Body:
    align: Literal["justify", "left"] = "left"
    first_line_indent: float = 0.0


@dataclass(frozen=True)
class Theme:
    """A validated theme; ``path`` is the file it came from."""

    meta: Meta = field(default_factory=Meta)
    page: Page = field(default_factory=Page)
    fonts: Fonts = field(default_factory=Fonts)
    colors: Colors = field(default_factory=Colors)
    spacing: Spacing = field(default_factory=Spacing)
    section: Section = field(default_factory=Section)
    entry: EntryStyle = field(default_factory=EntryStyle)
    masthead: MastheadStyle = field(default_factory=MastheadStyle)
    body: Body = field(default_factory=Body)
    path: str = ""

    @property
    def name(self) -> str:
        return self.meta.name


_TABLES: dict[str, type] = {
    f.name: typing.get_type_hints(Theme)[f.name]
    for f in dataclasses.fields(Theme)
    if f.name != "path"
}


@dataclass(frozen=True)
class ThemeInfo:
    """A theme as listed for a picker; ``error`` is set when the file does not validate."""

    name: str
    kind: str
    description: str
    path: Path
    user: bool
    error: str = ""


def builtin_dir() -> Path:
    return template("themes")


def _search_dirs(user_dirs: Iterable[Path | str]) -> list[tuple[Path, bool]]:
    return [(Path(d), True) for d in user_dirs] + [(builtin_dir(), False)]


def find_theme_file(name: str, user_dirs: Iterable[Path | str] = ()) -> Path:
    """The file of theme ``name``: user folders first, then the built-in themes."""
    dirs = _search_dirs(user_dirs)
    for folder, _user in dirs:
        candidate = folder / f"{name}.toml"
        if candidate.is_file():
            return candidate
    available = sorted({
        p.stem for folder, _ in dirs if folder.is_dir() for p in folder.glob("*.toml")
        if not p.stem.startswith("_")
    })
    raise UserError(
        f'There is no theme called "{name}".',
        hint=f"Available themes: {', '.join(available) or 'none'}. A theme of your own goes in "
        "the workspace's themes folder as NAME.toml.",
        where=name,
    )


def load_theme(
    name: str, user_dirs: Sequence[Path | str] = (), *, paper: str | None = None
) -> Theme:
    """Load and validate a theme by name (user folders first), optionally overriding the paper.

    Args:
        name: theme name, e.g. ``"cv-classic"`` (the file stem).
        user_dirs: extra folders searched before ``templates/themes`` (the workspace's themes).
        paper: ``"letter"`` or ``"a4"`` to override the theme's paper size.

    Raises:
        UserError: unknown theme, unreadable or invalid TOML, or a key/value the schema rejects;
            the message names the file, the key and what is allowed.
    """
    path = find_theme_file(name, user_dirs)
    raw = _read_with_extends(path, user_dirs, seen=(path.stem,))
    theme = _build(raw, path)
    return with_paper(theme, paper) if paper is not None else theme


def with_paper(theme: Theme, paper: str) -> Theme:
    """The theme on another paper size ("letter" or "a4").

    Raises:
        UserError: any other paper name.
    """
    if paper not in typing.get_args(Paper):
        raise UserError(f'Unknown paper size "{paper}".', hint="Use letter or a4.", where="paper")
    size: Paper = "a4" if paper == "a4" else "letter"
    return dataclasses.replace(theme, page=dataclasses.replace(theme.page, paper=size))


def list_themes(kind: str | None = None, user_dirs: Sequence[Path | str] = ()) -> list[ThemeInfo]:
    """All themes (user ones shadow built-ins of the same name), optionally of one kind.

    A user theme that fails to validate is listed with ``error`` set, so a picker can show why
    it cannot be used instead of hiding it.
    """
    found: dict[str, ThemeInfo] = {}
    for folder, user in _search_dirs(user_dirs):
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.toml")):
            if path.stem in found or path.stem.startswith("_"):
                continue
            try:
                theme = load_theme(path.stem, [folder] if user else [])
                info = ThemeInfo(path.stem, theme.meta.kind, theme.meta.description, path, user)
            except UserError as exc:
                info = ThemeInfo(path.stem, "", "", path, user, error=str(exc))
            found[path.stem] = info
    infos = sorted(found.values(), key=lambda i: (i.kind, i.name))
    return [i for i in infos if kind is None or i.kind == kind or i.error]


MAX_THEME_BYTES = 256 * 1024


#: Parsed theme files by (path, modification time, size): pickers list every theme each time
#: they open, and parsing them all took ~30 ms of the CV page's first visit. An edited file has
#: a new stamp, so it is read again.
_PARSED: dict[tuple[str, int, int], dict[str, Any]] = {}


def _read(path: Path) -> dict[str, Any]:
    """Parse a theme file (cached by its stamp); a copy the caller may change."""
    try:
        stat = path.stat()
    except OSError:
        return _parse(path)  # _parse reports why it cannot be read
    key = (str(path), stat.st_mtime_ns, stat.st_size)
    raw = _PARSED.get(key)
    if raw is None:
        raw = _PARSED[key] = _parse(path)
    return {k: dict(v) if isinstance(v, dict) else v for k, v in raw.items()}


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _parse(path: Path) -> dict[str, Any]:
    """Parse a theme file, turning every way it can be broken into one clear UserError."""
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_THEME_BYTES + 1)
    except OSError as exc:
        raise UserError(f"Cannot read the theme file: {exc.strerror}.", where=str(path)) from exc
    if len(data) > MAX_THEME_BYTES:
        raise UserError("The theme file is too large to be a theme (over 256 KB).",
                        where=str(path))
    try:
        return tomllib.loads(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise UserError("The theme file is not UTF-8 text.",
                        hint="Save it as UTF-8 in your text editor.", where=str(path)) from exc
    except tomllib.TOMLDecodeError as exc:
        raise UserError(
            f"The theme file is not valid TOML: {exc}.", hint="Fix the line shown.", where=str(path)
        ) from exc
    except RecursionError as exc:
        raise UserError("The theme file nests too deeply to be a theme.",
                        where=str(path)) from exc
    except ValueError as exc:  # a number of thousands of digits (Python's own limit)
        raise UserError("The theme file holds a number thousands of digits long; no theme "
                        "setting needs one.", hint="Fix that value in a text editor.",
                        where=str(path)) from exc


def _read_with_extends(
    path: Path, user_dirs: Sequence[Path | str], seen: tuple[str, ...]
) -> dict[str, Any]:
    raw = _read(path)
    meta = raw.get("meta", {})
    base_name = meta.get("extends", "") if isinstance(meta, dict) else ""
    if not base_name:
        return raw
    if not isinstance(base_name, str) or base_name in seen:
        raise UserError(
            f'meta.extends = "{base_name}" is not a usable theme (a theme cannot extend itself).',
            where=str(path),
        )
    base_path = find_theme_file(base_name, [d for d in user_dirs if Path(d) != path.parent] or ())
    if base_path == path:
        base_path = find_theme_file(base_name, [])
    base = _read_with_extends(base_path, user_dirs, (*seen, base_name))
    merged = {k: dict(v) if isinstance(v, dict) else v for k, v in base.items()}
    for table, values in raw.items():
        if isinstance(values, dict) and isinstance(merged.get(table), dict):
            merged[table].update(values)
        else:
            merged[table] = values
    merged.setdefault("meta", {})["extends"] = ""
    return merged


def _build(raw: dict[str, Any], path: Path) -> Theme:
    where = str(path)
    parts: dict[str, Any] = {}
    for table, values in raw.items():
        if table not in _TABLES:
            raise UserError(
                f'Unknown section [{table}] in the theme.',
                hint=f"Allowed sections: {', '.join(_TABLES)}.",
                where=where,
            )
        if not isinstance(values, dict):
            raise UserError(f'"{table}" must be a section ([{table}]), not a value.', where=where)
        parts[table] = _build_table(_TABLES[table], table, values, where)
    theme = Theme(**parts, path=where)
    if not theme.meta.name:
        theme = dataclasses.replace(theme, meta=dataclasses.replace(theme.meta, name=path.stem))
    if not _NAME_RE.match(theme.meta.name):
        raise UserError(
            f'meta.name "{theme.meta.name}" is not a valid theme name.',
            hint="Use lower-case letters, digits, - and _.",
            where=where,
        )
    return theme


def _build_table(cls: type, table: str, values: dict[str, Any], where: str) -> Any:
    hints = _hints(cls)
    allowed = [f.name for f in dataclasses.fields(cls)]
    kwargs: dict[str, Any] = {}
    for key, value in values.items():
        if key not in hints:
            raise UserError(
                f'Unknown key "{table}.{key}" in the theme.',
                hint=f"Allowed keys in [{table}]: {', '.join(allowed)}.",
                where=where,
            )
        kwargs[key] = _check_value(f"{table}.{key}", hints[key], value, where)
    return cls(**kwargs)


def _check_value(key: str, hint: Any, value: Any, where: str) -> Any:
    if typing.get_origin(hint) is Literal:
        choices = typing.get_args(hint)
        if value not in choices:
            raise UserError(
                f'"{key}" cannot be {value!r}.',
                hint=f"Allowed values: {', '.join(repr(c) for c in choices)}.",
                where=where,
            )
        return value
    if hint is bool:
        if not isinstance(value, bool):
            raise UserError(f'"{key}" must be true or false, not {value!r}.', where=where)
        return value
    if hint is float:
        if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
            raise UserError(f'"{key}" must be a number of points (0 or more), not {value!r}.',
                            where=where)
        return float(value)
    if not isinstance(value, str):
        raise UserError(f'"{key}" must be text, not {value!r}.', where=where)
    if key.startswith("colors.") and not _COLOR_RE.match(value):
        raise UserError(
            f'"{key}" must be a colour like "#1f3a5f", not {value!r}.', where=where
        )
    return value
