"""Downloading LanguageTool (about 260 MB) — only ever started by the user.

The download runs as a separate process (``python -c ...`` with language-tool-python's own
downloader), so Cancel can stop it at once and a half-finished download never blocks the app.
Progress comes from the percentages its progress bar prints.
"""

from __future__ import annotations

import re
import sys

DOWNLOAD_CODE = (
    "from language_tool_python.download_lt import LocalLanguageTool, LTP_DOWNLOAD_VERSION as v\n"
    "tool = LocalLanguageTool.from_version_name(v)\n"
    "tool.download() if tool not in tool.get_installed_versions() else None\n"
    "print('LanguageTool is installed.')\n"
)
APPROXIMATE_SIZE_MB = 260
_PERCENT = re.compile(r"(\d{1,3})%\|")


def download_command() -> list[str]:
    """The command that downloads LanguageTool into language-tool-python's folder."""
    return [sys.executable, "-c", DOWNLOAD_CODE]


def parse_progress(output: str) -> int | None:
    """The last percentage in a chunk of progress-bar output, or None."""
    found = _PERCENT.findall(output)
    if not found:
        return None
    return max(0, min(100, int(found[-1])))


def explain_failure(output: str) -> str:
    """One sentence for the user from the downloader's error output."""
    text = output.lower()
    if "java" in text:
        return "LanguageTool needs Java 17 or newer; install Java, then try again."
    if any(word in text for word in ("connection", "resolve", "network", "urlopen", "timed out")):
        return (
            "The download could not connect. Check your internet connection, or set the "
            "address of a LanguageTool server in Preferences instead."
        )
    if "space" in text:
        return "The disk is full; free about 300 MB and try again."
    last = [line for line in output.strip().splitlines() if line.strip()]
    return f"The download failed: {last[-1][:200]}" if last else "The download failed."
