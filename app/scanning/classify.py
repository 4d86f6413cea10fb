"""From a normalised code to what it is: one function, `classify`.

Exact matches registered in the database (product codes, badges, order
numbers, tracking numbers, bins) are asked through a `CodeLookup`, so this
module needs no database; the station service passes one backed by its
session.

The checks run in a fixed order: command codes, the labels known by their look
(a wave's pick list, a tote, a cart slot), GS1 element strings, registered
product codes, badges, orders, shipping labels, bins, and last a
well-formed GTIN that no product has. A GTIN-shaped code whose check digit
fails is never taken for a product (a misread must not become the product
one digit away); it can still be an order or a tracking number.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Protocol

from app.core.codes import gtin_forms
from app.core.containers import container_kind
from app.core.gtin import gtin14, is_valid_gtin, looks_like_gtin
from app.core.scans import ClassifiedScan, Command, ProductCode, Scan, ScanKind
from app.scanning.gs1 import GS1_SYMBOLOGIES, ElementString, parse_element_string
from app.scanning.normalize import GROUP_SEPARATOR

_COMMANDS = {command.value: command for command in Command}
# GS1-128 read by a scanner that sends no AIM prefix: a GTIN and at least one more AI.
_BARE_ELEMENT_STRING = re.compile(r"01\d{14}\d{2}.+", re.DOTALL)
# The same with the GTIN alone: only tried after every registered code has had its turn.
_BARE_GTIN_ONLY = re.compile(r"01\d{14}")
# The human-readable form printed under the bars: "(01)04912345678904(10)LOT".
_BRACKETED_AI = re.compile(r"\(\d{2,4}\)")


class CodeLookup(Protocol):
    """The registered codes a scan may match, as the station's database knows them."""

    def product_by_code(self, code: str) -> ProductCode | None:
        """The product a registered unit or case code names (its id, units per scan, SKU
        and name), else None."""

    def is_badge(self, code: str) -> bool: ...

    def is_order(self, code: str) -> bool: ...

    def is_label(self, code: str) -> bool: ...

    def is_location(self, code: str) -> bool: ...


def classify(scan: Scan, lookup: CodeLookup) -> ClassifiedScan:
    """What `scan` (normalised by its source) is.

    `scan.symbology` is the AIM identifier the scanner sent (`]C1` or `C1`),
    which tells a GS1 symbol from a plain one.
    """
    text, symbology = scan.code, scan.symbology

    def result(
        kind: ScanKind, product: ProductCode | None = None, command: Command | None = None
    ) -> ClassifiedScan:
        return ClassifiedScan(scan, kind, product, command)

    if text in _COMMANDS:
        return result(ScanKind.COMMAND, command=_COMMANDS[text])
    container = container_kind(text)
    if container is not None:
        # Known by its look: no code of another kind may take that shape (`code_problem`).
        return result(container)
    if _is_element_string(text, symbology):
        element = parse_element_string(text)
        # One that cannot be read or names no trade item (an SSCC) may still be registered.
        if element is not None and element.gtin is not None:
            return result(ScanKind.PRODUCT, product=_product_of_element(element, lookup))
    product = _registered_product(text, lookup)
    if product is not None:
        return result(ScanKind.PRODUCT, product=product)
    for kind, registered in (
        (ScanKind.BADGE, lookup.is_badge),
        (ScanKind.ORDER, lookup.is_order),
        (ScanKind.LABEL, lookup.is_label),
        (ScanKind.LOCATION, lookup.is_location),
    ):
        if registered(text):
            return result(kind)
    if is_valid_gtin(text):
        # Well-formed but nobody's: the station answers unknown_barcode.
        return result(ScanKind.PRODUCT)
    if _BARE_GTIN_ONLY.fullmatch(text):
        element = parse_element_string(text)
        if element is not None and element.gtin is not None:
            return result(ScanKind.PRODUCT, product=_product_of_element(element, lookup))
    return result(ScanKind.UNKNOWN)


def _is_element_string(text: str, symbology: str | None) -> bool:
    """True when `text` is to be read as GS1 element strings rather than a plain code."""
    if symbology is not None and symbology.removeprefix("]") in GS1_SYMBOLOGIES:
        return True
    if _BRACKETED_AI.match(text) or GROUP_SEPARATOR in text:
        return True
    return _BARE_ELEMENT_STRING.fullmatch(text) is not None and is_valid_gtin(text[2:16])


def _registered_product(text: str, lookup: CodeLookup) -> ProductCode | None:
    """The product a plain code is registered to; a GTIN also by its other lengths."""
    if looks_like_gtin(text):
        if not is_valid_gtin(text):
            return None
        # The code as scanned first: a UPC-A reader and a JAN register may disagree on length.
        for form in gtin_forms(text):
            found = lookup.product_by_code(form)
            if found is not None:
                return replace(found, gtin=gtin14(text))
        return None
    return lookup.product_by_code(text)


def _product_of_element(element: ElementString, lookup: CodeLookup) -> ProductCode | None:
    """The product a GS1 element string's GTIN is registered to, with its lot, expiry and serial."""
    assert element.gtin is not None
    for form in gtin_forms(element.gtin):
        found = lookup.product_by_code(form)
        if found is not None:
            return replace(
                found,
                units=found.units * element.count,
                gtin=element.gtin,
                lot=element.lot,
                expiry=element.expiry,
                serial=element.serial,
            )
    return None
