"""A PostgreSQL schema of its own for one test or benchmark run, dropped afterwards."""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Iterator
from urllib.parse import quote

from sqlalchemy import create_engine, text


@contextlib.contextmanager
def fresh_schema(base_url: str, prefix: str = "bench_") -> Iterator[str]:
    """A URL like `base_url` whose search_path is a new, empty schema; the schema is
    dropped with everything in it when the block ends."""
    schema = f"{prefix}{uuid.uuid4().hex[:12]}"
    admin = create_engine(base_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
        sep = "&" if "?" in base_url else "?"
        try:
            yield f"{base_url}{sep}options={quote(f'-csearch_path={schema}')}"
        finally:
            with admin.connect() as conn:
                conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    finally:
        admin.dispose()


@contextlib.contextmanager
def bench_database(base_url: str, keep_url: str | None) -> Iterator[str]:
    """`keep_url` as it is when given (its data built once and reused by later runs),
    else a fresh schema of `base_url`'s database, dropped afterwards."""
    if keep_url:
        yield keep_url
        return
    with fresh_schema(base_url) as url:
        yield url
