"""A Typst source equivalent to our 2-page CV, the anchor of the export benchmarks.

Run as ``python -m workshop.harness.typst_cv OUT_DIR``: renders the sample CV with our engine
(theme ``cv-compact``, two pages), takes its text line by line from the PDF, and writes
``OUT_DIR/cv.typ`` setting the same lines, in the same bundled Noto Sans faces at the same
size, on two Letter pages (``OUT_DIR/fonts`` holds the faces, so ``typst compile --font-path``
reads only those). The same words and faces in the same pages is the fairest whole-process
comparison we can make without a second template: Typst's layout work is the same kind
(shaping, line breaking, page breaking, font subsetting).

Reproduce the ratio with the ``typst`` package from PyPI (``pip install typst``)::

    python -m workshop.harness.typst_cv /tmp/cv && \\
        python -c "import typst; typst.compile('/tmp/cv/cv.typ', output='/tmp/cv/cv.pdf',
                   font_paths=['/tmp/cv/fonts'])"
"""

from __future__ import annotations

import io
import shutil
import sys
from pathlib import Path

FACES = ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoSans-Italic.ttf",
         "NotoSans-BoldItalic.ttf", "NotoNaskhArabic-Regular.ttf")


def _escape(line: str) -> str:
    special = "\\#$*_`@<>[]~/=-+"
    out = "".join(f"\\{c}" if c in special else c for c in line)
    return out


def typst_source(pages: list[str]) -> str:
    """Typst markup for ``pages`` of text: one line a paragraph, a page break between pages."""
    head = ('#set page(paper: "us-letter", margin: 0.6in)\n'
            '#set text(font: ("Noto Sans", "Noto Naskh Arabic"), size: 8.5pt)\n'
            "#set par(spacing: 0.42em, leading: 0.35em, justify: false)\n\n")
    body = "\n#pagebreak()\n".join(
        "\n\n".join(_escape(line) for line in page.splitlines() if line.strip())
        for page in pages)
    return head + body + "\n"


def write(out: Path) -> Path:
    import pypdf

    from workshop.core.export import render_pdf
    from workshop.core.export.samples import sample_document
    from workshop.core.resources import resource

    data = render_pdf(sample_document("cv"), "cv-compact")
    pages = [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages]
    out.mkdir(parents=True, exist_ok=True)
    fonts = out / "fonts"
    fonts.mkdir(exist_ok=True)
    for face in FACES:
        with resource("fonts", face).open("rb") as src, (fonts / face).open("wb") as dst:
            shutil.copyfileobj(src, dst)
    target = out / "cv.typ"
    target.write_text(typst_source(pages), encoding="utf-8")
    (out / "ours.pdf").write_bytes(data)
    return target


if __name__ == "__main__":
    print(write(Path(sys.argv[1])))
