"""What every station mode does the same way to a scan's station: a user logging in or out,
a wrong PIN kept, an audit row for the scan. Each mode's handler calls these, then says
what its own state became."""

from __future__ import annotations

import json
from typing import Any

from app.core.audit import Action
from app.core.scans import BADGE_RECORDED, ClassifiedScan, ScanKind
from app.core.station import BadgePin, StationUser
from app.db import audit
from app.db import pack_claims as claims
from app.db import station as store
from app.services.signin import keep_failure, pin_given
from app.services.station.pipeline import Incoming, Step, Tx

AnyStep = Step[Any, Any, Any]


def badge_facts(
    tx: Tx[Any], incoming: Incoming, classified: ClassifiedScan
) -> tuple[StationUser | None, BadgePin | None]:
    """For a badge scan: the active user it names, and what the PIN given with it came to
    (asked only of a badge that would sign someone in); else (None, None)."""
    if classified.kind is not ScanKind.BADGE:
        return None, None
    user = store.badge_user(tx.session, classified.code)
    if user is None or user == tx.row.user:
        return user, None
    return user, pin_given(tx.session, user, incoming.pin, incoming.at)


def audit_scan(step: AnyStep, action: str, by: StationUser | None, **detail: Any) -> None:
    """One audit row for this scan: at this station, by `by`; after the effect's other
    writes, so the append lock is held only while the scan is recorded and committed."""
    audit.record(
        step.session,
        action,
        user_id=by.user_id if by else None,
        station=step.tx.station.name,
        detail=json.dumps(detail, ensure_ascii=False) if detail else "",
    )


def log_in(step: AnyStep, user: StationUser) -> None:
    """`user` logs in at the scan's station (and out of any other), audited."""
    claims.log_in(step.session, step.row.station_id, user.user_id, step.at)
    audit_scan(step, Action.STATION_LOGIN, user, user=user.name, role=str(user.role))


def log_out(step: AnyStep) -> None:
    """Whoever is logged in at the scan's station logs out, audited."""
    claims.log_out(step.session, step.row.station_id, step.at)
    user = step.row.user
    audit_scan(step, Action.STATION_LOGOUT, user, user=user.name if user else "")


def pin_failed(step: AnyStep, user: StationUser, pin: BadgePin | None) -> None:
    """A wrong PIN with a supervising badge: kept, with the lock it set (nobody logs in)."""
    assert pin is not None
    keep_failure(step.session, user, pin, step.at, step.tx.station.name)


def as_recorded(step: AnyStep, *, raw: bool = True) -> str:
    """The scan as recorded, shown and printed: a badge never is (it is a credential)."""
    if step.classified.kind is ScanKind.BADGE:
        return BADGE_RECORDED
    return step.incoming.scan.raw if raw else step.classified.code
