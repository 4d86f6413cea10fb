"""The ZPL label: one label, only our commands, whatever a customer typed into the address."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest
from hypothesis import HealthCheck, given, settings

from app.core.errors import Refused
from app.core.label import LabelContent
from app.labels.layout import field_texts, fitted_fields
from app.labels.render import render_label
from app.labels.zpl import escape_field, render_zpl

from .labeldata import PAYLOADS, hostile_labels, label, yamada

#: Every command the renderer may emit; anything else means customer text got out.
OURS = {
    "XA",
    "XZ",
    "CI",
    "PW",
    "LL",
    "LH",
    "FO",
    "GB",
    "FS",
    "A0",
    "FH",
    "FD",
    "GF",
    "BY",
    "BK",
    "BC",
}
FIELD_DATA = re.compile(r"(?:[ -\]`-}]|_[0-9A-F]{2})*")  # printable ASCII but ^ _ ~, or _XX
GRAPHIC = re.compile(r"A,(\d+),(\d+),(\d+),([0-9A-F]*)")


@dataclass(frozen=True)
class Command:
    name: str
    params: str


def parse(zpl: bytes) -> list[Command]:
    """ZPL split into commands as a printer reads it: every ^ or ~ starts one.

    Field data after ^FH runs to the next caret, so a caret or tilde inside a
    customer's text would show up here as a command of its own.
    """
    text = zpl.decode("ascii")
    commands = []
    for piece in re.split(r"(?=[\^~])", text):
        if not piece.strip():
            continue
        assert piece[0] in "^~", f"text outside any command: {piece!r}"
        commands.append(Command(piece[0] + piece[1:3], piece[3:].rstrip("\n")))
    return commands


def unescape(data: str) -> str:
    """^FH field data back to the text the printer prints."""
    pieces = re.split(r"_([0-9A-F]{2})", data)
    # re.split alternates literal text and the captured hex of each escape.
    raw = b"".join(
        bytes.fromhex(piece) if index % 2 else piece.encode("ascii")
        for index, piece in enumerate(pieces)
    )
    return raw.decode("utf-8")


def check_one_label_of_our_commands(zpl: bytes) -> list[Command]:
    """Assert the ZPL is exactly one ^XA…^XZ label made only of our commands; return them."""
    commands = parse(zpl)
    names = [command.name for command in commands]
    assert names[0] == "^XA" and names[-1] == "^XZ"
    assert names.count("^XA") == 1 and names.count("^XZ") == 1
    assert not [name for name in names if name[0] == "~"], "a tilde command got out"
    assert not [name for name in names if name[1:] not in OURS]
    for index, command in enumerate(commands):
        if command.name == "^FD":
            # Field data: escaped by ^FH in the same field and closed by ^FS.
            field_start = max(i for i in range(index) if names[i] == "^FO")
            assert "^FH" in names[field_start:index]
            assert commands[index + 1].name == "^FS"
            assert FIELD_DATA.fullmatch(command.params), command.params
        elif command.name == "^GF":
            match = GRAPHIC.fullmatch(command.params)
            assert match, command.params[:40]
            total, _, row, data = match.groups()
            assert len(data) == 2 * int(total) and int(total) % int(row) == 0
    return commands


def printed(commands: list[Command]) -> list[str]:
    """The text of every printer-font field."""
    return [unescape(c.params) for c in commands if c.name == "^FD"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(content=hostile_labels())
def test_any_address_makes_one_label_of_only_our_commands(content: LabelContent) -> None:
    for dpi in (203, 300):
        commands = check_one_label_of_our_commands(render_zpl(content, dpi))
        # The tracking number is still the barcode's data, whatever came before it.
        barcode = [c for c in commands if c.name in ("^BK", "^BC")]
        assert len(barcode) == 1
        assert printed(commands)[-1] == content.tracking_number


@pytest.mark.parametrize("payload", PAYLOADS)
def test_a_command_typed_into_the_address_is_printed_as_text(payload: str) -> None:
    content = label(yamada(address1=f"1-2-3 {payload} Bldg", phone=payload))
    commands = check_one_label_of_our_commands(render_zpl(content))
    texts = field_texts(content)
    if texts.get("to_address1", "").isascii():
        assert texts["to_address1"] in printed(commands)


def test_the_escape_turns_every_dangerous_byte_into_hex() -> None:
    assert escape_field("^XA~JR_\x00\r\n") == "_5EXA_7EJR_5F_00_0D_0A"
    assert escape_field("様") == "_E6_A7_98"
    assert escape_field("Order #1001, 1-2") == "Order #1001, 1-2"


@pytest.mark.parametrize(("dpi", "width", "length"), [(203, 800, 1200), (300, 1200, 1800)])
def test_the_label_is_100_by_150_mm_at_the_printers_resolution(
    dpi: int, width: int, length: int
) -> None:
    commands = parse(render_label(label(), "zpl", dpi))
    params = {c.name: c.params for c in commands}
    assert (params["^PW"], params["^LL"], params["^CI"]) == (str(width), str(length), "28")


def test_japanese_is_a_bitmap_and_latin_text_uses_the_printer_font() -> None:
    commands = check_one_label_of_our_commands(render_zpl(label(yamada(name="John Smith"))))
    texts = printed(commands)
    assert "Order #1001" in texts
    assert "TEL 03-1234-5678" in texts
    assert "1234-5678-9012" in texts
    # The address, the name with 様 and the captions have no printer font: bitmaps.
    assert not [text for text in texts if not text.isascii()]
    assert sum(c.name == "^GF" for c in commands) >= 8


def test_a_yamato_label_is_codabar_and_a_generic_one_code_128() -> None:
    yamato = parse(render_zpl(label(carrier="yamato")))
    generic = parse(render_zpl(label(carrier="generic")))
    assert [c.params for c in yamato if c.name == "^BK"] == ["N,N,96,Y,N,A,A"]
    assert [c.name for c in generic if c.name in ("^BK", "^BC")] == ["^BC"]


def test_a_very_long_name_is_cut_to_fit_not_spilled() -> None:
    long = label(yamada(name="寿限無" * 80))
    widths = [
        int(GRAPHIC.fullmatch(c.params).group(3))  # type: ignore[union-attr]
        for c in parse(render_zpl(long))
        if c.name == "^GF"
    ]
    # No text bitmap is wider than the 90 mm the widest field has (8 dots/mm, 8 dots/byte).
    assert max(widths) <= 90 * 8 // 8 + 1


def test_an_unknown_format_or_resolution_is_refused() -> None:
    with pytest.raises(Refused, match="format: 'png'"):
        render_label(label(), "png")
    with pytest.raises(Refused, match="dpi: 600"):
        render_label(label(), "zpl", 600)


@pytest.mark.parametrize("dpi", [203, 300])
def test_every_text_starts_where_the_shared_layout_puts_it(dpi: int) -> None:
    content = label(yamada(name="John Smith"), gift=True)
    commands = parse(render_zpl(content, dpi))
    origins = [
        commands[index - 1].params
        for index, command in enumerate(commands)
        if command.name in ("^A0", "^GF")
    ]
    per_mm = {203: 8, 300: 12}[dpi]
    assert origins == [
        f"{round(f.field.x * per_mm)},{round(f.field.y * per_mm)}" for f in fitted_fields(content)
    ]
