"""An order's history read back from a real database (SQLite, and PostgreSQL with
KENPIN_TEST_PG_URL): what a supervisor asks of an order that went wrong at the bench."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import update

from app.core.errors import Refused
from app.core.times import as_utc
from app.db.database import Database
from app.db.models import Order, utcnow
from app.db.shop_settings import store_setting
from app.services.mail.outbox import Mailer
from app.services.order_history import OrderHistories, OrderHistory
from tests.historydata import LOADED, SHIP_DAY, order_with_history
from tests.mailserver import FlakyInbox
from tests.services.mail.shipped import smtp_set_up
from tests.services.station.test_labels import number
from tests.stationdata import HANAKO, TEA

YAMATO = "https://toi.kuronekoyamato.co.jp/cgi-bin/tneko?init=yes&number00=1&number01="


@pytest.fixture
def shipped(db: Database, tmp_path: Path) -> OrderHistories:
    order_with_history(db, tmp_path / "labels")
    return OrderHistories(db)


@pytest.fixture
def history(shipped: OrderHistories) -> OrderHistory:
    return shipped.of_number("#1001")


def test_parcels_show_the_voided_label_its_replacement_and_their_tracking_links(
    history: OrderHistory,
) -> None:
    assert (history.number, history.status, history.shipped_on) == ("#1001", "shipped", SHIP_DAY)
    shown = [
        (p.carton_no, p.tracking_number, p.status, p.replaced_by, p.tracking_url)
        for p in history.parcels
    ]
    assert shown == [
        (1, number(0), "voided", number(1), YAMATO + number(0)),
        (1, number(1), "verified", None, YAMATO + number(1)),
    ]
    voided = history.parcels[0]
    assert voided.verified_at is not None and voided.voided_at is not None
    assert voided.manifest is None and not voided.on_open_manifest


def test_the_first_print_the_reprint_and_the_replacement_label_are_told_apart(
    history: OrderHistory,
) -> None:
    voided, live = history.parcels
    assert [(p.reprint, p.status, p.asked_by, p.station) for p in voided.prints] == [
        (False, "printed", "Hanako", "S1"),
        (True, "printed", "Hanako", "S1"),
    ]
    assert all(p.printer_uri.startswith("file://") for p in voided.prints)
    # The new label was asked for by the supervisor who voided the old one.
    assert [(p.reprint, p.asked_by, p.status) for p in live.prints] == [(False, "Boss", "printed")]


def test_the_loaded_parcel_names_its_dock_and_closed_manifest(history: OrderHistory) -> None:
    live = history.parcels[1]
    assert (live.loaded_at, live.loaded_by, live.loaded_station) == (
        as_utc(LOADED),
        "Taro",
        "DOCK-1",
    )
    assert live.manifest is not None
    assert (live.manifest.carrier, live.manifest.ship_date) == ("yamato", SHIP_DAY)
    assert live.manifest.closed_at > LOADED
    assert [(n.kind, n.to, n.status) for n in history.notices] == [
        ("platform", "rakuten", "exported")
    ]


def test_a_verified_parcel_on_no_closed_manifest_is_on_the_open_one(
    shipped: OrderHistories,
) -> None:
    other = shipped.of_number("1003")  # the `#` may be left out
    assert other.number == "#1003" and other.shipped_on is None
    (parcel,) = other.parcels
    assert (parcel.status, parcel.manifest, parcel.on_open_manifest) == ("verified", None, True)
    assert parcel.loaded_at is None
    assert other.notices == ()


def test_every_scan_concerning_the_order_in_time_order_refusals_with_their_reason(
    history: OrderHistory,
) -> None:
    scans = [(s.code, s.verdict, s.reason, s.station) for s in history.scans]
    assert ("#1001", "info", None, "S1") in scans
    refused = [(code, reason) for code, verdict, reason, _ in scans if verdict == "rejected"]
    assert refused == [(TEA, "label_pending"), (number(0), "label_voided")]
    times = [s.at for s in history.scans]
    assert times == sorted(times)
    # The dock's scan of the new label is #1001's too; #1003's scans at S2 are not, and a
    # badge is never written down.
    assert [(s.code, s.station, s.user) for s in history.scans][-1] == (number(1), "DOCK-1", "Taro")
    assert {s.station for s in history.scans} == {"S1", "DOCK-1"}
    assert HANAKO not in {s.code for s in history.scans}


def test_the_audit_trail_rows_naming_the_order(history: OrderHistory) -> None:
    assert [(a.action, a.user) for a in history.audit] == [
        ("label.reprint", "Hanako"),
        ("label.void", "Boss"),
    ]
    assert number(0) in history.audit[1].detail and "torn" in history.audit[1].detail


def test_a_shop_setting_changes_the_tracking_link(db: Database, shipped: OrderHistories) -> None:
    # What `kenpin settings set tracking.url.yamato ...` stores once that key is offered.
    with db.write() as session:
        store_setting(session, "tracking.url.yamato", "https://track.example/{n}?x=1", utcnow())
    parcel = shipped.of_number("#1001").parcels[1]
    assert parcel.tracking_url == f"https://track.example/{number(1)}?x=1"


def test_an_unknown_order_is_refused_naming_it(shipped: OrderHistories) -> None:
    with pytest.raises(Refused, match="no order numbered '#9999'"):
        shipped.of_number("#9999")
    assert shipped.of_order(987654) is None


def test_an_order_with_nothing_yet_has_an_empty_history(shipped: OrderHistories) -> None:
    fresh = shipped.of_number("#1004")
    assert (fresh.status, fresh.parcels, fresh.scans, fresh.notices) == ("on_hold", (), (), ())


def test_the_shipment_e_mail_is_a_notice_with_its_address_and_status(
    db: Database, shipped: OrderHistories, inbox: FlakyInbox
) -> None:
    with db.write() as session:
        to_1001 = update(Order).where(Order.number == "#1001")
        session.execute(to_1001.values(email="hana@example.jp"))
    smtp_set_up(db, inbox.port)
    run = Mailer(db).send(since=SHIP_DAY)
    assert run.sent == ["#1001"]
    notices = [(n.kind, n.to, n.status) for n in shipped.of_number("#1001").notices]
    assert sorted(notices) == [
        ("email", "hana@example.jp", "sent"),
        ("platform", "rakuten", "exported"),
    ]
