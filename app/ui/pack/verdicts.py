"""What the pack screen says about a scan: the verdict banner's words and each line's progress.

Worded here, from the outcome's reason and the station's view before and after
the scan, so every sentence goes through Qt's translation.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtCore import QCoreApplication

from app.core.scans import Command, Reason, ScanKind, VerdictKind
from app.services.station.outcome import LineView, ScanOutcome, StationView

translate = QCoreApplication.translate


def reason_sentence(reason: Reason) -> str:
    """The refusal `reason` as a sentence a packer understands at a glance, translated."""
    sentences = {
        Reason.NOT_LOGGED_IN: translate("Reason", "Nobody is logged in: scan your badge first."),
        Reason.UNKNOWN_BARCODE: translate(
            "Reason", "Unknown barcode: not a product, order, badge or command code Kenpin knows."
        ),
        Reason.NO_OPEN_PACK: translate(
            "Reason", "No order is open: scan the order number on the pick list first."
        ),
        Reason.ORDER_NOT_PACKABLE: translate(
            "Reason",
            "This order cannot be packed: not allocated, on hold, cancelled or already packed.",
        ),
        Reason.ORDER_LOCKED: translate(
            "Reason", "This order is open at another station. Finish or cancel it there first."
        ),
        Reason.NOT_ON_ORDER: translate(
            "Reason", "This item is not on the order. Take it out of the box."
        ),
        Reason.OVER_QUANTITY: translate(
            "Reason",
            "Too many: the order does not need this unit (or case). Take it out of the box.",
        ),
        Reason.WRONG_LOT: translate(
            "Reason",
            "Wrong lot: this lot is not the one reserved for the order. Take another unit.",
        ),
        Reason.EXPIRED: translate(
            "Reason", "Expired, or too close to its expiry date for this order. Take another unit."
        ),
        Reason.PACK_INCOMPLETE: translate(
            "Reason", "Not finished: some lines still need units before the pack can be completed."
        ),
        Reason.CARD_NOT_CONFIRMED: translate(
            "Reason", "Gift order: put the message card in the box and scan CARD before completing."
        ),
        Reason.LABEL_PENDING: translate(
            "Reason",
            "The last parcel's label has not been scanned back yet. Scan that label first.",
        ),
        Reason.LABEL_MISMATCH: translate(
            "Reason", "Wrong label: this is not the label of the parcel in front of you."
        ),
        Reason.LABEL_VOIDED: translate(
            "Reason", "This label was voided and replaced. Use the new label."
        ),
        Reason.NO_TRACKING_NUMBER: translate(
            "Reason",
            "No tracking number left for this carrier: the pack stays open. Ask a supervisor to "
            "register a block or import the carrier's numbers, then scan COMPLETE again.",
        ),
        Reason.DATABASE_UNAVAILABLE: translate(
            "Reason",
            "The database is unavailable: nothing was recorded. Scan it again; if it keeps "
            "failing, call a supervisor.",
        ),
    }
    return sentences[reason]


def reason_label(reason: Reason) -> str:
    """The refusal `reason` in a few words, for the recent-scans list."""
    labels = {
        Reason.NOT_LOGGED_IN: translate("ReasonLabel", "Not logged in"),
        Reason.UNKNOWN_BARCODE: translate("ReasonLabel", "Unknown barcode"),
        Reason.NO_OPEN_PACK: translate("ReasonLabel", "No order open"),
        Reason.ORDER_NOT_PACKABLE: translate("ReasonLabel", "Order not packable"),
        Reason.ORDER_LOCKED: translate("ReasonLabel", "Open at another station"),
        Reason.NOT_ON_ORDER: translate("ReasonLabel", "Not on the order"),
        Reason.OVER_QUANTITY: translate("ReasonLabel", "Too many"),
        Reason.WRONG_LOT: translate("ReasonLabel", "Wrong lot"),
        Reason.EXPIRED: translate("ReasonLabel", "Expired"),
        Reason.PACK_INCOMPLETE: translate("ReasonLabel", "Pack not finished"),
        Reason.CARD_NOT_CONFIRMED: translate("ReasonLabel", "Card not confirmed"),
        Reason.LABEL_PENDING: translate("ReasonLabel", "Label not scanned back"),
        Reason.LABEL_MISMATCH: translate("ReasonLabel", "Wrong label"),
        Reason.LABEL_VOIDED: translate("ReasonLabel", "Voided label"),
        Reason.NO_TRACKING_NUMBER: translate("ReasonLabel", "No tracking number"),
        Reason.DATABASE_UNAVAILABLE: translate("ReasonLabel", "Database unavailable"),
    }
    return labels[reason]


def verdict_name(verdict: VerdictKind) -> str:
    """A verdict as the recent-scans list names it."""
    if verdict is VerdictKind.ACCEPTED:
        return translate("Verdict", "OK")
    if verdict is VerdictKind.REJECTED:
        return translate("Verdict", "Refused")
    return translate("Verdict", "Info")


class Level(StrEnum):
    """The banner's colour."""

    ACCEPTED = "accepted"
    REFUSED = "refused"
    INFO = "info"
    COMPLETED = "completed"


@dataclass(frozen=True, slots=True)
class ShownVerdict:
    """The verdict banner's content: its colour, a headline and a sentence."""

    level: Level
    headline: str
    detail: str
    #: The code a refusal was about, shown under the sentence.
    code: str = ""
    #: The station's own note on the verdict (English, for a supervisor), shown on hover.
    note: str = ""


def changed_line(before: StationView | None, after: StationView) -> LineView | None:
    """The line of the open order whose packed count a scan changed, if any."""
    if before is None or before.order_number != after.order_number:
        return None
    earlier = {line.line_id: line.packed for line in before.lines}
    for line in after.lines:
        if line.packed != earlier.get(line.line_id, 0):
            return line
    return None


def _item(line: LineView) -> str:
    return f"{line.name} {line.variant}".strip()


def verdict_words(
    outcome: ScanOutcome, before: StationView | None, after: StationView
) -> ShownVerdict:
    """The banner for `outcome`, given the station's view before and after the scan."""
    if outcome.verdict is VerdictKind.REJECTED:
        sentence = reason_sentence(outcome.reason) if outcome.reason else outcome.message
        return ShownVerdict(
            Level.REFUSED,
            translate("Verdict", "Refused"),
            sentence,
            translate("Verdict", "Scanned: {0}").format(outcome.scan),
            outcome.message,
        )
    command = outcome.scan if outcome.kind is ScanKind.COMMAND else ""
    line = changed_line(before, after)
    if command == Command.COMPLETE and outcome.verdict is VerdictKind.ACCEPTED:
        number = (before.order_number if before else None) or outcome.order or ""
        units = before.expected if before and before.expected is not None else 0
        return ShownVerdict(
            Level.COMPLETED,
            translate("Verdict", "✔ Pack complete"),
            translate("Verdict", "Order {0}: all {1} units checked. Close the box.").format(
                number, units
            ),
        )
    if command == Command.UNDO:
        taken = (
            translate("Verdict", "Took back one unit of {0}.").format(_item(line)) if line else ""
        )
        return ShownVerdict(Level.INFO, translate("Verdict", "Undone"), taken or outcome.message)
    if outcome.verdict is VerdictKind.ACCEPTED:
        if line is not None:
            return ShownVerdict(
                Level.ACCEPTED,
                translate("Verdict", "OK  {0} / {1}").format(line.packed, line.ordered),
                _item(line),
            )
        return ShownVerdict(Level.ACCEPTED, translate("Verdict", "OK"), outcome.message)
    return ShownVerdict(Level.INFO, *_info_words(outcome, command, before, after))


def _info_words(
    outcome: ScanOutcome, command: str, before: StationView | None, after: StationView
) -> tuple[str, str]:
    """Headline and sentence of a scan that changed no count."""
    if outcome.kind is ScanKind.BADGE:
        if after.user is not None:
            return translate("Verdict", "Logged in: {0}").format(after.user.name), translate(
                "Verdict", "Scan the order number on the pick list or packing slip."
            )
        return translate("Verdict", "Logged out"), translate("Verdict", "Scan a badge to log in.")
    if command == Command.LOGOUT:
        return translate("Verdict", "Logged out"), translate("Verdict", "Scan a badge to log in.")
    if outcome.kind is ScanKind.ORDER and after.order_number:
        return translate("Verdict", "Order {0}").format(after.order_number), translate(
            "Verdict", "Scan every item into the box."
        )
    if command == Command.CARD:
        return translate("Verdict", "Message card confirmed"), translate(
            "Verdict", "The card is in the box."
        )
    if command == Command.CANCEL:
        number = (before.order_number if before else None) or outcome.order or ""
        return translate("Verdict", "Pack left for later"), translate(
            "Verdict", "Order {0} is released; scan it again to carry on."
        ).format(number)
    return translate("Verdict", "Noted"), outcome.message


class Progress(StrEnum):
    """How far a line is: the colour of its row."""

    NOT_STARTED = "not_started"
    PARTIAL = "partial"
    DONE = "done"
    OVER = "over"


def line_progress(line: LineView) -> Progress:
    """Where `line` stands: nothing scanned, some, exactly all, or more than ordered."""
    if line.packed > line.ordered:
        return Progress.OVER
    if line.packed == line.ordered:
        return Progress.DONE
    return Progress.PARTIAL if line.packed else Progress.NOT_STARTED


def progress_name(progress: Progress) -> str:
    """A line's progress in words."""
    names = {
        Progress.NOT_STARTED: translate("Progress", "To do"),
        Progress.PARTIAL: translate("Progress", "In progress"),
        Progress.DONE: translate("Progress", "Done"),
        Progress.OVER: translate("Progress", "Too many"),
    }
    return names[progress]
