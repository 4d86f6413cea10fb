"""PIN check function: stations on PostgreSQL check a PIN without reading its hash

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-01

PostgreSQL only (a no-op on SQLite, where the station reads the file itself).
`kenpin db grant` leaves the station role no SELECT on `users.pin_hash`; two
SECURITY DEFINER functions, owned by the schema's owner, answer for it:

- `kenpin_pin_salt(user_id)`: the salt of the user's `scrypt$SALT$DIGEST`
  (NULL when the user has no PIN), holding the user's row until the
  transaction ends, as reading the hash `FOR UPDATE` did: two wrong PINs at
  once are counted one after the other;
- `kenpin_pin_matches(user_id, digest)`: whether the scrypt digest the station
  computed from the typed PIN and that salt is the stored one. A wrong one is
  written to the server's log (`RAISE LOG`), which a rolled-back transaction
  cannot take back.

A salt is no secret; the digest that would let a PIN be guessed offline never
leaves the database. Each function's `search_path` is the schema it was made
in, then `pg_temp` last, so a temporary table cannot stand in for `users`.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None

#: `users.pin_hash` as `scrypt$SALT$DIGEST`, or NULL for anything else ('' = no PIN).
_PARTS = "CASE WHEN stored ~ '^scrypt\\$[0-9a-f]+\\$[0-9a-f]+$' THEN string_to_array(stored, '$') END"


def upgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name != "postgresql":
        return
    schema = conn.scalar(sa.text("SELECT current_schema()"))
    path = f"{conn.dialect.identifier_preparer.quote(str(schema))}, pg_temp"
    op.execute(
        "CREATE FUNCTION kenpin_pin_salt(for_user bigint) RETURNS text"
        f" LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = {path} AS $$"
        " DECLARE stored text;"
        " BEGIN"
        "  SELECT pin_hash INTO stored FROM users WHERE id = for_user FOR UPDATE;"
        f"  RETURN ({_PARTS})[2];"
        " END $$"
    )
    op.execute(
        "CREATE FUNCTION kenpin_pin_matches(for_user bigint, digest text) RETURNS boolean"
        f" LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = {path} AS $$"
        " DECLARE stored text; matched boolean;"
        " BEGIN"
        "  SELECT pin_hash INTO stored FROM users WHERE id = for_user;"
        f"  matched := coalesce(({_PARTS})[3] = digest, false);"
        "  IF NOT matched THEN"
        "   RAISE LOG 'kenpin: wrong PIN for user % (checked as role %)', for_user, session_user;"
        "  END IF;"
        "  RETURN matched;"
        " END $$"
    )
    # Executable by the station role alone, once `kenpin db grant` has named it.
    op.execute("REVOKE ALL ON FUNCTION kenpin_pin_salt(bigint) FROM PUBLIC")
    op.execute("REVOKE ALL ON FUNCTION kenpin_pin_matches(bigint, text) FROM PUBLIC")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP FUNCTION IF EXISTS kenpin_pin_matches(bigint, text)")
    op.execute("DROP FUNCTION IF EXISTS kenpin_pin_salt(bigint)")
