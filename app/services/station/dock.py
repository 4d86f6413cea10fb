"""The dock mode: every parcel scanned onto its carrier's truck before the manifest closes.

What it plugs into the scan pipeline: the facts `app.core.dock.rules.decide`
is told (the station's user, the truck it loads, the parcel a label names),
the handler of each effect, the scan's record, and the dock screen's view:
the truck's carrier, parcels loaded of those on its open manifest, the last
parcel and the recent scans.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace

from app.core.dock.rules import DockDecision, DockEffect, DockParcel, DockSnapshot, decide
from app.core.scans import ClassifiedScan, Command, ScanKind
from app.core.station import StationUser
from app.core.tracking import normalise
from app.db import dock as store
from app.db.database import Database
from app.db.models import utcnow
from app.db.scan_log import RecentScope, ScanEntry
from app.services.station.outcome import ScanOutcome
from app.services.station.pack import refusal_facts
from app.services.station.pipeline import Incoming, Kept, Shown, Step, Tx, kept_after
from app.services.station.signins import as_recorded, badge_facts, log_in, log_out, pin_failed
from app.services.station.station import LEASE_SECONDS, Clock, Opening, Station, open_station


@dataclass(frozen=True, slots=True)
class TruckCount:
    """The truck a dock loads: its carrier, parcels loaded of those on its open manifest, and
    how many scans ago they were read from the database.

    Kept between the station's scans (`pipeline.Kept`): counting the open manifest reads
    every parcel on it, so a scan adds its own load (or unload) to the kept count and the
    database is counted again every `RECOUNT_AFTER` scans, when another process scanned at
    this station, or when the truck changes. Other docks' loads and parcels verified
    meanwhile show within that many scans.
    """

    carrier: str
    loaded: int
    total: int
    age: int = 0


#: Scans after which a dock counts its truck in the database again.
RECOUNT_AFTER = 20

DockTx = Tx[TruckCount]


@dataclass(frozen=True, slots=True)
class DockFacts:
    """What the dock rules are told."""

    snapshot: DockSnapshot


DockStep = Step[DockFacts, DockDecision, TruckCount]


@dataclass(frozen=True, slots=True)
class DockAfter:
    """What a dock scan's effect did: who is logged in and the truck loaded afterwards."""

    user: StationUser | None
    carrier: str | None


@dataclass(frozen=True, slots=True)
class Counted:
    """A scan's effect with the truck's count after it (for the record and the view)."""

    after: DockAfter
    truck: TruckCount | None

    @property
    def loaded(self) -> int | None:
        return self.truck.loaded if self.truck else None

    @property
    def total(self) -> int | None:
        return self.truck.total if self.truck else None


@dataclass(frozen=True, slots=True)
class DockView:
    """What the dock screen shows: who, the truck's carrier, parcels loaded of those on its
    open manifest, the last parcel loaded and the recent scans."""

    station: str
    user: StationUser | None
    carrier: str | None
    loaded: int | None
    total: int | None
    recent: tuple[ScanOutcome, ...]
    last: DockParcel | None = None


def _truck(tx: DockTx, carrier: str | None, effect: DockEffect) -> TruckCount | None:
    """The count of `carrier`'s truck after a scan of `effect`: the kept count with the
    scan's own load or unload, or counted in the database (see `TruckCount`)."""
    if carrier is None:
        return None
    kept = tx.kept_now()
    held = kept.held if kept is not None else None
    if held is not None and held.carrier == carrier and held.age < RECOUNT_AFTER:
        loaded = held.loaded + {DockEffect.LOAD: 1, DockEffect.UNLOAD: -1}.get(effect, 0)
        return TruckCount(carrier, loaded, max(held.total, loaded), held.age + 1)
    loaded, total = store.truck_counts(tx.session, carrier)
    return TruckCount(carrier, loaded, total)


def _log_in(step: DockStep) -> DockAfter:
    user = step.decision.user
    assert user is not None
    log_in(step, user)
    return DockAfter(user, step.facts.snapshot.carrier)


def _log_out(step: DockStep) -> DockAfter:
    log_out(step)
    return DockAfter(None, step.facts.snapshot.carrier)


def _pin_failed(step: DockStep) -> DockAfter:
    assert step.decision.user is not None
    pin_failed(step, step.decision.user, step.facts.snapshot.badge_pin)
    return _as_it_was(step)


def _as_it_was(step: DockStep) -> DockAfter:
    return DockAfter(step.row.user, step.facts.snapshot.carrier)


def _load(step: DockStep) -> DockAfter:
    parcel, user = step.decision.parcel, step.row.user
    assert parcel is not None and user is not None
    store.load(step.session, parcel.parcel_id, user.user_id, step.row.station_id, step.at)
    if step.facts.snapshot.carrier != parcel.carrier:
        store.set_truck(step.session, step.row.station_id, parcel.carrier)
    return DockAfter(user, parcel.carrier)


def _unload(step: DockStep) -> DockAfter:
    parcel = step.decision.parcel
    assert parcel is not None
    store.unload(step.session, parcel.parcel_id)
    return _as_it_was(step)


def _end_truck(step: DockStep) -> DockAfter:
    store.set_truck(step.session, step.row.station_id, None)
    return DockAfter(step.row.user, None)


HANDLERS: Mapping[DockEffect, Callable[[DockStep], DockAfter]] = {
    DockEffect.NONE: _as_it_was,
    DockEffect.LOGIN: _log_in,
    DockEffect.LOGOUT: _log_out,
    DockEffect.PIN_FAILED: _pin_failed,
    DockEffect.LOAD: _load,
    DockEffect.UNLOAD: _unload,
    DockEffect.END_TRUCK: _end_truck,
}


class DockMode:
    """The dock mode's pieces for the scan pipeline (`app.services.station.pipeline`)."""

    def facts(self, tx: DockTx, incoming: Incoming, classified: ClassifiedScan) -> DockFacts:
        """The station as the dock rules see it, and the parcel a label names."""
        session, station_id = tx.session, tx.row.station_id
        badge_user, badge_pin = badge_facts(tx, incoming, classified)
        parcel = last = None
        if classified.kind is ScanKind.LABEL:
            parcel = store.dock_parcel(session, normalise(classified.code))
        elif classified.command is Command.UNDO:
            last = store.last_loaded(session, station_id)
        snapshot = DockSnapshot(
            station=tx.station.name,
            user=tx.row.user,
            carrier=tx.row.dock_carrier,
            parcel=parcel,
            last_loaded=last,
            badge_user=badge_user,
            badge_pin=badge_pin,
        )
        return DockFacts(snapshot)

    def decide(self, classified: ClassifiedScan, facts: DockFacts) -> DockDecision:
        """The pure rules' verdict."""
        return decide(classified, facts.snapshot)

    def apply(self, step: DockStep) -> Counted:
        """The decision's effect, by its handler, and the truck's count after it."""
        after = HANDLERS[step.decision.effect](step)
        return Counted(after, _truck(step.tx, after.carrier, step.decision.effect))

    def entry(self, step: DockStep, counted: Counted) -> ScanEntry:
        """The scan's record, with its verdict and the parcel's order."""
        decision, row, incoming = step.decision, step.row, step.incoming
        user = decision.user if decision.effect is DockEffect.LOGIN else row.user
        parcel = decision.parcel or step.facts.snapshot.parcel
        reason = decision.reason.value if decision.reason else None
        return ScanEntry(
            scan_id=incoming.scan_id,
            station_id=row.station_id,
            station=step.tx.station.name,
            seq=row.last_seq + 1,
            at=incoming.at,
            raw=as_recorded(step),
            kind=step.classified.kind.value,
            code=as_recorded(step, raw=False),
            verdict=decision.verdict.value,
            reason=reason,
            effect=decision.effect.value,
            message=decision.message,
            user_id=user.user_id if user else None,
            order_id=parcel.order_id if parcel else None,
            scanned=counted.loaded,
            expected=counted.total,
            concerning=parcel.order_id if parcel else None,
            typed=incoming.scan.typed,
            facts=refusal_facts(decision.facts, None) if reason else {},
        )

    def shown(self, step: DockStep, counted: Counted, ref: int) -> Shown[TruckCount]:
        """The outcome, and the dock screen as it stands after the scan."""
        decision, after = step.decision, counted.after
        parcel = decision.parcel or step.facts.snapshot.parcel
        loaded, total = counted.loaded, counted.total
        outcome = ScanOutcome(
            seq=step.row.last_seq + 1,
            scan=as_recorded(step),
            kind=step.classified.kind,
            verdict=decision.verdict,
            reason=decision.reason,
            order=parcel.order_number if parcel else None,
            scanned=loaded,
            expected=total,
            message=decision.message,
            at=step.at,
            note=decision.note,
            facts=decision.facts,
            typed=step.incoming.scan.typed,
        )
        scope = RecentScope(after.user.user_id if after.user else None, None)
        first = decision.effect is DockEffect.LOGIN
        kept = kept_after(step.tx, outcome, counted.truck, scope, first=first)
        last = decision.parcel if decision.effect is DockEffect.LOAD else None
        view = DockView(
            step.tx.station.name, after.user, after.carrier, loaded, total, kept.recent, last
        )
        return Shown(replace(outcome, view=view), kept)

    def screen(self, tx: DockTx) -> tuple[DockView, TruckCount | None]:
        """The dock screen as the station stands, its truck counted in the database."""
        carrier = tx.row.dock_carrier
        truck = TruckCount(carrier, *store.truck_counts(tx.session, carrier)) if carrier else None
        loaded, total = (truck.loaded, truck.total) if truck else (None, None)
        last = store.last_loaded(tx.session, tx.row.station_id)
        view = DockView(tx.station.name, tx.row.user, carrier, loaded, total, tx.recent(), last)
        return view, truck

    def repeated(self, tx: DockTx, outcome: ScanOutcome) -> Shown[TruckCount]:
        """A retried scan's recorded outcome, with the dock screen as it stands."""
        view, truck = self.screen(tx)
        kept = Kept(tx.row.last_seq, tx.scope, tx.recent(), truck)
        return Shown(replace(outcome, view=view), kept)


class DockStation(Station[DockFacts, DockDecision, Counted, TruckCount, DockView]):
    """A dock station's scan pipeline over the shared database."""

    def __init__(
        self,
        db: Database,
        station: str,
        *,
        lease_seconds: int = LEASE_SECONDS,
        opening: Opening | None = None,
        clock: Clock = utcnow,
    ) -> None:
        """Open `station` as `opening` says (this process's hold on it)."""
        ref = open_station(db, station, opening)
        super().__init__(db, ref, DockMode(), lease_seconds=lease_seconds, clock=clock)
