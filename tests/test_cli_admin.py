"""`kenpin users list|deactivate|reactivate|reset-pin`, `kenpin stations list|set`,
`kenpin carriers blocks` and `kenpin printers check|test-label`: each change needs `--as`
an admin's badge and PIN, a refusal exits 1 with nothing changed, no badge is printed."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.cli import main
from app.db.database import Database
from app.db.station_settings import lockout_after
from app.services.carriers import add_range
from app.services.stations import station_listing
from app.services.users import add_user, user_listing
from tests.stationdata import SUPERVISOR_PIN, shop_set_up

ADMIN, SATO, HANAKO = "BADGE-A1", "BADGE-S1", "BADGE-P1"
ADMIN_PIN = "13579"


@pytest.fixture
def staffed(db: Database, monkeypatch: pytest.MonkeyPatch) -> Database:
    add_user(db, "Ken", "admin", ADMIN, ADMIN_PIN)
    add_user(db, "佐藤 健", "supervisor", SATO, SUPERVISOR_PIN)
    add_user(db, "Hanako", "packer", HANAKO)
    monkeypatch.setenv("KENPIN_PIN", ADMIN_PIN)
    return db


def kenpin(db: Database, *args: str) -> int:
    return main(["--db", db.url, *args])


def test_users_list_names_role_and_active_and_never_a_badge(
    staffed: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    assert kenpin(staffed, "users", "list") == 0
    out = capsys.readouterr().out
    assert out.splitlines() == [
        "packer     active   Hanako",
        "admin      active   Ken",
        "supervisor active   佐藤 健",
    ]
    assert not any(badge in out for badge in (ADMIN, SATO, HANAKO))


def test_a_user_is_deactivated_and_reactivated_as_an_admin(
    staffed: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    assert kenpin(staffed, "users", "deactivate", "Hanako", "--as", ADMIN) == 0
    assert capsys.readouterr().out == "Hanako deactivated\n"
    assert [u.active for u in user_listing(staffed) if u.name == "Hanako"] == [False]
    assert kenpin(staffed, "users", "reactivate", "Hanako", "--as", ADMIN) == 0
    assert [u.active for u in user_listing(staffed) if u.name == "Hanako"] == [True]


@pytest.mark.parametrize(
    ("as_badge", "pin", "said"),
    [
        (ADMIN, "0000", "kenpin: PIN: wrong PIN for Ken\n"),
        (SATO, SUPERVISOR_PIN, "kenpin: --badge: 佐藤 健 is a supervisor; this needs an admin's"),
    ],
)
def test_without_an_admins_badge_and_pin_nothing_changes(
    staffed: Database,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    as_badge: str,
    pin: str,
    said: str,
) -> None:
    monkeypatch.setenv("KENPIN_PIN", pin)
    assert kenpin(staffed, "users", "deactivate", "Hanako", "--as", as_badge) == 1
    assert kenpin(staffed, "users", "reset-pin", "佐藤 健", "--pin", "97531", "--as", as_badge) == 1
    assert (
        kenpin(staffed, "stations", "set", "PACK-1", "--lockout-after", "0", "--as", as_badge) == 1
    )
    err = capsys.readouterr().err
    assert err.startswith(said)
    assert as_badge not in err
    assert all(user.active for user in user_listing(staffed))
    assert station_listing(staffed) == []


def test_a_pin_is_reset_as_an_admin(staffed: Database, capsys: pytest.CaptureFixture[str]) -> None:
    assert kenpin(staffed, "users", "reset-pin", "佐藤 健", "--pin", "97531", "--as", ADMIN) == 0
    assert capsys.readouterr().out == "佐藤 健's PIN changed\n"


def test_a_station_is_set_and_listed(staffed: Database, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["PACK-1", "--printer", "tcp://10.0.0.9:9100", "--labels", "off", "--lockout-after", "5"]
    assert kenpin(staffed, "stations", "set", *args, "--as", ADMIN) == 0
    assert capsys.readouterr().out.splitlines() == [
        'PACK-1: printer: (none) -> "tcp://10.0.0.9:9100"',
        "PACK-1: labels: on -> off",
        "PACK-1: lockout_after: 3 -> 5",
    ]
    with staffed.read() as s:
        assert lockout_after(s, "PACK-1") == 5
    assert kenpin(staffed, "stations", "list") == 0
    assert capsys.readouterr().out == (
        "PACK-1: printer tcp://10.0.0.9:9100; labels off; lock-out after 5; scanner defaults\n"
    )
    assert kenpin(staffed, "stations", "set", "PACK-1", "--as", ADMIN) == 1
    assert "give --printer, --labels or --lockout-after" in capsys.readouterr().err


def test_blocks_are_listed_with_the_numbers_left(
    db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    add_range(db, "yamato", "10000000000", "10000000099")
    assert kenpin(db, "carriers", "blocks") == 0
    assert capsys.readouterr().out == "yamato     10000000000..10000000099  100 left\n"


def test_a_test_label_is_written_to_a_folder_printer(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shop_set_up(db)
    folder = tmp_path / "labels"
    folder.mkdir()
    assert kenpin(db, "printers", "check", f"file://{folder}") == 0
    assert kenpin(db, "printers", "test-label", f"file://{folder}") == 0
    assert capsys.readouterr().out.splitlines()[-1] == f"test label sent to file://{folder}"
    (written,) = folder.iterdir()
    assert written.read_bytes().startswith(b"^XA")
