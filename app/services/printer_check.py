"""A printer checked from the admin page: asked how it is, and sent a test label.

Both reach the printer (up to its timeout), so the window runs them off the
GUI thread. Neither changes anything stored.
"""

from __future__ import annotations

from app.core.label import LabelOrder, LabelParcel, ShipFrom, ShipTo, build_label
from app.labels.print_queue import PrinterFactory
from app.labels.printer_status import PrinterStatus
from app.labels.render import render_label
from app.services.station.station import check_printer_uri

#: What the test label says it is, where a customer's name goes: no one ships it.
TEST_LABEL_NAME = "TEST PRINT テスト印刷"


def printer_status(printers: PrinterFactory, uri: str) -> PrinterStatus:
    """How the printer at `uri` is, as far as it tells (refused: a URI naming no printer)."""
    check_printer_uri(uri)
    return printers(uri.strip()).status()


def print_test_label(printers: PrinterFactory, uri: str, sender: ShipFrom) -> str:
    """Print one test label on the printer at `uri` (the shop's sender on it, so the admin
    sees how labels will look); what was done. Raises PrinterUnavailable when it failed."""
    check_printer_uri(uri)
    content = build_label(
        LabelOrder(
            number="TEST",
            ship_to=ShipTo(
                postal_code=sender.postal_code,
                prefecture="",
                city="",
                address1=sender.address,
                address2="",
                name=TEST_LABEL_NAME,
                phone=sender.phone,
            ),
        ),
        # A number no block issues: the test label never scans as a parcel's.
        LabelParcel(carrier="generic", service="", tracking_number="0"),
        sender,
    )
    printers(uri.strip()).send(render_label(content, "zpl"), "kenpin-test-print")
    return f"test label sent to {uri.strip()}"
