"""Shop settings shared by every station: `kenpin settings show|set`, the label's sender
read from them, and a pack refused `shop_not_set` until they are set."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import delete, select

from app.bootstrap import Kenpin
from app.cli import main
from app.core.scans import Fact, Reason
from app.db.database import Database
from app.db.models import AuditEntry, ShopSetting, User
from app.services.shop_settings import ShopSettings
from app.services.users import add_user
from tests.services.station.test_labels import PACK_1001, number
from tests.services.station.test_labels_replay import labels_in, replay
from tests.services.station.test_replay import scan_file
from tests.stationdata import (
    SHOP,
    parcels_of,
    sent,
    stock_bench,
    stored_state,
    tracking_block,
)
from tests.stockdata import order_state

ADMIN, ADMIN_PIN = "BADGE-A1", "13579"


@pytest.fixture(autouse=True)
def admin_pin(monkeypatch: pytest.MonkeyPatch) -> None:
    """`kenpin settings set` is given the admin's PIN as a script gives it."""
    monkeypatch.setenv("KENPIN_PIN", ADMIN_PIN)


def set_by_admin(db: Database, key: str, value: str) -> int:
    """`kenpin settings set KEY VALUE --badge` as the admin Ken (added on first use)."""
    with db.read() as s:
        known = s.scalar(select(User.id).where(User.name == "Ken"))
    if known is None:
        add_user(db, "Ken", "admin", ADMIN, ADMIN_PIN)
    return main(["--db", db.url, "settings", "set", key, value, "--badge", ADMIN])


def no_shop(db: Database) -> None:
    """A database whose shop was never set up (as every database before migration 0012)."""
    with db.write() as s:
        s.execute(delete(ShopSetting))


def stored(db: Database) -> dict[str, str]:
    with db.read() as s:
        return dict(s.execute(select(ShopSetting.key, ShopSetting.value)).all())


def test_complete_is_refused_until_the_shop_is_set_then_the_label_carries_it(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stock_bench(db)
    tracking_block(db)
    no_shop(db)
    folder = tmp_path / "labels"
    packed = scan_file(tmp_path, "packed.jsonl", [*PACK_1001])
    replay(db, packed, folder, capsys)
    before = stored_state(db)

    complete = scan_file(tmp_path, "complete.jsonl", ["KCMD:COMPLETE", "KCMD:NEWCARTON"])
    assert replay(db, complete, folder, capsys) == [
        ("KCMD:COMPLETE", "rejected", "shop_not_set", "#1001"),
        ("KCMD:NEWCARTON", "rejected", "shop_not_set", "#1001"),
    ]
    # Nothing changed but the mismatch log: the pack stays open with every unit in it.
    assert stored_state(db) == before
    assert parcels_of(db, "#1001") == []
    assert order_state(db, "#1001")[0] == "packing"

    for key, value in SHOP.items():
        assert set_by_admin(db, key, value) == 0
    capsys.readouterr()
    again = scan_file(tmp_path, "again.jsonl", ["KCMD:COMPLETE", number(0)])
    assert replay(db, again, folder, capsys) == [
        ("KCMD:COMPLETE", "accepted", None, "#1001"),
        (number(0), "accepted", None, None),
    ]
    # The sender's phone is Latin text in the printer's own font: it is in the ZPL as is.
    assert b"TEL 06-1234-5678" in labels_in(folder)[f"{number(0)}.zpl"]


def test_the_refusal_names_the_keys_not_set(db: Database) -> None:
    stock_bench(db)
    tracking_block(db)
    no_shop(db)
    ShopSettings(db).set_up({key: SHOP[key] for key in ("shop.name", "shop.phone")})
    station = Kenpin(db).pack_station("S1")
    for code in PACK_1001:
        station.scan(sent(code))
    outcome = station.scan(sent("KCMD:COMPLETE"))
    assert outcome.reason is Reason.SHOP_NOT_SET
    assert outcome.facts[Fact.SETTINGS] == "shop.postal_code, shop.address"
    assert outcome.message.startswith("the label's sender is not set (shop.postal_code, ")


def test_show_lists_every_key_and_what_is_not_set(
    db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    assert set_by_admin(db, "shop.postal_code", "〒５３０－０００１") == 0
    assert capsys.readouterr().out == 'shop.postal_code: (not set) -> "530-0001"\n'
    assert main(["--db", db.url, "settings", "show"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in lines[:26]] == [
        "shop.name",
        "shop.postal_code",
        "shop.address",
        "shop.phone",
        "yamato.customer_code",
        "yamato.freight_code",
        "sagawa.customer_code",
        "japanpost.customer_code",
        "picking.required",
        "yamato.b2_types",
        "sagawa.delivery_date_format",
        "japanpost.file",
        "japanpost.yupri_columns",
        "japanpost.yupri_column_count",
        "carriers.contents",
        "amazon.carriers",
        "tracking.url.yamato",
        "tracking.url.sagawa",
        "tracking.url.japanpost",
        "smtp.host",
        "smtp.port",
        "smtp.security",
        "smtp.user",
        "smtp.from",
        "mail.language",
        "mail.on_close",
    ]
    assert lines[0].endswith("(not set)") and lines[1].endswith("530-0001")
    assert lines[26] == (
        "labels are not issued until the sender is set: shop.name, shop.address, shop.phone"
    )


def test_a_bad_value_or_unknown_key_is_refused_and_changes_nothing(
    db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    assert set_by_admin(db, "yamato.customer_code", "0123456789") == 0
    capsys.readouterr()
    assert set_by_admin(db, "yamato.customer_code", "12345") == 1
    assert capsys.readouterr().err == (
        'kenpin: yamato.customer_code: "12345" has the wrong number of digits; the rule: '
        "10 digits, or 12 with the 2-digit branch number (0123456789-01)\n"
    )
    assert set_by_admin(db, "shop.fax", "06-1234-5678") == 1
    err = capsys.readouterr().err
    assert err.startswith('kenpin: "shop.fax" is not a shop setting; the keys are: shop.name, ')
    assert stored(db) == {"yamato.customer_code": "0123456789"}


def test_a_change_is_written_to_the_audit_log_naming_the_admin(db: Database) -> None:
    ShopSettings(db).set_up({"shop.name": "検品ストア"})
    assert set_by_admin(db, "shop.name", "検品ストア 本店") == 0
    with db.read() as s:
        rows = s.execute(
            select(User.name, AuditEntry.detail)
            .outerjoin(User, User.id == AuditEntry.user_id)
            .where(AuditEntry.action == "settings.set")
            .order_by(AuditEntry.id)
        ).all()
    # The set-up (the demo's, a bench's) is nobody's; a change is the admin's who made it.
    assert [(name, json.loads(detail)) for name, detail in rows] == [
        (None, {"key": "shop.name", "old": None, "new": "検品ストア"}),
        ("Ken", {"key": "shop.name", "old": "検品ストア", "new": "検品ストア 本店"}),
    ]


@pytest.mark.parametrize(
    ("badge", "pin", "said"),
    [
        (ADMIN, "0000", "kenpin: PIN: wrong PIN for Ken"),
        (
            "BADGE-S1",
            "2468",
            "kenpin: --badge: 佐藤 健 is a supervisor; this needs an admin's badge",
        ),
        ("NOBODY", ADMIN_PIN, "kenpin: --badge: not the badge of an active user"),
    ],
)
def test_settings_set_needs_an_admins_badge_and_pin_and_changes_nothing_otherwise(
    db: Database,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    badge: str,
    pin: str,
    said: str,
) -> None:
    add_user(db, "Ken", "admin", ADMIN, ADMIN_PIN)
    add_user(db, "佐藤 健", "supervisor", "BADGE-S1", "2468")
    monkeypatch.setenv("KENPIN_PIN", pin)
    assert main(["--db", db.url, "settings", "set", "shop.name", "X", "--badge", badge]) == 1
    out, err = capsys.readouterr()
    assert err == f"{said}\n" and out == ""
    assert badge not in err and pin not in err
    assert stored(db) == {}


def test_settings_set_without_a_badge_is_a_usage_error(
    db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--db", db.url, "settings", "set", "shop.name", "X"])
    assert exited.value.code == 2
    assert "the following arguments are required: --badge" in capsys.readouterr().err
    assert stored(db) == {}


def test_a_carrier_code_is_cleared_with_an_empty_value(db: Database) -> None:
    settings = ShopSettings(db)
    settings.set_up({"sagawa.customer_code": "123456789012"})
    assert settings.set_up({"sagawa.customer_code": ""}) == [
        'sagawa.customer_code: "123456789012" -> (not set)'
    ]
    assert stored(db) == {}


def test_an_environment_variable_still_wins_and_show_says_it_is_deprecated(
    db: Database, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    ShopSettings(db).set_up({"shop.name": "検品ストア"})
    monkeypatch.setenv("KENPIN_SHOP_NAME", "旧ストア")
    assert main(["--db", db.url, "settings", "show"]) == 0
    first = capsys.readouterr().out.splitlines()[0]
    assert first == (
        "shop.name                     旧ストア  [KENPIN_SHOP_NAME on this PC overrides the stored "
        "value 検品ストア; deprecated]"
    )
    assert set_by_admin(db, "shop.name", "新ストア") == 0
    assert "KENPIN_SHOP_NAME still overrides it" in capsys.readouterr().out


def test_a_bad_value_is_refused_before_the_pin_is_asked_for(
    db: Database, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("KENPIN_PIN")
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    asked: list[str] = []
    monkeypatch.setattr("getpass.getpass", lambda prompt: asked.append(prompt) or ADMIN_PIN)
    assert set_by_admin(db, "shop.phone", "06-1234") == 1
    assert "shop.phone" in capsys.readouterr().err
    assert asked == []
    assert set_by_admin(db, "shop.phone", "06-1234-5678") == 0
    assert asked == ["PIN: "]
