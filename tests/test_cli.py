"""The `kenpin` command's own surface: --db / KENPIN_DB, exit statuses, users, orders list."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.bootstrap import open_database
from app.cli import main
from app.core.roles import Role
from app.core.station import StationUser
from app.db.models import Order, User
from app.db.schema import head_revision
from app.db.station import badge_user
from app.services.users import pin_matches
from benchmarks.bulkdata import add_orders, add_products


def test_db_upgrade_creates_the_schema_then_says_it_is_current(
    empty_db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", empty_db_url, "db", "upgrade"]) == 0
    assert main(["--db", empty_db_url, "db", "upgrade"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == [f"schema upgraded to {head_revision()}", f"schema already at {head_revision()}"]


def test_users_add_creates_a_badge_user_with_a_hashed_pin(
    db_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    base = ["--db", db_url, "users", "add"]
    assert main([*base, "Ken", "--role", "admin", "--badge", "K-1", "--pin", "9753"]) == 0
    monkeypatch.setenv("KENPIN_PIN", "9753")
    args = [*base, "山田 花子", "--role", "packer", "--as", "K-1"]
    assert main([*args, "--badge", "B-001", "--pin", "1234"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "user Ken (admin) added",
        "user 山田 花子 (packer) added",
    ]
    db = open_database(db_url)
    with db.read() as s:
        user = s.scalars(select(User).where(User.name == "山田 花子")).one()
        assert badge_user(s, "B-001") == StationUser(user.id, "山田 花子", Role.PACKER)
    assert (user.name, user.role) == ("山田 花子", "packer")
    assert user.badge_hash != "B-001" and len(user.badge_hash) == 64
    assert user.pin_hash != "1234" and pin_matches("1234", user.pin_hash)
    assert not pin_matches("4321", user.pin_hash)


def test_a_taken_badge_is_refused_with_exit_1_and_changes_nothing(
    db_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    base = ["--db", db_url, "users", "add"]
    assert main([*base, "A", "--role", "admin", "--badge", "B-1", "--pin", "1111"]) == 0
    monkeypatch.setenv("KENPIN_PIN", "1111")
    assert main([*base, "B", "--role", "packer", "--badge", "B-1", "--as", "B-1"]) == 1
    assert "badge: already belongs to A" in capsys.readouterr().err
    with open_database(db_url).read() as s:
        assert s.scalar(select(func.count()).select_from(User)) == 1


def test_an_unknown_role_is_a_usage_error_with_exit_2(tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as exc:
        main(
            [
                "--db",
                f"sqlite:///{tmp_path / 'k.db'}",
                "users",
                "add",
                "A",
                "--role",
                "boss",
                "--badge",
                "X",
            ]
        )
    assert exc.value.code == 2


def test_orders_list_json_has_the_documented_fields(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    db = open_database(db_url)
    add_orders(db, 5, add_products(db, 10), lines_per_order=2, first_number=1001)
    assert main(["--db", db_url, "orders", "list", "--json"]) == 0
    orders = json.loads(capsys.readouterr().out)
    assert [o["number"] for o in orders] == ["#1001", "#1002", "#1003", "#1004", "#1005"]
    first = orders[0]
    assert set(first) == {"number", "status", "carrier", "lines", "parcels"}
    assert first["status"] == "new" and first["carrier"] in {"yamato", "sagawa", "japanpost"}
    assert len(first["lines"]) == 2
    assert set(first["lines"][0]) == {"sku", "qty", "allocated", "packed"}
    assert first["lines"][0]["sku"].startswith("SKU-") and first["lines"][0]["allocated"] == 0


def test_orders_list_filters_by_status(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    db = open_database(db_url)
    ids = add_products(db, 10)
    add_orders(db, 3, ids, status="new", first_number=1)
    add_orders(db, 2, ids, status="on_hold", first_number=10)
    assert main(["--db", db_url, "orders", "list", "--status", "on_hold", "--json"]) == 0
    assert [o["number"] for o in json.loads(capsys.readouterr().out)] == ["#10", "#11"]
    assert main(["--db", db_url, "orders", "list", "--status", "new"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3 and lines[0].startswith("#1 ") and "new" in lines[0]


def test_kenpin_db_environment_variable_picks_the_database(tmp_path: Path) -> None:
    target = tmp_path / "from-env.db"
    env = {**os.environ, "KENPIN_DB": f"sqlite:///{target}"}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "app",
            "users",
            "add",
            "Ken",
            "--role",
            "admin",
            "--badge",
            "K1",
            "--pin",
            "1357",
        ],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    with open_database(f"sqlite:///{target}").read() as s:
        assert s.scalar(select(User.name)) == "Ken"
        assert s.scalar(select(func.count()).select_from(Order)) == 0


def test_a_missing_command_argument_is_a_usage_error(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "app", "--db", f"sqlite:///{tmp_path / 'k.db'}", "import"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert "usage: kenpin import" in done.stderr


@pytest.mark.parametrize(
    ("command", "shown"),
    [
        (["users", "add"], "--role {packer,supervisor,admin}"),
        (
            ["orders", "list"],
            "--status {new,allocated,picking,picked,backordered,packing,packed,labelled,verified,"
            "shipped,cancelled,on_hold}",
        ),
        (["import", "orders"], "--default-carrier {yamato,sagawa,japanpost,generic}"),
        (["carriers", "add-range"], "CARRIER yamato, sagawa, japanpost or generic"),
        (["label", "render"], "--format {zpl,pdf}"),
        (["replay"], "--mode {pack,pick,dock} what the station does (default pack)"),
        (["station"], "--mode {pack,pick,dock} what the station does (default pack)"),
    ],
)
def test_the_help_offers_the_roles_statuses_carriers_and_formats_interfaces_md_names(
    command: list[str], shown: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as done:
        main([*command, "--help"])
    assert done.value.code == 0
    assert shown in " ".join(capsys.readouterr().out.split())


def test_a_station_mode_kenpin_does_not_have_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    scans = tmp_path / "scans.jsonl"
    scans.write_text('{"scan": "BADGE-1"}\n', encoding="utf-8")
    with pytest.raises(SystemExit) as done:
        main(["replay", str(scans), "--station", "S1", "--mode", "teleport"])
    assert done.value.code == 2
    assert "invalid choice: 'teleport'" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("option", "message"),
    [
        (["--station", "S" * 65], "kenpin: --station: too long (65 characters, at most 64)"),
        (
            ["--station", "PACK-1", "--printer", "file:///tmp/\x1b[2J"],
            "kenpin: --printer: 'file:///tmp/\\x1b[2J' contains a control character (ESC)",
        ),
    ],
)
def test_a_station_or_printer_no_station_can_have_is_one_sentence_and_exit_1(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], option: list[str], message: str
) -> None:
    scans = tmp_path / "scans.jsonl"
    scans.write_text('{"scan": "KCMD:LOGOUT"}\n', encoding="utf-8")
    assert main(["--db", db_url, "replay", str(scans), *option]) == 1
    captured = capsys.readouterr()
    assert (captured.out, captured.err) == ("", message + "\n")
