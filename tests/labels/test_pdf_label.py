"""The PDF label: a scanner reads its tracking number, its text layer holds the address."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pypdfium2
import pytest
import zxingcpp
from hypothesis import HealthCheck, given, settings

from app.core.label import LabelContent, ShipTo
from app.labels.layout import fitted_fields
from app.labels.pdf_label import (
    BarDrawer,
    draw_with_python_barcode,
    draw_with_reportlab,
    render_pdf,
)
from app.labels.render import render_label

from .labeldata import hostile_labels, japanese_ship_to, label, yamada


@dataclass(frozen=True)
class Printed:
    barcodes: list[tuple[str, str]]
    text: str
    size_mm: tuple[float, float]


def look_at(pdf: bytes) -> Printed:
    """The label as a 203 dpi printer would print it: decoded barcodes, text layer, page size."""
    document = pypdfium2.PdfDocument(pdf)
    try:
        assert len(document) == 1
        page = document[0]
        image = page.render(scale=203 / 72).to_pil()
        found = [(r.format.name, r.text) for r in zxingcpp.read_barcodes(image)]
        # pdfium reports a hyphen that ends a text line as U+FFFE (a "soft hyphen" it guessed):
        # the PDF holds "-", which is what a reader copies.
        text = page.get_textpage().get_text_range().replace("\ufffe", "-")
        width, height = page.get_size()
        return Printed(found, text, (width / 72 * 25.4, height / 72 * 25.4))
    finally:
        document.close()


def digits(text: str) -> str:
    """A decoded barcode without Codabar's start and stop characters."""
    return re.sub(r"\D", "", text)


def squeeze(text: str) -> str:
    # PDFium reports a hyphen that ends a line of text as U+FFFE; on paper it is a hyphen.
    return re.sub(r"\s+", "", text).replace("\ufffe", "-")


def test_a_yamato_label_scans_as_its_tracking_number_in_codabar() -> None:
    seen = look_at(render_label(label(), "pdf"))
    assert [(kind, digits(text)) for kind, text in seen.barcodes] == [("Codabar", "123456789012")]
    assert seen.size_mm == pytest.approx((100, 150), abs=0.1)


@pytest.mark.parametrize("tracking", ["9876543210", "99000000", "990012", "1299"])
def test_a_generic_label_scans_as_code_128(tracking: str) -> None:
    # python-barcode alone lost a leading "99" (`99000000` scanned as `000000`).
    seen = look_at(render_label(label(carrier="generic", tracking=tracking), "pdf"))
    assert seen.barcodes == [("Code128", tracking)]


@pytest.mark.parametrize("draw", [draw_with_python_barcode, draw_with_reportlab])
def test_codabar_scans_from_either_barcode_library(draw: BarDrawer) -> None:
    seen = look_at(render_pdf(label(tracking="400012345678"), draw_bars=draw))
    assert [digits(text) for _, text in seen.barcodes] == ["400012345678"]


def test_the_text_layer_holds_the_whole_label() -> None:
    seen = look_at(render_label(label(gift=True), "pdf"))
    text = squeeze(seen.text)
    for words in (
        "ヤマト運輸宅急便",
        "〒100-0005",
        "東京都千代田区",
        "丸の内1-9-1",
        "グラントウキョウノースタワー15F",
        "山田太郎様",
        "TEL03-1234-5678",
        "2026/12/01",
        "14-16",
        "検品ストア大阪倉庫",
        "Order#1001",
        "ギフト",
        "1234-5678-9012",
    ):
        assert words in text


def test_the_japanese_font_is_embedded() -> None:
    pdf = render_label(label(), "pdf")
    # A subset of IPA Gothic travels inside the file, so a PC without Japanese fonts prints it.
    assert b"/FontFile2" in pdf
    assert b"IPAGothic" in pdf


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ship_to=japanese_ship_to)
def test_any_japanese_address_is_in_the_text_layer(ship_to: ShipTo) -> None:
    content = label(ship_to)
    seen = squeeze(look_at(render_label(content, "pdf")).text)
    for fitted in fitted_fields(content):
        assert squeeze(fitted.text) in seen


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(content=hostile_labels())
def test_any_address_still_gives_a_label_that_scans(content: LabelContent) -> None:
    seen = look_at(render_label(content, "pdf"))
    assert [digits(text) for _, text in seen.barcodes] == [content.tracking_number]
    assert "お届け先" in seen.text


def test_a_very_long_name_is_shrunk_then_cut_with_an_ellipsis() -> None:
    content = label(yamada(name="寿限無" * 80))
    name = next(f for f in fitted_fields(content) if f.field.key == "to_name")
    assert name.text.startswith("寿限無寿限無") and name.text.endswith("…")
    assert name.size == name.field.min_size
    assert name.text in squeeze(look_at(render_label(content, "pdf")).text)


def test_every_text_starts_where_the_shared_layout_puts_it() -> None:
    content = label(gift=True)
    document = pypdfium2.PdfDocument(render_label(content, "pdf"))
    try:
        page = document[0]
        height = page.get_height()
        textpage = page.get_textpage()
        for fitted in fitted_fields(content):
            found = textpage.search(fitted.text).get_next()
            assert found, fitted.text
            left, _, _, top = textpage.get_charbox(found[0], loose=True)
            at = (left / 72 * 25.4, (height - top) / 72 * 25.4)
            assert at == pytest.approx((fitted.field.x, fitted.field.y), abs=0.2), fitted.text
    finally:
        document.close()
