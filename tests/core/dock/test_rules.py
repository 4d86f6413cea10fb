"""The dock rules: each parcel onto its carrier's truck, every wrong parcel refused with its
reason, undo and the end of a truck; no database."""

from __future__ import annotations

import dataclasses

import pytest

from app.core.dock.rules import DockEffect, DockParcel, DockSnapshot, decide
from app.core.scans import ClassifiedScan, Command, Fact, Note, Reason, Scan, ScanKind, VerdictKind
from app.core.station import StationUser
from app.core.statuses import ParcelStatus

LOADER = StationUser(1, "Kenji", "packer")
PARCEL = DockParcel(7, 70, "100000000004", "#1001", "yamato", ParcelStatus.VERIFIED)
AT_WORK = DockSnapshot("D1", LOADER)


def label(parcel: DockParcel | None = PARCEL) -> tuple[ClassifiedScan, DockParcel | None]:
    return ClassifiedScan(Scan("100000000004"), ScanKind.LABEL), parcel


def command(cmd: Command) -> ClassifiedScan:
    return ClassifiedScan(Scan(cmd.value), ScanKind.COMMAND, command=cmd)


def test_the_first_parcel_loads_and_names_the_truck() -> None:
    scan, parcel = label()
    decision = decide(scan, dataclasses.replace(AT_WORK, parcel=parcel))
    assert (decision.verdict, decision.effect, decision.note) == (
        VerdictKind.ACCEPTED,
        DockEffect.LOAD,
        Note.LOADED,
    )
    assert decision.parcel == PARCEL
    assert decision.facts[Fact.CARRIER] == "yamato"


@pytest.mark.parametrize(
    ("parcel", "truck", "reason"),
    [
        (dataclasses.replace(PARCEL, status=ParcelStatus.LABELLED), None, Reason.NOT_VERIFIED),
        (dataclasses.replace(PARCEL, loaded_at_station="D2"), None, Reason.ALREADY_LOADED),
        (dataclasses.replace(PARCEL, shipped=True), "yamato", Reason.ALREADY_LOADED),
        (dataclasses.replace(PARCEL, status=ParcelStatus.VOIDED), None, Reason.LABEL_VOIDED),
        (PARCEL, "sagawa", Reason.WRONG_CARRIER),
        (None, "yamato", Reason.UNKNOWN_BARCODE),
    ],
)
def test_a_wrong_parcel_is_refused_with_its_reason_and_changes_nothing(
    parcel: DockParcel | None, truck: str | None, reason: Reason
) -> None:
    scan, _ = label(parcel)
    decision = decide(scan, dataclasses.replace(AT_WORK, parcel=parcel, carrier=truck))
    assert (decision.verdict, decision.reason, decision.effect) == (
        VerdictKind.REJECTED,
        reason,
        DockEffect.NONE,
    )


def test_a_voided_label_is_voided_even_once_loaded() -> None:
    voided = dataclasses.replace(PARCEL, status=ParcelStatus.VOIDED, loaded_at_station="D1")
    scan, _ = label(voided)
    assert decide(scan, dataclasses.replace(AT_WORK, parcel=voided)).reason is Reason.LABEL_VOIDED


def test_anything_but_a_badge_needs_someone_logged_in_and_a_product_is_no_parcel() -> None:
    scan, parcel = label()
    nobody = decide(scan, DockSnapshot("D1", None, parcel=parcel))
    assert nobody.reason is Reason.NOT_LOGGED_IN
    product = ClassifiedScan(Scan("4901234567894"), ScanKind.PRODUCT)
    assert decide(product, AT_WORK).reason is Reason.UNKNOWN_BARCODE
    unread = ClassifiedScan(Scan("49", unreadable=True), ScanKind.UNKNOWN)
    assert decide(unread, AT_WORK).reason is Reason.UNREADABLE


def test_undo_takes_the_last_parcel_off_and_cancel_ends_the_truck() -> None:
    undo = decide(command(Command.UNDO), dataclasses.replace(AT_WORK, last_loaded=PARCEL))
    assert (undo.effect, undo.parcel, undo.note) == (DockEffect.UNLOAD, PARCEL, Note.UNLOADED)
    nothing = decide(command(Command.UNDO), dataclasses.replace(AT_WORK, carrier="yamato"))
    assert (nothing.effect, nothing.note) == (DockEffect.NONE, Note.NOTHING_TO_UNDO)
    ended = decide(command(Command.CANCEL), dataclasses.replace(AT_WORK, carrier="yamato"))
    assert (ended.effect, ended.note) == (DockEffect.END_TRUCK, Note.TRUCK_ENDED)
    no_truck = decide(command(Command.CANCEL), AT_WORK)
    assert no_truck.effect is DockEffect.NONE
    logout = decide(command(Command.LOGOUT), AT_WORK)
    assert (logout.effect, logout.user) == (DockEffect.LOGOUT, LOADER)


def test_a_badge_logs_in_and_the_same_badge_logs_out() -> None:
    badge = ClassifiedScan(Scan("B-1"), ScanKind.BADGE)
    login = decide(badge, DockSnapshot("D1", None, badge_user=LOADER))
    assert (login.effect, login.user) == (DockEffect.LOGIN, LOADER)
    again = decide(badge, dataclasses.replace(AT_WORK, badge_user=LOADER))
    assert again.effect is DockEffect.LOGOUT
    stranger = decide(badge, DockSnapshot("D1", None))
    assert stranger.reason is Reason.UNKNOWN_BARCODE
