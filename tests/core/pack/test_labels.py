"""The label scan-back rules: while a station waits for a label, only that label does."""

from __future__ import annotations

import dataclasses

import pytest

from app.core.pack.effects import Effect
from app.core.pack.labels import ParcelLabel
from app.core.pack.rules import decide
from app.core.pack.session import PackedUnit, PackSnapshot
from app.core.scans import ClassifiedScan, Command, Reason, ScanKind, VerdictKind
from app.core.statuses import ParcelStatus
from tests.core.pack.packdata import (
    ALICE,
    at_station,
    candidate,
    code,
    command,
    line,
    pack,
    product,
)

AWAITED = ParcelLabel(7, "123456789013", "#1001", 1, ParcelStatus.LABELLED)
OTHER_ORDER = ParcelLabel(8, "123456789024", "#1002", 1, ParcelStatus.LABELLED)
VOIDED = ParcelLabel(6, "123456789002", "#1001", 1, ParcelStatus.VOIDED)


def waiting() -> PackSnapshot:
    return dataclasses.replace(at_station(), awaiting=AWAITED)


def test_the_awaited_label_verifies_its_parcel() -> None:
    decision = decide(
        code(ScanKind.LABEL, AWAITED.tracking_number), dataclasses.replace(waiting(), label=AWAITED)
    )
    assert (decision.verdict, decision.effect, decision.reason) == (
        VerdictKind.ACCEPTED,
        Effect.VERIFY_LABEL,
        None,
    )
    assert decision.label == AWAITED


@pytest.mark.parametrize(
    ("label", "reason"),
    [
        (OTHER_ORDER, Reason.LABEL_MISMATCH),
        (dataclasses.replace(AWAITED, parcel_id=9, carton_no=2), Reason.LABEL_MISMATCH),
        (VOIDED, Reason.LABEL_VOIDED),
    ],
)
def test_any_other_label_is_refused(label: ParcelLabel, reason: Reason) -> None:
    decision = decide(
        code(ScanKind.LABEL, label.tracking_number), dataclasses.replace(waiting(), label=label)
    )
    assert (decision.verdict, decision.effect, decision.reason) == (
        VerdictKind.REJECTED,
        Effect.NONE,
        reason,
    )
    assert "#1001" in decision.message


@pytest.mark.parametrize(
    "scan",
    [
        product(1),
        code(ScanKind.ORDER, "#1002"),
        command(Command.COMPLETE),
        command(Command.NEWCARTON),
        command(Command.CANCEL),
        command(Command.UNDO),
    ],
    ids=["product", "order", "complete", "newcarton", "cancel", "undo"],
)
def test_anything_but_the_label_is_label_pending(scan: ClassifiedScan) -> None:
    snapshot = dataclasses.replace(at_station(pack(line(1, 1, 2))), awaiting=AWAITED)
    decision = decide(scan, dataclasses.replace(snapshot, order=candidate()))
    assert (decision.verdict, decision.effect, decision.reason) == (
        VerdictKind.REJECTED,
        Effect.NONE,
        Reason.LABEL_PENDING,
    )
    assert decision.message == "scan the label of #1001 first"


def test_reprint_prints_the_awaited_label_again_and_logout_still_works() -> None:
    reprint = decide(command(Command.REPRINT), waiting())
    assert (reprint.verdict, reprint.effect, reprint.label) == (
        VerdictKind.INFO,
        Effect.REPRINT,
        AWAITED,
    )
    logout = decide(command(Command.LOGOUT), waiting())
    assert (logout.effect, logout.user) == (Effect.LOGOUT, ALICE)


def test_a_label_scanned_with_no_label_awaited_only_says_whose_it_is() -> None:
    done = dataclasses.replace(AWAITED, status="verified")
    decision = decide(code(ScanKind.LABEL, done.tracking_number), at_station(label=done))
    assert (decision.verdict, decision.effect, decision.reason) == (
        VerdictKind.INFO,
        Effect.NONE,
        None,
    )
    assert decision.message == "label of #1001, already verified"


def test_newcarton_closes_a_carton_with_units_and_undo_stays_in_the_carton() -> None:
    open_pack = dataclasses.replace(pack(line(1, 1, 3)), packed=(PackedUnit(1, 1, 1, carton_no=1),))
    closed = decide(command(Command.NEWCARTON), at_station(open_pack))
    assert (closed.verdict, closed.effect) == (VerdictKind.INFO, Effect.NEW_CARTON)
    assert closed.message == "carton 1 of order #1001 closed"

    open_pack = dataclasses.replace(open_pack, carton_no=2)
    assert decide(command(Command.NEWCARTON), at_station(open_pack)).message == "carton is empty"
    undo = decide(command(Command.UNDO), at_station(open_pack))
    assert (undo.effect, undo.message) == (Effect.NONE, "nothing to undo")


def test_an_unknown_code_while_a_label_is_awaited_is_an_unknown_barcode() -> None:
    decision = decide(code(ScanKind.UNKNOWN, "XYZ-123"), waiting())
    assert (decision.verdict, decision.reason) == (VerdictKind.REJECTED, Reason.UNKNOWN_BARCODE)
