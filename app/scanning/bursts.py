"""What the keyboard wedge made of a burst of keys, for the scanner test page and the log.

The wedge (`app.scanning.wedge`) decides as the keys come in; each time a
burst ends it reports a `Burst`: every key with its time, the end key seen,
and what the burst was read as (`Outcome`), with the rule it broke
(`Problem`) when it was not a scan. No Qt here: the words are the screen's.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from itertools import pairwise

from app.core.scans import Scan

#: A run of at least this many characters, each within the key gap of the one before,
#: looks like a scan: people do not type three keys that fast.
LOOKS_LIKE_SCAN = 3


class Terminator(StrEnum):
    """The key(s) a wedge scanner ends its scans with."""

    ENTER = "enter"
    TAB = "tab"
    ENTER_OR_TAB = "enter-or-tab"

    @property
    def characters(self) -> str:
        """The characters the wedge takes as this terminator."""
        return {"enter": "\r\n", "tab": "\t", "enter-or-tab": "\r\n\t"}[self.value]


class Outcome(StrEnum):
    """What the wedge did with a burst."""

    #: Read as a scan and sent to the station.
    SCAN = "scan"
    #: Looked like a scan but broke a rule: sent as an unreadable scan (the packer scans again).
    UNREADABLE = "unreadable"
    #: Typing: the keys went on to the widget with the focus.
    TYPING = "typing"


class Rule(StrEnum):
    """Which rule a burst broke."""

    #: A pause between two keys longer than the key gap (`Problem.key`, `Problem.gap_ms`).
    GAP = "gap"
    #: Fewer characters than the minimum length.
    SHORT = "short"
    #: Ended by Enter or Tab, but not the station's terminator.
    TERMINATOR = "terminator"
    #: No Enter or Tab came (a scanner set to send no terminator).
    NO_TERMINATOR = "no_terminator"


@dataclass(frozen=True, slots=True)
class Problem:
    """The rule a burst broke; for `GAP`, at which key (1 is the first) and how long it was."""

    rule: Rule
    key: int = 0
    gap_ms: int = 0


@dataclass(frozen=True, slots=True)
class KeyTime:
    """One key of a burst: the character it typed and when (ms, the key event's clock)."""

    character: str
    at_ms: int


@dataclass(frozen=True, slots=True)
class Burst:
    """A burst of keys as the wedge saw it and what it made of it.

    `keys` are the characters (the end key not among them), `end` the end
    key's character ("\\r", "\\t") or "" when none came, `end_at_ms` its time.
    `scan` is the burst read as a code (normalised: AIM prefix in
    `scan.symbology`), whatever the outcome, so the test page can classify it.
    """

    keys: tuple[KeyTime, ...]
    end: str
    end_at_ms: int | None
    outcome: Outcome
    scan: Scan
    problem: Problem | None = None

    @property
    def text(self) -> str:
        """The characters typed, as sent."""
        return "".join(key.character for key in self.keys)

    @property
    def gaps_ms(self) -> list[int]:
        """Milliseconds between each key and the one before, the end key's last."""
        times = [key.at_ms for key in self.keys]
        if self.end_at_ms is not None:
            times.append(self.end_at_ms)
        return [later - earlier for earlier, later in pairwise(times)]


def first_slow_gap(burst: Burst, key_gap_ms: int) -> Problem | None:
    """The first pause longer than `key_gap_ms` in `burst` (key 2 is the second key), if any."""
    for position, gap in enumerate(burst.gaps_ms, start=2):
        if gap > key_gap_ms:
            return Problem(Rule.GAP, position, gap)
    return None


def why_typing(burst: Burst, key_gap_ms: int, min_length: int) -> Problem:
    """Why a burst the wedge handed on as typing was not a scan, as its timings tell."""
    slow = first_slow_gap(burst, key_gap_ms)
    if slow is not None:
        return slow
    if not burst.end:
        return Problem(Rule.NO_TERMINATOR)
    return Problem(Rule.SHORT) if len(burst.keys) < min_length else Problem(Rule.TERMINATOR)
