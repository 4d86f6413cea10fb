"""The pack screen as a packer two metres away sees it: the next action always the biggest
text, label failures in red, refusals that say what Kenpin knows, a new verdict that looks
new, the typed-entry fallback, and a window that fits 1024×768 in both languages."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from app.bootstrap import Kenpin
from app.core.errors import EnvironmentFailure
from app.core.pack.labels import ParcelLabel
from app.core.roles import Role
from app.core.scans import Command, Fact, LotCheck, Note, Reason, Scan, ScanKind, VerdictKind
from app.core.station import StationUser
from app.core.statuses import ParcelStatus
from app.db.database import Database
from app.scanning.wedge import KeyboardWedge
from app.services.station.outcome import LineView, ScanOutcome, StationView
from app.ui.main_window import MainWindow
from app.ui.pack.verdicts import next_action, verdict_words
from app.ui.pack.view import PackPage
from app.ui.pack.wording import note_words, refusal_words
from app.ui.translation import install_translation, remove_translation
from tests.scanning.keys import press, scanner_sends, type_text
from tests.stationdata import parcels_of, tracking_block
from tests.ui.pack.test_window import BADGE, CUP, PACKER, SOAP, TEA, bench  # noqa: F401

pytestmark = pytest.mark.gui

WAIT_MS = 5_000


class Station:
    """A station window on `db`, driven by the scanner's key bursts."""

    def __init__(self, qtbot: QtBot, db: Database, name: str = "PACK-1", **kw: object) -> None:
        self.qtbot = qtbot
        services = Kenpin(db).station_services(kw.pop("printer", None))  # type: ignore[arg-type]
        if "print_label" in kw:
            services = dataclasses.replace(services, print_label=kw["print_label"])  # type: ignore[arg-type]
        self.window = MainWindow(services, name, [KeyboardWedge()])
        qtbot.addWidget(self.window)
        self.window.show_bench_page()
        self.window.show()
        self.window.activateWindow()
        qtbot.waitUntil(lambda: self.window.pack.view is not None, timeout=WAIT_MS)
        self.clock = 10_000

    @property
    def page(self) -> PackPage:
        return self.window.pack_page

    def scan(self, *codes: str) -> None:
        for code in codes:
            target = QApplication.focusWidget() or self.window
            with self.qtbot.waitSignal(self.window.pack.scan_shown, timeout=WAIT_MS):
                self.clock = scanner_sends(target, code, start=self.clock) + 1_000

    def close(self) -> None:
        self.window.close()


@pytest.fixture
def station(qtbot: QtBot, bench: Database) -> Iterator[Station]:  # noqa: F811
    at_bench = Station(qtbot, bench)
    yield at_bench
    at_bench.close()


@pytest.fixture
def labels(qtbot: QtBot, bench: Database, tmp_path: Path) -> Iterator[Station]:  # noqa: F811
    """A station that prints its labels into a folder."""
    tracking_block(bench)
    at_bench = Station(qtbot, bench, "LABEL-1", printer=(tmp_path / "labels").as_uri())
    yield at_bench
    at_bench.close()


@pytest.fixture
def japanese(qapp: QApplication) -> Iterator[None]:
    translators = install_translation("ja")
    yield
    remove_translation(translators)


def _point_size(label: QLabel) -> float:
    return label.font().pointSizeF()


# 1. The next action ------------------------------------------------------------------------


def test_the_next_action_follows_the_pack_and_is_the_biggest_text(station: Station) -> None:
    page = station.page
    station.scan(BADGE)
    assert page.next_action.text() == "Scan the order number, its tote or its cart slot"
    station.scan("#1001", TEA)
    assert page.next_action.text() == "Scan the next item: 2 to go"
    station.scan(TEA, CUP)
    assert page.next_action.text() == "All 3 items in: scan COMPLETE"
    shown = [
        label
        for label in page.findChildren(QLabel)
        if label.isVisible() and label.text() and label is not page.next_action
    ]
    assert all(_point_size(label) < _point_size(page.next_action) for label in shown)


def test_while_a_label_is_awaited_the_header_names_its_order_and_the_prompt_says_so(
    qtbot: QtBot,
    labels: Station,
    bench: Database,  # noqa: F811
) -> None:
    page = labels.page
    labels.scan(BADGE, "#1001", TEA, TEA, CUP, "KCMD:COMPLETE")
    assert page.next_action.text() == "Put the label on the box and scan it"
    assert page.order.text() == "Order #1001"
    assert page.total.text() == "Label to scan"
    # Logged out and in again, the station still waits for that label.
    labels.scan(BADGE, BADGE)
    assert page.order.text() == "Order #1001"
    assert page.next_action.text() == "Put the label on the box and scan it"
    labels.close()

    again = Station(qtbot, bench, "LABEL-1")  # a restart
    assert again.page.next_action.text() == "Put the label on the box and scan it"
    assert again.page.banner.headline.text() == "Label of order #1001 not scanned yet"
    [(_, tracking, _)] = parcels_of(bench, "#1001")
    again.scan(tracking)
    assert again.page.next_action.text() == "Scan the order number, its tote or its cart slot"
    assert again.page.order.text() == "No order open"
    again.close()


# 2. A label that did not print -----------------------------------------------------------


class OutOfLabels:
    """A printer out of labels until `loaded`; then the station's own printing."""

    def __init__(self, prints: object) -> None:
        self.prints = prints
        self.loaded = False

    def __call__(self, job: int) -> None:
        if not self.loaded:
            raise EnvironmentFailure(
                "the printer is out of labels: load a new roll (tcp://zebra:9100); "
                "then scan KCMD:REPRINT"
            )
        self.prints(job)  # type: ignore[operator]


def _completed_out_of_labels(
    qtbot: QtBot, db: Database, tmp_path: Path
) -> tuple[Station, OutOfLabels]:
    """A station whose printer is out of labels, its first order just completed."""
    tracking_block(db)
    printer = OutOfLabels(Kenpin(db).print_label)
    station = Station(qtbot, db, "LABEL-2", printer=(tmp_path / "l").as_uri(), print_label=printer)
    station.scan(BADGE, "#1001", TEA, TEA, CUP)
    with qtbot.waitSignal(station.window.pack.print_shown, timeout=WAIT_MS):
        station.scan("KCMD:COMPLETE")
    return station, printer


def test_a_label_that_did_not_print_is_a_red_verdict_until_one_prints(
    qtbot: QtBot,
    bench: Database,  # noqa: F811
    tmp_path: Path,
) -> None:
    station, printer = _completed_out_of_labels(qtbot, bench, tmp_path)
    page = station.page
    assert page.banner.level == "refused"
    assert page.banner.headline.text() == "Label NOT printed"
    assert page.banner.detail.text().startswith("The printer is out of labels: load a new roll.")
    assert page.banner.detail.text().endswith("scan REPRINT.")
    assert page.next_action.text() == "Fix the printer, then scan REPRINT"
    assert not station.window.banner.isVisible()  # not a small bar at the top

    printer.loaded = True
    with qtbot.waitSignal(station.window.pack.print_shown, timeout=WAIT_MS) as shown:
        station.scan("KCMD:REPRINT")
    assert shown.args == [True]
    assert page.banner.level == "idle"
    assert page.banner.headline.text() == "Label printed"
    assert page.next_action.text() == "Put the label on the box and scan it"
    station.close()


def test_a_retry_that_fails_again_leaves_a_newer_verdict_on_screen(
    qtbot: QtBot,
    bench: Database,  # noqa: F811
    tmp_path: Path,
) -> None:
    station, _ = _completed_out_of_labels(qtbot, bench, tmp_path)
    page = station.page
    assert page.banner.headline.text() == "Label NOT printed"
    station.scan("#1002")  # the packer moves on too soon: refused, and told why
    assert page.banner.headline.text() != "Label NOT printed"
    refusal = page.banner.headline.text()
    # The printing lane's next try fails the same way: the refusal stays on screen.
    station.window.pack.on_print_failed(0, printer_error(), True)
    assert page.banner.headline.text() == refusal
    assert page.next_action.text() == "Fix the printer, then scan REPRINT"
    station.close()


def printer_error() -> str:
    """What the printing lane reports for `OutOfLabels`."""
    return (
        "the printer is out of labels: load a new roll (tcp://zebra:9100); then scan KCMD:REPRINT"
    )


def test_a_station_without_a_printer_says_so_in_japanese(japanese: None) -> None:
    from app.ui.pack.printing import printer_reason

    assert printer_reason("the station has no printer") == (
        "このステーションにはプリンターがありません。管理者に設定を頼んでください"
    )
    assert "ラベル切れ" in printer_reason("the printer is out of labels: load a new roll (x)")


# 3. Refusals and notes say what Kenpin knows ----------------------------------------------


def _outcome(verdict: VerdictKind, **kw: object) -> ScanOutcome:
    return ScanOutcome(
        seq=1,
        scan="4901234567894",
        kind=ScanKind.PRODUCT,
        verdict=verdict,
        reason=kw.pop("reason", None),  # type: ignore[arg-type]
        order="#1001",
        scanned=1,
        expected=3,
        message="English for the log",
        **kw,  # type: ignore[arg-type]
    )


EMPTY = StationView("PACK-1", None, None, "", False, (), None, None, ())

KNOWN = [
    (Reason.NOT_ON_ORDER, {Fact.ITEM: "Tシャツ 赤 / M", Fact.EXPECTED: "Tシャツ 青 / M"}, "青 / M"),
    (Reason.PACK_INCOMPLETE, {Fact.SHORT: "TEA-20 ×2, MUG-AI ×1"}, "TEA-20 ×2, MUG-AI ×1"),
    (Reason.LABEL_MISMATCH, {Fact.ORDER: "#1042"}, "#1042"),
    (Reason.ORDER_LOCKED, {Fact.ORDER: "#1001", Fact.HOLDER: "PACK-2"}, "PACK-2"),
    (Reason.WRONG_LOT, {Fact.LOT: "L1", Fact.RESERVED_LOT: "L2 2027-03-31"}, "L2 2027-03-31"),
    (Reason.LOT_REQUIRED, {Fact.RESERVED_LOT: "L2"}, "GS1"),
    (Reason.PACK_OPEN, {Fact.OPEN_ORDER: "KP-10055"}, "KP-10055 is still open"),
    (Reason.NO_CARD, {Fact.ORDER: "#1001"}, "no gift message"),
    (Reason.EXPIRED, {Fact.EXPIRY: "2026-12-01", Fact.DAYS: "90"}, "90 days"),
    (Reason.UNREADABLE, {}, "scan again"),
]


@pytest.mark.parametrize(("reason", "facts", "said"), KNOWN, ids=[k[0].value for k in KNOWN])
def test_a_refusal_says_what_kenpin_knows(
    qapp: QApplication, reason: Reason, facts: dict[Fact, str], said: str
) -> None:
    words = verdict_words(_outcome(VerdictKind.REJECTED, reason=reason, facts=facts), None, EMPTY)
    assert said in f"{words.headline} {words.detail}"
    assert words.level == "refused"
    assert "English for the log" not in f"{words.headline} {words.detail}"
    assert words.note == "English for the log"  # for a supervisor's hover


def test_the_words_of_a_few_refusals_and_notes(qapp: QApplication) -> None:
    assert refusal_words(Reason.NOT_ON_ORDER, KNOWN[0][1])[1] == (
        "Scanned Tシャツ 赤 / M, but the order needs Tシャツ 青 / M. Take it out of the box."
    )
    assert refusal_words(Reason.UNREADABLE, {})[0] == "Scan not read: scan again"
    assert refusal_words(Reason.EXPIRED, {})[0] == "Expired: set this unit aside"
    assert refusal_words(Reason.LOT_REQUIRED, {})[1] == (
        "Scan the GS1 code with the lot on this unit."
    )
    short = {Fact.ITEM: "緑茶 20包", Fact.SHORT: "1", Fact.BIN: "A-01"}
    assert refusal_words(Reason.SHORT_PICK, short) == (
        "Short pick: count the bin",
        "緑茶 20包 short by 1 at bin A-01: have bin A-01 counted.",
    )
    counted = {Fact.ITEM: "緑茶 20包", Fact.PACKED: "2", Fact.ORDERED: "3"}
    assert note_words(Note.COUNTED, counted) == ("OK  2 / 3", "緑茶 20包")
    assert note_words(Note.NOTHING_TO_UNDO, {})[0] == "Nothing to undo"
    # A fact that is missing leaves a stand-in, never an empty hole or the English message.
    assert note_words(Note.LABEL_VERIFIED, {})[1] == "Order —: the parcel may go."
    info = verdict_words(_outcome(VerdictKind.INFO, note=Note.REPRINTING), None, EMPTY)
    assert (info.level, info.headline) == ("info", "Printing the label again")
    # What the station did not say, the screen saw: the line a unit went onto.
    before = StationView(
        "PACK-1", StationUser(1, PACKER, Role.PACKER), "#2001", "", False, (LOT_LINE,), 1, 3, ()
    )
    after = dataclasses.replace(before, lines=(dataclasses.replace(LOT_LINE, packed=2),))
    counted_here = verdict_words(_outcome(VerdictKind.ACCEPTED, note=Note.COUNTED), before, after)
    assert (counted_here.headline, counted_here.detail) == ("OK  2 / 3", "魚沼産コシヒカリ 5kg")


def _japanese(text: str) -> bool:
    return any("\u3040" <= ch <= "\u30ff" or "\u4e00" <= ch <= "\u9fff" for ch in text)


def _all_words() -> list[str]:
    facts = {fact: "7" for fact in Fact}
    texts = []
    for reason in Reason:
        texts += [*refusal_words(reason, {}), *refusal_words(reason, facts)]
    for note in Note:
        texts += [*note_words(note, {}), *note_words(note, facts)]
    return texts


def test_every_reason_and_note_has_words_in_both_languages(qapp: QApplication) -> None:
    english = _all_words()
    assert all(not _japanese(text) for text in english)
    translators = install_translation("ja")
    try:
        japanese = _all_words()
    finally:
        remove_translation(translators)
    for en, ja in zip(english, japanese, strict=True):
        # A sentence says something in Japanese ("OK 2 / 3" and bare facts aside).
        assert _japanese(ja) or not any(ch.isalpha() for ch in en.replace("OK", "")), en


# 4. Readable from two metres ---------------------------------------------------------------

LOT_LINE = LineView(
    7, "RICE-5", "魚沼産コシヒカリ", "5kg", "B-01-02", 3, 1, LotCheck.CONFIRM, "L2604 2027-04-30"
)


def test_the_current_line_in_large_type_with_the_reserved_lot_to_compare(
    qtbot: QtBot, qapp: QApplication
) -> None:
    page = PackPage("PACK-1")
    qtbot.addWidget(page)
    page.resize(1024, 700)
    page.show()
    view = StationView(
        "PACK-1", StationUser(1, PACKER, Role.PACKER), "#2001", "", False, (LOT_LINE,), 1, 3, ()
    )
    page.show_view(view, counted=7)
    assert page.current.isVisible()
    assert page.current.product.text() == "魚沼産コシヒカリ  5kg"
    assert page.current.remaining.text() == "2 more"
    assert page.current.lot.isVisible()
    assert "L2604 2027-04-30" in page.current.lot.text()
    lines_points = page.lines.font().pointSizeF()
    assert _point_size(page.current.remaining) >= 2 * 16  # twice the old 16pt table
    assert _point_size(page.current.lot) > lines_points
    assert _point_size(page.next_action) >= _point_size(page.current.remaining)


def _background(widget: QWidget) -> QColor:
    widget.repaint()
    return widget.grab().toImage().pixelColor(8, widget.height() // 2)


def test_information_is_neutral_and_each_verdict_looks_new(qtbot: QtBot, station: Station) -> None:
    page = station.page
    station.scan(BADGE)
    assert page.banner.level == "info"
    neutral = _background(page.banner)
    assert abs(neutral.red() - neutral.blue()) < 40  # grey-blue, not amber
    station.scan(SOAP)  # nobody's order is open: refused
    first = page.banner.counter.text()
    assert page.banner.flashing
    qtbot.waitUntil(lambda: not page.banner.flashing, timeout=WAIT_MS)
    station.scan(SOAP)  # the same refusal again
    assert page.banner.flashing
    assert page.banner.counter.text() != first
    assert (first, page.banner.counter.text()) == ("scan 2", "scan 3")
    station.scan("#1001")
    assert page.banner.counter.text() == "scan 1"  # counted per pack
    station.scan(TEA, TEA, CUP, "KCMD:COMPLETE")
    assert page.banner.counter.text() == "scan 5"  # the pack's last scan is its own


def test_recent_scans_are_narrow_and_the_sound_switch_is_kept(
    qtbot: QtBot, station: Station
) -> None:
    page = station.page
    assert page.scanner_status.isVisible()  # on the badge page too
    assert page.scanner_status.text() == "Scanner ready"
    station.scan(BADGE, "#1001", SOAP)
    assert page.recent.columnCount() == 3
    assert page.recent.row_text(0)[1:] == [SOAP, "✖ Not on the order"]
    sounds = station.window.pack.sounds
    qtbot.mouseClick(page.sound, Qt.MouseButton.LeftButton)
    assert not sounds.enabled
    assert page.sound.text() == "Sound off"
    station.scan("KCMD:LOGOUT", BADGE)
    assert not sounds.enabled and not page.sound.isChecked()


# 5. 1024×768 in both languages -------------------------------------------------------------

LONG_NAME = (
    "UVミルク SPF50+ PA++++ ウォータープルーフ 顔・からだ用 日焼け止め 無香料 トラベルサイズ"
)
LONG_GIFT = "お誕生日おめでとう！素敵な一年になりますように。" * 6


def _fits(window: MainWindow) -> None:
    QApplication.processEvents()
    hint = window.minimumSizeHint()
    assert hint.width() <= 1024 and hint.height() <= 768, hint
    assert window.width() <= 1024 and window.height() <= 768


@pytest.mark.parametrize("language", ["en", "ja"])
def test_the_window_fits_1024_by_768_in_every_state(
    qtbot: QtBot,
    bench: Database,  # noqa: F811
    tmp_path: Path,
    language: str,
) -> None:
    from sqlalchemy import update

    from app.db.models import Order, Product

    with bench.write() as s:
        s.execute(update(Product).values(name=LONG_NAME, variant="ブラック / 23-25cm 幅広"))
        s.execute(update(Order).where(Order.number == "#1002").values(gift_message=LONG_GIFT))
    tracking_block(bench)
    translators = install_translation(language) if language == "ja" else []
    try:
        station = Station(qtbot, bench, "LABEL-3", printer=(tmp_path / "l").as_uri())
        station.window.resize(1024, 768)
        _fits(station.window)  # the badge page
        station.scan(BADGE, "#1002")
        _fits(station.window)  # a gift order open
        station.scan(SOAP)
        _fits(station.window)  # a refusal
        station.window.pack.page.banner.show_verdict(
            verdict_words(
                _outcome(
                    VerdictKind.REJECTED,
                    reason=Reason.NOT_ON_ORDER,
                    facts={Fact.ITEM: LONG_NAME, Fact.EXPECTED: LONG_NAME + " ×3"},
                ),
                None,
                EMPTY,
            ),
            9,
        )
        _fits(station.window)  # a refusal with a long sentence
        station.scan(CUP, "KCMD:CARD", "KCMD:COMPLETE")
        _fits(station.window)  # the label awaited
        station.page.open_typed_entry()
        _fits(station.window)
        station.close()
    finally:
        remove_translation(translators)


# 7. The keyboard fallback and focus --------------------------------------------------------


def test_f2_opens_a_field_whose_code_goes_the_way_of_a_scan_marked_typed(
    qtbot: QtBot, station: Station
) -> None:
    page = station.page
    readings: list[Scan] = []
    station.window.pack.scans.applied.connect(lambda reading, *_: readings.append(reading))
    press(QApplication.focusWidget() or station.window, Qt.Key.Key_F2, "", 1)
    assert page.typed_entry.isVisible()
    assert QApplication.focusWidget() is page.typed_entry.field
    # A person's keys, a key every 150 ms: typing, not a scan.
    at = type_text(page.typed_entry.field, BADGE, start=20_000, gap=150)
    # The wedge holds a lone key a moment (it might start a scan), then hands it on.
    qtbot.waitUntil(lambda: page.typed_entry.field.text() == BADGE, timeout=WAIT_MS)
    with qtbot.waitSignal(station.window.pack.scan_shown, timeout=WAIT_MS):
        press(page.typed_entry.field, Qt.Key.Key_Return, "\r", at + 150)
    assert page.logged_in
    assert readings[-1].code == BADGE and readings[-1].typed
    assert not page.typed_entry.isVisible()

    page.open_typed_entry()
    type_text(page.typed_entry.field, "#10", start=30_000, gap=150)
    qtbot.keyClick(page.typed_entry.field, Qt.Key.Key_Escape)
    assert not page.typed_entry.isVisible()
    assert page.order.text() == "No order open"  # nothing was sent


def test_buttons_are_reached_with_tab_and_a_scanners_enter_never_presses_one(
    qtbot: QtBot, station: Station
) -> None:
    page = station.page
    station.scan(BADGE, "#1001")
    logout = page.buttons[next(c for c in page.buttons if c.value == "KCMD:LOGOUT")]
    assert logout.focusPolicy() & Qt.FocusPolicy.TabFocus
    page.take_focus()
    reached: set[QPushButton] = set()
    for _ in range(12):
        page.focusNextChild()
        focused = QApplication.focusWidget()
        if isinstance(focused, QPushButton):
            reached.add(focused)
    assert logout in reached
    logout.setFocus(Qt.FocusReason.TabFocusReason)
    station.scan(TEA)  # the burst and its Enter go to the station, not the button
    assert page.logged_in
    assert page.banner.headline.text() == "OK  1 / 2"
    # A click gives the focus back to the page.
    with qtbot.waitSignal(station.window.pack.scan_shown, timeout=WAIT_MS):
        qtbot.mouseClick(page.buttons[next(iter(page.buttons))], Qt.MouseButton.LeftButton)
    assert QApplication.focusWidget() is page


def test_a_scan_closes_a_dialog_in_front_of_the_verdict(qtbot: QtBot, station: Station) -> None:
    page = station.page
    seen: list[bool] = []

    def scan_into_the_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        seen.append(isinstance(dialog, QFileDialog))
        scanner_sends(QApplication.focusWidget() or dialog, BADGE, start=50_000)

    QTimer.singleShot(300, scan_into_the_dialog)
    page.sheet_button.click()  # the save dialog, modal, until the scan closes it
    assert seen == [True]
    assert QApplication.activeModalWidget() is None
    qtbot.waitUntil(lambda: page.logged_in, timeout=WAIT_MS)
    assert page.banner.headline.text() == f"Logged in: {PACKER}"
    assert not station.window.banner.isVisible()  # nothing was saved, nothing to say


def test_a_label_awaited_view_names_the_order_in_the_header(
    qtbot: QtBot, qapp: QApplication
) -> None:
    page = PackPage("PACK-1")
    qtbot.addWidget(page)
    view = StationView(
        "PACK-1",
        StationUser(1, PACKER, Role.PACKER),
        None,
        "",
        False,
        (),
        None,
        None,
        (),
        awaiting=ParcelLabel(5, "123456789012", "#1001", 1, ParcelStatus.LABELLED),
    )
    page.show_view(view)
    assert page.order.text() == "Order #1001"
    assert next_action(view) == "Put the label on the box and scan it"
    assert next_action(view, print_failed=True) == "Fix the printer, then scan REPRINT"


def test_a_station_another_kenpin_holds_is_said_in_the_windows_language(
    qtbot: QtBot,
    bench: Database,  # noqa: F811
    japanese: None,
) -> None:
    Kenpin(bench, holder="77@another-pc").pack_station("PACK-9")  # holds PACK-9
    window = MainWindow(Kenpin(bench, holder="88@this-pc").station_services(), "PACK-9")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(window.banner.isVisible, timeout=WAIT_MS)
    assert "このステーションは実行中の別の Kenpin" in window.banner.text.text()
    window.close()


def test_the_scanner_state_stays_whole_beside_a_gift_order_s_buttons(
    qtbot: QtBot, station: Station
) -> None:
    page = station.page
    station.window.resize(1024, 768)
    station.scan(BADGE)
    assert page.sheet_button.isVisible()  # between packs: the command sheet can be saved
    station.scan("#1002")  # a gift order: its CARD button joins the footer
    assert page.buttons[Command.CARD].isVisible()
    assert not page.sheet_button.isVisible()
    status = page.scanner_status
    assert status.width() >= status.fontMetrics().horizontalAdvance(status.text())
