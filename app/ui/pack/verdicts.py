"""What the pack screen says: the verdict banner's words, the next action and each line's
progress.

The banner is worded from the outcome's reason or note and its facts (see `wording`);
the next action from the station's view alone, so a restart or a new login shows the
state the station is really in, whatever the last verdict was.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtCore import QCoreApplication

from app.core.scans import Command, Fact, Note, Reason, ScanKind, VerdictKind
from app.services.station.outcome import LineView, ScanOutcome, StationView
from app.ui.pack.wording import (
    note_words,
    override_name,
    reason_label,
    reason_sentence,
    refusal_words,
    step_instruction,
)

__all__ = [
    "LEVELS",
    "Level",
    "ShownVerdict",
    "changed_line",
    "current_line",
    "line_progress",
    "next_action",
    "progress_name",
    "reason_label",
    "reason_sentence",
    "refusal_verdict",
    "verdict_name",
    "verdict_words",
]

translate = QCoreApplication.translate


def verdict_name(verdict: VerdictKind) -> str:
    """A verdict as the recent-scans list names it."""
    if verdict is VerdictKind.ACCEPTED:
        return translate("Verdict", "OK")
    if verdict is VerdictKind.REJECTED:
        return translate("Verdict", "Refused")
    return translate("Verdict", "Info")


class Level(StrEnum):
    """The banner's colour: green accepted, dark green completed, red refused, neutral info."""

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


#: The banner's colour of each verdict (a note may make it `completed`).
LEVELS = {
    VerdictKind.ACCEPTED: Level.ACCEPTED,
    VerdictKind.REJECTED: Level.REFUSED,
    VerdictKind.INFO: Level.INFO,
}


def refusal_verdict(outcome: ScanOutcome) -> ShownVerdict:
    """The red banner of a refused scan (at any station): its reason in words, the code."""
    reason = outcome.reason or Reason.UNKNOWN_BARCODE
    headline, detail = refusal_words(reason, outcome.facts)
    return ShownVerdict(
        Level.REFUSED,
        headline,
        detail,
        translate("Verdict", "Scanned: {0}").format(outcome.scan),
        outcome.message,
    )


def verdict_words(
    outcome: ScanOutcome, before: StationView | None, after: StationView
) -> ShownVerdict:
    """The banner for `outcome`, given the station's view before and after the scan."""
    if outcome.verdict is VerdictKind.REJECTED:
        return refusal_verdict(outcome)
    if outcome.note is not None:
        level = Level.COMPLETED if outcome.note is Note.PACK_COMPLETED else LEVELS[outcome.verdict]
        facts = {**_seen_facts(outcome.note, before, after), **outcome.facts}
        return ShownVerdict(level, *note_words(outcome.note, facts), note=outcome.message)
    return _guessed_words(outcome, before, after)


#: Notes about the order open at the station (before the scan, or after it).
_ORDER_NOTES = frozenset(
    {
        Note.ORDER_OPENED,
        Note.ORDER_RESUMED,
        Note.ORDER_SHOWN,
        Note.LEFT_FOR_LATER,
        Note.PACK_COMPLETED,
    }
)


def _seen_facts(note: Note, before: StationView | None, after: StationView) -> dict[Fact, str]:
    """What the screen itself saw change, for the facts a station did not send."""
    facts: dict[Fact, str] = {}
    user = after.user or (before.user if before else None)
    if user is not None:
        facts[Fact.USER] = user.name
    order = after.order_number or (before.order_number if before else None)
    if note in _ORDER_NOTES and order:
        facts[Fact.ORDER] = order
    line = changed_line(before, after)
    if line is not None:
        facts |= {
            Fact.ITEM: _item(line),
            Fact.PACKED: str(line.packed),
            Fact.ORDERED: str(line.ordered),
        }
    return facts


def _guessed_words(
    outcome: ScanOutcome, before: StationView | None, after: StationView
) -> ShownVerdict:
    """The banner of a verdict without a note (a station that does not say one yet),
    worded from the scan's kind and what it changed in the view."""
    command = outcome.scan if outcome.kind is ScanKind.COMMAND else ""
    line = changed_line(before, after)
    order = (before.order_number if before else None) or outcome.order or ""
    if command == Command.COMPLETE and outcome.verdict is VerdictKind.ACCEPTED:
        return ShownVerdict(Level.COMPLETED, *note_words(Note.PACK_COMPLETED, {Fact.ORDER: order}))
    if command == Command.UNDO:
        facts = {Fact.ITEM: _item(line)} if line else {}
        return ShownVerdict(Level.INFO, *note_words(Note.TOOK_BACK, facts), note=outcome.message)
    if outcome.kind is ScanKind.LABEL and outcome.verdict is VerdictKind.ACCEPTED:
        awaited = before.awaiting if before else None
        facts = {Fact.ORDER: awaited.order_number if awaited else order}
        return ShownVerdict(
            Level.ACCEPTED, *note_words(Note.LABEL_VERIFIED, facts), note=outcome.message
        )
    if outcome.verdict is VerdictKind.ACCEPTED:
        counted = (
            {Fact.ITEM: _item(line), Fact.PACKED: str(line.packed), Fact.ORDERED: str(line.ordered)}
            if line
            else {}
        )
        return ShownVerdict(
            Level.ACCEPTED, *note_words(Note.COUNTED, counted), note=outcome.message
        )
    note, facts = _guessed_note(outcome, command, order, after)
    if note is None:
        return ShownVerdict(Level.INFO, translate("Verdict", "Noted"), "", note=outcome.message)
    return ShownVerdict(Level.INFO, *note_words(note, facts), note=outcome.message)


def _guessed_note(
    outcome: ScanOutcome, command: str, order: str, after: StationView
) -> tuple[Note | None, dict[Fact, str]]:
    if outcome.kind is ScanKind.BADGE or command == Command.LOGOUT:
        if after.user is not None and command != Command.LOGOUT:
            return Note.LOGGED_IN, {Fact.USER: after.user.name}
        return Note.LOGGED_OUT, {}
    if outcome.kind is ScanKind.ORDER and after.order_number:
        return Note.ORDER_OPENED, {Fact.ORDER: after.order_number}
    guessed = {
        Command.CARD: Note.CARD_CONFIRMED,
        Command.CANCEL: Note.LEFT_FOR_LATER,
        Command.REPRINT: Note.REPRINTING,
        Command.NEWCARTON: Note.CARTON_CLOSED,
    }
    note = next((n for c, n in guessed.items() if command == c), None)
    return note, {Fact.ORDER: order}


# The next action ----------------------------------------------------------------------------


def current_line(view: StationView, counted: int | None = None) -> LineView | None:
    """The line the packer is on: the one just counted while it still needs units, else
    the first that does; None when every line is in (or no order is open)."""
    open_lines = [line for line in view.lines if line.packed < line.ordered]
    for line in open_lines:
        if line.line_id == counted:
            return line
    return open_lines[0] if open_lines else None


def next_action(view: StationView, print_failed: bool = False) -> str:
    """What the packer does next, from the station's state alone (the biggest text)."""
    if view.user is None:
        return translate("Next", "Scan your badge")
    if view.locked:
        return translate("Next", "Locked: call a supervisor to scan their badge")
    if view.override is not None:
        return f"{override_name(view.override.kind)}: {step_instruction(view.override.step)}"
    if view.awaiting is not None:
        if print_failed:
            return translate("Next", "Fix the printer, then scan REPRINT")
        return translate("Next", "Put the label on the box and scan it")
    if view.order_number is None:
        return translate("Next", "Scan the order number, its tote or its cart slot")
    units = view.expected or 0
    if all(line.packed >= line.ordered for line in view.lines):
        if view.gift_message and not view.card_confirmed:
            return translate("Next", "All {0} items in: put the card in, scan CARD").format(units)
        return translate("Next", "All {0} items in: scan COMPLETE").format(units)
    left = units - (view.scanned or 0)
    return translate("Next", "Scan the next item: {0} to go").format(left)


# Line progress -----------------------------------------------------------------------------


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
