"""The shop settings page's logic: the stored values into the fields, Save checked by the
keys' rules and, on an admin's badge and PIN, stored in one go; or refused in words with
nothing saved.

The database work (reading, signing in, saving) runs on a lane of its own, never on the
GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from app.core.errors import KenpinError
from app.core.shop import SettingRefused, check_setting, sender_missing
from app.services.shop_settings import ShopSettings, ShownSetting
from app.services.signin import Credentials, SignInRefused
from app.ui.credentials import refusal_words as sign_in_words
from app.ui.jobs import JobLane
from app.ui.settings.view import ShopSettingsPage
from app.ui.settings.words import (
    caption,
    missing_words,
    override_words,
    refusal_words,
    translate,
)


class ShopSettingsController(QObject):
    """Fills the page from the shop settings and saves what was changed."""

    #: The fields show the settings as stored (at start, after a save); tests wait for it.
    settings_shown = Signal(object)
    #: A save was refused (or failed): its words are under the Save button.
    save_refused = Signal(str)

    def __init__(
        self,
        settings: ShopSettings,
        page: ShopSettingsPage,
        ask: Callable[[str], Credentials | None],
        place: str,
        parent: QObject | None = None,
    ) -> None:
        """`ask` asks an admin's badge and PIN for a purpose (the credentials dialog);
        `place` is where a wrong PIN is kept (the station)."""
        super().__init__(parent)
        self.settings = settings
        self.page = page
        self.ask = ask
        self.place = place
        #: The settings as last read; Save stores only the fields that differ from them.
        self.shown: list[ShownSetting] = []
        self.lane = JobLane("shop settings", self)
        self._connect_signals()
        self.lane.submit(settings.listing, self.on_listing, self.on_failed)

    def _connect_signals(self) -> None:
        self.page.save.clicked.connect(self.on_save_clicked)

    def close(self) -> None:
        """The window is closing: a save under way is not waited for long."""
        self.lane.close()

    def on_listing(self, listing: list[ShownSetting]) -> None:
        """The stored settings: into the fields; one the environment sets is locked."""
        page = self.page
        for shown in listing:
            field = page.fields[shown.key]
            field.setText(shown.stored)
            field.setEnabled(shown.override is None)
            note = page.overridden[shown.key]
            note.setVisible(shown.override is not None)
            if shown.override is not None:
                note.setText(override_words(shown.override.variable))
        missing = sender_missing({shown.key: shown.in_force for shown in listing})
        page.missing.setText(missing_words(missing))
        page.missing.setVisible(bool(missing))
        self.shown = listing
        self.settings_shown.emit(listing)

    def on_save_clicked(self) -> None:
        """Store the changed fields, all or none, on an admin's badge and PIN."""
        fields = self.page.fields
        changed = {
            shown.key: fields[shown.key].text()
            for shown in self.shown
            if shown.override is None and fields[shown.key].text().strip() != shown.stored
        }
        if not changed:
            self._said("saved", self.tr("Nothing to save: no field was changed."))
            return
        try:
            # A value that breaks its rule is told before anyone signs for it.
            for key, value in changed.items():
                check_setting(key, value)
        except SettingRefused as refused:
            self.on_failed(refused)
            return
        by = self.ask(self.tr("Save the shop settings: an admin's badge and PIN."))
        if by is None:
            self._said("refused", self.tr("Not saved: no badge and PIN were given."))
            return
        self.page.save.setEnabled(False)
        self.lane.submit(
            lambda: self.settings.change(changed, by, place=self.place),
            lambda _said: self.on_saved(list(changed)),
            self.on_failed,
        )

    def on_saved(self, keys: list[str]) -> None:
        """Saved: say what, and show the settings as stored now."""
        self.page.save.setEnabled(True)
        names = translate("ShopSettings", ", ").join(caption(key) for key in keys)
        self._said("saved", self.tr("Saved: {0}. Every station uses it now.").format(names))
        self.lane.submit(self.settings.listing, self.on_listing, self.on_failed)

    def on_failed(self, error: KenpinError) -> None:
        """A value broke its rule (nothing saved), or the database refused or is down."""
        self.page.save.setEnabled(True)
        if isinstance(error, SettingRefused):
            words = refusal_words(error)
        elif isinstance(error, SignInRefused):
            words = self.tr("Not saved: {0}").format(sign_in_words(error))
        else:
            words = str(error)
        self._said("refused", words)
        self.save_refused.emit(words)

    def _said(self, state: str, text: str) -> None:
        result = self.page.result
        result.setProperty("state", state)
        result.style().unpolish(result)
        result.style().polish(result)
        result.setText(text)
