"""The services a station window needs (built by `app.bootstrap`, faked by tests if need be)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from app.services.admin import Administration
from app.services.mail.outbox import Mailer
from app.services.manifests import ManifestDesk
from app.services.mismatches import MismatchLog
from app.services.order_history import OrderHistories
from app.services.order_queue import OrderQueue
from app.services.relabel import LabelDesk
from app.services.reports import Reports
from app.services.scanner_setup import ScannerSetup
from app.services.shop_settings import ShopSettings
from app.services.station.dock import DockStation
from app.services.station.pack import PackStation
from app.services.station.pick import PickStation
from app.services.stock_views import StockViews
from app.services.wave_progress import WavesInProgress


@dataclass(frozen=True, slots=True)
class StationServices:
    """What the station's screens call; tests build it on a real database."""

    orders: OrderQueue
    #: The scan pipeline of the station with this name.
    pack_station: Callable[[str], PackStation]
    #: Writes the command sheet PDF to a file (the station's name goes in its heading).
    command_sheet: Callable[[Path, str], None]
    #: Writes the pick list of every allocated order to a file; says what it wrote.
    pick_list: Callable[[Path], str]
    #: Writes an order's packing slip / message card to a file; says what it wrote.
    packing_slip: Callable[[str, Path], str]
    message_card: Callable[[str, Path], str]
    #: Prints a queued label job (on a worker thread); raises when the printer failed.
    print_label: Callable[[int], None]
    #: The station's scanner settings and test scans (the scanner test page).
    scanner_setup: ScannerSetup
    #: The shop settings shared by every station (the Shop settings page).
    shop_settings: ShopSettings
    #: The mismatch log supervisors review (the Mismatches page).
    mismatches: MismatchLog
    #: The supervisors' reports (the Reports page); without it the page is left out.
    reports: Reports | None = None
    #: The waves being picked (the Waves page); without it the page is left out.
    waves: WavesInProgress | None = None
    #: Users, stations, printers and tracking blocks (the Admin page); without it, no page.
    admin: Administration | None = None
    #: A supervisor's void and reprint of labels at the station with this name (the Orders
    #: page); without it the page offers neither.
    label_desk: Callable[[str], LabelDesk] | None = None
    #: The pick scan pipeline of the station with this name (the pick screen, for
    #: `kenpin station --mode pick`); without it the window has no pick screen.
    pick_station: Callable[[str], PickStation] | None = None
    #: The dock scan pipeline of the station with this name (`kenpin station --mode dock`),
    #: and the manifests its screen closes; without them the window has no dock screen.
    dock_station: Callable[[str], DockStation] | None = None
    manifests: Callable[[str], ManifestDesk] | None = None
    #: The shipment e-mails a supervisor looks at and resends (the Mails page); without it,
    #: no page.
    mails: Mailer | None = None
    #: The picked order's history (the Orders page's History tab); without it, no tab.
    order_history: OrderHistories | None = None
    #: Stock by bin and lot, low stock, backorders and ledgers (the Stock page); without it,
    #: no page.
    stock: StockViews | None = None
