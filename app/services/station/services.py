"""The services a station window needs, built from one database (the UI's composition root)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from app.core.errors import EnvironmentFailure
from app.db.database import Database
from app.labels.command_sheet import write_command_sheet
from app.services import documents
from app.services.labels import run_print_job
from app.services.order_queue import OrderQueue
from app.services.station.pack import PackStation


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


def station_services(db: Database, printer: str | None = None) -> StationServices:
    """Every service the station window uses, on `db`; `printer` becomes the station's printer."""
    return StationServices(
        orders=OrderQueue(db),
        pack_station=partial(PackStation, db, printer=printer),
        command_sheet=lambda path, station: write_command_sheet(path, station=station),
        pick_list=partial(documents.pick_list_pdf, db),
        packing_slip=partial(documents.packing_slip_pdf, db),
        message_card=partial(documents.message_card_pdf, db),
        print_label=partial(_print_label, db),
    )


def _print_label(db: Database, job_id: int) -> None:
    outcome = run_print_job(db, job_id)
    if not outcome.printed:
        raise EnvironmentFailure(outcome.message)
