"""Shipping's tables (migration 0003): tracking numbers unique, one live label per carton,
blocks consistent, print jobs of known kinds."""

from __future__ import annotations

import pytest
from sqlalchemy import insert, text, update
from sqlalchemy.exc import IntegrityError

from app.core.label import LabelFormat
from app.core.statuses import ParcelStatus
from app.core.tracking import ParcelSource
from app.db.database import Database
from app.db.models import table
from app.db.shipping_models import Parcel, PrintJob, TrackingBlock
from tests.stockdata import add_order


def parcel(
    order_id: int, carton_no: int, number: str, status: str = ParcelStatus.LABELLED
) -> dict[str, object]:
    return {
        "order_id": order_id,
        "carton_no": carton_no,
        "carrier": "yamato",
        "service": "宅急便",
        "tracking_number": number,
        "status": status,
        "source": ParcelSource.ISSUED,
    }


def test_a_tracking_number_is_on_one_parcel_and_a_carton_has_one_live_label(
    db: Database,
) -> None:
    with db.write() as s:
        first = add_order(s, "#1001", [])
        second = add_order(s, "#1002", [])
        s.execute(insert(table(Parcel)).values(parcel(first, 1, "123456789013")))
    with pytest.raises(IntegrityError), db.write() as s:
        s.execute(insert(table(Parcel)).values(parcel(second, 1, "123456789013")))
    with pytest.raises(IntegrityError), db.write() as s:
        s.execute(insert(table(Parcel)).values(parcel(first, 1, "200961185434")))
    # A voided label gives its carton to the replacement.
    with db.write() as s:
        s.execute(update(table(Parcel)).values(status=ParcelStatus.VOIDED))
        s.execute(insert(table(Parcel)).values(parcel(first, 1, "200961185434")))
    # The database itself refuses a status or source Kenpin does not know, whoever writes it.
    for column in ("status", "source"):
        with pytest.raises(IntegrityError), db.write() as s:
            s.execute(text(f"UPDATE parcels SET {column} = 'lost'"))


def test_a_block_never_issues_past_its_last_number(db: Database) -> None:
    block = {"carrier": "yamato", "first_body": 10, "last_body": 11, "next_body": 10, "digits": 11}
    with db.write() as s:
        s.execute(insert(table(TrackingBlock)).values(block))
        s.execute(update(table(TrackingBlock)).values(next_body=12))  # used up: allowed
    with pytest.raises(IntegrityError), db.write() as s:
        s.execute(update(table(TrackingBlock)).values(next_body=13))
    with pytest.raises(IntegrityError), db.write() as s:
        s.execute(insert(table(TrackingBlock)).values({**block, "first_body": 12}))


def test_a_print_job_has_a_known_format_and_status(db: Database) -> None:
    with db.write() as s:
        order_id = add_order(s, "#1001", [])
        s.execute(insert(table(Parcel)).values(parcel(order_id, 1, "123456789013")))
    job = {"parcel_id": 1, "printer_uri": "file:///tmp/labels", "format": LabelFormat.ZPL}
    with db.write() as s:
        s.execute(insert(table(PrintJob)).values(job))
    for column, bad in (("format", "'png'"), ("status", "'lost'"), ("attempts", "-1")):
        with pytest.raises(IntegrityError), db.write() as s:
            s.execute(text(f"UPDATE print_jobs SET {column} = {bad}"))
