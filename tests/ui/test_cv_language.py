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


def test_a_bullet_needs_no_full_stop_but_a_description_does() -> None:
    cv = CV(experience=[Experience(id="e0", title="Extern, Internal Medicine",
                                   organization="Lakeview Medical Center",
                                   description="Admitted and followed ward patients daily",
                                   highlights=["Presented cases at morning report weekly"])])
    joined = join_texts(cv)

    def no_stop(path: str) -> Finding:
        start = joined.starts[joined.paths.index(path)]
        return Finding(rule="grammar.missing_final_punctuation", category="punctuation",
                       severity="warning", message="no full stop", start=start + 5,
                       end=start + 9)

    mapped = map_findings([no_stop("experience[0].description"),
                           no_stop("experience[0].highlights[0]")], joined)
    assert [f.where for f in mapped] == ["experience[0].description"]


def test_findings_name_the_entry_not_the_data_path() -> None:
    from workshop.ui.cv.language import describe, field_label

    cv = CV(experience=[Experience(id="e0", title="Extern, Internal Medicine",
                                   organization="Lakeview Medical Center")])
    assert field_label(cv, "experience[0].highlights[1]") == \
        "Experience “Extern, Internal Medicine — Lakeview Medical Center”, bullet 2"
    assert field_label(cv, "experience[0].eras.reflection").endswith(", ERAS reflection")
    assert field_label(cv, "summary") == "Summary"
    assert field_label(cv, "gap_notes[2021-08..2022-01]") == \
        "the note on the gap 2021-08 to 2022-01"
    assert field_label(cv, "experience[7].description") == "experience[7].description"
    finding = Finding(rule="spell", category="spelling", severity="error", message="Typo.",
                      excerpt="observd", suggestions=("observed",),
                      where="experience[0].description")
    assert describe(finding, lambda p: field_label(cv, p)) == (
        "“observd” (→ observed) in Experience “Extern, Internal Medicine — Lakeview Medical "
        "Center”, description: Typo.")
