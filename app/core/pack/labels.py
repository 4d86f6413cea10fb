"""The label scan-back rules: while a station waits for a parcel's label, only that label does.

After `KCMD:COMPLETE` (or `KCMD:NEWCARTON`) the station prints the parcel's
label and waits for it to be scanned back. This parcel's tracking number
verifies it; another parcel's label is `label_mismatch`, a voided one
`label_voided`, and anything else a packer might scan instead is
`label_pending`. Badges, `KCMD:LOGOUT` and `KCMD:REPRINT` still work.
A voided label is refused whenever it is scanned, a label awaited or not.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from app.core.scans import Command, Fact, Note, Reason, VerdictKind
from app.core.statuses import ParcelStatus


@dataclass(frozen=True, slots=True)
class ParcelLabel:
    """A parcel as a scanned label names it: whose, which carton, and its label's status."""

    parcel_id: int
    tracking_number: str
    order_number: str
    carton_no: int
    status: ParcelStatus
    #: The order's id (the mismatch log records the order a label refusal concerns).
    order_id: int | None = None


@dataclass(frozen=True, slots=True)
class LabelVerdict:
    """What a scan comes to at a station waiting for a label (see `app.core.pack.rules.decide`)."""

    verdict: VerdictKind
    reason: Reason | None
    message: str
    #: True when the scan is the awaited label: its parcel is verified.
    verifies: bool = False
    #: True for `KCMD:REPRINT`: print the awaited label again.
    reprints: bool = False
    #: What a verdict that is not a refusal says, and what the screen's sentence names.
    note: Note | None = None
    facts: Mapping[Fact, str] = field(default_factory=dict)


def label_facts(label: ParcelLabel) -> dict[Fact, str]:
    """What a verdict about a label names: whose it is, which carton, its tracking number."""
    return {
        Fact.ORDER: label.order_number,
        Fact.CARTON: str(label.carton_no),
        Fact.TRACKING: label.tracking_number,
    }


def awaited_label(awaiting: ParcelLabel) -> str:
    """The awaited label in words: "the label of #1001 (carton 2)"."""
    carton = f" (carton {awaiting.carton_no})" if awaiting.carton_no > 1 else ""
    return f"the label of {awaiting.order_number}{carton}"


def label_while_waiting(awaiting: ParcelLabel, label: ParcelLabel | None) -> LabelVerdict:
    """The verdict on a label scan while the station waits for `awaiting`'s label."""
    if label is not None and label.parcel_id == awaiting.parcel_id:
        return LabelVerdict(
            VerdictKind.ACCEPTED,
            None,
            f"label of {awaiting.order_number} verified ({awaiting.tracking_number})",
            verifies=True,
            note=Note.LABEL_VERIFIED,
            facts=label_facts(awaiting),
        )
    if label is not None and label.status == ParcelStatus.VOIDED:
        return voided(label, f"; scan {awaited_label(awaiting)}")
    whose = f"a label of {label.order_number}" if label is not None else "another label"
    return LabelVerdict(
        VerdictKind.REJECTED,
        Reason.LABEL_MISMATCH,
        f"{whose}, not this parcel's: scan {awaited_label(awaiting)}",
        facts=label_facts(label) if label is not None else {},
    )


def voided(label: ParcelLabel, then: str = "") -> LabelVerdict:
    """The refusal of a voided label (`then`: what to scan instead, when a label is awaited)."""
    return LabelVerdict(
        VerdictKind.REJECTED,
        Reason.LABEL_VOIDED,
        f"{label.tracking_number}: this label was voided{then}",
        facts={Fact.ORDER: label.order_number, Fact.TRACKING: label.tracking_number},
    )


def command_while_waiting(awaiting: ParcelLabel, command: Command) -> LabelVerdict:
    """The verdict on a command (other than LOGOUT) while the station waits for a label."""
    if command is Command.REPRINT:
        return LabelVerdict(
            VerdictKind.INFO,
            None,
            f"reprinting {awaited_label(awaiting)}",
            reprints=True,
            note=Note.REPRINTING,
            facts=label_facts(awaiting),
        )
    return pending(awaiting)


def pending(awaiting: ParcelLabel) -> LabelVerdict:
    """The refusal of anything but the label while the station waits for it."""
    return LabelVerdict(
        VerdictKind.REJECTED,
        Reason.LABEL_PENDING,
        f"scan {awaited_label(awaiting)} first",
        facts=label_facts(awaiting),
    )


def label_not_awaited(label: ParcelLabel | None, code: str) -> LabelVerdict:
    """The verdict on a label scan when the station waits for no label.

    A voided label is refused (it must never go on a box); any other label
    only says whose it is and whether it was scanned back. A tracking number
    no parcel has is classified `unknown` and refused `unknown_barcode` before
    it gets here; `label` is None only when its parcel went meanwhile.
    """
    if label is None:
        return LabelVerdict(
            VerdictKind.INFO, None, f"{code}: no parcel has this label", note=Note.NO_SUCH_LABEL
        )
    if label.status == ParcelStatus.VOIDED:
        return voided(label)
    verified = label.status == ParcelStatus.VERIFIED
    carton = f" carton {label.carton_no}" if label.carton_no > 1 else ""
    return LabelVerdict(
        VerdictKind.INFO,
        None,
        f"label of {label.order_number}{carton}, "
        + ("already verified" if verified else "not verified yet"),
        note=Note.LABEL_ALREADY_VERIFIED if verified else Note.LABEL_NOT_VERIFIED,
        facts=label_facts(label),
    )
