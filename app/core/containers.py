"""The labels a picker and a packer scan that are not goods: a wave's pick list, a tote,
a cart slot. Known by their look alone (nothing registers them):

- a wave: `W-000001`, printed on its pick list;
- a tote: `TOTE-` and 1 to 28 capitals, digits or hyphens (`TOTE-0042`);
- a cart slot: `SLOT-` and its number (`SLOT-03`: slot 3).
"""

from __future__ import annotations

import re

from app.core.scans import ScanKind

WAVE_CODE = re.compile(r"W-\d{6}")
TOTE_CODE = re.compile(r"TOTE-[0-9A-Z][0-9A-Z-]{0,27}")
SLOT_CODE = re.compile(r"SLOT-(\d{1,3})")

_LOOKS = ((ScanKind.WAVE, WAVE_CODE), (ScanKind.TOTE, TOTE_CODE), (ScanKind.SLOT, SLOT_CODE))


def container_kind(code: str) -> ScanKind | None:
    """WAVE, TOTE or SLOT when `code` looks like one, else None."""
    return next((kind for kind, look in _LOOKS if look.fullmatch(code)), None)


def slot_number(code: str) -> int | None:
    """The number of a cart slot's label (`SLOT-03` -> 3), else None."""
    found = SLOT_CODE.fullmatch(code)
    return int(found.group(1)) if found else None
