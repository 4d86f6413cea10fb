"""What a printer can tell us about itself, and the error a packer sees when it cannot print.

Zebra printers answer `~HS` (host status) with three strings, each
`<STX>...<ETX><CR><LF>`, of comma-separated fields (ZPL II Programming Guide,
"~HS Host Status Return"). The fields read here:

- string 1 `aaa,b,c,dddd,...`: `b` paper out, `c` pause (both `1` when set);
- string 2 `mmm,n,o,p,...`: `o` head up (open), `p` ribbon out.

Everything else (baud settings, formats in the buffer, label length) does
not change whether a label can print now, so it is not read.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from app.core.errors import EnvironmentFailure

STX = b"\x02"
ETX = b"\x03"
HOST_STATUS_QUERY = b"~HS"


class PrinterProblem(StrEnum):
    """Why a label did not print, in the words shown to the packer."""

    OFF = "off"
    TIMED_OUT = "timed_out"
    PAPER_OUT = "paper_out"
    RIBBON_OUT = "ribbon_out"
    HEAD_OPEN = "head_open"
    PAUSED = "paused"
    NO_QUEUE = "no_queue"
    NOT_ALLOWED = "not_allowed"
    FAILED = "failed"

    @property
    def advice(self) -> str:
        """One line for the packer: what is wrong and what to do about it."""
        return _ADVICE[self]


_ADVICE = {
    PrinterProblem.OFF: "the printer is off or unreachable: switch it on and check its cable",
    PrinterProblem.TIMED_OUT: "the printer did not answer in time: check it is on and not busy",
    PrinterProblem.PAPER_OUT: "the printer is out of labels: load a new roll",
    PrinterProblem.RIBBON_OUT: "the printer is out of ribbon: load a new ribbon",
    PrinterProblem.HEAD_OPEN: "the printer's head is open: close it",
    PrinterProblem.PAUSED: "the printer is paused: press its pause button",
    PrinterProblem.NO_QUEUE: "the printer queue does not exist: ask a supervisor to set it up",
    PrinterProblem.NOT_ALLOWED: "Kenpin may not use this printer: ask a supervisor",
    PrinterProblem.FAILED: "the printer refused the label",
}

#: The order problems are named in when a printer reports several at once:
#: the one the packer must fix first comes first (a closed head before new paper).
_FIRST_TO_FIX = (
    PrinterProblem.HEAD_OPEN,
    PrinterProblem.PAPER_OUT,
    PrinterProblem.RIBBON_OUT,
    PrinterProblem.PAUSED,
)


class PrinterUnavailable(EnvironmentFailure):
    """A label could not be printed now; the job is kept for a retry or `KCMD:REPRINT`."""

    def __init__(self, uri: str, problem: PrinterProblem, detail: str = "") -> None:
        self.uri = uri
        self.problem = problem
        self.detail = detail
        text = f"{problem.advice} ({uri}"
        text += f": {detail})" if detail else ")"
        super().__init__(f"{text}; then scan KCMD:REPRINT")


@dataclass(frozen=True, slots=True)
class PrinterStatus:
    """A printer's state as far as it can be told.

    `reachable` is whether the printer (or its queue) could be reached at
    all; `known` whether the printer reported its own state (a Zebra's
    `~HS`); `problems` what it reported, most urgent first.
    """

    uri: str
    reachable: bool
    known: bool = False
    problems: tuple[PrinterProblem, ...] = ()
    detail: str = ""

    @property
    def ready(self) -> bool:
        """Whether a label sent now should print, as far as the printer lets us know."""
        return self.reachable and not self.problems

    @property
    def message(self) -> str:
        """The status line shown at the station."""
        if self.problems:
            return "; ".join(p.advice for p in self.problems)
        if not self.reachable:
            return PrinterProblem.OFF.advice + (f" ({self.detail})" if self.detail else "")
        return "ready" if self.known else "connected (the printer does not report its state)"

    def refusal(self) -> PrinterUnavailable | None:
        """The error to raise instead of printing, or None when nothing is known to be wrong."""
        if self.problems:
            return PrinterUnavailable(self.uri, self.problems[0], self.detail)
        if not self.reachable:
            return PrinterUnavailable(self.uri, PrinterProblem.OFF, self.detail)
        return None


def host_status_strings(reply: bytes) -> list[list[str]]:
    """The complete `<STX>...<ETX>` strings of a `~HS` reply, split into their fields."""
    strings = []
    for chunk in reply.split(STX)[1:]:
        body, ended, _ = chunk.partition(ETX)
        if ended:
            strings.append(body.decode("ascii", errors="replace").split(","))
    return strings


def host_status_complete(reply: bytes) -> bool:
    """Whether all three strings of a `~HS` reply have arrived."""
    return len(host_status_strings(reply)) >= 3


def parse_host_status(uri: str, reply: bytes) -> PrinterStatus:
    """A printer's status from its `~HS` reply; an empty or garbled reply is "not known"."""
    strings = host_status_strings(reply)
    if not strings or len(strings[0]) < 3:
        return PrinterStatus(uri, reachable=True, known=False)
    found = set()
    first = strings[0]
    if _flag(first, 1):
        found.add(PrinterProblem.PAPER_OUT)
    if _flag(first, 2):
        found.add(PrinterProblem.PAUSED)
    if len(strings) > 1:
        second = strings[1]
        if _flag(second, 2):
            found.add(PrinterProblem.HEAD_OPEN)
        if _flag(second, 3):
            found.add(PrinterProblem.RIBBON_OUT)
    problems = tuple(p for p in _FIRST_TO_FIX if p in found)
    return PrinterStatus(uri, reachable=True, known=True, problems=problems)


def _flag(fields: list[str], index: int) -> bool:
    return index < len(fields) and fields[index].strip() == "1"
