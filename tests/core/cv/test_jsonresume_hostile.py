"""JSON Resume files that are not résumés, or whose text is broken, change nothing; an import
keeps the CV it replaces as a version; an empty or missing end date means ongoing."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from workshop.core.cv.dates import PRESENT
from workshop.core.cv.in_workspace import load_workspace_cv, save_workspace_cv
from workshop.core.cv.jsonresume import import_json_resume, import_json_resume_into
from workshop.core.cv.model import CV
from workshop.core.errors import UserError
from workshop.core.services import init_workspace
from workshop.core.storage.workspace import Workspace

#: The schema project's own sample job (resume-schema, sample.job.json), abridged.
SAMPLE_JOB = {
    "title": "Web Developer", "company": "Microsoft", "type": "Full-time", "date": "2017-12",
    "description": "Bold, and ready to take on the world.", "location": {"city": "Seattle"},
    "remote": "Full", "salary": "100000", "experience": "Senior or Lead",
    "responsibilities": ["Build things"], "qualifications": ["Knows things"],
    "skills": [{"name": "HTML", "level": "Master", "keywords": ["HTML", "CSS"]}],
    "tooling": [{"name": "Devops", "level": "Senior", "keywords": ["Docker"]}],
    "meta": {"canonical": "https://example.invalid", "version": "v1.0.0"},
}
RESUME = {"basics": {"name": "Yasmin Haddad", "email": "y@example.invalid"},
          "work": [{"name": "Cairo University Hospital", "position": "House officer",
                    "startDate": "2024-03", "endDate": ""}]}


def _write(tmp_path: Path, name: str, content: object | str) -> Path:
    path = tmp_path / name
    path.write_text(content if isinstance(content, str) else json.dumps(content),
                    encoding="utf-8")
    return path


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    ws = init_workspace(tmp_path / "ws.workshop")
    yield ws
    if not ws.closed:
        ws.close()


@pytest.mark.parametrize(("content", "words"), [
    (SAMPLE_JOB, "a job description"),
    ({"basic": {"name": "Yasmin"}, "work": []}, "“basic” looks like a misspelling of “basics”"),
    ({}, "empty JSON object"),
    ({"basics": {"name": "", "location": {}}, "skills": [{"name": "Python"}]},
     "no résumé content"),
    ({"$schema": "x", "meta": {"version": "v1.0.0"}}, "no résumé content"),
])
def test_files_without_resume_content_are_refused_saying_what_they_hold(
        tmp_path: Path, content: object, words: str) -> None:
    with pytest.raises(UserError) as info:
        import_json_resume(_write(tmp_path, "not-a-resume.json", content))
    assert words in str(info.value)
    assert info.value.hint


def test_an_empty_or_missing_end_date_means_ongoing(tmp_path: Path) -> None:
    doc = json.loads(json.dumps(RESUME))
    doc["work"].append({"name": "Clinic", "position": "Volunteer doctor",
                        "startDate": "2023-01"})
    doc["education"] = [{"institution": "Cairo University", "studyType": "MBBCh",
                         "startDate": "2016", "endDate": ""}]
    cv, _ = import_json_resume(_write(tmp_path, "r.json", doc))
    assert [e.end for e in cv.experience] == [PRESENT, PRESENT]
    assert cv.education[0].end is None


@pytest.mark.parametrize("raw", ['{"basics": {"name": "Ya\\ud800smin"}}',
                                 '{"basics": {"name": "Y"}, "work": [{"summary": "\\udfff"}]}',
                                 '{"basics": {"\\ud83d": "x", "name": "Y"}}'])
def test_a_lone_surrogate_is_a_clear_message(tmp_path: Path, raw: str) -> None:
    with pytest.raises(UserError) as info:
        import_json_resume(_write(tmp_path, "broken.json", raw))
    assert "broken character" in str(info.value) and "internal" not in str(info.value)


def test_a_huge_number_is_refused_without_python_text(tmp_path: Path) -> None:
    raw = '{"basics": {"name": "Y"}, "x": ' + "9" * 5000 + "}"
    with pytest.raises(UserError) as info:
        import_json_resume(_write(tmp_path, "big.json", raw))
    message = str(info.value)
    assert "5,000 digits" in message and "sys." not in message


def test_import_keeps_the_cv_it_replaces(tmp_path: Path, workspace: Workspace) -> None:
    mine = CV()
    mine.personal.legal_name = "Old Name"
    save_workspace_cv(workspace, mine)
    result = import_json_resume_into(workspace, _write(tmp_path, "new.json", RESUME))
    assert result.kept_version == "Before import of new.json"
    assert "kept as the version “Before import of new.json”" in result.summary("new.json")
    assert load_workspace_cv(workspace).personal.legal_name == "Yasmin Haddad"
    doc = workspace.documents.list()[0]
    names = [v.name for v in workspace.documents.versions(doc.id)]
    assert names == ["Imported from new.json", "Before import of new.json"]
    old = workspace.documents.version(workspace.documents.versions(doc.id)[1].id).body
    assert "Old Name" in old


def test_a_refused_file_leaves_the_cv_and_its_versions_alone(tmp_path: Path,
                                                            workspace: Workspace) -> None:
    mine = CV()
    mine.personal.legal_name = "Old Name"
    save_workspace_cv(workspace, mine)
    with pytest.raises(UserError):
        import_json_resume_into(workspace, _write(tmp_path, "job.json", SAMPLE_JOB))
    assert load_workspace_cv(workspace).personal.legal_name == "Old Name"
    doc = workspace.documents.list()[0]
    assert workspace.documents.versions(doc.id) == []


def test_no_version_for_an_empty_cv(tmp_path: Path, workspace: Workspace) -> None:
    result = import_json_resume_into(workspace, _write(tmp_path, "first.json", RESUME))
    assert result.kept_version == "" and "previous CV" not in result.summary("first.json")


def test_summary_counts_read_as_english(tmp_path: Path, workspace: Workspace) -> None:
    result = import_json_resume_into(workspace, _write(tmp_path, "one.json", RESUME))
    assert result.summary("one.json") == ("Imported CV from one.json: 1 experience, "
                                          "0 education entries, 0 publications.")
