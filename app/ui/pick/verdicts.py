"""What the pick screen says: the verdict banner's words and the next action.

The banner is worded as at the pack bench (`app.ui.pack.wording`: the reason or
note and its facts); the next action from the station's view alone ("Go to bin
A-01", "Take 2 × Green tea 100g", "Put it in slot 2"), so a restart or a new
login shows the instruction the picker is really at.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication

from app.core.scans import Fact, Note, Reason, VerdictKind
from app.services.station.outcome import ScanOutcome
from app.services.station.pick import PickView
from app.ui.pack.verdicts import LEVELS, Level, ShownVerdict, refusal_verdict
from app.ui.pack.wording import note_words

translate = QCoreApplication.translate


def pick_verdict(outcome: ScanOutcome, before: PickView | None, after: PickView) -> ShownVerdict:
    """The banner for `outcome`, given the pick screen's view before and after the scan."""
    if outcome.verdict is VerdictKind.REJECTED:
        shown = refusal_verdict(outcome)
        if outcome.reason is Reason.NO_OPEN_PACK:
            # The pack bench's sentence speaks of an order; here a wave is what opens.
            detail = translate("Pick", "No wave is open: scan a wave's barcode or an order number.")
            return replace(shown, detail=detail)
        return shown
    if outcome.note is None:
        return ShownVerdict(LEVELS[outcome.verdict], translate("Verdict", "Noted"), "")
    facts = dict(outcome.facts)
    if outcome.note is Note.PICK_DONE and before is not None and before.wave:
        facts.setdefault(Fact.WAVE, before.wave)
    level = Level.COMPLETED if outcome.note is Note.PICK_DONE else LEVELS[outcome.verdict]
    headline, detail = note_words(outcome.note, facts)
    if outcome.note is Note.SHORT_PICKED and before is not None:
        detail = _short_detail(facts, before, after) or detail
    if outcome.note is Note.PICK_OPENED and after.needs_tote:
        detail = translate("Pick", "One order on its own: scan an empty tote's label (TOTE-…).")
    if outcome.note is Note.PICK_DONE and Fact.WAVE in facts:
        headline = translate("Pick", "✔ {0} picked").format(facts[Fact.WAVE])
    return ShownVerdict(level, headline, detail, note=outcome.message)


def _short_detail(facts: dict[Fact, str], before: PickView, after: PickView) -> str:
    """What a short pick means for the cart: the missing units were reserved again in
    another bin (the instruction goes there), or nothing else holds them and the order
    left the wave, backordered, what was picked for it going back on the shelf (the
    short pick's facts say which)."""
    if facts.get(Fact.STATUS) != "backordered":
        return ""
    order, slot = facts.get(Fact.ORDER, ""), before.instruction.slot if before.instruction else 0
    back = int(facts.get(Fact.UNITS) or 0)
    if back and before.batch:
        return translate(
            "Pick",
            "Order {0} is backordered: take its {1} unit(s) out of slot {2} and put "
            "them back on the shelf.",
        ).format(order, back, slot)
    if back:
        return translate(
            "Pick", "Order {0} is backordered: put the {1} unit(s) picked for it back on the shelf."
        ).format(order, back)
    return translate("Pick", "Order {0} is backordered: nothing more is picked for it.").format(
        order
    )


def next_action(view: PickView, done_wave: str | None = None) -> str:
    """What the picker does next, from the station's state alone (the biggest text);
    `done_wave` is the wave this window saw picked to its end."""
    line = view.instruction
    if view.user is None:
        return translate("Pick", "Scan your badge")
    if view.wave is None:
        if done_wave:
            return translate("Pick", "{0} picked — scan the next wave").format(done_wave)
        return translate("Pick", "Scan a wave (W-…) or an order number")
    if view.slot is not None:
        return translate("Pick", "Put it in slot {0}, scan the slot's label").format(view.slot)
    if line is None:
        return translate("Pick", "{0} picked — scan the next wave").format(view.wave)
    if view.needs_tote:
        return translate("Pick", "Scan a tote (TOTE-…) for order {0}").format(line.order_number)
    if not view.at_bin:
        return translate("Pick", "Go to bin {0}").format(line.bin)
    take = translate("Pick", "Take {0} × {1}").format(line.qty - view.taken, line.item)
    if line.lot:
        return translate("Pick", "{0} (lot {1})").format(take, line.lot)
    return take


def progress(view: PickView) -> str:
    """The header's progress: the line of the wave the picker is on, and units taken."""
    parts = []
    if view.lines_total:
        current = min(view.lines_done + 1, view.lines_total)
        parts.append(translate("Pick", "line {0} of {1}").format(current, view.lines_total))
    if view.expected is not None:
        parts.append(translate("Pick", "{0} / {1} units").format(view.scanned or 0, view.expected))
    return " · ".join(parts)
