"""The admin's use cases (the Admin pages and `kenpin users` / `kenpin stations`): each
change needs an admin's badge and PIN, changes nothing when refused, and is audited
without a badge; listings never hold a badge."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import select

from app.core.errors import Refused
from app.db.database import Database
from app.db.models import AuditEntry
from app.db.station_settings import lockout_after, store_lockout_after
from app.labels.printers import RecordingPrinter
from app.services.admin import Administration
from app.services.carriers import BlockWanted
from app.services.signin import Credentials, signed_in
from app.services.stations import StationChange
from app.services.users import NewUser, Where, add_user
from tests.stationdata import SUPERVISOR_PIN, shop_set_up

ADMIN, SATO, HANAKO = "BADGE-A1", "BADGE-S1", "BADGE-P1"
ADMIN_PIN = "13579"
HERE = Where("PACK-1: admin page", "PACK-1")
AS_ADMIN = Credentials(ADMIN, ADMIN_PIN)


@pytest.fixture
def staffed(db: Database) -> Database:
    """An admin, a supervisor and a packer."""
    add_user(db, "Ken", "admin", ADMIN, ADMIN_PIN)
    add_user(db, "佐藤 健", "supervisor", SATO, SUPERVISOR_PIN)
    add_user(db, "Hanako", "packer", HANAKO)
    return db


def audit_rows(db: Database) -> list[tuple[str, str, str]]:
    with db.read() as s:
        rows = s.execute(
            select(AuditEntry.action, AuditEntry.station, AuditEntry.detail).order_by(AuditEntry.id)
        ).all()
    return [(action, station, detail) for action, station, detail in rows]


def users_shown(db: Database) -> list[tuple[str, str, bool]]:
    return [(user.name, user.role, user.active) for user in Administration(db).users()]


#: Each change the admin pages make, as one call with the given credentials.
CHANGES: dict[str, Callable[[Administration, Credentials], object]] = {
    "add user": lambda admin, by: admin.add_user(by, NewUser("New", "packer", "B-NEW"), HERE),
    "deactivate": lambda admin, by: admin.set_active(by, "Hanako", False, HERE),
    "reset PIN": lambda admin, by: admin.reset_pin(by, "佐藤 健", "97531", HERE),
    "station": lambda admin, by: admin.change_station(
        by, "PACK-1", StationChange(printer="tcp://10.0.0.9:9100", lockout_after=5), HERE
    ),
    "tracking block": lambda admin, by: admin.add_block(
        by, BlockWanted("yamato", "10000000000", "10000000099"), HERE
    ),
}


def stored(db: Database) -> tuple[object, ...]:
    """Everything the changes above would change."""
    admin = Administration(db)
    return (
        users_shown(db),
        [(s.name, s.printer, s.labels, s.lockout_after) for s in admin.stations()],
        [(b.carrier, b.first, b.last) for b in admin.blocks()],
        [action for action, _station, _detail in audit_rows(db)],
    )


@pytest.mark.parametrize("change", list(CHANGES))
@pytest.mark.parametrize(
    ("by", "said"),
    [
        (Credentials(SATO, SUPERVISOR_PIN), "佐藤 健 is a supervisor; this needs an admin's"),
        (Credentials(HANAKO, None), "Hanako is a packer; this needs an admin's badge"),
        (Credentials(ADMIN, "0000"), "PIN: wrong PIN for Ken"),
        (Credentials(ADMIN, None), "PIN: Ken's PIN is needed"),
        (Credentials("NOBODY", ADMIN_PIN), "not the badge of an active user"),
    ],
)
def test_a_change_without_an_admins_badge_and_pin_is_refused_and_changes_nothing(
    staffed: Database, change: str, by: Credentials, said: str
) -> None:
    users, stations, blocks, audited = stored(staffed)
    with pytest.raises(Refused, match=said):
        CHANGES[change](Administration(staffed), by)
    # Nothing changed; a wrong PIN alone is kept, in the audit trail too (it counts towards
    # the badge's lock).
    failed = ["pin.failed"] if by.pin == "0000" else []
    assert stored(staffed) == (users, stations, blocks, [*audited, *failed])


@pytest.mark.parametrize("change", list(CHANGES))
def test_each_change_by_an_admin_is_audited_at_the_station_without_a_badge(
    staffed: Database, change: str
) -> None:
    CHANGES[change](Administration(staffed), AS_ADMIN)
    rows = audit_rows(staffed)
    assert rows[-1][1] == "PACK-1"
    for row in rows:
        assert not any(badge in text for text in row for badge in (ADMIN, SATO, HANAKO))


def test_a_deactivated_user_no_longer_signs_in_and_a_reactivated_one_does(
    staffed: Database,
) -> None:
    admin = Administration(staffed)
    assert admin.set_active(AS_ADMIN, "佐藤 健", False, HERE) == "佐藤 健 deactivated"
    assert ("佐藤 健", "supervisor", False) in users_shown(staffed)
    with pytest.raises(Refused, match="not the badge of an active user"):
        signed_in(staffed, Credentials(SATO, SUPERVISOR_PIN), place="test")
    assert admin.set_active(AS_ADMIN, "佐藤 健", True, HERE) == "佐藤 健 reactivated"
    assert signed_in(staffed, Credentials(SATO, SUPERVISOR_PIN), place="test").name == "佐藤 健"
    assert [row[:2] for row in audit_rows(staffed)[-2:]] == [
        ("user.deactivate", "PACK-1"),
        ("user.reactivate", "PACK-1"),
    ]


def test_the_last_active_admin_is_not_deactivated(staffed: Database) -> None:
    with pytest.raises(Refused, match="Ken is the last active admin: add another admin first"):
        Administration(staffed).set_active(AS_ADMIN, "Ken", False, HERE)
    assert ("Ken", "admin", True) in users_shown(staffed)


def test_a_new_pin_signs_in_and_the_old_one_no_longer(staffed: Database) -> None:
    said = Administration(staffed).reset_pin(AS_ADMIN, "佐藤 健", "97531", HERE)
    assert said == "佐藤 健's PIN changed"
    assert signed_in(staffed, Credentials(SATO, "97531"), place="test").name == "佐藤 健"
    with pytest.raises(Refused, match="wrong PIN"):
        signed_in(staffed, Credentials(SATO, SUPERVISOR_PIN), place="test")


@pytest.mark.parametrize(
    ("name", "pin", "said"),
    [
        ("Hanako", "97531", "Hanako is a packer: packers sign in with the badge alone"),
        ("佐藤 健", "12", "pin: must be 4 to 12 digits"),
        ("Nobody", "97531", "user 'Nobody': no such user"),
    ],
)
def test_a_pin_that_cannot_be_is_refused(staffed: Database, name: str, pin: str, said: str) -> None:
    with pytest.raises(Refused, match=said):
        Administration(staffed).reset_pin(AS_ADMIN, name, pin, HERE)


def test_the_lockout_count_is_3_until_set_and_0_turns_it_off(db: Database) -> None:
    with db.read() as s:
        assert lockout_after(s, "PACK-1") == 3
    with db.write() as s:
        store_lockout_after(s, "PACK-1", 0)
    with db.read() as s:
        assert lockout_after(s, "PACK-1") == 0
        assert lockout_after(s, "PACK-2") == 3


def test_a_station_change_stores_each_setting_and_keeps_the_scanners(staffed: Database) -> None:
    admin = Administration(staffed)
    admin.change_station(AS_ADMIN, "PACK-1", StationChange(lockout_after=5), HERE)
    said = admin.change_station(
        AS_ADMIN,
        "PACK-1",
        StationChange(printer="tcp://10.0.0.9:9100", labels=False, lockout_after=5),
        HERE,
    )
    assert list(map(str, said)) == ['printer: (none) -> "tcp://10.0.0.9:9100"', "labels: on -> off"]
    (shown,) = admin.stations()
    assert (shown.name, shown.printer, shown.labels, shown.lockout_after) == (
        "PACK-1",
        "tcp://10.0.0.9:9100",
        False,
        5,
    )
    with staffed.read() as s:
        assert lockout_after(s, "PACK-1") == 5
    assert audit_rows(staffed)[-1] == (
        "station.set",
        "PACK-1",
        'PACK-1: printer: (none) -> "tcp://10.0.0.9:9100"; labels: on -> off',
    )


@pytest.mark.parametrize(
    ("change", "said"),
    [
        (StationChange(printer="lpt://1"), "--printer: 'lpt://1' is not a printer URI"),
        (StationChange(lockout_after=100), "lock-out: 100 must be a whole number from 0"),
    ],
)
def test_a_station_setting_that_cannot_be_is_refused(
    staffed: Database, change: StationChange, said: str
) -> None:
    with pytest.raises(Refused, match=said):
        Administration(staffed).change_station(AS_ADMIN, "PACK-1", change, HERE)
    assert Administration(staffed).stations() == []


def test_blocks_are_listed_with_the_numbers_left(staffed: Database) -> None:
    admin = Administration(staffed)
    said = admin.add_block(AS_ADMIN, BlockWanted("yamato", "10000000000", "10000000099"), HERE)
    assert said.startswith("yamato: 100 tracking numbers added")
    admin.add_block(AS_ADMIN, BlockWanted("sagawa", "20000000000", "20000000009"), HERE)
    assert [(b.carrier, b.first, b.last, b.left) for b in admin.blocks()] == [
        ("yamato", "10000000000", "10000000099", 100),
        ("sagawa", "20000000000", "20000000009", 10),
    ]


def test_a_test_label_prints_with_the_shops_sender(staffed: Database) -> None:
    shop_set_up(staffed)
    printer = RecordingPrinter("tcp://10.0.0.9:9100")
    admin = Administration(staffed, printers=lambda _uri: printer)
    assert admin.print_test_label("tcp://10.0.0.9:9100") == "test label sent to tcp://10.0.0.9:9100"
    ((name, data),) = printer.printed
    assert name == "kenpin-test-print"
    assert data.startswith(b"^XA")
    assert admin.printer_status("tcp://10.0.0.9:9100").ready


def test_a_device_printer_is_checked_on_this_pc_only_for_this_station(
    staffed: Database, tmp_path: Path
) -> None:
    admin = Administration(staffed)
    # On this PC, a plain file: labels would be appended to it.
    (tmp_path / "lp0").write_text("")
    device = StationChange(printer=f"device://{tmp_path}/lp0")
    with pytest.raises(Refused, match="is not a printer's device"):
        admin.change_station(AS_ADMIN, "PACK-1", device, HERE)
    # PACK-2's printer hangs on PACK-2's PC, not on this one.
    admin.change_station(AS_ADMIN, "PACK-2", device, HERE)
    assert [(s.name, s.printer) for s in admin.stations()] == [("PACK-2", device.printer)]
