"""The dock rules: scan in, verdict out, every parcel scanned onto its carrier's truck.

Plain Python like `app.core.pack.rules`. The loader scans the badge, then
each parcel's label. The first parcel loaded names the truck being loaded
(its carrier); after it, a parcel of another carrier is `wrong_carrier`. A
label not scanned back at the bench is `not_verified`, one loaded already
(or gone on a closed manifest) `already_loaded`, a voided one `label_voided`,
a code that is no parcel's label `unknown_barcode`. `KCMD:UNDO` takes the
last parcel loaded here off the truck again; `KCMD:CANCEL` ends the truck,
so the next parcel may name another carrier.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from app.core.scans import ClassifiedScan, Command, Fact, Note, Reason, ScanKind, VerdictKind
from app.core.station import BadgePin, StationUser, badge_answer
from app.core.statuses import ParcelStatus

#: The reasons only the dock records.
DOCK_REASONS = frozenset({Reason.NOT_VERIFIED, Reason.ALREADY_LOADED, Reason.WRONG_CARRIER})
#: The notes only the dock says.
DOCK_NOTES = frozenset({Note.LOADED, Note.UNLOADED, Note.TRUCK_ENDED})


class DockEffect(StrEnum):
    """What the station service must do after a dock decision."""

    NONE = "none"
    LOGIN = "login"
    LOGOUT = "logout"
    PIN_FAILED = "pin_failed"
    LOAD = "load"
    UNLOAD = "unload"
    END_TRUCK = "end_truck"


@dataclass(frozen=True, slots=True)
class DockParcel:
    """A parcel as the dock sees it: its label's number, order, carrier and state."""

    parcel_id: int
    order_id: int
    tracking: str
    order_number: str
    carrier: str
    status: ParcelStatus
    #: Loaded onto a truck already (at which station), or gone on a closed manifest.
    loaded_at_station: str | None = None
    shipped: bool = False


@dataclass(frozen=True, slots=True)
class DockSnapshot:
    """What the dock rules are told: the station, the scanned badge or parcel, the truck."""

    station: str
    user: StationUser | None
    #: The carrier of the truck being loaded (the first parcel's), None before it.
    carrier: str | None = None
    #: For a label scan: the parcel its number names.
    parcel: DockParcel | None = None
    #: For `KCMD:UNDO`: the last parcel loaded here that is still on the open manifest.
    last_loaded: DockParcel | None = None
    badge_user: StationUser | None = None
    badge_pin: BadgePin | None = None


@dataclass(frozen=True, slots=True)
class DockDecision:
    """The verdict on one dock scan and the change it asks for."""

    verdict: VerdictKind
    effect: DockEffect = DockEffect.NONE
    reason: Reason | None = None
    message: str = ""
    #: For LOAD and UNLOAD: the parcel; for LOGIN and LOGOUT: the user.
    parcel: DockParcel | None = None
    user: StationUser | None = None
    note: Note | None = None
    facts: dict[Fact, str] = field(default_factory=dict)


def _refused(reason: Reason, message: str, facts: dict[Fact, str] | None = None) -> DockDecision:
    return DockDecision(VerdictKind.REJECTED, reason=reason, message=message, facts=facts or {})


def decide(scan: ClassifiedScan, snapshot: DockSnapshot) -> DockDecision:
    """The verdict on `scan` at a dock station in state `snapshot`; nothing is changed."""
    if scan.scan.unreadable:
        return _refused(Reason.UNREADABLE, "scan not read, scan again")
    if scan.kind is ScanKind.BADGE:
        return _badge(snapshot)
    user = snapshot.user
    if user is None:
        return _refused(Reason.NOT_LOGGED_IN, "scan your badge to log in")
    if scan.command is Command.LOGOUT:
        return DockDecision(
            VerdictKind.INFO,
            DockEffect.LOGOUT,
            message=f"{user.name} logged out",
            user=user,
            note=Note.LOGGED_OUT,
            facts={Fact.USER: user.name},
        )
    if scan.command is Command.UNDO:
        return _undo(snapshot.last_loaded, snapshot.carrier)
    if scan.command is Command.CANCEL:
        return _end_truck(snapshot.carrier)
    if scan.kind is not ScanKind.LABEL or snapshot.parcel is None:
        return _refused(
            Reason.UNKNOWN_BARCODE,
            f"{scan.code}: not a parcel's label; scan the shipping label",
            {Fact.CODE: scan.code},
        )
    return _load(snapshot.parcel, snapshot.carrier)


def _load(parcel: DockParcel, truck: str | None) -> DockDecision:
    facts = {
        Fact.ORDER: parcel.order_number,
        Fact.TRACKING: parcel.tracking,
        Fact.CARRIER: parcel.carrier,
    }
    label = f"label {parcel.tracking} of order {parcel.order_number}"
    if parcel.status is ParcelStatus.VOIDED:
        return _refused(Reason.LABEL_VOIDED, f"{label} was voided and replaced", facts)
    if parcel.shipped:
        return _refused(Reason.ALREADY_LOADED, f"{label} has left on a closed manifest", facts)
    if parcel.loaded_at_station is not None:
        facts[Fact.HOLDER] = parcel.loaded_at_station
        return _refused(
            Reason.ALREADY_LOADED,
            f"{label} is loaded already (at {parcel.loaded_at_station})",
            facts,
        )
    if parcel.status is not ParcelStatus.VERIFIED:
        return _refused(
            Reason.NOT_VERIFIED, f"{label} was not scanned back at the pack bench", facts
        )
    if truck is not None and parcel.carrier != truck:
        facts[Fact.EXPECTED] = truck
        return _refused(
            Reason.WRONG_CARRIER,
            f"{label} goes with {parcel.carrier}; this truck is {truck}'s",
            facts,
        )
    return DockDecision(
        VerdictKind.ACCEPTED,
        DockEffect.LOAD,
        message=f"{label} loaded ({parcel.carrier})",
        parcel=parcel,
        note=Note.LOADED,
        facts=facts,
    )


def _undo(parcel: DockParcel | None, truck: str | None) -> DockDecision:
    if parcel is None:
        return DockDecision(
            VerdictKind.INFO,
            message="no parcel to take off",
            note=Note.NOTHING_TO_UNDO,
            facts={Fact.CARRIER: truck or ""},
        )
    return DockDecision(
        VerdictKind.INFO,
        DockEffect.UNLOAD,
        message=f"label {parcel.tracking} of order {parcel.order_number} taken off the truck",
        parcel=parcel,
        note=Note.UNLOADED,
        facts={Fact.ORDER: parcel.order_number, Fact.TRACKING: parcel.tracking},
    )


def _end_truck(carrier: str | None) -> DockDecision:
    facts = {Fact.CARRIER: carrier} if carrier else {}
    return DockDecision(
        VerdictKind.INFO,
        DockEffect.END_TRUCK if carrier else DockEffect.NONE,
        message=f"{carrier}'s truck done" if carrier else "no truck being loaded",
        note=Note.TRUCK_ENDED,
        facts=facts,
    )


def _badge(snapshot: DockSnapshot) -> DockDecision:
    """Log in, switch user or log out, as at every station (a supervisor with the PIN)."""
    answer = badge_answer(snapshot.user, snapshot.badge_user, snapshot.badge_pin)
    return DockDecision(effect=DockEffect(answer.effect), **answer.decided())
