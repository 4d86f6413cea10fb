"""The one entry point that turns a label's content into printer or PDF bytes."""

from __future__ import annotations

from app.core.errors import Refused
from app.core.label import LabelContent
from app.labels.pdf_label import render_pdf
from app.labels.zpl import DPIS, render_zpl

#: What `kenpin label render --format` and a printer's settings may name.
FORMATS = ("zpl", "pdf")
__all__ = ["DPIS", "FORMATS", "render_label"]


def render_label(content: LabelContent, fmt: str, dpi: int = 203) -> bytes:
    """The label as ZPL II for a `dpi` printer (203 or 300), or as a PDF (dpi not used)."""
    if fmt == "zpl":
        return render_zpl(content, dpi)
    if fmt == "pdf":
        return render_pdf(content)
    raise Refused(f"format: {fmt!r} is not one of {', '.join(FORMATS)}")
