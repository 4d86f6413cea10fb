"""The label scan-back rules: while a station waits for a parcel's label, only that label does.

After `KCMD:COMPLETE` (or `KCMD:NEWCARTON`) the station prints the parcel's
label and waits for it to be scanned back. This parcel's tracking number
verifies it; another parcel's label is `label_mismatch`, a voided one
`label_voided`, and anything else a packer might scan instead is
`label_pending`. Badges, `KCMD:LOGOUT` and `KCMD:REPRINT` still work.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.core.scans import Command, Reason, VerdictKind
from app.core.statuses import ParcelStatus


@dataclass(frozen=True, slots=True)
class ParcelLabel:
    """A parcel as a scanned label names it: whose, which carton, and its label's status."""

    parcel_id: int
    tracking_number: str
    order_number: str
    carton_no: int
    status: ParcelStatus


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
        )
    if label is not None and label.status == ParcelStatus.VOIDED:
        return LabelVerdict(
            VerdictKind.REJECTED,
            Reason.LABEL_VOIDED,
            f"{label.tracking_number}: this label was voided; scan {awaited_label(awaiting)}",
        )
    whose = f"a label of {label.order_number}" if label is not None else "another label"
    return LabelVerdict(
        VerdictKind.REJECTED,
        Reason.LABEL_MISMATCH,
        f"{whose}, not this parcel's: scan {awaited_label(awaiting)}",
    )


def command_while_waiting(awaiting: ParcelLabel, command: Command) -> LabelVerdict:
    """The verdict on a command (other than LOGOUT) while the station waits for a label."""
    if command is Command.REPRINT:
        return LabelVerdict(
            VerdictKind.INFO, None, f"reprinting {awaited_label(awaiting)}", reprints=True
        )
    return pending(awaiting)


def pending(awaiting: ParcelLabel) -> LabelVerdict:
    """The refusal of anything but the label while the station waits for it."""
    return LabelVerdict(
        VerdictKind.REJECTED, Reason.LABEL_PENDING, f"scan {awaited_label(awaiting)} first"
    )


def label_not_awaited(label: ParcelLabel | None, code: str) -> str:
    """What a label scan says when the station waits for no label."""
    if label is None:
        return f"{code}: no parcel has this label"
    state = {ParcelStatus.VERIFIED: "already verified", ParcelStatus.VOIDED: "voided"}.get(
        label.status, "not verified yet"
    )
    carton = f" carton {label.carton_no}" if label.carton_no > 1 else ""
    return f"label of {label.order_number}{carton}, {state}"
