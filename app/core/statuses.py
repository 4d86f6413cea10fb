"""The states of a pack session, a parcel and a print job, spelled as they are stored.

They live together because each follows from the one before: completing a pack
makes parcels, each parcel's label prints as jobs, and the station waits for
the label's scan-back. Order statuses and their rules are in `app.core.orders`.
"""

from __future__ import annotations

from enum import StrEnum


class PackStatus(StrEnum):
    """A pack session's state; `open` covers held and parked sessions."""

    OPEN = "open"
    COMPLETED = "completed"
    CANCELLED = "cancelled"


class PickStatus(StrEnum):
    """A pick session's state: its wave being picked, or every line of it picked (or short)."""

    OPEN = "open"
    DONE = "done"


class ParcelStatus(StrEnum):
    """A parcel's label: printed, scanned back, or voided and replaced."""

    LABELLED = "labelled"
    VERIFIED = "verified"
    VOIDED = "voided"


class PrintJobStatus(StrEnum):
    """One print of a label: waiting for the printer, printed, or refused by it."""

    QUEUED = "queued"
    PRINTED = "printed"
    FAILED = "failed"
