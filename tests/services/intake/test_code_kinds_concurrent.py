"""Two kinds of code added at the same moment on PostgreSQL: only one may get the code."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import select

from app.core.errors import Refused
from app.db.badges import badge_hash
from app.db.database import Database
from app.db.models import Barcode, User
from app.services.intake import import_products
from app.services.users import add_user
from tests.intake_support import write_csv

ROUNDS = 30


@pytest.mark.pg
def test_a_badge_and_a_barcode_added_at_once_never_share_a_code(
    pg_copy: str, tmp_path: Path
) -> None:
    # PostgreSQL only: SQLite runs one write transaction at a time.
    db_url = pg_copy
    start = threading.Barrier(2)
    errors: list[BaseException] = []

    def badges(db: Database) -> None:
        for i in range(ROUNDS):
            start.wait()
            with contextlib.suppress(Refused):
                add_user(db, f"user {i}", "packer", f"CODE-{i}")

    def barcodes(db: Database) -> None:
        for i in range(ROUNDS):
            path = write_csv(
                tmp_path / f"p{i}.csv", ["sku", "name", "barcode"], [[f"S{i}", "x", f"CODE-{i}"]]
            )
            start.wait()
            with contextlib.suppress(Refused):
                import_products(db, path)

    def run(work: Callable[[Database], None]) -> threading.Thread:
        def guarded() -> None:
            db = Database(db_url)
            try:
                work(db)
            except BaseException as exc:  # reported by the test, not lost in the thread
                errors.append(exc)
                start.abort()
            finally:
                db.dispose()

        thread = threading.Thread(target=guarded)
        thread.start()
        return thread

    for thread in [run(badges), run(barcodes)]:
        thread.join(timeout=300)
    assert errors == []
    db = Database(db_url)
    with db.read() as s:
        hashes = set(s.scalars(select(User.badge_hash)))
        # Badges are kept as keyed hashes: a code is a badge when its hash is stored.
        badge_codes = [f"CODE-{i}" for i in range(ROUNDS) if badge_hash(s, f"CODE-{i}") in hashes]
        product_codes = list(s.scalars(select(Barcode.code)))
    db.dispose()
    # Each code went to the one that asked first; the other was refused.
    assert sorted(set(badge_codes) & set(product_codes)) == []
    assert sorted(badge_codes + product_codes) == sorted(f"CODE-{i}" for i in range(ROUNDS))
