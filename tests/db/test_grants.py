"""`kenpin db grant`: on PostgreSQL stations connect as a role that can pack, import, allocate
and report, append to the audit trail but never change it, and check a PIN without reading
any PIN hash; SQLite is refused."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ProgrammingError

from app.bootstrap import open_database
from app.cli import main
from app.core.errors import Refused
from app.db import badges
from app.db.database import Database
from app.db.grants import STATION_TABLES
from app.db.models import Base, utcnow
from app.db.schema import head_revision
from app.db.station import badge_user
from app.services.pins import pin_digest
from app.services.signin import Credentials, signed_in
from app.services.users import add_user
from tests.services.station.test_labels import BOSS, PACK_1001, number
from tests.services.station.test_replay import scan_file
from tests.stationdata import SUPERVISOR_PIN, stock_bench, tracking_block

pg = pytest.mark.pg


@dataclass(frozen=True, slots=True)
class Roles:
    """An owner and a station role of the test's own, granted on a database of its own."""

    owner: str
    station: str
    admin_url: str  # the database as the superuser that made it
    station_url: str

    def grant(self, url: str | None = None) -> int:
        args = ["--owner", self.owner, "--station", self.station]
        return main(["--db", url or self.admin_url, "db", "grant", *args])


#: The password of every role the tests make (they are dropped after each test).
PASSWORD = uuid.uuid4().hex


def _as(url: str, role: str) -> str:
    """`url` connecting as `role`, one of the tests' own."""
    return make_url(url).set(username=role, password=PASSWORD).render_as_string(hide_password=False)


def _drop_roles(admin: Engine, *roles: str) -> None:
    names = ", ".join(f'"{role}"' for role in roles)
    with admin.connect() as conn:
        conn.execute(text(f"REASSIGN OWNED BY {names} TO CURRENT_USER"))
        conn.execute(text(f"DROP OWNED BY {names}"))
    with admin.connect() as conn:
        conn.execute(text(f"DROP ROLE IF EXISTS {names}"))


@pytest.fixture
def roles(pg_copy: str) -> Iterator[Roles]:
    """Two new LOGIN roles, dropped after the test (what they own is given back first)."""
    tag = uuid.uuid4().hex[:8]
    owner, station = f"kenpin_owner_{tag}", f"kenpin_station_{tag}"
    admin = create_engine(pg_copy, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"CREATE ROLE \"{owner}\" LOGIN PASSWORD '{PASSWORD}'"))
        conn.execute(text(f"CREATE ROLE \"{station}\" LOGIN PASSWORD '{PASSWORD}'"))
    try:
        yield Roles(owner, station, pg_copy, _as(pg_copy, station))
    finally:
        with admin.connect() as conn:  # a station's connections left open would hold on
            conn.execute(
                text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = :r"),
                {"r": station},
            )
        _drop_roles(admin, owner, station)
        admin.dispose()


@pytest.fixture
def granted(roles: Roles) -> Iterator[tuple[Roles, Database]]:
    """`kenpin db grant` run on the test's database; the database as the station role."""
    assert roles.grant() == 0
    station = open_database(roles.station_url)
    yield roles, station
    station.dispose()


def _privileges(url: str, role: str) -> set[tuple[str, ...]]:
    """Every privilege `role` holds in the database: on tables, columns, sequences,
    functions and the schema."""
    engine = create_engine(url)
    queries = (
        "SELECT table_name, privilege_type FROM information_schema.role_table_grants"
        " WHERE grantee = :r",
        "SELECT table_name, column_name, privilege_type FROM"
        " information_schema.column_privileges WHERE grantee = :r",
        "SELECT relname, 'sequence' FROM pg_class WHERE relkind = 'S' AND CASE"
        " WHEN relkind = 'S' THEN has_sequence_privilege(:r, oid, 'USAGE') END",
        "SELECT proname, 'execute' FROM pg_proc WHERE pronamespace = 'public'::regnamespace"
        " AND has_function_privilege(:r, oid, 'EXECUTE')",
        "SELECT 'public', 'create' WHERE has_schema_privilege(:r, 'public', 'CREATE')",
    )
    try:
        with engine.connect() as conn:
            return {tuple(row) for q in queries for row in conn.execute(text(q), {"r": role})}
    finally:
        engine.dispose()


@pg
def test_db_grant_gives_the_schema_to_the_owner_and_running_it_again_changes_nothing(
    roles: Roles, capsys: pytest.CaptureFixture[str]
) -> None:
    assert roles.grant() == 0
    first = _privileges(roles.admin_url, roles.station)
    assert roles.grant() == 0
    assert _privileges(roles.admin_url, roles.station) == first

    first_run, second_run = capsys.readouterr().out.split("schema public: owned by")[1:]
    assert f"moved to {roles.owner}: schema public, 41 tables, 4 functions" in first_run
    assert "moved to" not in second_run
    assert ("audit_log", "INSERT") in first and ("audit_log", "SELECT") in first
    assert not {("audit_log", p) for p in ("UPDATE", "DELETE", "TRUNCATE")} & first
    assert ("users", "name", "SELECT") in first
    assert ("users", "pin_hash", "SELECT") not in first
    assert ("kenpin_pin_matches", "execute") in first
    assert ("public", "create") not in first
    engine = create_engine(roles.admin_url)
    with engine.connect() as conn:
        owners = conn.execute(
            text(
                "SELECT DISTINCT pg_get_userbyid(relowner) FROM pg_class"
                " WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'S')"
                " UNION SELECT pg_get_userbyid(proowner) FROM pg_proc"
                " WHERE proname LIKE 'kenpin_pin_%'"
            )
        ).scalars()
        assert set(owners) == {roles.owner}
        # PUBLIC (grantee 0: every role) may use nothing of the schema (no ACL: the default).
        to_public = conn.scalar(
            text(
                "SELECT count(*) FROM pg_class,"
                " aclexplode(coalesce(relacl, acldefault('r', relowner))) AS acl"
                " WHERE relnamespace = 'public'::regnamespace AND acl.grantee = 0"
                " UNION ALL SELECT count(*) FROM pg_proc,"
                " aclexplode(coalesce(proacl, acldefault('f', proowner))) AS acl"
                " WHERE pronamespace = 'public'::regnamespace AND acl.grantee = 0"
                " ORDER BY 1 DESC LIMIT 1"
            )
        )
        assert to_public == 0
    engine.dispose()


def test_every_table_of_the_schema_is_named_in_the_station_privileges() -> None:
    # A new table must be decided on: what may a station do to it?
    assert set(Base.metadata.tables) | {"alembic_version"} == set(STATION_TABLES)


@pg
def test_a_whole_pack_and_a_supervisor_signing_in_as_the_station_role(
    granted: tuple[Roles, Database],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    roles, station = granted
    stock_bench(station)
    tracking_block(station)
    add_user(station, "Boss", "supervisor", BOSS, SUPERVISOR_PIN)
    scans = scan_file(tmp_path, "pack.jsonl", [*PACK_1001, "KCMD:COMPLETE", number(0)])
    folder = tmp_path / "labels"
    args = ["--db", roles.station_url, "replay", str(scans), "--station", "S1"]

    assert main([*args, "--printer", f"file://{folder}"]) == 0

    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [line["verdict"] for line in lines[-2:]] == ["accepted", "accepted"]
    assert (folder / f"{number(0)}.zpl").is_file()
    assert signed_in(station, Credentials(BOSS, SUPERVISOR_PIN), place="test").name == "Boss"
    monkeypatch.setenv("KENPIN_PIN", "0000")
    void = ["--db", roles.station_url, "label", "void", number(0), "--badge", BOSS]
    assert main(void) == 1
    assert "PIN: wrong PIN for Boss" in capsys.readouterr().err
    monkeypatch.setenv("KENPIN_PIN", SUPERVISOR_PIN)
    assert main(void) == 0
    assert f"new label {number(1)}" in capsys.readouterr().out
    # The report rolls the pack's scans up first (LOCK TABLE scans IN SHARE MODE).
    report = tmp_path / "packers.csv"
    by_packer = ["report", "packers", "--format", "csv", "--out", str(report)]
    assert main(["--db", roles.station_url, *by_packer]) == 0
    assert "Hanako" in report.read_text(encoding="utf-8-sig")


@pg
def test_wrong_pins_lock_a_badge_through_the_pin_functions(
    granted: tuple[Roles, Database],
) -> None:
    _roles, station = granted
    add_user(station, "Boss", "supervisor", BOSS, SUPERVISOR_PIN)
    for _ in range(4):
        with pytest.raises(Refused, match=r"PIN: wrong PIN for Boss$"):
            signed_in(station, Credentials(BOSS, "1111"), place="test")
    with pytest.raises(Refused, match="wrong PIN for Boss; the badge is locked until"):
        signed_in(station, Credentials(BOSS, "1111"), place="test")
    with pytest.raises(Refused, match="--badge: locked after too many wrong PINs"):
        signed_in(station, Credentials(BOSS, SUPERVISOR_PIN), place="test")


@pg
def test_the_station_role_reads_no_pin_hash_and_cannot_change_the_audit_trail(
    granted: tuple[Roles, Database], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    roles, station = granted
    stock_bench(station)
    login = scan_file(tmp_path, "login.jsonl", [PACK_1001[0]])
    assert main(["--db", roles.station_url, "replay", str(login), "--station", "S1"]) == 0
    assert main(["--db", roles.station_url, "audit", "list", "--action", "station.login"]) == 0
    assert "station.login" in capsys.readouterr().out
    assert main(["--db", roles.station_url, "audit", "verify"]) == 0

    engine = create_engine(roles.station_url)
    for statement in (
        "SELECT pin_hash FROM users",
        "SELECT * FROM users",
        "UPDATE audit_log SET detail = ''",
        "DELETE FROM audit_log",
        "TRUNCATE audit_log",
        "UPDATE users SET name = 'X'",
        "UPDATE users SET badge_hash = 'X'",
        "UPDATE users SET role = 'admin'",
        "DELETE FROM stock_moves",
        "INSERT INTO badge_keys (key, created_at) VALUES ('00', now())",
        "CREATE TABLE mine (id int)",
    ):
        with engine.connect() as conn, pytest.raises(ProgrammingError, match="permission denied"):
            conn.execute(text(statement))
    with engine.connect() as conn:
        assert conn.execute(text("SELECT name FROM users ORDER BY id")).scalars().all() == [
            "Hanako",
            "Taro",
        ]
    engine.dispose()


@pg
def test_imports_allocation_reports_and_exports_as_the_station_role(
    granted: tuple[Roles, Database],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    roles, _station = granted
    monkeypatch.setenv("KENPIN_PIN", "2468")  # the demo admin's, for settings set
    db = ["--db", roles.station_url]
    # The demo goes through the imports (products, stock, three order files), users,
    # tracking blocks, the shop settings and allocation.
    assert main([*db, "demo", "--no-window"]) == 0
    for command in (
        ["orders", "list"],
        ["stock", "check"],
        ["settings", "set", "shop.phone", "06-0000-0000", "--badge", "BADGE-ADMIN-01"],
        ["report", "packers", "--format", "csv", "--out", str(tmp_path / "packers.csv")],
        ["report", "confusions", "--format", "pdf", "--out", str(tmp_path / "pairs.pdf")],
        ["mismatches", "export", "--out", str(tmp_path / "mismatches.csv")],
        ["print", "pick-list", "--out", str(tmp_path / "pick.pdf")],
        ["audit", "verify"],
    ):
        assert main([*db, *command]) == 0, command
    assert (tmp_path / "packers.csv").is_file() and (tmp_path / "pick.pdf").is_file()


@pg
def test_a_table_the_grant_does_not_reach_is_named_with_what_to_do(
    granted: tuple[Roles, Database], capsys: pytest.CaptureFixture[str]
) -> None:
    roles, _station = granted
    engine = create_engine(roles.admin_url)
    with engine.begin() as conn:
        conn.execute(text(f'REVOKE SELECT ON orders FROM "{roles.station}"'))
    engine.dispose()

    assert main(["--db", roles.station_url, "orders", "list"]) == 1

    said = capsys.readouterr().err
    assert "database refused: permission denied for table orders" in said
    assert "`kenpin db grant` again" in said


@pg
def test_missing_roles_are_refused_saying_how_to_make_them(
    pg_copy: str, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["--db", pg_copy, "db", "grant", "--owner", "kenpin_nobody_x", "--station", "s"]
    assert main(args) == 1
    said = capsys.readouterr().err
    assert "--owner: no role 'kenpin_nobody_x'" in said
    assert "CREATE ROLE kenpin_nobody_x LOGIN PASSWORD" in said


@pg
def test_the_owner_cannot_take_a_schema_another_role_made(
    roles: Roles, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _privileges(roles.admin_url, roles.station)

    assert roles.grant(_as(roles.admin_url, roles.owner)) == 1

    said = capsys.readouterr().err
    assert f"connected as {roles.owner}, who does not own alembic_version" in said
    assert "run db grant as a superuser" in said
    assert _privileges(roles.admin_url, roles.station) == before


@pg
def test_a_station_role_with_the_owners_rights_is_refused(
    roles: Roles, capsys: pytest.CaptureFixture[str]
) -> None:
    engine = create_engine(roles.admin_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'GRANT "{roles.owner}" TO "{roles.station}"'))
    engine.dispose()
    before = _privileges(roles.admin_url, roles.station)

    assert roles.grant() == 1

    assert f"is a member of {roles.owner}" in capsys.readouterr().err
    assert _privileges(roles.admin_url, roles.station) == before


@pg
def test_the_owner_migrates_a_database_of_its_own_then_grants(
    roles: Roles, pg_admin: Engine, capsys: pytest.CaptureFixture[str]
) -> None:
    name = f"kenpin_test_{uuid.uuid4().hex[:12]}"
    with pg_admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}" OWNER "{roles.owner}"'))
    try:
        url = make_url(roles.admin_url).set(database=name).render_as_string(hide_password=False)
        owner_url = _as(url, roles.owner)
        assert main(["--db", owner_url, "db", "upgrade"]) == 0
        assert roles.grant(owner_url) == 0
        assert main(["--db", _as(url, roles.station), "orders", "list"]) == 0
        assert "moved to" not in capsys.readouterr().out  # the owner made everything
    finally:
        with pg_admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


def test_db_grant_refuses_sqlite_and_makes_no_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "kenpin.db"
    args = ["--db", f"sqlite:///{path}", "db", "grant", "--owner", "o", "--station", "s"]
    assert main(args) == 1
    assert "db grant is for PostgreSQL" in capsys.readouterr().err
    assert not path.exists()


@pg
def test_a_schema_older_than_this_kenpin_is_refused_until_upgraded(
    roles: Roles, capsys: pytest.CaptureFixture[str]
) -> None:
    engine = create_engine(roles.admin_url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0016'"))
    engine.dispose()

    assert roles.grant() == 1

    said = capsys.readouterr().err
    assert f"the schema is at 0016, this Kenpin's is {head_revision()}" in said
    assert "run `kenpin db upgrade` as the owner first" in said


def test_a_pin_is_checked_by_its_digest_on_either_database(db: Database) -> None:
    # SQLite reads users.pin_hash itself; PostgreSQL asks the functions of migration 0017.
    add_user(db, "Boss", "supervisor", BOSS, SUPERVISOR_PIN)
    add_user(db, "Hanako", "packer", "B-001")
    with db.write() as s:
        boss, hanako = badge_user(s, BOSS), badge_user(s, "B-001")
        assert boss is not None and hanako is not None
        salt = badges.credentials(s, boss.user_id, utcnow()).salt
        assert salt is not None
        assert badges.digest_matches(s, boss.user_id, pin_digest(SUPERVISOR_PIN, salt))
        assert not badges.digest_matches(s, boss.user_id, pin_digest("0000", salt))
        assert badges.credentials(s, hanako.user_id, utcnow()).salt is None
        assert not badges.digest_matches(s, hanako.user_id, "")
