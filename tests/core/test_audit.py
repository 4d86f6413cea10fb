"""The audit chain's rules: one canonical text per row, and each kind of broken link found
and named."""

from __future__ import annotations

import datetime as dt

from app.core.audit import GENESIS, AuditRow, ChainWalk, Flaw, canonical, chain_hash
from app.core.times import JAPAN

AT = dt.datetime(2026, 4, 1, 1, 0, tzinfo=dt.UTC)


def chain(count: int) -> list[tuple[AuditRow, str, str]]:
    """`count` rows chained from the start: each row with its prev_hash and hash."""
    rows, prev = [], GENESIS
    for n in range(1, count + 1):
        row = AuditRow(n, AT, n if n % 2 else None, "S1", "station.login", f'{{"user": "u{n}"}}')
        rows.append((row, prev, chain_hash(prev, row)))
        prev = rows[-1][2]
    return rows


def walk(rows: list[tuple[AuditRow, str, str]]) -> tuple[ChainWalk, list[str]]:
    walker, found = ChainWalk(), []
    for row, prev, stored in rows:
        broken = walker.step(row, prev, stored)
        if broken is not None:
            found.append(f"{broken.flaw}: {broken}")
            break
    return walker, found


def test_the_hash_is_the_same_whatever_zone_the_time_was_read_in() -> None:
    row = AuditRow(1, AT, 7, "S1", "user.add", "Hanako (packer), user 7")
    in_japan = AuditRow(1, AT.astimezone(JAPAN), 7, "S1", "user.add", "Hanako (packer), user 7")
    as_sqlite_reads_it = AuditRow(1, AT.replace(tzinfo=None), 7, "S1", "user.add", row.detail)
    assert chain_hash(GENESIS, row) == chain_hash(GENESIS, in_japan)
    assert chain_hash(GENESIS, row) == chain_hash(GENESIS, as_sqlite_reads_it)
    assert len(chain_hash(GENESIS, row)) == 64


def test_every_field_and_the_hash_before_are_covered_and_cannot_run_into_each_other() -> None:
    row = AuditRow(1, AT, 7, "S1", "label.void", "a")
    variants = [
        AuditRow(2, AT, 7, "S1", "label.void", "a"),
        AuditRow(1, AT + dt.timedelta(microseconds=1), 7, "S1", "label.void", "a"),
        AuditRow(1, AT, None, "S1", "label.void", "a"),
        AuditRow(1, AT, 7, "S2", "label.void", "a"),
        AuditRow(1, AT, 7, "S1", "label.voi", "da"),  # a letter moved between two fields
        AuditRow(1, AT, 7, "S1", "label.void", "b"),
    ]
    hashes = {chain_hash(GENESIS, variant) for variant in variants}
    assert len(hashes) == len(variants) and chain_hash(GENESIS, row) not in hashes
    assert chain_hash("1" * 64, row) != chain_hash(GENESIS, row)
    assert "東京".encode() in canonical(GENESIS, AuditRow(1, AT, None, "東京", "x", ""))


def test_a_whole_chain_is_summed_up_in_one_line() -> None:
    rows = chain(1234)
    walker, found = walk(rows)
    assert found == []
    assert walker.summary() == f"1,234 audit rows, chain intact; last hash {rows[-1][2]}"
    assert ChainWalk().summary() == "0 audit rows, chain intact"


def test_a_changed_row_is_named() -> None:
    rows = chain(5)
    row, prev, stored = rows[2]
    rows[2] = (AuditRow(3, AT, row.user_id, "S1", "station.login", '{"user": "x"}'), prev, stored)
    walker, found = walk(rows)
    assert found == [
        "changed: audit row 3 (2026-04-01 01:00:00 UTC, station.login) was changed after it "
        "was written: its content does not match its hash"
    ]
    assert walker.summary().startswith("2 audit rows")


def test_a_row_rehashed_after_a_change_breaks_the_next_link() -> None:
    rows = chain(5)
    row, prev, _stored = rows[2]
    changed = AuditRow(3, AT, row.user_id, "S1", "station.login", '{"user": "x"}')
    rows[2] = (changed, prev, chain_hash(prev, changed))
    assert walk(rows)[1] == [
        "unlinked: audit row 4 (2026-04-01 01:00:00 UTC, station.login) does not chain to "
        "row 3's hash"
    ]


def test_removed_rows_are_named_in_the_middle_and_at_the_start() -> None:
    rows = chain(6)
    assert walk(rows[:2] + rows[3:])[1] == [
        "missing: row 3 is missing: audit row 4 (2026-04-01 01:00:00 UTC, station.login) "
        "follows row 2"
    ]
    assert walk(rows[:2] + rows[4:])[1][0].startswith("missing: rows 3 to 4 are missing")
    assert walk(rows[3:])[1][0].startswith(
        "missing: rows 1 to 3 are missing: the chain begins at audit row 4"
    )


def test_a_first_row_that_does_not_start_from_genesis_is_unlinked() -> None:
    row, _prev, _stored = chain(1)[0]
    broken = ChainWalk().step(row, "f" * 64, chain_hash("f" * 64, row))
    assert broken is not None and broken.flaw is Flaw.UNLINKED
    assert str(broken).endswith("does not chain to the chain's start")
