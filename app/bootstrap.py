"""The composition root: every `KENPIN_*` setting read once, and Kenpin's parts built from them.

`read_settings()` is the only place that reads the environment. `bootstrap()`
opens the database (schema up to date) and returns a `Kenpin`: the database,
the clock, the printers and the station's services, built once here for the
`kenpin` command, the station window, `kenpin replay`, the tests and the
benchmarks alike.

| variable | meaning | default |
| --- | --- | --- |
| `KENPIN_DB` | the database's SQLAlchemy URL | `kenpin.db` in the user's data folder |
| `KENPIN_LANG` | the window's language, `ja` or `en` | the system locale |
| `KENPIN_SCANNER_*`, `KENPIN_SCAN_*` | the scanners (`app.scanning.settings`) | |
| `KENPIN_SHOP_NAME`, `_POSTAL_CODE`, `_ADDRESS`, `_PHONE` | deprecated: over the stored shop | |
| `KENPIN_PIN` | the PIN of a command's `--badge` or `--as`, for scripts | asked for |
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs

from app.core.errors import EnvironmentFailure
from app.core.shop import Override, overrides_from
from app.core.station import Mode
from app.db.database import Database, translated
from app.db.models import utcnow
from app.db.schema import upgrade
from app.labels.command_sheet import write_command_sheet
from app.labels.print_queue import PrinterFactory
from app.labels.printers import open_printer
from app.scanning.settings import ScannerSettings, scanner_settings
from app.services import documents
from app.services.admin import Administration
from app.services.labels import run_print_job
from app.services.mail.outbox import Mailer, MailRun
from app.services.manifests import ManifestDesk
from app.services.mismatches import MismatchLog
from app.services.order_history import OrderHistories
from app.services.order_queue import OrderQueue
from app.services.relabel import LabelDesk
from app.services.reports import Reports
from app.services.scanner_setup import ScannerSetup
from app.services.shop_settings import ShopSettings
from app.services.station.dock import DockStation
from app.services.station.hold import StationHold, this_process
from app.services.station.pack import PackStation
from app.services.station.pick import PickStation
from app.services.station.services import StationServices
from app.services.station.station import Opening
from app.services.stock_views import StockViews
from app.services.wave_progress import WavesInProgress

if TYPE_CHECKING:
    from app.scanning.source import ScanSource
    from app.scanning.wedge import WedgeSettings

Clock = Callable[[], dt.datetime]
#: A station's scan pipeline in any of its modes.
AnyStation = PackStation | PickStation | DockStation


def default_database_url() -> str:
    """The SQLite file `kenpin.db` in the user's data folder."""
    folder = Path(platformdirs.user_data_dir("kenpin", appauthor=False))
    return f"sqlite:///{folder / 'kenpin.db'}"


@dataclass(frozen=True, slots=True)
class Settings:
    """Every setting of a Kenpin installation, read once."""

    database_url: str = field(default_factory=default_database_url)
    #: `ja`, `en`, or "" for the system locale.
    language: str = ""
    scanners: ScannerSettings = field(default_factory=lambda: scanner_settings({}))
    #: Shop settings this PC's `KENPIN_SHOP_*` variables set (deprecated): they win over the
    #: database's (`app.services.shop_settings`).
    shop_overrides: Mapping[str, Override] = field(default_factory=dict)
    #: The PIN of a supervisor's command line badge, for scripts (None: asked for).
    pin: str | None = field(default=None, repr=False)
    #: The SMTP server's password for shipment e-mails (`KENPIN_SMTP_PASSWORD`; None: the
    #: OS keyring's, if any). Never stored in the database.
    smtp_password: str | None = field(default=None, repr=False)


def read_settings(env: Mapping[str, str] | None = None) -> Settings:
    """The settings `env` (default: this process's environment) names; a bad value is
    refused with its variable's name."""
    env = os.environ if env is None else env
    return Settings(
        database_url=env.get("KENPIN_DB", "").strip() or default_database_url(),
        language=env.get("KENPIN_LANG", "").strip().lower()[:2],
        scanners=scanner_settings(env),
        shop_overrides=overrides_from(env),
        pin=env.get("KENPIN_PIN", "").strip() or None,
        smtp_password=env.get("KENPIN_SMTP_PASSWORD") or None,
    )


@dataclass(frozen=True, slots=True)
class Kenpin:
    """Kenpin's parts, wired: what every entry point builds its work from."""

    db: Database
    settings: Settings = field(default_factory=Settings)
    clock: Clock = utcnow
    printers: PrinterFactory = open_printer
    #: This process as the holder of the stations it runs (`PID@HOST`); None: it holds none.
    holder: str | None = None
    #: Errors are logged with their traceback and SQL parameters (`kenpin --debug`).
    debug: bool = False

    def pack_station(self, name: str, printer: str | None = None) -> PackStation:
        """The scan pipeline of pack station `name`; `printer` becomes its printer. A station
        process holds the station while it runs: refused while another process holds it."""
        hold = StationHold(self.holder) if self.holder else None
        opening = Opening(printer, hold, self.settings.shop_overrides)
        return PackStation(self.db, name, opening=opening, clock=self.clock)

    def pick_station(self, name: str, printer: str | None = None) -> PickStation:
        """The scan pipeline of pick station `name` (it prints nothing: `printer` is not
        used), held by this process while it runs as a pack station is."""
        del printer
        hold = StationHold(self.holder) if self.holder else None
        return PickStation(self.db, name, opening=Opening(hold=hold), clock=self.clock)

    def dock_station(self, name: str, printer: str | None = None) -> DockStation:
        """The scan pipeline of dock station `name` (it prints nothing: `printer` is not
        used), held by this process while it runs as a pack station is."""
        del printer
        hold = StationHold(self.holder) if self.holder else None
        return DockStation(self.db, name, opening=Opening(hold=hold), clock=self.clock)

    def station(self, name: str, mode: Mode, printer: str | None = None) -> AnyStation:
        """The scan pipeline of station `name` in `mode`."""
        builders: dict[Mode, Callable[[str, str | None], AnyStation]] = {
            Mode.PACK: self.pack_station,
            Mode.PICK: self.pick_station,
            Mode.DOCK: self.dock_station,
        }
        return builders[mode](name, printer)

    def print_label(self, job_id: int) -> None:
        """Print a queued label job once (the window on its worker thread, replay inline);
        raises EnvironmentFailure with the reason when the printer failed."""
        outcome = run_print_job(self.db, job_id, self.printers, self.settings.shop_overrides)
        if not outcome.printed:
            raise EnvironmentFailure(outcome.message)

    def station_services(self, printer: str | None = None) -> StationServices:
        """Every service the station window uses; `printer` becomes the station's printer."""
        overrides = self.settings.shop_overrides
        return StationServices(
            orders=OrderQueue(self.db),
            pack_station=partial(self.pack_station, printer=printer),
            command_sheet=lambda path, station: write_command_sheet(path, station=station),
            pick_list=partial(documents.pick_list_pdf, self.db),
            packing_slip=partial(documents.packing_slip_pdf, self.db, overrides=overrides),
            message_card=partial(documents.message_card_pdf, self.db),
            print_label=self.print_label,
            scanner_setup=self.scanner_setup(),
            shop_settings=self.shop_settings(),
            mismatches=MismatchLog(self.db),
            reports=Reports(self.db),
            waves=WavesInProgress(self.db),
            admin=Administration(self.db, self.printers, overrides),
            label_desk=partial(LabelDesk, self.db),
            pick_station=self.pick_station,
            dock_station=self.dock_station,
            manifests=lambda station: ManifestDesk(
                self.db, station, overrides, self.mails_after_close
            ),
            mails=self.mailer(),
            order_history=OrderHistories(self.db),
            stock=StockViews(self.db),
        )

    def mails_after_close(self) -> MailRun | None:
        """Send the shipment e-mails once a manifest closed, when `mail.on_close` says so
        (None: not sent)."""
        return self.mailer().after_manifest_closed()

    def mailer(self) -> Mailer:
        """The shipment e-mails (`Mailer.after_manifest_closed` once a manifest closes)."""
        return Mailer(self.db, self.settings.shop_overrides, password=self.settings.smtp_password)

    def shop_settings(self) -> ShopSettings:
        """The shop settings shared by every station, this PC's environment over them."""
        return ShopSettings(self.db, self.settings.shop_overrides)

    def scanner_setup(self) -> ScannerSetup:
        """The stations' scanner settings: stored per station, the environment's over them."""
        return ScannerSetup(self.db, self.settings.scanners)

    def wedge_settings(self, station: str | None) -> WedgeSettings:
        """How `station`'s scanners are read (environment > station's stored > default);
        without a station, the environment's and the defaults."""
        if station is None:
            return self.settings.scanners.wedge
        return self.scanner_setup().in_force(station)

    def scanners(self, station: str | None = None) -> list[ScanSource]:
        """The keyboard wedge, and the serial scanner the settings name if any, set up as
        `station` keeps its scanners."""
        # Qt only when a window opens: the command line starts without it.
        from app.scanning.serial_scanner import SerialScanner
        from app.scanning.wedge import KeyboardWedge

        settings = self.settings.scanners
        wedge = self.wedge_settings(station)
        found: list[ScanSource] = [KeyboardWedge(wedge)]
        if settings.serial_port:
            found.append(
                SerialScanner(
                    settings.serial_port, baudrate=settings.serial_baud, settings=wedge.codes
                )
            )
        return found


def open_database(
    url: str, *, migrate: bool = True, station: bool = False, debug: bool = False
) -> Database:
    """The database at `url`, its schema brought up to date unless `migrate` is False.

    A `station`'s database (the window, `kenpin replay`) moves SQLite's log into the
    file on a thread of its own, never in a scan's commit (`app.db.checkpoints`).
    With `debug`, database errors show the SQL parameters they were sent.
    """
    db = Database(url, background_checkpoints=station, debug=debug)
    if migrate:
        try:
            with translated():
                upgrade(db)
        except BaseException:
            db.dispose()
            raise
    return db


def bootstrap(
    settings: Settings | None = None,
    *,
    database_url: str | None = None,
    migrate: bool = True,
    station: bool = False,
    debug: bool = False,
) -> Kenpin:
    """Kenpin on the database `database_url` (else the settings'), read from the
    environment unless `settings` are given; `station` for a station's process; `debug`
    lets database errors show their SQL parameters."""
    settings = settings or read_settings()
    url = database_url or settings.database_url
    db = open_database(url, migrate=migrate, station=station, debug=debug)
    return Kenpin(db, settings, holder=this_process() if station else None, debug=debug)
