"""How many pages a statement takes in a theme, measured the way the PDF writer lays it out.

The old counter divided words by 750 ("a page at 12 pt"), which said ≈0.8 page for a statement
that exported to two. Here the text is set with the writer's own styles, fonts, frame and
fit-to-page rule (:func:`workshop.core.export.pdf.build`), on a canvas that draws nothing, so
the ceiling of the estimate is the exported PDF's page count.

It runs on the checker's worker thread after every edit: the first call imports reportlab and
reads the fonts (call :func:`warm` at start-up for that); later ones measure in a few
milliseconds and repeat texts come from a cache.

The statement's letterhead is two lines whatever the profile holds, so the estimate does not
need the applicant's name or contact; a profile whose contact line is long enough to wrap
(or a headline naming many programs) takes one line more than estimated.
"""

from __future__ import annotations

import math
import threading
from collections import OrderedDict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from workshop.core.errors import UserError

DEFAULT_THEME = "statement"
DEFAULT_PAPER = "letter"
#: Stands in for the applicant on the letterhead: one line of name, one of contact.
PLACEHOLDER_PROFILE: Mapping[str, str] = {
    "full_name": "Applicant Name", "email": "applicant@example.org", "phone": "+1 (555) 010-0000",
}
PLACEHOLDER_SPECIALTY = "Internal Medicine"
CACHE_SIZE = 64
PAPER_NAMES = {"letter": "Letter", "a4": "A4"}


@dataclass(frozen=True)
class PageEstimate:
    """Where a statement ends in a theme and on a paper size."""

    pages: float  # pages filled: 0.93 is 93% of one page; math.ceil(pages) == page_count
    page_count: int  # pages of the exported PDF (0 for an empty text)
    font_size: float  # the body type size the PDF uses (smaller than the theme's when fitted)
    theme_size: float  # the theme's own body size
    theme: str
    paper: str

    @property
    def fitted(self) -> bool:
        """True when the type was set smaller to keep the text on its pages."""
        return self.font_size < self.theme_size

    def basis(self) -> str:
        """What the estimate assumes, e.g. "Letter, statement theme, 9.4 pt" (for a tooltip)."""
        paper = PAPER_NAMES.get(self.paper, self.paper)
        return f"{paper}, {self.theme} theme, {self.font_size:g} pt"


_lock = threading.Lock()
_cache: OrderedDict[tuple[Any, ...], PageEstimate] = OrderedDict()


def estimate(
    text: str,
    theme: str = DEFAULT_THEME,
    paper: str = DEFAULT_PAPER,
    *,
    profile: Mapping[str, Any] | None = None,
    specialty: str = PLACEHOLDER_SPECIALTY,
    user_dirs: Sequence[Path | str] = (),
) -> PageEstimate:
    """The pages ``text`` fills as a statement PDF (cached by all arguments).

    Args:
        text: the statement body as the editor holds it.
        theme: a statement theme name (the built-in "statement" by default).
        paper: "letter" or "a4".
        profile: the applicant's profile, for an exact letterhead; a placeholder by default.
        specialty: shown on the letterhead beside "Personal statement".
        user_dirs: folders searched for the theme before the built-in ones.

    Raises:
        UserError: unknown theme or paper, invalid theme file, missing font file.
    """
    who = tuple(sorted((k, str(v)) for k, v in (profile or PLACEHOLDER_PROFILE).items()))
    key = (text, theme, paper, who, specialty, tuple(str(d) for d in user_dirs))
    with _lock:
        hit = _cache.get(key)
        if hit is not None:
            _cache.move_to_end(key)
            return hit
    result = _measure(text, theme, paper, profile or PLACEHOLDER_PROFILE, specialty, user_dirs)
    with _lock:
        _cache[key] = result
        while len(_cache) > CACHE_SIZE:
            _cache.popitem(last=False)
    return result


def estimate_pages(text: str, theme: str = DEFAULT_THEME, paper: str = DEFAULT_PAPER) -> float:
    """Pages ``text`` fills as a statement PDF, e.g. 0.93; its ceiling is the PDF's page count."""
    return estimate(text, theme, paper).pages


def warm() -> None:
    """Import reportlab and read the fonts now (slow, once), not in the first real estimate."""
    _measure("Warm-up.", DEFAULT_THEME, DEFAULT_PAPER, PLACEHOLDER_PROFILE, "", ())


def _measure(text: str, theme_name: str, paper: str, profile: Mapping[str, Any],
             specialty: str, user_dirs: Sequence[Path | str]) -> PageEstimate:
    from workshop.core.export.api import _theme
    from workshop.core.export.builders import statement_document
    from workshop.core.export.pdf import build
    from workshop.core.export.pdf_fit import Layout, fit
    from workshop.core.export.text_safety import clean_tree

    theme = _theme(theme_name, paper, user_dirs)
    try:
        doc = clean_tree(statement_document(profile, "", text, specialty))
    except UserError:  # an empty statement: nothing to lay out
        return PageEstimate(0.0, 0, theme.fonts.size, theme.fonts.size, theme_name, paper)

    def attempt(th: Any, scale: float) -> tuple[None, Layout]:
        return None, build(_measuring_builder()(doc, th), _blank_canvas(), _Sink(), scale)

    _, layout = fit(theme, attempt)
    pages = layout.filled
    assert math.ceil(pages) == layout.pages  # noqa: S101 - Layout keeps 0 < fill <= 1
    return PageEstimate(round(pages, 3), layout.pages, round(theme.fonts.size * layout.scale, 2),
                        theme.fonts.size, theme_name, paper)


class _Sink:
    """A file that forgets what is written (nothing is, since the canvas never saves)."""

    def write(self, data: bytes) -> int:
        return len(data)


_classes: dict[str, Any] = {}


def _blank_canvas() -> Any:
    """A reportlab canvas class that lays pages out but writes no PDF.

    Pages are not kept, and the document is never serialised, compressed or given font
    subsets: that, and drawing, is most of the time a real render takes.
    """
    if "canvas" not in _classes:
        from reportlab.pdfgen import canvas

        class BlankCanvas(canvas.Canvas):  # type: ignore[misc]  # reportlab has no types
            def showPage(self) -> None:  # noqa: N802 (reportlab API)
                self._startPage()

            def save(self) -> None:
                pass

        _classes["canvas"] = BlankCanvas
    return _classes["canvas"]


def _measuring_builder() -> Any:
    """The PDF writer's story builder with paragraphs that are measured and split like the
    writer's (the same class does both) but never draw: a fifth of a layout's time."""
    if "builder" not in _classes:
        from reportlab.platypus import Paragraph

        from workshop.core.export.pdf import _Builder

        class QuietParagraph(Paragraph):  # type: ignore[misc]  # reportlab has no types
            def draw(self) -> None:
                pass

        class MeasuringBuilder(_Builder):
            paragraph = QuietParagraph

        _classes["builder"] = MeasuringBuilder
    return _classes["builder"]
