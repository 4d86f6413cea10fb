"""Waves on SQLite and PostgreSQL: made by carrier, by most or from a list; refusals that
change nothing; two creates at once never sharing an order; a supervisor's release; the
wave's pick list with its barcode and each order's cart slot."""

from __future__ import annotations

import threading
from pathlib import Path

import pypdfium2
import pytest
import zxingcpp
from sqlalchemy import select, update

from app.core.errors import Refused
from app.core.waves import WaveRequest
from app.db import waves as waves_store
from app.db.database import Database
from app.db.models import AuditEntry, Order
from app.db.wave_models import Wave, WaveOrder
from app.services.signin import Credentials
from app.services.users import add_user
from app.services.waves import create_wave, release_wave, wave_pick_list_pdf
from tests.stationdata import HANAKO, SUPERVISOR_PIN, stock_bench, stored_state

BOSS = "B-900"


@pytest.fixture
def bench(db: Database) -> Database:
    """#1001-#1003 allocated (#1002 for Sagawa), #1004 on hold; a supervisor, Boss."""
    stock_bench(db)
    with db.write() as s:
        s.execute(update(Order).where(Order.number == "#1002").values(carrier="sagawa"))
    add_user(db, "Boss", "supervisor", BOSS, SUPERVISOR_PIN)
    return db


def statuses(db: Database) -> dict[str, str]:
    with db.read() as s:
        return {
            number: str(status) for number, status in s.execute(select(Order.number, Order.status))
        }


def slots(db: Database, wave: str) -> list[tuple[str, int]]:
    with db.read() as s:
        rows = s.execute(
            select(Order.number, WaveOrder.position)
            .join(WaveOrder, WaveOrder.order_id == Order.id)
            .join(Wave, Wave.id == WaveOrder.wave_id)
            .where(Wave.number == wave)
            .order_by(WaveOrder.position)
        )
        return [tuple(row) for row in rows]  # type: ignore[misc]


def test_a_wave_takes_every_allocated_order_oldest_first_and_they_become_picking(
    bench: Database,
) -> None:
    made = create_wave(bench, WaveRequest())
    assert (made.number, made.orders, made.lines, made.units) == (
        "W-000001",
        ("#1001", "#1002", "#1003"),
        4,
        8,
    )
    assert slots(bench, "W-000001") == [("#1001", 1), ("#1002", 2), ("#1003", 3)]
    assert statuses(bench) == {
        "#1001": "picking",
        "#1002": "picking",
        "#1003": "picking",
        "#1004": "on_hold",
    }


def test_a_carriers_wave_and_a_wave_of_at_most_n_orders(bench: Database) -> None:
    assert create_wave(bench, WaveRequest(carrier="sagawa")).orders == ("#1002",)
    second = create_wave(bench, WaveRequest(max_orders=1))
    assert (second.number, second.orders) == ("W-000002", ("#1001",))
    assert create_wave(bench, WaveRequest()).orders == ("#1003",)


def test_a_wave_of_listed_orders_takes_exactly_those(bench: Database) -> None:
    made = create_wave(bench, WaveRequest(orders=("#1003", "#1001")))
    assert made.orders == ("#1001", "#1003")
    assert statuses(bench)["#1002"] == "allocated"


@pytest.mark.parametrize(
    ("request_args", "words"),
    [
        ({"orders": ("#1001", "#1004")}, "no wave created: #1004: is on_hold, not allocated"),
        ({"orders": ("#1001", "#9999")}, "no wave created: #9999: no such order"),
        ({"carrier": "japanpost"}, "no allocated orders for japanpost to put in a wave"),
    ],
)
def test_a_refused_wave_changes_nothing(
    bench: Database, request_args: dict[str, object], words: str
) -> None:
    before = stored_state(bench)
    with pytest.raises(Refused, match=words):
        create_wave(bench, WaveRequest(**request_args))  # type: ignore[arg-type]
    assert stored_state(bench) == before
    with bench.read() as s:
        assert s.scalars(select(Wave)).all() == []


def test_an_order_in_an_open_wave_cannot_join_another(bench: Database) -> None:
    create_wave(bench, WaveRequest(orders=("#1001",)))
    with pytest.raises(Refused, match="#1001: already in wave W-000001"):
        create_wave(bench, WaveRequest(orders=("#1002", "#1001")))
    assert statuses(bench)["#1002"] == "allocated"


def test_two_creates_at_once_never_put_one_order_in_two_waves(bench: Database) -> None:
    start = threading.Barrier(2)
    made: list[tuple[str, ...]] = []
    refused: list[str] = []

    def create() -> None:
        start.wait()
        try:
            made.append(create_wave(bench, WaveRequest()).orders)
        except Refused as exc:
            refused.append(str(exc))

    threads = [threading.Thread(target=create) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert made == [("#1001", "#1002", "#1003")]
    assert refused == ["no allocated orders to put in a wave; run `kenpin allocate`"]
    with bench.read() as s:
        assert len(s.scalars(select(WaveOrder)).all()) == 3


def test_a_create_waiting_on_another_takes_only_the_orders_left(bench: Database) -> None:
    """The second create reads every order still allocated and the same next number while
    the first is uncommitted; on PostgreSQL its wave's number then clashes, and it starts
    again with what is left (on SQLite it waits for the write lock instead)."""
    made: list[tuple[str, tuple[str, ...]]] = []

    def create() -> None:
        wave = create_wave(bench, WaveRequest())
        made.append((wave.number, wave.orders))

    second = threading.Thread(target=create)
    with bench.write() as s:
        first = waves_store.oldest_allocated(s, None, 2)
        waves_store.add_wave(s, "W-000001", None, None, [order.id for order in first])
        second.start()
        second.join(timeout=1)  # let it read and reach the clash (no timing is asserted)
    second.join()
    assert made == [("W-000002", ("#1003",))]
    assert slots(bench, "W-000001") == [("#1001", 1), ("#1002", 2)]


def test_a_supervisor_releases_a_wave_its_orders_allocated_again_audited(
    bench: Database,
) -> None:
    create_wave(bench, WaveRequest(max_orders=2))
    said = release_wave(bench, "w-000001", Credentials(BOSS, SUPERVISOR_PIN))
    assert said == "wave W-000001 released: 2 order(s) allocated again"
    assert statuses(bench)["#1001"] == statuses(bench)["#1002"] == "allocated"
    with bench.read() as s:
        assert s.scalars(select(Wave.status)).one() == "released"
        assert s.scalars(
            select(AuditEntry.detail).where(AuditEntry.action == "wave.release")
        ).one() == ('{"wave": "W-000001", "allocated_again": 2}')
    # Released, its orders may join a new wave; the released one cannot be released again.
    assert create_wave(bench, WaveRequest(orders=("#1001",))).number == "W-000002"
    with pytest.raises(Refused, match="wave W-000001 is released, not open"):
        release_wave(bench, "W-000001", Credentials(BOSS, SUPERVISOR_PIN))
    with pytest.raises(Refused, match="wave W-000001 was released"):
        wave_pick_list_pdf(bench, "W-000001", Path("never-written.pdf"))


@pytest.mark.parametrize(
    ("badge", "pin", "words"),
    [
        (HANAKO, "", "--badge: Hanako is a packer; this needs a supervisor"),
        (BOSS, "0000", "PIN"),
    ],
)
def test_a_release_without_a_supervisors_badge_and_pin_changes_nothing(
    bench: Database, badge: str, pin: str, words: str
) -> None:
    create_wave(bench, WaveRequest())
    before = stored_state(bench)
    with pytest.raises(Refused, match=words):
        release_wave(bench, "W-000001", Credentials(badge, pin))
    assert stored_state(bench) == before
    with bench.read() as s:
        assert s.scalars(select(Wave.status)).one() == "open"


def read_pdf(pdf: Path) -> tuple[list[str], str]:
    document = pypdfium2.PdfDocument(str(pdf))
    try:
        page = document[0]
        image = page.render(scale=200 / 72).to_pil()
        text = page.get_textpage().get_text_range()
        return [found.text for found in zxingcpp.read_barcodes(image)], text
    finally:
        document.close()


def test_the_waves_pick_list_has_its_barcode_and_each_orders_cart_slot(
    bench: Database, tmp_path: Path
) -> None:
    create_wave(bench, WaveRequest())
    out = tmp_path / "wave.pdf"
    said = wave_pick_list_pdf(bench, "W-000001", out)
    assert said == f"pick list written to {out}: 3 orders, 3 pick lines, 8 units, 1 page(s)"
    barcodes, text = read_pdf(out)
    assert "W-000001" in barcodes
    assert {"#1001", "#1002", "#1003"} <= set(barcodes)
    # Tea from A-01 goes to slot 1 (two units) and slot 2; the rice's lot and expiry.
    assert "slot 1 #1001 ×2" in text
    assert "slot 2 #1002\r" in text
    assert "slot 3 #1003 ×2" in text
    assert "L1" in text and "2026-12-31" in text
    assert text.index("A-01") < text.index("A-02") < text.index("C-01")


def test_a_wave_of_one_order_is_picked_into_a_tote_not_a_slot(
    bench: Database, tmp_path: Path
) -> None:
    create_wave(bench, WaveRequest(orders=("#1003",)))
    out = tmp_path / "wave.pdf"
    wave_pick_list_pdf(bench, "W-000001", out)
    barcodes, text = read_pdf(out)
    assert "W-000001" in barcodes
    assert "its units go into an empty tote (TOTE-" in text
    assert "slot" not in text and "#1003 ×2" in text


def test_a_pick_list_of_no_such_wave_is_refused(bench: Database, tmp_path: Path) -> None:
    with pytest.raises(Refused, match="no such wave: W-000009"):
        wave_pick_list_pdf(bench, "W-000009", tmp_path / "wave.pdf")
    assert not (tmp_path / "wave.pdf").exists()
