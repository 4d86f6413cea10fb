"""The Admin page's logic: a controller per tab, their messages on the window's banner.

Every change asks for an admin's badge and PIN through the `Ask` it is given
(the window's stand-in, `ask_in_boxes`, until the shared dialog replaces it);
the services check them and write the audit trail.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from app.scanning.source import ScanSwitch
from app.services.admin import Administration
from app.services.users import Where
from app.ui.admin.ask import Ask, ask_in_boxes
from app.ui.admin.badge_scans import BadgeScans
from app.ui.admin.printers_controller import PrintersController
from app.ui.admin.printers_view import PrintersPage
from app.ui.admin.stations_controller import StationsController
from app.ui.admin.stations_view import StationsPage
from app.ui.admin.tracking_controller import TrackingController
from app.ui.admin.tracking_view import TrackingPage
from app.ui.admin.users_controller import UsersController
from app.ui.admin.users_view import UsersPage
from app.ui.admin.view import AdminPage
from app.ui.admin.work import AdminWork


class Window(Protocol):
    """What the page needs of the window: a place for it, and the message channel."""

    def add_page(self, page: QWidget, title: str) -> int: ...
    def show_error(self, text: str) -> None: ...
    def show_info(self, text: str) -> None: ...


class AdminController(QObject):
    """The four tabs of the Admin page and their controllers."""

    def __init__(
        self,
        admin: Administration,
        page: AdminPage,
        ask: Ask,
        station: str,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.page = page
        where = Where(f"{station}: admin page", station)
        self.users_page = UsersPage()
        self.stations_page = StationsPage()
        self.printers_page = PrintersPage()
        self.tracking_page = TrackingPage()
        page.addTab(self.users_page, self.tr("Users"))
        page.addTab(self.stations_page, self.tr("Stations"))
        page.addTab(self.printers_page, self.tr("Printers"))
        page.addTab(self.tracking_page, self.tr("Tracking numbers"))
        self.users = UsersController(admin, self.users_page, ask, where, self)
        self.stations = StationsController(admin, self.stations_page, ask, where, self)
        self.printers = PrintersController(admin, self.printers_page, ask, where, self)
        self.tracking = TrackingController(admin, self.tracking_page, ask, where, self)
        #: The badge fields' scanner diversion (`add_admin_page` sets it); closed with the page.
        self.badge_scans: BadgeScans | None = None
        self._connect_signals()

    @property
    def tabs(self) -> tuple[AdminWork[Any], ...]:
        return (self.users, self.stations, self.printers, self.tracking)

    def _connect_signals(self) -> None:
        self.page.shown.connect(self.on_tab_shown)
        self.page.currentChanged.connect(self.on_tab_shown)

    def on_tab_shown(self) -> None:
        """A tab came into view: its listing is read again (another station, or another
        tab, may have changed it)."""
        self.tabs[max(self.page.currentIndex(), 0)].refresh()

    def close(self) -> None:
        """The window is closing: changes under way are not waited for long, and the badge
        fields are watched no more."""
        for tab in self.tabs:
            tab.close()
        if self.badge_scans is not None:
            self.badge_scans.close()


@dataclass(frozen=True, slots=True)
class AdminSetup:
    """How the page asks for an admin's badge and PIN, and the station's scanners (a badge
    scanned into a badge field goes there, not to the pack station)."""

    ask: Ask | None = None
    scanners: Sequence[ScanSwitch] = ()


def add_admin_page(
    window: Window, admin: Administration | None, station: str, setup: AdminSetup | None = None
) -> AdminController | None:
    """Add the Admin page to `window` (when it has the admin service), its messages on the
    window's banner; `setup.ask` gives an admin's badge and PIN (default: two input boxes
    a badge may be scanned into)."""
    if admin is None:
        return None
    setup = setup or AdminSetup()
    page = AdminPage()
    window.add_page(page, page.title())
    parent = window if isinstance(window, QObject) else None
    scans = BadgeScans(setup.scanners, page)
    ask = setup.ask or ask_in_boxes(page, scans)
    controller = AdminController(admin, page, ask, station, parent)
    controller.badge_scans = scans
    scans.watch(controller.users_page.badge)
    for tab in controller.tabs:
        tab.problem.connect(window.show_error)
        tab.notice.connect(window.show_info)
    return controller
