from __future__ import annotations

from pathlib import Path

import pytest

from workshop.core.cv.jsonresume import import_json_resume
from workshop.core.cv.safejson import parse_json_bytes, read_json_file
from workshop.core.cv.store import load_cv
from workshop.core.errors import UserError


def test_too_large_is_refused_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "big.json"
    big.write_bytes(b'{"a": "' + b"x" * 3_000_000 + b'"}')
    with pytest.raises(UserError, match="MB"):
        import_json_resume(big)
    with pytest.raises(UserError, match="at most 1 MB"):
        read_json_file(big, max_bytes=1024 * 1024)


def test_deep_nesting_is_refused(tmp_path: Path) -> None:
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    with pytest.raises(UserError, match="nested too deeply"):
        import_json_resume(deep)
    with pytest.raises(UserError, match="nested too deeply"):
        parse_json_bytes(b'{"basics": {"a": [[[[[1]]]]]}}', max_depth=4)


def test_huge_lists_are_refused() -> None:
    data = b"[" + b",".join([b"1"] * 6000) + b"]"
    with pytest.raises(UserError, match="6000 entries"):
        parse_json_bytes(data)


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "empty"),
        (b"   \n", "empty"),
        (b"\xff\xfe{}", "UTF-8"),
        (b'{"a": NaN}', "NaN is not allowed"),
        (b'{"a": 1,}', "not valid JSON"),
        (b"\x00\x01", "not valid JSON"),
    ],
)
def test_bad_bytes(data: bytes, words: str) -> None:
    with pytest.raises(UserError, match=words):
        parse_json_bytes(data, where="x.json")


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="does not exist") as info:
        load_cv(tmp_path / "nope.json")
    assert info.value.where.endswith("nope.json")
    with pytest.raises(UserError, match="folder"):
        import_json_resume(tmp_path)
