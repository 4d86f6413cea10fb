"""The Shop settings page of the station window, on a real SQLite database: the stored
settings shown, a save checked by the rules, refused in words with nothing saved."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.bootstrap import Kenpin, read_settings
from app.core import shop
from app.db.database import Database
from app.db.models import AuditEntry, User
from app.services.shop_settings import ShopSettings
from app.services.users import add_user
from app.ui.main_window import MainWindow
from app.ui.settings.words import KEY_WORDS
from tests.stationdata import SHOP
from tests.ui.signing import will_cancel, will_sign

pytestmark = pytest.mark.gui

ADMIN, ADMIN_PIN = "BADGE-A1", "13579"


class Bench:
    """A station window opened on its Shop settings page."""

    def __init__(self, qtbot: QtBot, kenpin: Kenpin) -> None:
        self.qtbot = qtbot
        self.window = MainWindow(kenpin.station_services(), "PACK-1")
        qtbot.addWidget(self.window)
        self.window.show()
        self.page = self.window.shop_page
        self.shop = self.window.shop
        qtbot.waitUntil(lambda: bool(self.shop.shown), timeout=5_000)
        self.window.pages.setCurrentWidget(self.page)

    def type_into(self, key: str, text: str) -> None:
        field = self.page.fields[key]
        field.clear()
        if text.isascii():
            self.qtbot.keyClicks(field, text)
        else:
            # Japanese arrives from the input method whole, not as key presses.
            field.insert(text)

    def save(self, badge: str = ADMIN, pin: str = ADMIN_PIN) -> None:
        """Click Save, sign with `badge` and `pin`, and wait for the fields to show what is
        stored after it."""
        will_sign(self.qtbot, badge, pin)
        with self.qtbot.waitSignal(self.shop.settings_shown, timeout=5_000):
            self.qtbot.mouseClick(self.page.save, Qt.MouseButton.LeftButton)

    def save_refused(self, badge: str | None, pin: str = "") -> str:
        """Click Save, sign with `badge` and `pin` (None: Esc); the words under Save."""
        if badge is None:
            will_cancel(self.qtbot)
            self.qtbot.mouseClick(self.page.save, Qt.MouseButton.LeftButton)
        else:
            will_sign(self.qtbot, badge, pin)
            with self.qtbot.waitSignal(self.shop.save_refused, timeout=5_000):
                self.qtbot.mouseClick(self.page.save, Qt.MouseButton.LeftButton)
        assert self.page.result.property("state") == "refused"
        return self.page.result.text()


@pytest.fixture
def station(qtbot: QtBot, sqlite_db: Database) -> Iterator[Bench]:
    add_user(sqlite_db, "Ken", "admin", ADMIN, ADMIN_PIN)
    add_user(sqlite_db, "佐藤 健", "supervisor", "BADGE-S1", "2468")
    at_bench = Bench(qtbot, Kenpin(sqlite_db))
    yield at_bench
    at_bench.window.close()


def test_every_key_has_a_caption_and_a_rule_on_the_page() -> None:
    assert list(KEY_WORDS) == [known.key for known in shop.KEYS]


def test_an_empty_shop_says_labels_wait_for_it_and_a_save_fills_it(
    station: Bench, sqlite_db: Database
) -> None:
    page = station.page
    assert page.missing.isVisible()
    assert page.missing.text().startswith("Labels are not issued until these are set: Shop name")
    for key, value in SHOP.items():
        station.type_into(key, value)
    station.type_into("yamato.customer_code", "0123456789-01")
    station.save()
    assert page.result.text() == (
        "Saved: Shop name (ご依頼主), Postal code, Address, Phone, Yamato customer code "
        "(請求先顧客コード). Every station uses it now."
    )
    assert not page.missing.isVisible()
    # Tidied as stored: the branch number's hyphen goes, as the carrier's file wants it.
    assert page.fields["yamato.customer_code"].text() == "012345678901"
    assert ShopSettings(sqlite_db).sender().phone == "06-1234-5678"


def test_a_value_breaking_its_rule_is_refused_in_words_and_nothing_is_saved(
    station: Bench, sqlite_db: Database
) -> None:
    station.type_into("shop.name", "検品ストア")
    station.type_into("shop.postal_code", "530-00")
    with station.qtbot.waitSignal(station.shop.save_refused, timeout=5_000):
        station.qtbot.mouseClick(station.page.save, Qt.MouseButton.LeftButton)
    assert station.page.result.text() == (
        "Postal code: “530-00” does not follow the rule: 7 digits: 123-4567, 1234567 or "
        "〒123-4567; required. Nothing was saved."
    )
    assert station.page.result.property("state") == "refused"
    assert ShopSettings(sqlite_db).listing()[0].stored == ""


@pytest.mark.parametrize(
    ("badge", "pin", "said"),
    [
        (ADMIN, "0000", "Not saved: Wrong PIN for Ken."),
        ("BADGE-S1", "2468", "Not saved: 佐藤 健 may not do this: it needs an admin."),
        ("NOBODY", "2468", "Not saved: That badge is not an active user's badge."),
        (None, "", "Not saved: no badge and PIN were given."),
    ],
)
def test_save_needs_an_admins_badge_and_pin_and_is_refused_in_words_otherwise(
    station: Bench, sqlite_db: Database, badge: str | None, pin: str, said: str
) -> None:
    station.type_into("shop.name", "検品ストア")
    assert station.save_refused(badge, pin) == said
    assert ShopSettings(sqlite_db).listing()[0].stored == ""
    assert station.page.save.isEnabled()


def test_a_save_is_audited_under_the_admin_who_signed_it(
    station: Bench, sqlite_db: Database
) -> None:
    station.type_into("shop.name", "検品ストア")
    station.save()
    with sqlite_db.read() as s:
        rows = s.execute(
            select(User.name, AuditEntry.station)
            .join(User, User.id == AuditEntry.user_id)
            .where(AuditEntry.action == "settings.set")
        ).all()
    assert [tuple(row) for row in rows] == [("Ken", "")]


def test_a_field_an_environment_variable_sets_is_locked_and_says_so(
    qtbot: QtBot, sqlite_db: Database
) -> None:
    settings = read_settings({"KENPIN_DB": sqlite_db.url, "KENPIN_SHOP_PHONE": "03-1234-5678"})
    bench = Bench(qtbot, Kenpin(sqlite_db, settings))
    field, note = bench.page.fields["shop.phone"], bench.page.overridden["shop.phone"]
    assert not field.isEnabled()
    assert note.isVisible()
    assert note.text().startswith("Set by KENPIN_SHOP_PHONE on this PC (deprecated)")
    # The phone counts as set: only the three others are missing.
    assert "Phone" not in bench.page.missing.text()
    bench.window.close()
