"""The one entry point that turns a label's content into printer or PDF bytes."""

from __future__ import annotations

from app.core.errors import Refused
from app.core.label import LabelContent, LabelFormat
from app.labels.pdf_label import render_pdf
from app.labels.zpl import render_zpl


def render_label(content: LabelContent, fmt: str, dpi: int = 203) -> bytes:
    """The label as ZPL II for a `dpi` printer (203 or 300), or as a PDF (dpi not used)."""
    if fmt == LabelFormat.ZPL:
        return render_zpl(content, dpi)
    if fmt == LabelFormat.PDF:
        return render_pdf(content)
    raise Refused(f"format: {fmt!r} is not one of {', '.join(LabelFormat)}")
