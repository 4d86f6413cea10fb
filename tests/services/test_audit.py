"""What the audit trail records today: user changes, logins and logouts at a station, label
reprints and voids, packs taken over from a station whose lease ran out; never a badge code,
and nothing for an ordinary unit scan."""

from __future__ import annotations

import json

from sqlalchemy import select

from app.bootstrap import Kenpin
from app.db.database import Database
from app.db.models import AuditEntry, User
from app.services.audit import verify_chain
from app.services.relabel import void_label
from app.services.signin import Credentials
from app.services.users import add_user
from tests.stationdata import (
    CUP,
    CUP_CASE,
    HANAKO,
    TARO,
    TEA,
    later,
    lease_runs_out,
    sent,
    stock_bench,
    tracking_block,
)

BOSS = "B-900"


def trail(db: Database) -> list[tuple[str, str, str | None, dict[str, object] | str]]:
    """Each audit row: action, station, the user's name, and the detail (as JSON when it is)."""
    with db.read() as s:
        rows = s.execute(
            select(AuditEntry.action, AuditEntry.station, User.name, AuditEntry.detail)
            .outerjoin(User, User.id == AuditEntry.user_id)
            .order_by(AuditEntry.id)
        ).all()
    return [
        (action, station, name, json.loads(detail) if detail.startswith("{") else detail)
        for action, station, name, detail in rows
    ]


def all_details(db: Database) -> str:
    with db.read() as s:
        return "\n".join(s.scalars(select(AuditEntry.detail)))


def test_adding_a_user_is_recorded_by_name_and_role_without_the_badge(db: Database) -> None:
    add_user(db, "Boss", "supervisor", BOSS, "2468")
    with db.read() as s:
        boss = s.scalar(select(User.id).where(User.name == "Boss"))
    assert trail(db) == [("user.add", "", None, f"Boss (supervisor), user {boss}")]
    assert BOSS not in all_details(db)


def test_logins_logouts_and_reprints_at_a_station_are_recorded_and_unit_scans_are_not(
    db: Database,
) -> None:
    stock_bench(db)
    tracking_block(db)
    before = len(trail(db))
    station = Kenpin(db).pack_station("S1")
    codes = [HANAKO, "#1001", TEA, TEA, CUP_CASE, CUP, "KCMD:COMPLETE", "KCMD:REPRINT", HANAKO]
    for n, code in enumerate(codes):
        station.scan(sent(code), at=later(n))
    recorded = trail(db)[before:]
    assert [row[:3] for row in recorded] == [
        ("station.login", "S1", "Hanako"),
        ("label.reprint", "S1", "Hanako"),
        ("station.logout", "S1", "Hanako"),
    ]
    assert recorded[0][3] == {"user": "Hanako", "role": "packer"}
    reprint = recorded[1][3]
    assert isinstance(reprint, dict) and reprint["order"] == "#1001" and reprint["carton"] == 1
    assert HANAKO not in all_details(db)
    assert verify_chain(db).broken is None


def test_a_void_names_the_supervisor_and_the_labels_but_not_the_badge(db: Database) -> None:
    stock_bench(db)
    tracking_block(db)
    add_user(db, "Boss", "supervisor", BOSS, "2468")
    station = Kenpin(db).pack_station("S1")
    for n, code in enumerate([HANAKO, "#1001", TEA, TEA, CUP_CASE, CUP, "KCMD:COMPLETE"]):
        station.scan(sent(code), at=later(n))
    awaiting = station.view().awaiting
    assert awaiting is not None
    voided = void_label(db, awaiting.tracking_number, Credentials(BOSS, "2468"), "smudged")
    action, where, who, detail = trail(db)[-1]
    assert (action, where, who) == ("label.void", "", "Boss")
    assert detail == {
        "order": "#1001",
        "voided": voided.voided,
        "new": voided.tracking_number,
        "reason": "smudged",
    }
    assert BOSS not in all_details(db)


def test_taking_over_a_pack_whose_lease_ran_out_is_recorded(db: Database) -> None:
    stock_bench(db)
    first, second = Kenpin(db).pack_station("S1"), Kenpin(db).pack_station("S2")
    for n, code in enumerate([HANAKO, "#1001", TEA]):
        first.scan(sent(code), at=later(n))
    second.scan(sent(TARO), at=later(10))
    lease_runs_out(db, "#1001")
    second.scan(sent("#1001"), at=later(70))
    action, where, who, detail = trail(db)[-1]
    assert (action, where, who) == ("claim.takeover", "S2", "Taro")
    assert detail == {"order": "#1001", "taken_from": "S1", "why": "lease ran out"}
    # Resuming a pack parked by nobody is no take-over.
    second.scan(sent("KCMD:CANCEL"), at=later(71))
    second.scan(sent("#1001"), at=later(72))
    assert [row[0] for row in trail(db)].count("claim.takeover") == 1
