"""What the dock screen says: the verdict banner's words (worded as at the pack bench) and
the next action, from the station's view alone."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.core.scans import VerdictKind
from app.services.station.dock import DockView
from app.services.station.outcome import ScanOutcome
from app.ui.orders.model import carrier_label
from app.ui.pack.verdicts import LEVELS, ShownVerdict, refusal_verdict
from app.ui.pack.wording import note_words

translate = QCoreApplication.translate


def dock_verdict(outcome: ScanOutcome) -> ShownVerdict:
    """The banner for a dock scan's `outcome`."""
    if outcome.verdict is VerdictKind.REJECTED:
        return refusal_verdict(outcome)
    if outcome.note is None:
        return ShownVerdict(LEVELS[outcome.verdict], translate("Verdict", "Noted"), "")
    headline, detail = note_words(outcome.note, outcome.facts)
    return ShownVerdict(LEVELS[outcome.verdict], headline, detail, note=outcome.message)


def next_action(view: DockView) -> str:
    """What the loader does next (the biggest text)."""
    if view.user is None:
        return translate("Dock", "Scan your badge")
    if view.carrier is None:
        return translate("Dock", "Scan a parcel's label to start a truck")
    left = (view.total or 0) - (view.loaded or 0)
    if left <= 0:
        return translate("Dock", "Every {0} parcel is loaded: close the manifest").format(
            carrier_label(view.carrier)
        )
    return translate("Dock", "Scan the next {0} parcel ({1} to go)").format(
        carrier_label(view.carrier), left
    )
