"""Which kind a code is: one code, one kind, across everything a scanner can meet.

A scan is classified by what its code looks like (a command, a GTIN, a GS1
element string) and then by which kind has it registered (product codes,
badges, order numbers, tracking numbers, bins, in that order). A code two
kinds share is read as the first, and the other can never be scanned: a
badge equal to a product's barcode logs nobody in, a tracking number equal
to a product's UPC leaves the station waiting for its label. So a code is
checked when it is added (`code_problem`), against what its look says and
against the codes other kinds hold.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from app.core.containers import container_kind
from app.core.gtin import gtin14, is_valid_gtin
from app.core.scans import ScanKind
from app.core.text import shown

#: Every command code starts with this (in any case); no other code may.
COMMAND_PREFIX = "KCMD:"
# The human-readable form of a GS1 element string: "(01)04912345678904(10)LOT".
_BRACKETED_AI = re.compile(r"\(\d{2,4}\)")
# A GS1 element string without brackets starts with the GTIN's AI 01.
_BARE_GTIN = re.compile(r"01(\d{14})")
#: Kinds a code must not look like a product to be: they are scanned by people, not read off goods.
_NOT_PRODUCT_SHAPED = frozenset({ScanKind.BADGE, ScanKind.ORDER})
#: Labels known by their look (`app.core.containers`): no other kind may take their shape.
_CONTAINERS = frozenset({ScanKind.WAVE, ScanKind.TOTE, ScanKind.SLOT})


@dataclass(frozen=True, slots=True)
class CodeOwner:
    """What already holds a code: its kind and how a message names it (`the badge of 佐藤 健`)."""

    kind: ScanKind
    name: str


def read_as(code: str) -> ScanKind | None:
    """The kind a scan of `code` is by its look alone: a command (`KCMD:`), a product (a
    GTIN/JAN/EAN/UPC with a valid check digit, or a GS1 element string), a wave, tote or
    cart slot label, else None."""
    if code[: len(COMMAND_PREFIX)].upper() == COMMAND_PREFIX:
        return ScanKind.COMMAND
    container = container_kind(code)
    if container is not None:
        return container
    if is_valid_gtin(code) or _BRACKETED_AI.match(code):
        return ScanKind.PRODUCT
    bare = _BARE_GTIN.match(code)
    if bare is not None and is_valid_gtin(bare[1]):
        return ScanKind.PRODUCT
    return None


def gtin_forms(code: str) -> list[str]:
    """A code as a scan may find it registered: a valid GTIN also in its other lengths
    (a UPC-A and the JAN-13 or GTIN-14 that pads it with zeros)."""
    if not is_valid_gtin(code):
        return [code]
    full = gtin14(code)
    forms = [code]
    for length in (14, 13, 12, 8):
        form = full[14 - length :]
        if full[: 14 - length].strip("0") == "" and form not in forms:
            forms.append(form)
    return forms


#: Code -> what holds it.
Owners = Mapping[str, Sequence[CodeOwner]]


def code_problem(code: str, kind: ScanKind, *owners: Owners) -> str | None:
    """Why `code` cannot be added as a code of `kind`, or None.

    `owners` map codes to what holds them (the database's, a file's own rows);
    a holder of the same kind is the caller's business (a re-import, a duplicate).
    """
    look = read_as(code)
    if look is ScanKind.COMMAND:
        return f"{shown(code)} starts with {COMMAND_PREFIX}, which only command codes may"
    if look is ScanKind.PRODUCT and kind in _NOT_PRODUCT_SHAPED:
        return f"{shown(code)} would be read as a product barcode (JAN/EAN/UPC/GTIN)"
    if look in _CONTAINERS and look is not kind:
        return f"{shown(code)} would be read as a {look.value} label"
    for found in owners:
        for owner in found.get(code, ()):
            if owner.kind is not kind:
                return f"{shown(code)} is already {owner.name}"
    return None
