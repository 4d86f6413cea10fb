"""Supervisors' credentials on the command line: `kenpin label void --badge` and `kenpin users
add --as` need a supervisor's (an admin's) badge and the right PIN, from `KENPIN_PIN` or
asked for; a refusal changes nothing but the wrong PINs kept; badges are never printed."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from app.bootstrap import Kenpin
from app.cli import main
from app.db.database import Database
from app.db.models import AuditEntry, User
from app.db.shipping_models import Parcel
from app.db.signin_models import BadgeFailure
from app.services.users import add_user
from tests.services.station.test_labels import PACK_1001, number, scan_all
from tests.stationdata import HANAKO, SUPERVISOR_PIN, stock_bench, tracking_block

SATO, ADMIN = "BADGE-S1", "BADGE-A1"
ADMIN_PIN = "13579"


@pytest.fixture
def packed(db: Database) -> Database:
    """#1001 packed at S1, its label issued; a packer, a supervisor and an admin."""
    stock_bench(db)
    tracking_block(db)
    add_user(db, "佐藤 健", "supervisor", SATO, SUPERVISOR_PIN)
    add_user(db, "Ken", "admin", ADMIN, ADMIN_PIN)
    scan_all(Kenpin(db).pack_station("S1"), [*PACK_1001, "KCMD:COMPLETE"])
    return db


def void(db: Database, badge: str) -> int:
    return main(["--db", db.url, "label", "void", number(0), "--badge", badge])


def parcels(db: Database) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(Parcel)) or 0)


@pytest.mark.parametrize(
    ("badge", "pin", "code", "said"),
    [
        (SATO, SUPERVISOR_PIN, 0, f"label {number(0)} of #1001 voided"),
        (ADMIN, ADMIN_PIN, 0, f"label {number(0)} of #1001 voided"),
        (SATO, "0000", 1, "PIN: wrong PIN for 佐藤 健"),
        (
            HANAKO,
            SUPERVISOR_PIN,
            1,
            "--badge: Hanako is a packer; this needs a supervisor's or an admin's badge",
        ),
        ("NOBODY", SUPERVISOR_PIN, 1, "--badge: not the badge of an active user"),
    ],
)
def test_label_void_as_each_role(
    packed: Database,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    badge: str,
    pin: str,
    code: int,
    said: str,
) -> None:
    monkeypatch.setenv("KENPIN_PIN", pin)
    assert void(packed, badge) == code
    out, err = capsys.readouterr()
    assert said in (out if code == 0 else err)
    assert parcels(packed) == (2 if code == 0 else 1)
    assert badge not in out + err and pin not in out + err


def test_label_void_without_a_pin_and_no_terminal_is_refused(
    packed: Database, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("KENPIN_PIN", raising=False)
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    assert void(packed, SATO) == 1
    assert "PIN: needed with --badge" in capsys.readouterr().err
    assert parcels(packed) == 1


def test_the_pin_is_asked_for_at_a_terminal(
    packed: Database, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("KENPIN_PIN", raising=False)
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    asked: list[str] = []
    monkeypatch.setattr("getpass.getpass", lambda prompt: asked.append(prompt) or SUPERVISOR_PIN)
    assert void(packed, SATO) == 0
    assert asked == ["PIN: "]


def test_five_wrong_pins_lock_the_badge_and_the_command_says_until_when(
    packed: Database, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KENPIN_PIN", "0000")
    assert [void(packed, SATO) for _ in range(5)] == [1] * 5
    assert "the badge is locked until" in capsys.readouterr().err
    monkeypatch.setenv("KENPIN_PIN", SUPERVISOR_PIN)
    assert void(packed, SATO) == 1
    assert "--badge: locked after too many wrong PINs until" in capsys.readouterr().err
    assert parcels(packed) == 1
    with packed.read() as s:
        places = list(s.scalars(select(BadgeFailure.place)))
    assert places == ["cli: label void"] * 5


def users_add(db: Database, name: str, role: str, badge: str, *extra: str) -> int:
    args = ["--db", db.url, "users", "add", name, "--role", role, "--badge", badge]
    return main([*args, *extra])


def user_names(db: Database) -> list[str]:
    with db.read() as s:
        return sorted(s.scalars(select(User.name)))


@pytest.mark.parametrize(
    ("as_badge", "pin", "code", "said"),
    [
        (ADMIN, ADMIN_PIN, 0, "user New (packer) added"),
        (ADMIN, "0000", 1, "PIN: wrong PIN for Ken"),
        (SATO, SUPERVISOR_PIN, 1, "--badge: 佐藤 健 is a supervisor; this needs an admin's badge"),
        (HANAKO, SUPERVISOR_PIN, 1, "--badge: Hanako is a packer; this needs an admin's badge"),
        (None, None, 1, "--as: an admin's badge is needed to add a user"),
    ],
)
def test_users_add_as_each_role(
    packed: Database,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    as_badge: str | None,
    pin: str | None,
    code: int,
    said: str,
) -> None:
    if pin is not None:
        monkeypatch.setenv("KENPIN_PIN", pin)
    before = user_names(packed)
    extra = ["--as", as_badge] if as_badge else []
    assert users_add(packed, "New", "packer", "B-NEW", *extra) == code
    out, err = capsys.readouterr()
    assert said in (out if code == 0 else err)
    assert "B-NEW" not in out + err
    assert user_names(packed) == (sorted([*before, "New"]) if code == 0 else before)


def test_the_first_admin_of_an_empty_database_needs_no_credentials(
    db: Database, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert users_add(db, "Packer", "packer", "B-P") == 1
    assert "--role: the first user of a database must be an admin" in capsys.readouterr().err
    assert users_add(db, "Ken", "admin", ADMIN, "--pin", ADMIN_PIN) == 0
    assert users_add(db, "Other", "admin", "B-O", "--pin", "1111") == 1
    assert "--as: an admin's badge is needed" in capsys.readouterr().err
    monkeypatch.setenv("KENPIN_PIN", ADMIN_PIN)
    assert users_add(db, "佐藤 健", "supervisor", SATO, "--pin", "2468", "--as", ADMIN) == 0
    assert user_names(db) == ["Ken", "佐藤 健"]
    with db.read() as s:
        audit = s.execute(
            select(AuditEntry.user_id, AuditEntry.detail).order_by(AuditEntry.id)
        ).all()
        ken = s.scalar(select(User.id).where(User.name == "Ken"))
        sato = s.scalar(select(User.id).where(User.name == "佐藤 健"))
    # Named, with the admin who added them; never the badge.
    assert audit == [
        (None, f"Ken (admin), user {ken}"),
        (ken, f"佐藤 健 (supervisor), user {sato}"),
    ]


def test_a_supervisor_is_not_added_without_a_pin(
    db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    assert users_add(db, "Ken", "admin", ADMIN) == 1
    assert "--pin: admins sign in with badge and PIN" in capsys.readouterr().err
