"""The stations as an admin sees and sets them: each one's printer, whether it prints
labels, its error lock-out and its scanner settings.

Listing asks nothing; a change needs an admin's badge and PIN, is checked
whole before anything is stored, and is written to the audit trail.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from app.core.audit import Action
from app.core.bench_settings import lockout_problem, stored_lockout
from app.core.errors import Refused
from app.core.roles import Role
from app.core.text import check_text
from app.db import station as station_store
from app.db import station_settings as store
from app.db.audit import record
from app.db.database import Database
from app.labels.printer_uri import parse_printer_uri
from app.scanning.settings import ScanRules, rules_from_json
from app.services.scanner_setup import SCANNER_KEY
from app.services.signin import Credentials, signed_in
from app.services.station.station import (
    MAX_PRINTER_URI,
    check_printer_uri,
    check_station_name,
)
from app.services.users import Where


@dataclass(frozen=True, slots=True)
class StationShown:
    """A station as the admin page and `kenpin stations list` show it."""

    name: str
    #: "" when the station has no printer.
    printer: str
    labels: bool
    #: Refused product scans in a row before a supervisor is needed; 0 is off.
    lockout_after: int
    #: The scanner settings stored for the station (unset ones None); None: unreadable.
    scanner: ScanRules | None


@dataclass(frozen=True, slots=True)
class StationChange:
    """What to change of a station; None leaves a setting as it is."""

    printer: str | None = None
    labels: bool | None = None
    lockout_after: int | None = None


@dataclass(frozen=True, slots=True)
class SettingChanged:
    """One setting a station change changed: `setting` is `printer`, `labels` or
    `lockout_after`; `str()` says it as the audit trail and the command line do."""

    setting: str
    old: str
    new: str

    def __str__(self) -> str:
        return f"{self.setting}: {self.old} -> {self.new}"


def station_listing(db: Database) -> list[StationShown]:
    """Every station a window or a replay has opened, by name."""
    with db.read() as session:
        rows = store.station_rows(session)
    return [_shown(row) for row in rows]


def _shown(row: store.StationRow) -> StationShown:
    scanner = row.settings.get(SCANNER_KEY)
    try:
        rules: ScanRules | None = rules_from_json(scanner if isinstance(scanner, dict) else {}, "")
    except Refused:
        rules = None
    return StationShown(
        row.name,
        row.printer_uri,
        row.settings.get(store.LABELS_KEY) != "off",
        row.lockout_after,
        rules,
    )


def change_station_as(
    db: Database, by: Credentials, station: str, change: StationChange, where: Where
) -> list[SettingChanged]:
    """Store `change` for `station` (made on first use) on an admin's word, all or nothing;
    a line per setting that changed. A printer URI or a lock-out count that cannot be is
    refused, saying why, before the admin's PIN is checked."""
    name = check_station_name(station)
    if change.printer:
        _check_printer(change.printer, here=name == where.station)
    if change.lockout_after is not None and (problem := lockout_problem(change.lockout_after)):
        raise Refused(f"lock-out: {change.lockout_after} {problem}")
    admin = signed_in(db, by, place=where.place, roles={Role.ADMIN}).user_id
    with db.write() as session:
        before = _shown_in(session, name)
        station_id = station_store.open_station(session, name)
        said = []
        if change.printer is not None and change.printer.strip() != before.printer:
            station_store.set_printer(session, station_id, change.printer.strip())
            old, new = _quoted(before.printer), _quoted(change.printer.strip())
            said.append(SettingChanged("printer", old, new))
        if change.labels is not None and change.labels != before.labels:
            store.store_labels(session, name, change.labels)
            said.append(SettingChanged("labels", _on(before.labels), _on(change.labels)))
        if change.lockout_after is not None and change.lockout_after != before.lockout_after:
            store.store_lockout_after(session, name, change.lockout_after)
            old, new = str(before.lockout_after), str(change.lockout_after)
            said.append(SettingChanged("lockout_after", old, new))
        if said:
            detail = f"{name}: " + "; ".join(map(str, said))
            record(session, Action.STATION_SET, user_id=admin, station=where.station, detail=detail)
    return said


def _check_printer(uri: str, *, here: bool) -> None:
    """Refuse a URI that names no printer; a device is checked only for the station this
    is asked at (another station's device is on another PC)."""
    if here:
        check_printer_uri(uri)
        return
    check_text("--printer", uri, MAX_PRINTER_URI)
    try:
        parse_printer_uri(uri)
    except Refused as exc:
        raise Refused(f"--printer: {uri!r} is not a printer URI: {exc}") from exc


def _shown_in(session: Session, name: str) -> StationShown:
    """The station as stored now (as a new one would be when it has no row yet)."""
    for row in store.station_rows(session, name):
        return _shown(row)
    return StationShown(name, "", True, stored_lockout(None), ScanRules())


def _quoted(value: str) -> str:
    return f'"{value}"' if value else "(none)"


def _on(value: bool) -> str:
    return "on" if value else "off"
