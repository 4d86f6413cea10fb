"""The order pickers walk the bins in: the bins' codes in natural order.

Natural order compares the numbers inside a code as numbers, so `A-2-10`
comes after `A-2-9` and `B-1-1` after both, whether or not the codes were
written with leading zeros.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

_CHUNKS = re.compile(r"(\d+)")


def walk_key(code: str) -> tuple[tuple[tuple[int, int, str], ...], str]:
    """The sort key that puts bin codes in walking order."""
    text = unicodedata.normalize("NFKC", code)
    chunks = tuple(
        (0, int(part), "") if part.isdigit() else (1, 0, part.casefold())
        for part in _CHUNKS.split(text)
        if part
    )
    return chunks, code


def walk_order(codes: Iterable[str]) -> list[str]:
    """The codes sorted in walking order."""
    return sorted(codes, key=walk_key)
