"""The pick screen's next action and progress, from the pick's view alone: what the picker
reads first, whatever the last verdict was."""

from __future__ import annotations

from dataclasses import replace

from app.core.pick.session import PickLine
from app.core.roles import Role
from app.core.station import StationUser
from app.services.station.pick import PickView
from app.ui.pick.verdicts import next_action, progress

HANAKO = StationUser(1, "Hanako", Role.PACKER)
TEA = PickLine(
    line_id=1,
    order_number="#1001",
    slot=2,
    product_id=1,
    sku="TEA",
    name="緑茶",
    variant="100g",
    bin="A-01",
    walk_seq=1,
    qty=3,
    lot="L1",
)
AT_A01 = PickView("PICK-1", HANAKO, "W-000001", TEA, True, None, 4, 7, (), lines_total=12)


def test_the_next_action_follows_the_pick_one_step_at_a_time() -> None:
    assert next_action(replace(AT_A01, user=None)) == "Scan your badge"
    assert next_action(replace(AT_A01, wave=None)) == "Scan a wave (W-…) or an order number"
    assert next_action(replace(AT_A01, needs_tote=True, at_bin=False)) == (
        "Scan a tote (TOTE-…) for order #1001"
    )
    assert next_action(replace(AT_A01, at_bin=False)) == "Go to bin A-01"
    assert next_action(AT_A01) == "Take 3 × 緑茶 100g (lot L1)"
    assert next_action(replace(AT_A01, taken=2)) == "Take 1 × 緑茶 100g (lot L1)"
    assert next_action(replace(AT_A01, slot=2)) == "Put it in slot 2, scan the slot's label"
    assert next_action(replace(AT_A01, wave=None, instruction=None), "W-000001") == (
        "W-000001 picked — scan the next wave"
    )


def test_the_header_says_which_line_of_the_wave_and_how_many_units() -> None:
    assert progress(replace(AT_A01, lines_done=2)) == "line 3 of 12 · 4 / 7 units"
    assert progress(replace(AT_A01, lines_done=12, scanned=7)) == "line 12 of 12 · 7 / 7 units"
    # A view that does not count its lines yet says the units alone.
    assert progress(replace(AT_A01, lines_total=0)) == "4 / 7 units"
