"""The pack mode: packing an order unit by unit, its label scanned back.

What it plugs into the scan pipeline: the facts `app.core.pack.rules.decide`
is told (read in the scan's transaction, the pack itself kept in memory while
the stored station has not moved on), the handler of each effect
(`app.services.station.pack_effects.HANDLERS`), the scan's record, and the
pack screen's view.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, replace

from app.core.containers import slot_number
from app.core.overrides import PendingOverride
from app.core.pack.effects import NEW_LIST, Decision, Effect
from app.core.pack.overrides import locked_out, streak_after
from app.core.pack.rules import applied, decide, needs_numbers
from app.core.pack.session import LostClaim, Pack, PackSnapshot
from app.core.scans import ClassifiedScan, Fact, ProductCode, Reason, ScanKind
from app.core.shop import PICKING_REQUIRED, is_yes, sender_missing
from app.core.tracking import normalise
from app.db import handover, labels, overrides, waves
from app.db import pack_contents as contents
from app.db import station as store
from app.db.database import Database
from app.db.models import utcnow
from app.db.scan_log import RecentScope, ScanEntry
from app.services import labels as parcels
from app.services.shop_settings import Overrides, values_in_force
from app.services.station.outcome import ScanOutcome, Screen, StationView, station_view
from app.services.station.pack_effects import HANDLERS, After, KeptPack, PackFacts, PackStep
from app.services.station.pipeline import Incoming, Kept, Shown, Tx, kept_after
from app.services.station.signins import as_recorded, badge_facts
from app.services.station.station import LEASE_SECONDS, Clock, Opening, Station, open_station

PackTx = Tx[KeptPack]


@dataclass(frozen=True, slots=True)
class _HandOver:
    """What a scan that may open an order (or bring a cart) names."""

    on_file: store.OrderOnFile | None = None
    #: A wave's number scanned: the wave's number and id when it is on file.
    wave: str | None = None
    wave_id: int | None = None
    #: A cart slot scanned: the wave of the cart at the bench.
    cart: str | None = None


class PackMode:
    """The pack mode's pieces for the scan pipeline (`app.services.station.pipeline`)."""

    def __init__(self, shop_overrides: Overrides | None = None) -> None:
        """`shop_overrides`: the shop settings this PC's environment sets (deprecated)."""
        self._shop_overrides = shop_overrides or {}

    def facts(self, tx: PackTx, incoming: Incoming, classified: ClassifiedScan) -> PackFacts:
        """The station as the rules see it, and what the scanned code names."""
        row, session = tx.row, tx.session
        hand_over = self._handed_over(tx, classified)
        on_file = hand_over.on_file
        badge_user, badge_pin = badge_facts(tx, incoming, classified)
        snapshot = PackSnapshot(
            station=tx.station.name,
            user=row.user,
            pack=held_pack(tx),
            today=incoming.today,
            awaiting=row.awaiting,
            labels_on=row.labels_on,
            lost=_lost(tx),
            badge_user=badge_user,
            badge_pin=badge_pin,
            order=on_file.candidate if on_file else None,
            label=(
                labels.parcel_by_tracking(session, normalise(classified.code))
                if classified.kind is ScanKind.LABEL
                else None
            ),
            override=row.override,
            error_streak=row.error_streak,
            lockout_after=row.lockout_after,
            wave=hand_over.wave,
            cart=hand_over.cart,
        )
        if needs_numbers(classified, snapshot):
            assert snapshot.pack is not None and row.held is not None
            carrier = parcels.carrier_without_numbers(
                session, snapshot.pack.order_number, row.held.carton_no
            )
            # The sender is read once here, for the carton whose label is to be issued.
            missing = sender_missing(values_in_force(session, self._shop_overrides))
            snapshot = replace(snapshot, no_numbers_for=carrier, sender_missing=missing)
        return PackFacts(snapshot, on_file, hand_over.wave_id)

    def _handed_over(self, tx: PackTx, classified: ClassifiedScan) -> _HandOver:
        """The order an order number, a tote or a cart slot names (with whether the shop
        packs only picked orders), or the wave whose cart a wave's number brings."""
        session, station_id = tx.session, tx.row.station_id
        kind, code = classified.kind, classified.code
        if kind is ScanKind.WAVE:
            wave = waves.wave_by_number(session, code)
            return _HandOver(wave=code if wave else None, wave_id=wave.id if wave else None)
        number, cart = None, None
        if kind is ScanKind.ORDER:
            number = code
        elif kind is ScanKind.TOTE:
            number = handover.tote_holder(session, code)
        elif kind is ScanKind.SLOT:
            at = handover.cart_at(session, station_id)
            slot = slot_number(code)
            if at is not None and slot is not None:
                number, cart = handover.order_in_slot(session, at[0], slot), at[1]
        on_file = store.order_on_file(session, number, station_id) if number else None
        if on_file is not None:
            settings = values_in_force(session, self._shop_overrides)
            required = is_yes(settings.get(PICKING_REQUIRED))
            on_file = replace(
                on_file, candidate=replace(on_file.candidate, picking_required=required)
            )
        return _HandOver(on_file, cart=cart)

    def decide(self, classified: ClassifiedScan, facts: PackFacts) -> Decision:
        """The pure rules' verdict."""
        return decide(classified, facts.snapshot)

    def apply(self, step: PackStep) -> After:
        """The decision's effect, by its handler; and the refused product scans in a row."""
        after = HANDLERS[step.decision.effect](step)
        streak = streak_after(step.classified, step.decision, step.facts.snapshot)
        if streak != step.row.error_streak:
            overrides.set_error_streak(step.session, step.row.station_id, streak)
        return after

    def entry(self, step: PackStep, after: After) -> ScanEntry:
        """The scan's record, with its verdict and what it did."""
        decision, row, incoming = step.decision, step.row, step.incoming
        user = decision.user if decision.effect in (Effect.LOGIN, Effect.LOGOUT) else row.user
        product = step.classified.product
        reported = after.reported
        return ScanEntry(
            scan_id=incoming.scan_id,
            station_id=row.station_id,
            station=step.tx.station.name,
            seq=row.last_seq + 1,
            at=incoming.at,
            raw=as_recorded(step),
            kind=step.classified.kind.value,
            code=as_recorded(step, raw=False),
            verdict=decision.verdict.value,
            reason=decision.reason.value if decision.reason else None,
            effect=decision.effect.value,
            message=decision.message,
            user_id=user.user_id if user else None,
            pack_session_id=after.session_id,
            order_id=reported.order_id if reported else None,
            order_line_id=decision.line_id,
            units=decision.units,
            carton_no=after.carton_no,
            lot=decision.lot,
            lot_read=decision.lot_read,
            expiry=product.expiry if product else None,
            serial=decision.serial,
            undoes_scan=decision.undo_ref,
            scanned=after.scanned,
            expected=reported.expected if reported else None,
            concerning=_concerning(step),
            typed=incoming.scan.typed,
            sku=product.sku or None if product else None,
            facts=refusal_facts(decision.facts, product) if decision.reason else {},
        )

    def shown(self, step: PackStep, after: After, ref: int) -> Shown[KeptPack]:
        """The outcome, and the pack screen as it stands after the scan."""
        decision, row = step.decision, step.row
        streak = streak_after(step.classified, decision, step.facts.snapshot)
        held = after.held
        if held is not None and decision.effect is Effect.COUNT:
            held = applied(held, decision, ref)
        reported = after.reported
        outcome = ScanOutcome(
            seq=row.last_seq + 1,
            scan=as_recorded(step),
            kind=step.classified.kind,
            verdict=decision.verdict,
            reason=decision.reason,
            order=reported.order_number if reported else None,
            scanned=after.scanned,
            expected=reported.expected if reported else None,
            message=decision.message,
            at=step.at,
            print_job=after.print_job,
            note=decision.note,
            facts=decision.facts,
            typed=step.incoming.scan.typed,
        )
        keep = KeptPack(after.claim, held) if held is not None and after.claim else None
        scope = RecentScope(
            after.user.user_id if after.user else None,
            after.claim.session_id if after.claim else None,
        )
        kept = kept_after(step.tx, outcome, keep, scope, first=_begins_list(step, after))
        awaiting = row.awaiting
        if after.labels_changed and row.labels_on:
            awaiting = labels.awaited_parcel(step.session, row.station_id)
        pending = _override_after(step)
        locked = locked_out(
            replace(step.facts.snapshot, user=after.user, override=pending, error_streak=streak)
        )
        screen = Screen(after.user, held, awaiting, kept.recent, pending, locked)
        view = station_view(step.tx.station.name, screen)
        return Shown(replace(outcome, view=view), kept)

    def screen(self, tx: PackTx) -> tuple[StationView, KeptPack | None]:
        """The pack screen as the station stands."""
        row = tx.row
        pack = None if _lost(tx) else held_pack(tx)
        snapshot = PackSnapshot(
            tx.station.name,
            row.user,
            pack,
            dt.date.min,  # no scan is decided: the day does not matter
            override=row.override,
            error_streak=row.error_streak,
            lockout_after=row.lockout_after,
        )
        screen = Screen(
            row.user, pack, row.awaiting, tx.recent(), row.override, locked_out(snapshot)
        )
        view = station_view(tx.station.name, screen)
        keep = KeptPack(row.claim, pack) if pack is not None and row.claim else None
        return view, keep

    def repeated(self, tx: PackTx, outcome: ScanOutcome) -> Shown[KeptPack]:
        """A retried scan's recorded outcome, with the pack screen as it stands."""
        view, keep = self.screen(tx)
        return Shown(
            replace(outcome, view=view), Kept(tx.row.last_seq, tx.scope, tx.recent(), keep)
        )


#: Effects that end the override under way (it was carried out, or its pack let go of).
_ENDS_OVERRIDE = frozenset(
    {Effect.SHORT_SHIP, Effect.TAKE_OVER, Effect.ADD_CODE, Effect.FORGET_CLAIM}
)


def _override_after(step: PackStep) -> PendingOverride | None:
    """The override under way at the station after the scan."""
    effect = step.decision.effect
    if effect is Effect.OVERRIDE:
        return step.decision.override
    if effect in _ENDS_OVERRIDE:
        return None
    return step.row.override


_LABEL_REASONS = frozenset((Reason.LABEL_MISMATCH, Reason.LABEL_VOIDED, Reason.LABEL_PENDING))


def _concerning(step: PackStep) -> int | None:
    """The order a refusal concerns: for a label refusal the awaited label's order, else the
    scanned label's own; otherwise the order scanned, else the open one."""
    row, on_file = step.row, step.facts.on_file
    if step.decision.reason in _LABEL_REASONS:
        parcel = row.awaiting or step.facts.snapshot.label
        if parcel is not None:
            return parcel.order_id
    if on_file is not None:
        return on_file.candidate.order_id
    return row.held.order_id if row.held else None


def refusal_facts(given: Mapping[Fact, str], product: ProductCode | None) -> dict[str, str]:
    """What the mismatch log keeps of a refusal: the verdict's facts (`given`), with the
    scanned product's name, SKU and lot added when the verdict did not name them."""
    facts = {str(key): value for key, value in given.items()}
    if product is not None:
        for key, value in ((Fact.ITEM, product.item), (Fact.SKU, product.sku)):
            if value:
                facts.setdefault(key, value)
        if product.lot:
            facts.setdefault(Fact.LOT, product.lot)
    return facts


def _begins_list(step: PackStep, after: After) -> bool:
    """True when the scan is the first of the recent-scans list after it: a login, or a pack
    let go of, with no pack held then, or a pack opened that had no scans yet.

    A logout begins a list it is not part of (it was the user's, the list is nobody's).
    """
    effect = step.decision.effect
    if after.claim is None:
        return effect in NEW_LIST and effect is not Effect.LOGOUT
    on_file = step.facts.on_file
    return effect is Effect.OPEN_ORDER and on_file is not None and on_file.session_id is None


def held_pack(tx: PackTx) -> Pack | None:
    """The pack the station's claim names, with its lines, bins and what is in the box.

    Taken from what the station kept after its last scan while that is still
    true of the stored station; read otherwise.
    """
    row = tx.row
    held = row.held
    if held is None or row.claim is None:
        return None
    kept = tx.kept_now()
    if kept is not None and kept.held is not None and kept.held.claim == row.claim:
        pack = kept.held.pack
        if (pack.carton_no, pack.card_confirmed) == (held.carton_no, held.card_confirmed):
            return pack
    return contents.stored_pack(tx.session, held)


def _lost(tx: PackTx) -> LostClaim | None:
    """The claim the station lost to another station (or to its lease running out)."""
    row = tx.row
    if row.held is None or not row.lost():
        return None
    return LostClaim(row.held.order_number, store.holder_name(tx.session, row.held.session_id))


class PackStation(Station[PackFacts, Decision, After, KeptPack, StationView]):
    """A pack station's scan pipeline over the shared database."""

    def __init__(
        self,
        db: Database,
        station: str,
        *,
        lease_seconds: int = LEASE_SECONDS,
        opening: Opening | None = None,
        clock: Clock = utcnow,
    ) -> None:
        """Open `station` as `opening` says (its printer, this process's hold on it)."""
        ref = open_station(db, station, opening)
        mode = PackMode(opening.shop_overrides if opening else None)
        super().__init__(db, ref, mode, lease_seconds=lease_seconds, clock=clock)
