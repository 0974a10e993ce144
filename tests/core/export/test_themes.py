from __future__ import annotations

from pathlib import Path

import pytest

from workshop.core.errors import UserError
from workshop.core.export import list_themes, load_theme

BUILTIN = ["cv-classic", "cv-modern", "cv-compact", "statement", "packet", "report"]


@pytest.mark.parametrize("name", BUILTIN)
def test_builtin_themes_load(name: str) -> None:
    theme = load_theme(name)
    assert theme.name == name
    assert theme.page.paper == "letter"


def test_list_themes_by_kind() -> None:
    names = {t.name for t in list_themes("cv")}
    assert names == {"cv-classic", "cv-modern", "cv-compact"}
    assert {t.kind for t in list_themes()} == {"cv", "statement", "packet", "report"}


def test_typo_in_key_names_file_key_and_allowed(tmp_path: Path) -> None:
    (tmp_path / "mine.toml").write_text('[fonts]\nbody = "sans"\nszie = 10\n')
    with pytest.raises(UserError) as err:
        load_theme("mine", [tmp_path])
    text = str(err.value)
    assert "mine.toml" in text and "fonts.szie" in text and "size" in err.value.hint


def test_bad_value_lists_allowed_values(tmp_path: Path) -> None:
    (tmp_path / "mine.toml").write_text('[fonts]\nbody = "comic"\n')
    with pytest.raises(UserError) as err:
        load_theme("mine", [tmp_path])
    assert "fonts.body" in str(err.value) and "'serif', 'sans'" in err.value.hint


@pytest.mark.parametrize(
    ("body", "needle"),
    [
        ("[colour]\ntext = '#000000'\n", "Allowed sections"),
        ("[colors]\ntext = 'black'\n", "colour like"),
        ("[page]\nmargin_top = -3\n", "number of points"),
        ("[page]\nrunning_header = 'yes'\n", "true or false"),
        ("[page\n", "not valid TOML"),
    ],
)
def test_invalid_files(tmp_path: Path, body: str, needle: str) -> None:
    (tmp_path / "bad.toml").write_text(body)
    with pytest.raises(UserError) as err:
        load_theme("bad", [tmp_path])
    assert needle in str(err.value)
    assert str(tmp_path / "bad.toml") in str(err.value)


def test_user_theme_shadows_builtin_and_extends(tmp_path: Path) -> None:
    (tmp_path / "cv-classic.toml").write_text(
        '[meta]\nkind = "cv"\nextends = "cv-modern"\n[colors]\naccent = "#aa0000"\n'
    )
    theme = load_theme("cv-classic", [tmp_path])
    assert theme.colors.accent == "#aa0000"
    assert theme.fonts.body == "sans"  # from cv-modern
    infos = {t.name: t for t in list_themes(user_dirs=[tmp_path])}
    assert infos["cv-classic"].user and not infos["cv-modern"].user


def test_broken_user_theme_is_listed_with_error(tmp_path: Path) -> None:
    (tmp_path / "oops.toml").write_text("[fonts]\nbody = 3\n")
    info = {t.name: t for t in list_themes(user_dirs=[tmp_path])}["oops"]
    assert info.error and "fonts.body" in info.error


def test_unknown_theme_and_paper() -> None:
    with pytest.raises(UserError, match="no theme called"):
        load_theme("cv-fancy")
    with pytest.raises(UserError, match="paper"):
        load_theme("cv-classic", paper="legal")
    assert load_theme("cv-classic", paper="a4").page.paper == "a4"


def test_an_edited_theme_is_read_again(tmp_path: Path) -> None:
    """Parsed themes are cached by file stamp: an edit (new size or time) shows at once."""
    path = tmp_path / "mine.toml"
    path.write_text('[meta]\ndescription = "first"\n')
    assert load_theme("mine", [tmp_path]).meta.description == "first"
    path.write_text('[meta]\ndescription = "second, longer"\n')
    assert load_theme("mine", [tmp_path]).meta.description == "second, longer"
    path.write_text('[fonts]\nbody = "comic"\n')
    with pytest.raises(UserError, match="comic"):
        load_theme("mine", [tmp_path])
