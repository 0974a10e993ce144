"""Joining the CV's prose for the shared checker and mapping findings back (no Qt needed)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from workshop.core.checks.finding import Finding
from workshop.core.cv.model import CV, Experience
from workshop.ui.cv.language import join_texts, map_findings

texts = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\r"),
                min_size=0, max_size=40)


def cv_with(descriptions: list[str]) -> CV:
    return CV(experience=[Experience(id=f"e{i}", description=d)
                          for i, d in enumerate(descriptions)])


@given(st.lists(texts, max_size=6))
def test_every_offset_maps_back_to_its_field(descriptions: list[str]) -> None:
    joined = join_texts(cv_with(descriptions))
    for start, path in zip(joined.starts, joined.paths, strict=True):
        index = int(path.split("[")[1].split("]")[0])
        field_text = descriptions[index].strip("\n")
        assert joined.text[start:start + len(field_text)] == field_text
        for k in range(len(field_text)):
            assert joined.path_at(start + k) == (path, k)


def test_only_language_findings_are_kept_and_relocated() -> None:
    cv = cv_with(["Fine text.", "I observd teams."])
    joined = join_texts(cv)
    at = joined.text.index("observd")
    spelling = Finding(rule="spell", category="spelling", severity="error", message="typo",
                       start=at, end=at + 7)
    length = Finding(rule="len", category="length", severity="warning", message="short")
    mapped = map_findings([spelling, length], joined)
    assert len(mapped) == 1
    assert mapped[0].where == "experience[1].description"
    assert (mapped[0].start, mapped[0].end, mapped[0].excerpt) == (2, 9, "observd")
    assert map_findings([spelling], join_texts(CV())) == []
