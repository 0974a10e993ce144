"""LanguageTool as an optional second engine: a server URL, or a local install (``LTP_PATH``).

LanguageTool needs Java 17+ and a ~260 MB download, which cannot happen on every machine, so its
absence is a normal state that :meth:`LanguageToolEngine.availability` explains in one sentence.
Responses follow LanguageTool's documented ``/v2/check`` JSON; its offsets and lengths are UTF-16
code units (Java strings), converted here to code points.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import threading
import urllib.parse
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from workshop.core.checks.engines.base import Availability
from workshop.core.checks.finding import Finding
from workshop.core.checks.textspans import utf16_span_to_codepoints

ENGINE_NAME = "languagetool"
Transport = Callable[[dict[str, str]], dict[str, Any]]

# LanguageTool category ids (documented in its rule XML) → our categories.
CATEGORY_MAP: dict[str, tuple[str, str]] = {
    "TYPOS": ("spelling", "warning"),
    "SPELLING": ("spelling", "warning"),
    "CASING": ("punctuation", "warning"),
    "PUNCTUATION": ("punctuation", "warning"),
    "TYPOGRAPHY": ("punctuation", "advice"),
    "GRAMMAR": ("grammar", "warning"),
    "CONFUSED_WORDS": ("grammar", "warning"),
    "COLLOCATIONS": ("grammar", "warning"),
    "NONSTANDARD_PHRASES": ("grammar", "advice"),
    "COMPOUNDING": ("grammar", "warning"),
    "SEMANTICS": ("grammar", "advice"),
    "REDUNDANCY": ("style", "advice"),
    "STYLE": ("style", "advice"),
    "PLAIN_ENGLISH": ("clarity", "advice"),
    "WIKIPEDIA": ("style", "advice"),
    "MISC": ("grammar", "advice"),
}
DEFAULT_CATEGORY = ("grammar", "advice")
HOW_TO_ENABLE = (
    "Install Java 17+ and set a LanguageTool server URL in Preferences, or put a LanguageTool "
    "download in the folder named by the LTP_PATH environment variable. Harper still checks "
    "spelling and grammar without it."
)


def findings_from_response(response: dict[str, Any], text: str) -> list[Finding]:
    """Map a ``/v2/check`` response for ``text`` to findings with code-point offsets."""
    findings: list[Finding] = []
    for match in response.get("matches", []):
        rule = match.get("rule") or {}
        category_id = str((rule.get("category") or {}).get("id", "")).upper()
        category, severity = CATEGORY_MAP.get(category_id, DEFAULT_CATEGORY)
        if rule.get("issueType") == "misspelling":
            category, severity = "spelling", "warning"
        start, end = utf16_span_to_codepoints(
            text, int(match.get("offset", 0)), int(match.get("length", 0))
        )
        replacements = [
            str(r["value"])
            for r in match.get("replacements", [])
            if isinstance(r, dict) and "value" in r
        ]
        message = str(match.get("message") or match.get("shortMessage") or "Possible problem.")
        findings.append(
            Finding(
                rule=f"languagetool.{rule.get('id', 'UNKNOWN')}",
                category=category,
                severity=severity,
                message=message,
                start=start,
                end=end,
                suggestions=tuple(replacements[:5]),
                engine=ENGINE_NAME,
                source="LanguageTool",
                excerpt=text[start:end],
            )
        )
    return findings


def http_transport(server_url: str, timeout: float = 10.0) -> Transport:
    """POST form data to ``<server>/v2/check`` and return the decoded JSON."""
    base = server_url.rstrip("/") + "/"
    if not base.endswith("/v2/"):
        base = urllib.parse.urljoin(base, "v2/")
    url = urllib.parse.urljoin(base, "check")

    def send(params: dict[str, str]) -> dict[str, Any]:
        # http.client and email come with urllib.request: imported only when a server is used.
        from urllib.request import Request, urlopen

        data = urllib.parse.urlencode(params).encode("utf-8")
        request = Request(url, data=data, method="POST")
        with urlopen(request, timeout=timeout) as response:  # noqa: S310
            decoded: dict[str, Any] = json.loads(response.read().decode("utf-8"))
            return decoded

    return send


def local_install_folder() -> Path | None:
    """The LanguageTool folder language-tool-python would use (``LTP_PATH`` or its cache).

    Same rule as the library (a ``LanguageTool*`` folder in the download path), written out
    because the library's helper is deprecated and its path helper creates folders.
    """
    base = os.environ.get("LTP_PATH") or str(Path.home() / ".cache" / "language_tool_python")
    folder = Path(base)
    if not folder.is_dir():
        return None
    found = sorted(p for p in folder.glob("LanguageTool*") if p.is_dir())
    return found[-1] if found else None


class LanguageToolEngine:
    """LanguageTool over HTTP: a configured server, or a local server language-tool-python starts.

    Args:
        server_url: a LanguageTool server (``http://localhost:8081``); empty for a local install.
        language: LanguageTool language code.
        transport: injected sender (tests use recorded responses); built lazily otherwise.
    """

    name = ENGINE_NAME

    def __init__(
        self,
        server_url: str = "",
        language: str = "en-US",
        transport: Transport | None = None,
    ) -> None:
        self._server_url = server_url.strip()
        self._language = language
        self._transport = transport
        self._tool: Any = None
        self._lock = threading.Lock()
        self._words: tuple[str, ...] = ()

    def availability(self) -> Availability:
        """Explain whether LanguageTool can run, without starting or downloading anything."""
        if self._transport is not None or self._server_url:
            where = self._server_url or "the configured transport"
            return Availability(True, "ready", f"LanguageTool server at {where}.")
        # find_spec, not import: importing language_tool_python pulls in requests and psutil
        # (C extensions) on the checker thread while the GUI may be loading Qt plugins.
        if importlib.util.find_spec("language_tool_python") is None:
            return Availability(
                False,
                "missing-library",
                "LanguageTool not found: the language-tool-python library is not installed.",
                HOW_TO_ENABLE,
            )
        if shutil.which("java") is None:
            return Availability(
                False,
                "no-java",
                "LanguageTool not found: Java 17+ is not installed on this computer.",
                HOW_TO_ENABLE,
            )
        folder = local_install_folder()
        if folder is None:
            where = os.environ.get("LTP_PATH", "the default download folder")
            return Availability(
                False,
                "not-downloaded",
                f"LanguageTool not found: no LanguageTool download in {where}.",
                HOW_TO_ENABLE,
            )
        return Availability(True, "ready", f"LanguageTool (local) in {folder}.")

    def warm(self) -> None:
        """Start the local server (slow) or do nothing for a remote one."""
        with self._lock:
            self._ensure_transport()

    def set_words(self, words: Iterable[str]) -> None:
        """Remember accepted words; spelling findings on them are dropped after checking."""
        self._words = tuple(words)

    def check(self, text: str) -> list[Finding]:
        """Findings for one paragraph from the server."""
        if not text.strip():
            return []
        with self._lock:
            send = self._ensure_transport()
        response = send({"language": self._language, "text": text})
        return findings_from_response(response, text)

    def close(self) -> None:
        """Stop a local server this engine started."""
        with self._lock:
            if self._tool is not None:
                self._tool.close()
                self._tool = None

    def _ensure_transport(self) -> Transport:
        if self._transport is None:
            if self._server_url:
                self._transport = http_transport(self._server_url)
            else:
                state = self.availability()
                if not state.ok:
                    raise RuntimeError(str(state))
                import language_tool_python

                self._tool = language_tool_python.LanguageTool(self._language)
                self._transport = http_transport(str(self._tool.url).rsplit("/v2", 1)[0])
        return self._transport
