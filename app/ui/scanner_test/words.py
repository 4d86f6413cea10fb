"""What the scanner test page says about a burst: what it was read as, why, and what its code is.

Worded here from the wedge's `Burst` and the station's `CodeMeaning`, so every
sentence goes through Qt's translation.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication

from app.core.scans import ScanKind
from app.scanning.bursts import Burst, Outcome, Problem, Rule, Terminator
from app.scanning.wedge import WedgeSettings
from app.services.scanner_setup import CodeMeaning

translate = QCoreApplication.translate


def outcome_words(outcome: Outcome) -> str:
    """What the burst was read as, in a few words."""
    return {
        Outcome.SCAN: translate("ScannerTest", "Read as a scan"),
        Outcome.UNREADABLE: translate("ScannerTest", "Not read: scan again"),
        Outcome.TYPING: translate("ScannerTest", "Typing, not a scan"),
    }[outcome]


def outcome_short(outcome: Outcome) -> str:
    """What the burst was read as, in a word (the table's column)."""
    return {
        Outcome.SCAN: translate("ScannerTest", "Scan"),
        Outcome.UNREADABLE: translate("ScannerTest", "Not read"),
        Outcome.TYPING: translate("ScannerTest", "Typing"),
    }[outcome]


def end_words(end: str) -> str:
    """The end key seen: Enter, Tab or none."""
    if end == "\t":
        return translate("ScannerTest", "Tab")
    if end:
        return translate("ScannerTest", "Enter")
    return translate("ScannerTest", "none")


def terminator_words(terminators: str) -> str:
    """The station's terminator setting as the page names it."""
    if terminators == Terminator.TAB.characters:
        return translate("ScannerTest", "Tab")
    if terminators == Terminator.ENTER.characters:
        return translate("ScannerTest", "Enter")
    return translate("ScannerTest", "Enter or Tab")


def problem_sentence(burst: Burst, problem: Problem, settings: WedgeSettings) -> str:
    """Why the burst was not a scan, with the numbers a supervisor sets the scanner by."""
    if problem.rule is Rule.GAP and problem.key > len(burst.keys):
        return translate(
            "ScannerTest", "Gap too long before the terminator: {0} ms (the gap is {1} ms)."
        ).format(problem.gap_ms, settings.key_gap_ms)
    if problem.rule is Rule.GAP:
        return translate(
            "ScannerTest", "Gap too long at key {0}: {1} ms (the gap is {2} ms)."
        ).format(problem.key, problem.gap_ms, settings.key_gap_ms)
    if problem.rule is Rule.SHORT:
        return translate("ScannerTest", "Too short: {0} characters (the minimum is {1}).").format(
            len(burst.keys), settings.min_length
        )
    if problem.rule is Rule.TERMINATOR:
        return translate(
            "ScannerTest", "Ended by {0}, but this station's terminator is {1}."
        ).format(end_words(burst.end), terminator_words(settings.terminators))
    return translate("ScannerTest", "No Enter or Tab came at the end.")


def gaps_html(burst: Burst, settings: WedgeSettings) -> str:
    """The gaps between keys, those longer than the gap setting in bold red."""
    parts = [
        f'<b style="color:#b91c1c">{gap}</b>' if gap > settings.key_gap_ms else str(gap)
        for gap in burst.gaps_ms
    ]
    return " ".join(parts)


def detail_html(burst: Burst, settings: WedgeSettings, meaning: CodeMeaning | None) -> str:
    """The burst's keys, timings, end key, AIM prefix and what its code is, as rich text."""
    lines = [
        translate("ScannerTest", "{0} keys · ended by {1} · AIM prefix: {2}").format(
            len(burst.keys),
            end_words(burst.end),
            escape(burst.scan.symbology or translate("ScannerTest", "none")),
        ),
        translate("ScannerTest", "Gaps between keys (ms): {0}").format(
            gaps_html(burst, settings) or "–"
        ),
    ]
    if meaning is not None:
        lines.append(escape(meaning_words(meaning)))
    return "<br>".join(lines)


def meaning_words(meaning: CodeMeaning) -> str:
    """What the code is at this station: its kind, and which product or command."""
    kind = {
        ScanKind.BADGE: translate("ScannerTest", "Badge"),
        ScanKind.ORDER: translate("ScannerTest", "Order"),
        ScanKind.PRODUCT: translate("ScannerTest", "Product"),
        ScanKind.LOCATION: translate("ScannerTest", "Bin location"),
        ScanKind.LABEL: translate("ScannerTest", "Shipping label"),
        ScanKind.COMMAND: translate("ScannerTest", "Command"),
        ScanKind.UNKNOWN: translate("ScannerTest", "Unknown code"),
    }[meaning.kind]
    if meaning.kind is ScanKind.PRODUCT and not meaning.item:
        return translate("ScannerTest", "Product code no product has")
    parts = [f"{kind}: {meaning.item}" if meaning.item else kind]
    if meaning.lot:
        parts.append(translate("ScannerTest", "lot {0}").format(meaning.lot))
    if meaning.expiry is not None:
        parts.append(translate("ScannerTest", "expiry {0}").format(meaning.expiry.isoformat()))
    return ", ".join(parts)
