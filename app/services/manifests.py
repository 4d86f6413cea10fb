"""Closing a carrier's manifest (`kenpin manifest close`), and printing a closed one again.

Closing the carrier's manifest of a day: the parcels loaded at the dock
leave on it, their orders become `shipped` with the day as their ship date,
and the hand-over sheet (PDF) and the carrier's upload file are written into
the folder asked for. Parcels of the day not loaded are listed, and stay
behind (for the next manifest) only on a supervisor's badge and PIN. All or
nothing: the files are written before the close commits, and removed if it
does not; a manifest is closed once.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from sqlalchemy.orm import Session

from app.core.audit import Action
from app.core.carriers import CARRIERS, CarrierCode
from app.core.errors import EnvironmentFailure, Refused
from app.core.label import tracking_display
from app.core.times import JAPAN, local_time
from app.db import audit
from app.db import manifests as store
from app.db.database import Database
from app.db.models import utcnow
from app.labels.manifest_sheet import HandoverSheet, SheetParcel, write_handover_sheet
from app.services.carriers import carrier_code
from app.services.dispatch_files import upload_files
from app.services.mail.outbox import MailRun
from app.services.shop_settings import Overrides, sender_in, values_in_force
from app.services.signin import Credentials, signed_in

#: How many parcels not loaded a refusal names before "and N more".
NAMED = 10


@dataclass(frozen=True, slots=True)
class ManifestState:
    """A carrier's manifest of a day as it stands: closed (then `closed` says when and by
    whom), or open with its parcels loaded and those not loaded yet."""

    carrier: CarrierCode
    day: dt.date
    loaded: tuple[store.ManifestParcel, ...]
    not_loaded: tuple[store.ManifestParcel, ...]
    closed: store.ClosedManifest | None = None


@dataclass(frozen=True, slots=True)
class ManifestClosed:
    """What closing (or printing again) wrote; `str()` is the summary to print."""

    carrier: CarrierCode
    day: dt.date
    parcels: int
    left_behind: int
    shipped: int
    files: tuple[Path, ...]
    #: What the shipment e-mails sent after the close came to (`mail.on_close`); None when
    #: none were sent, and why not when the server could not be used.
    mails: MailRun | None = None
    mail_problem: str = ""

    def __str__(self) -> str:
        said = (
            f"{self.carrier} manifest of {self.day.isoformat()}: {self.parcels:,} parcel(s), "
            f"{self.shipped:,} order(s) shipped"
        )
        if self.left_behind:
            said += f", {self.left_behind:,} parcel(s) left for the next manifest"
        said += "".join(f"\n  {path}" for path in self.files)
        lines = self.mails.lines() if self.mails is not None else []
        if self.mail_problem:
            lines.append(f"not sent ({self.mail_problem}); `kenpin notify send` sends them later")
        return said + "".join(f"\nshipment e-mails: {line}" for line in lines)


def today() -> dt.date:
    """Today in Japan: the day a manifest is closed for unless another is asked."""
    return dt.datetime.now(JAPAN).date()


def _end_of(day: dt.date) -> dt.datetime:
    """The moment `day` ends in Japan (parcels verified before it belong to its manifest)."""
    return dt.datetime.combine(day + dt.timedelta(days=1), dt.time(), JAPAN).astimezone(dt.UTC)


def manifest_state(db: Database, carrier: str, day: dt.date) -> ManifestState:
    """The carrier's manifest of `day`: closed, or its parcels loaded and not loaded."""
    code = carrier_code(carrier)
    with db.read() as session:
        return _state(session, code, day)


def _state(session: Session, code: CarrierCode, day: dt.date) -> ManifestState:
    closed = store.closed_manifest(session, code.value, day)
    if closed is not None:
        return ManifestState(code, day, (), (), closed)
    parcels = store.open_parcels(session, code.value, _end_of(day))
    return ManifestState(
        code,
        day,
        tuple(p for p in parcels if p.loaded),
        tuple(p for p in parcels if not p.loaded),
    )


@dataclass(frozen=True, slots=True)
class CloseRequest:
    """A manifest to close: carrier, day, the folder its files go in, and where it is asked."""

    carrier: str
    day: dt.date
    out: Path
    place: str = "cli: manifest close"
    overrides: Overrides | None = None


def close_manifest(
    db: Database, request: CloseRequest, leave_by: Credentials | None = None
) -> ManifestClosed:
    """Close the carrier's manifest of the day (see the module's docstring).

    Refused, changing nothing, when it was closed already, when no parcel is
    loaded, or when parcels are not loaded and no supervisor (`leave_by`)
    agreed to leave them behind.
    """
    code = carrier_code(request.carrier)
    _check_folder(request.out)
    state = manifest_state(db, code.value, request.day)
    _refuse_closed(state)
    if not state.loaded:
        raise Refused(
            f"no parcel is loaded onto the {code} truck for {request.day.isoformat()}; "
            "nothing to close"
        )
    left_by = None
    if state.not_loaded:
        if leave_by is None:
            raise Refused(_not_loaded_said(state))
        left_by = signed_in(db, leave_by, place=request.place)
    written: tuple[Path, ...] = ()
    try:
        with db.write() as session:
            # Read again inside the close: a parcel loaded or closed since counts as it is now.
            state = _state(session, code, request.day)
            _refuse_closed(state)
            at = utcnow()
            closing = store.Closing(
                code.value,
                request.day,
                len(state.not_loaded),
                at,
                None,
                left_by.user_id if left_by else None,
                request.place,
            )
            manifest_id, shipped = store.close(session, closing)
            closed = store.closed_manifest(session, code.value, request.day)
            assert closed is not None and closed.id == manifest_id
            written = _write_files(session, closed, request)
            audit.record(
                session,
                Action.MANIFEST_CLOSE,
                user_id=left_by.user_id if left_by else None,
                station=request.place,
                detail=json.dumps(
                    {
                        "carrier": code.value,
                        "date": request.day.isoformat(),
                        "parcels": closed.parcels,
                        "left_behind": closed.left_behind,
                        "shipped": shipped,
                    }
                ),
            )
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        raise
    return ManifestClosed(
        code, request.day, closed.parcels, closed.left_behind, shipped, tuple(written)
    )


def print_manifest(db: Database, request: CloseRequest) -> ManifestClosed:
    """Write a closed manifest's hand-over sheet (marked as printed again) and upload file
    into the folder asked for; refused for a manifest not closed."""
    code = carrier_code(request.carrier)
    _check_folder(request.out)
    with db.read() as session:
        closed = store.closed_manifest(session, code.value, request.day)
        if closed is None:
            raise Refused(
                f"the {code} manifest of {request.day.isoformat()} is not closed; "
                "close it with `kenpin manifest close`"
            )
        written = _write_files(session, closed, request, reprint=True)
    return ManifestClosed(code, request.day, closed.parcels, closed.left_behind, 0, written)


def _refuse_closed(state: ManifestState) -> None:
    closed = state.closed
    if closed is not None:
        by = f" by {closed.closed_by}" if closed.closed_by else ""
        raise Refused(
            f"the {state.carrier} manifest of {state.day.isoformat()} was closed at "
            f"{local_time(closed.closed_at)}{by} with {closed.parcels:,} parcel(s); "
            "it is closed once (print it again with `kenpin manifest print`); nothing changed"
        )


def _not_loaded_said(state: ManifestState) -> str:
    named = ", ".join(
        f"{p.order_number} {tracking_display(p.tracking)}" for p in state.not_loaded[:NAMED]
    )
    more = len(state.not_loaded) - NAMED
    if more > 0:
        named += f" and {more:,} more"
    return (
        f"{len(state.not_loaded):,} parcel(s) of the {state.carrier} manifest of "
        f"{state.day.isoformat()} are not loaded: {named}; load them at the dock, or give a "
        "supervisor's badge (--badge) to leave them for the next manifest; nothing changed"
    )


def _check_folder(out: Path) -> None:
    if not out.is_dir():
        raise Refused(f"--out: {out} is not a folder")


def _write_files(
    session: Session, closed: store.ClosedManifest, request: CloseRequest, *, reprint: bool = False
) -> tuple[Path, ...]:
    """The hand-over sheet and the carrier's upload file of the closed manifest, in `out`."""
    code = CarrierCode(closed.carrier)
    parcels = store.manifest_parcels(session, closed.id)
    overrides = request.overrides or {}
    sheet = HandoverSheet(
        carrier_name=CARRIERS[code].name_ja,
        ship_date=closed.ship_date,
        shipper=sender_in(session, overrides),
        parcels=tuple(SheetParcel(p.tracking, p.order_number, p.carton_no) for p in parcels),
        closed_at=local_time(closed.closed_at),
        closed_by=closed.closed_by or closed.left_by,
        left_behind=closed.left_behind,
        reprint=reprint,
    )
    # Refused before anything is written when an order does not fit the carrier's layout.
    uploads = upload_files(session, closed, values_in_force(session, overrides))
    sheet_path = request.out / f"manifest-{code.value}-{closed.ship_date.isoformat()}.pdf"
    written = [sheet_path]
    try:
        write_handover_sheet(sheet_path, sheet)
        for upload in uploads:
            upload_path = request.out / upload.name
            written.append(upload_path)
            upload_path.write_bytes(upload.content)
    except BaseException as exc:
        for path in written:
            path.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise EnvironmentFailure(
                f"{request.out}: cannot write the manifest's files: {exc}"
            ) from exc
        raise
    return tuple(written)


#: Sends the shipment e-mails once a manifest closed, when the shop says so
#: (`app.services.mail.outbox.Mailer.after_manifest_closed`); None when it does not.
MailAfterClose = Callable[[], MailRun | None]


def mail_after_close(closed: ManifestClosed, send: MailAfterClose | None) -> ManifestClosed:
    """`closed` with what the shipment e-mails came to: sent after the close when the shop
    says so; an SMTP server that cannot be reached leaves them queued for `kenpin notify
    send` (the manifest is closed either way)."""
    if send is None:
        return closed
    try:
        return replace(closed, mails=send())
    except (Refused, EnvironmentFailure) as exc:
        return replace(closed, mail_problem=str(exc))


@dataclass(frozen=True, slots=True)
class ManifestDesk:
    """A station's window closing the carriers' manifests (the dock screen's button)."""

    db: Database
    station: str
    overrides: Overrides | None = None
    send_mails: MailAfterClose | None = None

    def state(self, carrier: str) -> ManifestState:
        """Today's manifest of `carrier` as it stands."""
        return manifest_state(self.db, carrier, today())

    def close(self, carrier: str, out: Path, by: Credentials | None) -> ManifestClosed:
        """Close today's manifest of `carrier` into `out` (see `close_manifest`)."""
        request = CloseRequest(carrier, today(), out, f"station {self.station}", self.overrides)
        return mail_after_close(close_manifest(self.db, request, by), self.send_mails)
