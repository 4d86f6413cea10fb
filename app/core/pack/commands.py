"""The pack commands' rules: UNDO, CARD, CANCEL, COMPLETE, NEWCARTON, REPRINT and LOGOUT.

`app.core.pack.rules.decide` hands a command scanned at a station that waits
for no label here (while a label is awaited, `app.core.pack.labels` answers
first). Every command but LOGOUT needs an open pack.
"""

from __future__ import annotations

from app.core.pack.effects import Decision, Effect, Refusal, info, line_facts, refused
from app.core.pack.session import Pack, PackLine, PackSnapshot
from app.core.pack.units import mismatches
from app.core.scans import Command, Fact, Note, Reason, VerdictKind
from app.core.station import StationUser

#: Commands that close the carton being filled: its parcel gets a tracking number.
CLOSING = frozenset({Command.COMPLETE, Command.NEWCARTON})


def logged_out(user: StationUser, message: str) -> Decision:
    """The decision that logs `user` out (an open pack stays open)."""
    return Decision(
        VerdictKind.INFO,
        Effect.LOGOUT,
        message=message,
        user=user,
        note=Note.LOGGED_OUT,
        facts={Fact.USER: user.name},
    )


def counted_facts(line: PackLine, packed: int, units: int) -> dict[Fact, str]:
    """A line's product, the units now on it and ordered, and the units the scan moved."""
    return {
        **line_facts(line),
        Fact.PACKED: str(packed),
        Fact.ORDERED: str(line.ordered),
        Fact.UNITS: str(units),
    }


def command_decision(
    command: Command, user: StationUser, pack: Pack | None, snapshot: PackSnapshot
) -> Decision:
    """A command code's verdict; every command but LOGOUT needs an open pack."""
    if command is Command.LOGOUT:
        return logged_out(user, f"{user.name} logged out")
    if pack is None:
        return refused(Refusal(Reason.NO_OPEN_PACK, f"{command.value} needs an open order"))
    order = {Fact.ORDER: pack.order_number}
    if command is Command.UNDO:
        return _undo(pack)
    if command is Command.CARD:
        return _card(pack)
    if command is Command.CANCEL:
        return info(
            f"order {pack.order_number} left for later", Note.LEFT_FOR_LATER, order, Effect.CANCEL
        )
    if command in CLOSING:
        return _closing(command, pack, snapshot)
    if command is Command.REPRINT:
        return info("no label to reprint", Note.NOTHING_TO_REPRINT, order)
    return refused(
        Refusal(Reason.UNKNOWN_BARCODE, f"{command.value} is a picking command, not a packing one")
    )


def _card(pack: Pack) -> Decision:
    order = {Fact.ORDER: pack.order_number}
    if not pack.gift_message:
        return refused(
            Refusal(Reason.NO_CARD, f"order {pack.order_number} has no gift message", order)
        )
    if pack.card_confirmed:
        return info("gift card already confirmed", Note.CARD_ALREADY_CONFIRMED, order)
    return info("gift card confirmed", Note.CARD_CONFIRMED, order, Effect.CONFIRM_CARD)


def _closing(command: Command, pack: Pack, snapshot: PackSnapshot) -> Decision:
    """COMPLETE or NEWCARTON: the carton is closed, if it can be, and gets its parcel."""
    carton = {Fact.ORDER: pack.order_number, Fact.CARTON: str(pack.carton_no)}
    if command is Command.COMPLETE:
        decision = _complete(pack)
    elif not pack.in_carton:
        return info("carton is empty", Note.CARTON_EMPTY, carton)
    elif not snapshot.labels_on:
        return info("this station prints no labels", Note.NO_LABELS_HERE, carton)
    else:
        # INTERFACES.md: a command that changes no count is `info`.
        decision = info(
            f"carton {pack.carton_no} of order {pack.order_number} closed",
            Note.CARTON_CLOSED,
            carton,
            Effect.NEW_CARTON,
        )
    if decision.effect is Effect.NONE:
        return decision
    # Told before anything changes: the pack stays open until its label can be issued.
    if snapshot.sender_missing:
        return refused(
            Refusal(
                Reason.SHOP_NOT_SET,
                "the label's sender is not set ("
                + ", ".join(snapshot.sender_missing)
                + "): set it with kenpin settings set KEY VALUE or on the Shop settings page",
                {**carton, Fact.SETTINGS: ", ".join(snapshot.sender_missing)},
            )
        )
    if snapshot.no_numbers_for is None:
        return decision
    return refused(
        Refusal(
            Reason.NO_TRACKING_NUMBER,
            f"no {snapshot.no_numbers_for} tracking numbers left: register a block with "
            "kenpin carriers add-range or attach the carrier's numbers with kenpin carriers import",
            {**carton, Fact.CARRIER: snapshot.no_numbers_for},
        )
    )


def _complete(pack: Pack) -> Decision:
    order = {Fact.ORDER: pack.order_number}
    missing = mismatches(pack)
    if missing:
        return refused(
            Refusal(
                Reason.PACK_INCOMPLETE,
                "incomplete: " + "; ".join(missing),
                {**order, Fact.SHORT: short_lines(pack)},
            )
        )
    if pack.gift_message and not pack.card_confirmed:
        return refused(
            Refusal(
                Reason.CARD_NOT_CONFIRMED, "gift order: put the card in and scan KCMD:CARD", order
            )
        )
    return Decision(
        VerdictKind.ACCEPTED,
        Effect.COMPLETE,
        message=f"order {pack.order_number} packed ({pack.scanned} units)",
        note=Note.PACK_COMPLETED,
        facts={**order, Fact.UNITS: str(pack.scanned)},
    )


def short_lines(pack: Pack) -> str:
    """The lines still short and by how many: "SKU-1 ×2, SKU-2 ×1" (empty when none is)."""
    return ", ".join(
        f"{line.sku} ×{line.ordered - pack.packed_on(line.line_id)}"
        for line in pack.lines
        if pack.packed_on(line.line_id) < line.ordered
    )


def _undo(pack: Pack) -> Decision:
    """Take back the last accepted scan still in the box."""
    # Units of a carton already closed are under its label: they stay.
    if not pack.in_carton:
        return info("nothing to undo", Note.NOTHING_TO_UNDO, {Fact.ORDER: pack.order_number})
    unit = pack.in_carton[-1]
    line = next((line for line in pack.lines if line.line_id == unit.line_id), None)
    sku = line.sku if line is not None else "unit"
    left = pack.packed_on(unit.line_id) - unit.units
    of = f" of {line.ordered}" if line is not None else ""
    facts = counted_facts(line, left, unit.units) if line is not None else {}
    return Decision(
        VerdictKind.ACCEPTED,
        Effect.UNDO,
        message=f"{sku}: took back {unit.units}, {left}{of}",
        line_id=unit.line_id,
        units=unit.units,
        lot=unit.lot,
        serial=unit.serial,
        undo_ref=unit.scan_ref,
        note=Note.TOOK_BACK,
        facts=facts,
    )
