"""An override under way at a station: which, what it waits for, who approved it.

The rules of each override are the station mode's (`app.core.pack.overrides`
for the pack bench); this is what the station stores of one between scans.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from app.core.scans import Fact
from app.core.station import StationUser


class OverrideKind(StrEnum):
    """An override under way at a station, as `station_state.override_kind` stores it."""

    SHORT = "short"
    TAKEOVER = "takeover"
    ALIAS = "alias"


class OverrideStep(StrEnum):
    """What an override under way waits for next."""

    SUPERVISOR = "supervisor"
    REASON = "reason"
    ORDER = "order"
    NEW_CODE = "new_code"
    KNOWN_CODE = "known_code"


@dataclass(frozen=True, slots=True)
class PendingOverride:
    """An override under way: which, what it waits for, who approved it, what it was told."""

    kind: OverrideKind
    step: OverrideStep
    #: The supervisor who approved it (None while one is awaited).
    supervisor: StationUser | None = None
    #: The new code of `KCMD:ALIAS`, once read.
    code: str | None = None

    @property
    def facts(self) -> dict[Fact, str]:
        """What the screen says of it: which override, what it waits for, who approved it."""
        facts = {Fact.OVERRIDE: self.kind.value, Fact.STEP: self.step.value}
        if self.supervisor is not None:
            facts[Fact.SUPERVISOR] = self.supervisor.name
        if self.code is not None:
            facts[Fact.CODE] = self.code
        return facts
