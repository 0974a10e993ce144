"""LanguageTool: mapping recorded /v2/check responses, availability, and a real server if any."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from workshop.core.checks.engines.languagetool_engine import (
    LanguageToolEngine,
    findings_from_response,
)
from workshop.core.checks.service import CheckService

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "languagetool"


def _load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))
    return data


def test_ascii_response_maps_categories_and_suggestions() -> None:
    doc = _load("ascii_grammar")
    text = doc["request"]["text"]
    findings = findings_from_response(doc["response"], text)
    assert [text[f.start : f.end] for f in findings] == ["has", "go", "recieve"]
    assert [f.category for f in findings] == ["grammar", "grammar", "spelling"]
    assert findings[1].suggestions == ("goes", "went")
    assert findings[0].rule == "languagetool.NON3PRS_VERB"
    assert all(f.engine == "languagetool" for f in findings)


def test_utf16_offsets_are_converted_to_code_points() -> None:
    doc = _load("unicode_offsets")
    text = doc["request"]["text"]
    findings = findings_from_response(doc["response"], text)
    assert [text[f.start : f.end] for f in findings] == ["recieve", "  ", " ,"]
    assert [f.category for f in findings] == ["spelling", "punctuation", "punctuation"]
    # The raw offset is in UTF-16 units and is larger than the code-point offset.
    raw = doc["response"]["matches"][0]["offset"]
    assert raw > findings[0].start


def test_unknown_category_falls_back_and_style_is_advice() -> None:
    doc = _load("style_and_unknown_category")
    findings = findings_from_response(doc["response"], doc["request"]["text"])
    assert findings[0].category == "style" and findings[0].severity == "advice"
    assert findings[1].category == "grammar" and findings[1].severity == "advice"


def test_engine_with_recorded_transport_works_in_the_service() -> None:
    doc = _load("ascii_grammar")
    sent: list[dict[str, str]] = []

    def transport(params: dict[str, str]) -> dict[str, Any]:
        sent.append(params)
        return dict(doc["response"])

    engine = LanguageToolEngine(transport=transport)
    assert engine.availability().ok
    result = CheckService([engine]).check(doc["request"]["text"])
    assert sent[0]["language"] == "en-US"
    assert {f.excerpt for f in result.findings if f.engine == "languagetool"} >= {"has", "recieve"}


def test_absence_is_explained_without_raising(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("LTP_PATH", str(tmp_path))
    state = LanguageToolEngine().availability()
    if state.ok:
        pytest.skip("a LanguageTool install is present on this machine")
    assert state.message.startswith("LanguageTool not found")
    assert "Java 17+" in state.how_to_enable and "server URL" in state.how_to_enable


def _real_languagetool() -> LanguageToolEngine | None:
    url = os.environ.get("WORKSHOP_LT_SERVER", "")
    engine = LanguageToolEngine(server_url=url)
    return engine if (url or engine.availability().ok) else None


@pytest.mark.skipif(
    _real_languagetool() is None,
    reason="No LanguageTool here: needs Java 17+ and a LanguageTool download (LTP_PATH), or a "
    "server URL in WORKSHOP_LT_SERVER.",
)
def test_real_languagetool_finds_a_spelling_mistake() -> None:
    engine = _real_languagetool()
    assert engine is not None
    text = "Yasmin 😀 met Dr. Νίκος and recieve a letter."
    findings = engine.check(text)
    assert any(text[f.start : f.end] == "recieve" for f in findings)


@pytest.mark.allow_network  # a server on this machine only (127.0.0.1), as a user would run
def test_http_transport_posts_the_text_to_a_local_server() -> None:
    import threading
    from http.server import BaseHTTPRequestHandler, HTTPServer
    from urllib.parse import parse_qs

    from workshop.core.checks.engines.languagetool_engine import http_transport

    received: list[tuple[str, dict[str, list[str]]]] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802
            body = self.rfile.read(int(self.headers["Content-Length"])).decode("utf-8")
            received.append((self.path, parse_qs(body)))
            answer = json.dumps({"matches": [{"offset": 0, "length": 2}]}).encode("utf-8")
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(answer)))
            self.end_headers()
            self.wfile.write(answer)

        def log_message(self, *_args: object) -> None:
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        send = http_transport(f"http://127.0.0.1:{server.server_port}")
        reply = send({"text": "Yasmin’s résumé", "language": "en-US"})
    finally:
        server.shutdown()
        server.server_close()
    assert reply == {"matches": [{"offset": 0, "length": 2}]}
    assert received == [("/v2/check", {"text": ["Yasmin’s résumé"], "language": ["en-US"]})]
