"""What a scanned code is: command, product (GTIN, GS1, shop code, case), badge, order, label."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field

import pytest

from app.core.scans import ClassifiedScan, Command, ProductCode, ScanKind
from app.scanning.classify import classify
from app.scanning.normalize import normalise

GS = "\x1d"
TEA, TEA_CASE, CAP, MUG, PEN, SHIRT = 1, 1, 2, 3, 4, 5


@dataclass
class Registry:
    """The codes a station's database knows, kept in memory (a CodeLookup)."""

    products: dict[str, tuple[int, int]] = field(default_factory=dict)
    badges: set[str] = field(default_factory=set)
    orders: set[str] = field(default_factory=set)
    labels: set[str] = field(default_factory=set)
    locations: set[str] = field(default_factory=set)

    def product_by_code(self, code: str) -> ProductCode | None:
        found = self.products.get(code)
        return ProductCode(*found) if found is not None else None

    def is_badge(self, code: str) -> bool:
        return code in self.badges

    def is_order(self, code: str) -> bool:
        return code in self.orders

    def is_label(self, code: str) -> bool:
        return code in self.labels

    def is_location(self, code: str) -> bool:
        return code in self.locations


def read(sent: str, registry: Registry, symbology: str | None = None) -> ClassifiedScan:
    """What a scanner's `sent` text is, normalised as every scan source does first."""
    scan = normalise(sent)
    if symbology is not None:
        scan = dataclasses.replace(scan, symbology=symbology)
    return classify(scan, registry)


@pytest.fixture
def registry() -> Registry:
    return Registry(
        products={
            "4901234567894": (TEA, 1),  # JAN-13
            "14901234567891": (TEA_CASE, 12),  # its case of 12 (GTIN-14)
            "049123456783": (CAP, 1),  # registered as UPC-A
            "0012345678905": (MUG, 1),  # registered as JAN-13 with a leading 0
            "49123456": (PEN, 1),  # EAN-8
            "SHIRT-RED-M": (SHIRT, 1),  # the shop's own code
        },
        badges={"BADGE-0007"},
        orders={"#1001", "20250001"},
        labels={"123456789012", "987654321098"},
        locations={"A-01-02"},
    )


def product_of(scan: ClassifiedScan) -> ProductCode:
    assert scan.kind is ScanKind.PRODUCT
    assert scan.product is not None
    return scan.product


@pytest.mark.parametrize("command", list(Command))
def test_every_command_code_is_a_command(registry: Registry, command: Command) -> None:
    scan = read(command.value, registry)
    assert (scan.kind, scan.command) == (ScanKind.COMMAND, command)


def test_a_command_code_must_match_exactly(registry: Registry) -> None:
    assert read("kcmd:complete", registry).kind is ScanKind.UNKNOWN
    assert read("KCMD:FINISH", registry).kind is ScanKind.UNKNOWN


def test_a_command_code_read_as_code_128_keeps_its_meaning(registry: Registry) -> None:
    scan = read("]C0KCMD:UNDO", registry)
    assert (scan.command, scan.code, scan.scan.symbology) == (Command.UNDO, "KCMD:UNDO", "]C0")


def test_a_registered_jan_is_its_product(registry: Registry) -> None:
    scan = read("4901234567894", registry)
    assert product_of(scan) == ProductCode(TEA, units=1, gtin="04901234567894")
    assert scan.code == "4901234567894"


def test_the_aim_prefix_is_taken_off_before_matching(registry: Registry) -> None:
    scan = read("]E04901234567894", registry)
    assert product_of(scan).product_id == TEA
    assert (scan.code, scan.scan.symbology) == ("4901234567894", "]E0")


def test_a_case_barcode_counts_its_case_quantity(registry: Registry) -> None:
    assert product_of(read("14901234567891", registry)) == ProductCode(
        TEA_CASE, units=12, gtin="14901234567891"
    )


def test_a_upc_a_read_as_ean_13_finds_the_product(registry: Registry) -> None:
    assert product_of(read("0049123456783", registry)).product_id == CAP


def test_a_jan_registered_with_a_leading_zero_is_found_from_its_upc_a(registry: Registry) -> None:
    assert product_of(read("012345678905", registry)).product_id == MUG


def test_the_shops_own_code_is_its_product(registry: Registry) -> None:
    assert product_of(read("SHIRT-RED-M", registry)) == ProductCode(SHIRT, units=1)


def test_full_width_input_still_finds_the_product(registry: Registry) -> None:
    scan = read("４９０１２３４５６７８９４", registry)
    assert product_of(scan).product_id == TEA
    assert scan.code == "4901234567894"


@pytest.mark.parametrize(
    "misread",
    [
        "4901234567895",  # check digit off by one
        "4901234567884",  # one body digit off: the check digit catches it
        "14901234567892",  # the case code, check digit off
        "49123457",  # EAN-8 off by one
    ],
)
def test_a_bad_check_digit_is_unknown_never_the_near_product(
    registry: Registry, misread: str
) -> None:
    assert read(misread, registry).kind is ScanKind.UNKNOWN


def test_a_well_formed_gtin_nobody_has_is_a_product_without_a_product(registry: Registry) -> None:
    scan = read("4909999999998", registry)
    assert (scan.kind, scan.product) == (ScanKind.PRODUCT, None)


@pytest.mark.parametrize(
    ("code", "kind"),
    [
        ("BADGE-0007", ScanKind.BADGE),
        ("#1001", ScanKind.ORDER),
        ("20250001", ScanKind.ORDER),  # digits of a GTIN-8 length, but an order number
        ("123456789012", ScanKind.LABEL),  # happens to pass the GTIN check: still a label
        ("987654321098", ScanKind.LABEL),  # fails the GTIN check: still a label
        ("A-01-02", ScanKind.LOCATION),
        ("]C0A-01-02", ScanKind.LOCATION),
        ("W-000001", ScanKind.WAVE),  # known by their look, registered nowhere
        ("TOTE-0042", ScanKind.TOTE),
        ("SLOT-03", ScanKind.SLOT),
        ("TOTE-", ScanKind.UNKNOWN),
        ("W-0001", ScanKind.UNKNOWN),
        ("HELLO", ScanKind.UNKNOWN),
    ],
)
def test_registered_codes_of_other_kinds(registry: Registry, code: str, kind: ScanKind) -> None:
    scan = read(code, registry)
    assert (scan.kind, scan.product, scan.command) == (kind, None, None)


def test_gs1_128_with_separators_gives_gtin_lot_expiry_and_serial(registry: Registry) -> None:
    code = f"010490123456789410LOT-7{GS}1726041521SN0001{GS}"
    scan = read(code, registry, symbology="]C1")
    assert product_of(scan) == ProductCode(
        TEA,
        units=1,
        gtin="04901234567894",
        lot="LOT-7",
        expiry=dt.date(2026, 4, 15),
        serial="SN0001",
    )
    assert scan.scan.symbology == "]C1"


def test_gs1_without_separators_when_variable_fields_come_last(registry: Registry) -> None:
    # Fixed-length AIs need no separator; the lot runs to the end.
    scan = read("01049012345678941726041510LOT-7", registry)
    product = product_of(scan)
    assert (product.product_id, product.lot, product.expiry) == (
        TEA,
        "LOT-7",
        dt.date(2026, 4, 15),
    )


def test_gs1_with_the_stand_in_and_aim_prefix_as_the_wedge_sends_it(registry: Registry) -> None:
    scan = read("]C1010490123456789410LOT-7<GS>17260415", registry)
    product = product_of(scan)
    assert (product.lot, product.expiry, scan.scan.symbology) == (
        "LOT-7",
        dt.date(2026, 4, 15),
        "]C1",
    )


def test_gs1_in_brackets_as_printed_under_the_bars(registry: Registry) -> None:
    product = product_of(read("(01)04901234567894(17)260415(10)LOT-7(21)SN9", registry))
    assert (product.product_id, product.lot, product.expiry, product.serial) == (
        TEA,
        "LOT-7",
        dt.date(2026, 4, 15),
        "SN9",
    )


@pytest.mark.parametrize("symbology", ["]d2", "d2", "]Q3"])
def test_gs1_datamatrix_and_qr(registry: Registry, symbology: str) -> None:
    product = product_of(read(f"010490123456789421SN1{GS}10L1", registry, symbology))
    assert (product.serial, product.lot) == ("SN1", "L1")


def test_an_expiry_day_of_00_means_the_end_of_the_month(registry: Registry) -> None:
    product = product_of(read("]C1010490123456789417280200", registry))
    assert product.expiry == dt.date(2028, 2, 29)


def test_the_gtin_14_of_a_shorter_code_finds_the_product(registry: Registry) -> None:
    assert product_of(read("]C1010000004912345610L1", registry)).product_id == PEN
    assert product_of(read("]C1010004912345678310L1", registry)).product_id == CAP


def test_a_gs1_case_counts_its_case_quantity(registry: Registry) -> None:
    product = product_of(read(f"]C1011490123456789110L1{GS}", registry))
    assert (product.product_id, product.units) == (TEA_CASE, 12)


def test_a_gs1_count_multiplies_the_units(registry: Registry) -> None:
    assert product_of(read("]C10104901234567894305", registry)).units == 5
    # A logistic label: (02) the cases inside, (37) how many of them.
    assert product_of(read("]C10214901234567891373", registry)).units == 36


def test_a_gs1_gtin_with_a_bad_check_digit_is_unknown(registry: Registry) -> None:
    assert read("]C1010490123456789510L1", registry).kind is ScanKind.UNKNOWN
    assert read("(01)04901234567895(10)L1", registry).kind is ScanKind.UNKNOWN


def test_a_gs1_date_that_is_no_date_is_unknown(registry: Registry) -> None:
    assert read("]C1010490123456789417261399", registry).kind is ScanKind.UNKNOWN


def test_a_gs1_gtin_nobody_has_is_a_product_without_a_product(registry: Registry) -> None:
    scan = read("]C1010490999999999810L1", registry)
    assert (scan.kind, scan.product) == (ScanKind.PRODUCT, None)


def test_a_gs1_element_string_without_an_aim_prefix(registry: Registry) -> None:
    product = product_of(read("010490123456789410LOT-7", registry))
    assert (product.product_id, product.lot) == (TEA, "LOT-7")


def test_a_bare_gs1_gtin_alone_is_its_product(registry: Registry) -> None:
    assert product_of(read("0104901234567894", registry)).product_id == TEA


def test_a_pallet_sscc_is_not_a_product(registry: Registry) -> None:
    assert read("]C100349123450000000017", registry).kind is ScanKind.UNKNOWN
    registry.labels.add("00349123450000000017")
    assert read("]C100349123450000000017", registry).kind is ScanKind.LABEL
