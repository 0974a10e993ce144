"""List labels from numbering.xml: formats, multi-level text, restarts, unknown formats."""

from __future__ import annotations

from docx.oxml import parse_xml

from workshop.core.textio.docx_numbering import ListNumbering
from workshop.core.textio.docx_styles import ListRef

NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def numbering(levels: str, overrides: str = "") -> ListNumbering:
    return ListNumbering(parse_xml(
        f'<w:numbering {NS}><w:abstractNum w:abstractNumId="5">{levels}</w:abstractNum>'
        f'<w:num w:numId="1"><w:abstractNumId w:val="5"/></w:num>'
        f'<w:num w:numId="2"><w:abstractNumId w:val="5"/>{overrides}</w:num></w:numbering>'))


def level(ilvl: int, fmt: str, text: str, start: int = 1) -> str:
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/></w:lvl>')


def labels(lists: ListNumbering, refs: list[tuple[str, int]]) -> list[str | None]:
    out = []
    for num_id, ilvl in refs:
        label = lists.label(ListRef(num_id=num_id, ilvl=ilvl, depth=ilvl))
        out.append(None if label is None else label.text)
    return out


def test_formats_and_multilevel_text() -> None:
    lists = numbering(level(0, "upperRoman", "%1.") + level(1, "decimal", "%1.%2")
                      + level(2, "upperLetter", "(%3)", start=26))
    assert labels(lists, [("1", 0), ("1", 1), ("1", 1), ("1", 2), ("1", 2), ("1", 0),
                          ("1", 1)]) == ["I.", "I.1", "I.2", "(Z)", "(AA)", "II.", "II.1"]


def test_lists_sharing_a_definition_continue_unless_restarted() -> None:
    lists = numbering(level(0, "decimal", "%1)"),
                      '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>')
    assert labels(lists, [("1", 0), ("1", 0), ("2", 0), ("2", 0), ("1", 0)]) == [
        "1)", "2)", "1)", "2)", "3)"]


def test_bullets_unknown_formats_and_no_label() -> None:
    lists = numbering(level(0, "bullet", "\uf0b7") + level(1, "chineseCounting", "%2、")
                      + level(2, "none", ""))
    assert labels(lists, [("1", 0), ("1", 1), ("1", 2), ("9", 0), ("1", 5)]) == [
        "•", "•", None, "•", "•"]


def test_zero_padded_and_lower_roman() -> None:
    lists = numbering(level(0, "decimalZero", "%1.", start=9) + level(1, "lowerRoman", "%2."))
    assert labels(lists, [("1", 0), ("1", 0), ("1", 1), ("1", 1), ("1", 1), ("1", 1)]) == [
        "09.", "10.", "i.", "ii.", "iii.", "iv."]
