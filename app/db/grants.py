"""Least privilege on PostgreSQL (`kenpin db grant`): an owner role holds the schema, and
stations connect as a role that may do only what a station does.

What the station role may do to each table is written out below, table by
table, from what Kenpin's code does to it (a test runs every command as that
role). Everything else is revoked, from it and from PUBLIC, on every run, so
running it again gives the same privileges. The station role can append to the
audit trail but never change it; it reads every column of `users` but
`pin_hash`, and checks a PIN through the owner's functions of migration 0017
instead (`app.db.badges`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Connection, text

from app.core.errors import Refused

READ = ("SELECT",)
APPEND = ("SELECT", "INSERT")
WRITE = ("SELECT", "INSERT", "UPDATE")
ALL = ("SELECT", "INSERT", "UPDATE", "DELETE")

#: What the station role may do to each table. A table missing here stays out of its
#: reach (a test makes sure each table of the models is named).
STATION_TABLES: dict[str, tuple[str, ...]] = {
    # Read at every start (is the schema current?); migrating is the owner's.
    "alembic_version": READ,
    # Append-only: triggers refuse UPDATE and DELETE too, but the owner could drop those.
    "audit_log": APPEND,
    "stock_moves": APPEND,
    "badge_failures": APPEND,
    # Read to hash each scanned badge at the station (see the README: The database roles).
    "badge_keys": READ,
    "barcodes": WRITE,
    "import_batches": ALL,
    "locations": WRITE,
    "lots": WRITE,
    "mismatch_log": WRITE,
    "order_lines": ALL,
    "orders": ALL,
    "pack_sessions": WRITE,
    "parcels": WRITE,
    "print_jobs": WRITE,
    "products": WRITE,
    "refusal_hours": WRITE,
    # The confused-pairs roll-up: pairs added up per hour, and refusals still waiting for
    # their pack's next unit (deleted once paired or given up).
    "confusion_hours": WRITE,
    "unpaired_refusals": ALL,
    "report_progress": WRITE,
    "reservations": ALL,
    "scan_hours": WRITE,
    # UPDATE: an undo marks the scan it takes back.
    "scans": WRITE,
    "shop_settings": ALL,
    "station_state": WRITE,
    "stations": WRITE,
    "stock_balances": WRITE,
    "stock_import_rows": ALL,
    "tracking_blocks": WRITE,
    # Waves of orders for the pickers; a released wave's orders lose their `held` mark.
    "waves": WRITE,
    "wave_orders": WRITE,
    # A wave picked by scan: its claim, and the units taken (an undo marks one).
    "pick_sessions": WRITE,
    "picked_units": WRITE,
    # The order a tote carries to packing (a tote is made when first scanned).
    "totes": WRITE,
    # Dispatch: a carrier's manifest is written once, when closed; each order sent to a shop
    # platform's shipment file is recorded (`kenpin notify export --again` sends it anew).
    "manifests": APPEND,
    # Receiving: deliveries are imported and closed, their lines count the units received.
    "deliveries": WRITE,
    "delivery_lines": WRITE,
    "notice_exports": WRITE,
    # Shipment e-mails: a row per order's mail, its status changed as it is sent; the
    # shop's templates, written by an admin (`kenpin notify template set`).
    "mail_outbox": WRITE,
    "mail_templates": WRITE,
    # Users are added (with their PIN's hash: writing it is not reading it); an admin at a
    # station may deactivate one or set a new PIN (USERS_UPDATED), never rename one or change
    # a badge or role. SELECT is granted column by column (USERS_HIDDEN below).
    "users": ("INSERT",),
}
#: Columns of `users` the station role may change: the Admin page's deactivate and new PIN
#: (each checked against an admin's badge and PIN by Kenpin, and audited).
USERS_UPDATED = ("active", "pin_hash")
#: Columns of `users` the station role may not read.
USERS_HIDDEN = ("pin_hash",)
#: The functions the station role calls instead of reading `users.pin_hash`.
STATION_FUNCTIONS = ("kenpin_pin_salt(bigint)", "kenpin_pin_matches(bigint, text)")
#: Kinds of relation `grant` hands to the owner: tables and sequences (Kenpin makes no
#: views).
_RELATIONS = "('r', 'p', 'S')"

_SCHEMA = "(SELECT oid FROM pg_namespace WHERE nspname = :schema)"
_IN_SCHEMA = "relnamespace = " + _SCHEMA
#: Built-in roles whose members read or write every table, whatever was granted.
_ALL_DATA = ("pg_read_all_data", "pg_write_all_data")

_CREATE_ROLE = "CREATE ROLE {role} LOGIN PASSWORD '...'"


@dataclass(frozen=True, slots=True)
class Granted:
    """What `grant` did: the schema, what changed owner, what the station role may reach."""

    schema: str
    owner: str
    station: str
    moved: tuple[str, ...]
    tables: int
    left_out: tuple[str, ...]

    def lines(self) -> list[str]:
        """What `kenpin db grant` prints."""
        said = [f"schema {self.schema}: owned by {self.owner}, with its tables and functions"]
        if self.moved:
            said.append(f"moved to {self.owner}: {', '.join(self.moved)}")
        append_only = ", ".join(sorted(t for t, what in STATION_TABLES.items() if what == APPEND))
        functions = ", ".join(function.split("(")[0] for function in STATION_FUNCTIONS)
        said.append(
            f"{self.station}: {self.tables} tables as a station needs them; {append_only} "
            f"append-only; users without {', '.join(USERS_HIDDEN)} (PINs checked by {functions})"
        )
        if self.left_out:
            said.append(
                f"not granted to {self.station} (unknown to Kenpin): " + ", ".join(self.left_out)
            )
        return said


def grant(conn: Connection, owner: str, station: str, head: str | None) -> Granted:
    """Give the schema the connection works in to `owner` and what a station needs to
    `station`, in the connection's transaction; refused, changing nothing, when a role is
    missing or unfit, this connection may not hand the schema over, or the schema is not
    at the migration `head`."""
    _check_roles(conn, owner, station)
    schema = str(conn.scalar(text("SELECT current_schema()")))
    _check_may_hand_over(conn, schema, owner)
    _check_current(conn, head)
    q = conn.dialect.identifier_preparer.quote
    owner_q, station_q, schema_q = q(owner), q(station), q(schema)
    moved = _hand_over(conn, schema, owner)
    database = q(str(conn.scalar(text("SELECT current_database()"))))
    for statement in (
        f"REVOKE ALL ON ALL TABLES IN SCHEMA {schema_q} FROM PUBLIC, {station_q}",
        f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA {schema_q} FROM PUBLIC, {station_q}",
        f"REVOKE ALL ON ALL FUNCTIONS IN SCHEMA {schema_q} FROM PUBLIC, {station_q}",
        f"REVOKE CREATE ON SCHEMA {schema_q} FROM PUBLIC, {station_q}",
        f"GRANT USAGE ON SCHEMA {schema_q} TO {station_q}",
        # TEMPORARY: a stock import matches its keys through a temporary table.
        f"GRANT CONNECT, TEMPORARY ON DATABASE {database} TO {station_q}",
        # A function the owner makes later is nobody's to run until granted.
        f"ALTER DEFAULT PRIVILEGES FOR ROLE {owner_q} REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC",
    ):
        conn.exec_driver_sql(statement)
    tables = set(
        _names(
            conn,
            f"SELECT relname FROM pg_class WHERE {_IN_SCHEMA} AND relkind IN ('r', 'p')",
            schema,
        )
    )
    for table in sorted(tables & STATION_TABLES.keys()):
        what = ", ".join(STATION_TABLES[table])
        conn.exec_driver_sql(f"GRANT {what} ON TABLE {schema_q}.{q(table)} TO {station_q}")
    readable = [
        column
        for column in _names(
            conn,
            "SELECT column_name FROM information_schema.columns"
            " WHERE table_schema = :schema AND table_name = 'users' ORDER BY ordinal_position",
            schema,
        )
        if column not in USERS_HIDDEN
    ]
    columns = ", ".join(q(column) for column in readable)
    conn.exec_driver_sql(f"GRANT SELECT ({columns}) ON TABLE {schema_q}.users TO {station_q}")
    changed = ", ".join(q(column) for column in USERS_UPDATED)
    conn.exec_driver_sql(f"GRANT UPDATE ({changed}) ON TABLE {schema_q}.users TO {station_q}")
    for sequence in _sequences_of(conn, schema, _inserted()):
        conn.exec_driver_sql(f"GRANT USAGE ON SEQUENCE {schema_q}.{q(sequence)} TO {station_q}")
    for function in STATION_FUNCTIONS:
        conn.exec_driver_sql(f"GRANT EXECUTE ON FUNCTION {schema_q}.{function} TO {station_q}")
    return Granted(
        schema,
        owner,
        station,
        moved,
        len(tables & STATION_TABLES.keys()),
        tuple(sorted(tables - STATION_TABLES.keys())),
    )


def _inserted() -> set[str]:
    """The tables the station role inserts into (it draws their ids from their sequences)."""
    return {table for table, what in STATION_TABLES.items() if "INSERT" in what}


def _names(conn: Connection, query: str, schema: str) -> list[str]:
    return [str(name) for name in conn.scalars(text(query), {"schema": schema})]


def _check_roles(conn: Connection, owner: str, station: str) -> None:
    """Refuse roles that are missing, the same, or that would give the station everything."""
    if owner == station:
        raise Refused("--station: must be another role than --owner")
    found = {
        str(row.rolname): row
        for row in conn.execute(
            text(
                "SELECT rolname, rolsuper, rolbypassrls FROM pg_roles"
                " WHERE rolname IN (:owner, :station)"
            ),
            {"owner": owner, "station": station},
        )
    }
    quote = conn.dialect.identifier_preparer.quote
    for option, role in (("--owner", owner), ("--station", station)):
        if role not in found:
            raise Refused(
                f"{option}: no role {role!r} in this database cluster; create it first, as a "
                f"superuser: {_CREATE_ROLE.format(role=quote(role))}"
            )
    if found[owner].rolsuper:
        raise Refused(
            f"--owner: {owner} is a superuser, and the PIN functions run with their owner's "
            "rights: give the schema to a plain role"
        )
    if found[station].rolsuper or found[station].rolbypassrls:
        raise Refused(
            f"--station: {station} is a superuser (or bypasses row security): no privilege "
            "would hold it back; give stations a plain LOGIN role"
        )
    if conn.scalar(
        text(
            "SELECT pg_has_role(:station, datdba, 'USAGE') FROM pg_database"
            " WHERE datname = current_database()"
        ),
        {"station": station},
    ):
        raise Refused(
            f"--station: {station} owns this database (and so its schema public); "
            f"ALTER DATABASE ... OWNER TO {owner} first"
        )
    for wide in (owner, *_ALL_DATA):
        if conn.scalar(
            text("SELECT pg_has_role(:station, oid, 'USAGE') FROM pg_roles WHERE rolname = :wide"),
            {"station": station, "wide": wide},
        ):
            raise Refused(
                f"--station: {station} is a member of {wide} and has all its rights; "
                f"REVOKE {wide} FROM {station} first"
            )


def _check_may_hand_over(conn: Connection, schema: str, owner: str) -> None:
    """Refuse, before anything changes, when this connection's role could not give the
    schema and everything in it to `owner`."""
    me = str(conn.scalar(text("SELECT current_user")))
    if not conn.scalar(
        text("SELECT pg_has_role(current_user, :owner, 'MEMBER')"), {"owner": owner}
    ):
        raise Refused(
            f"--owner: connected as {me}, who cannot act as {owner}: run db grant as {owner} "
            "or as a superuser"
        )
    foreign = _names(
        conn,
        f"SELECT relname FROM pg_class WHERE {_IN_SCHEMA}"
        f" AND relkind IN {_RELATIONS} AND NOT pg_has_role(current_user, relowner, 'MEMBER')"
        " UNION ALL SELECT proname || '()' FROM pg_proc WHERE pronamespace = "
        + _SCHEMA
        + " AND NOT pg_has_role(current_user, proowner, 'MEMBER')"
        " UNION ALL SELECT nspname FROM pg_namespace WHERE nspname = :schema"
        " AND NOT pg_has_role(current_user, nspowner, 'MEMBER') ORDER BY 1",
        schema,
    )
    if foreign:
        raise Refused(
            f"connected as {me}, who does not own {', '.join(foreign[:5])}"
            f"{' ...' if len(foreign) > 5 else ''}: run db grant as a superuser"
        )


def _check_current(conn: Connection, head: str | None) -> None:
    """Refuse a schema that is not at `head`: its tables are not the ones listed here."""
    at = None
    if conn.scalar(text("SELECT to_regclass('alembic_version')")) is not None:
        at = conn.scalar(text("SELECT max(version_num) FROM alembic_version"))
    if at != head:
        raise Refused(
            f"the schema is at {at or 'nothing yet'}, this Kenpin's is {head}: run "
            "`kenpin db upgrade` as the owner first"
        )


def _hand_over(conn: Connection, schema: str, owner: str) -> tuple[str, ...]:
    """Make `owner` the owner of the schema, its tables (their sequences follow), other
    sequences and functions; what moved ("schema public", "28 tables", ...)."""
    q = conn.dialect.identifier_preparer.quote
    moved: list[str] = []
    not_owners = " AND {owner} <> (SELECT oid FROM pg_roles WHERE rolname = :owner)"
    # A schema the owner holds through pg_database_owner (public, in a database the owner
    # owns) stays as it is.
    if conn.scalar(
        text(
            "SELECT 1 FROM pg_namespace WHERE nspname = :schema"
            " AND NOT pg_has_role(:owner, nspowner, 'USAGE')"
        ),
        {"schema": schema, "owner": owner},
    ):
        conn.exec_driver_sql(f"ALTER SCHEMA {q(schema)} OWNER TO {q(owner)}")
        moved.append(f"schema {schema}")
    relations = f"SELECT relname FROM pg_class WHERE {_IN_SCHEMA}" + not_owners.format(
        owner="relowner"
    )
    functions = (
        "SELECT proname || '(' || pg_get_function_identity_arguments(oid) || ')' FROM pg_proc"
        f" WHERE pronamespace = {_SCHEMA}" + not_owners.format(owner="proowner")
    )
    # Tables first: their sequences follow them, so only sequences of no table are left.
    for kind, query in (
        ("TABLE", relations + " AND relkind IN ('r', 'p')"),
        ("SEQUENCE", relations + " AND relkind = 'S'"),
        ("FUNCTION", functions),
    ):
        names = [
            str(name) for name in conn.scalars(text(query), {"schema": schema, "owner": owner})
        ]
        for name in names:
            target = name if kind == "FUNCTION" else q(name)
            conn.exec_driver_sql(f"ALTER {kind} {q(schema)}.{target} OWNER TO {q(owner)}")
        if names:
            moved.append(f"{len(names)} {kind.lower()}{'s' if len(names) > 1 else ''}")
    return tuple(moved)


def _sequences_of(conn: Connection, schema: str, tables: Iterable[str]) -> list[str]:
    """The sequences that give `tables`' columns their values (their ids)."""
    rows = conn.execute(
        text(
            "SELECT s.relname, t.relname FROM pg_class s"
            " JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = s.oid"
            " AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')"
            " JOIN pg_class t ON t.oid = d.refobjid"
            " WHERE s.relkind = 'S' AND s.relnamespace = " + _SCHEMA
        ),
        {"schema": schema},
    )
    wanted = set(tables)
    return sorted(str(sequence) for sequence, table in rows if table in wanted)
