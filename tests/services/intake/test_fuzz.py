"""Random and damaged files: every import either imports or refuses with problems that
name where, never a traceback, and a refused file changes nothing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core.errors import KenpinError
from app.db.database import Database
from app.services.intake import ImportResult, import_orders, import_products, import_stock
from tests.intake_support import row_counts

SAMPLES = Path(__file__).parents[3] / "resources" / "sample"

Importer = Callable[[Database, Path], ImportResult]
IMPORTERS: dict[str, tuple[Importer, str]] = {
    "products": (import_products, "products.csv"),
    "stock": (import_stock, "stock.csv"),
    "orders": (import_orders, "orders_generic.csv"),
    "shopify": (import_orders, "orders_shopify.csv"),
    "marketplace": (import_orders, "orders_marketplace_cp932.csv"),
}


@st.composite
def damaged(draw: st.DrawFn, original: bytes) -> bytes:
    """`original` with a few bytes replaced, removed or added, or cut short."""
    data = bytearray(original)
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(data)))
        how = draw(st.sampled_from(["replace", "remove", "insert", "cut"]))
        piece = draw(
            st.binary(min_size=1, max_size=4) | st.sampled_from([b",", b'"', b"\n", b"\r"])
        )
        if how == "replace":
            data[at : at + len(piece)] = piece
        elif how == "remove":
            del data[at : at + draw(st.integers(1, 40))]
        elif how == "insert":
            data[at:at] = piece
        else:
            del data[at:]
    return bytes(data)


def _files(sample: str) -> st.SearchStrategy[bytes]:
    original = (SAMPLES / sample).read_bytes()
    # Small samples keep each example quick: the first lines of the file, damaged.
    head = b"\n".join(original.split(b"\n")[:25]) + b"\n"
    return damaged(head) | st.binary(max_size=400) | st.just(head)


@pytest.fixture
def catalogue(sqlite_db: Database) -> Database:
    """The sample products, so stock and orders files can name them."""
    import_products(sqlite_db, SAMPLES / "products.csv")
    return sqlite_db


@pytest.mark.parametrize("kind", list(IMPORTERS))
def test_a_random_or_damaged_file_imports_or_is_refused_and_changes_nothing(
    kind: str, catalogue: Database, tmp_path: Path
) -> None:
    importer, sample = IMPORTERS[kind]

    @settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(data=_files(sample))
    def check(data: bytes) -> None:
        path = tmp_path / sample
        path.write_bytes(data)
        before = row_counts(catalogue)
        try:
            importer(catalogue, path)
        except KenpinError as refused:
            assert str(refused).strip(), "a refusal says why"
            assert row_counts(catalogue) == before

    check()
