"""The Stations tab's logic: the stations listed, the selected one's settings in the box,
and Save storing what changed on an admin's badge and PIN."""

from __future__ import annotations

from PySide6.QtCore import QObject

from app.core.bench_settings import DEFAULT_LOCKOUT_AFTER
from app.services.admin import Administration
from app.services.stations import SettingChanged, StationChange, StationShown
from app.services.users import Where
from app.ui.admin.ask import Ask
from app.ui.admin.stations_view import StationsPage
from app.ui.admin.view import fill
from app.ui.admin.words import lockout_words, scanner_words
from app.ui.admin.work import AdminWork


class StationsController(AdminWork[list[StationShown]]):
    """Fills the stations table and saves a station's settings."""

    def __init__(
        self,
        admin: Administration,
        page: StationsPage,
        ask: Ask,
        where: Where,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(admin.stations, ask, where, parent)
        self.admin = admin
        self.page = page
        self.stations: list[StationShown] = []
        # This station's settings are in the box until another is picked.
        page.name.setText(where.station)
        page.labels.setChecked(True)
        page.lockout.setValue(DEFAULT_LOCKOUT_AFTER)
        self._connect_signals()
        self.refresh()

    def _connect_signals(self) -> None:
        self.page.table.itemSelectionChanged.connect(self.on_station_chosen)
        self.page.save.clicked.connect(self.on_save_clicked)

    def show(self, listing: list[StationShown]) -> None:
        self.stations = listing
        off = self.tr("No (packs complete without labels)")
        fill(
            self.page.table,
            [
                (
                    s.name,
                    s.printer or self.tr("(none)"),
                    self.tr("Yes") if s.labels else off,
                    lockout_words(s.lockout_after),
                    scanner_words(s.scanner),
                )
                for s in listing
            ],
        )
        if not self.page.table.selectionModel().hasSelection():
            self._show_station(self.page.name.text().strip())

    def on_station_chosen(self) -> None:
        """The selected station's settings into the box."""
        row = self.page.table.currentRow()
        if 0 <= row < len(self.stations):
            self._show_station(self.stations[row].name)

    def _show_station(self, name: str) -> None:
        for station in self.stations:
            if station.name == name:
                self.page.name.setText(station.name)
                self.page.printer.setText(station.printer)
                self.page.labels.setChecked(station.labels)
                self.page.lockout.setValue(station.lockout_after)

    def on_save_clicked(self) -> None:
        """Store the box's settings for the station it names (made if new)."""
        page = self.page
        name = page.name.text()
        change = StationChange(
            printer=page.printer.text(),
            labels=page.labels.isChecked(),
            lockout_after=page.lockout.value(),
        )
        self.change(
            lambda by: self.admin.change_station(by, name, change, self.where),
            lambda changed: self._said(name.strip(), changed),
        )

    def _said(self, name: str, changed: list[SettingChanged]) -> str:
        if not changed:
            return self.tr("Nothing to save: station {0} is already set so.").format(name)
        captions = {
            "printer": self.tr("printer"),
            "labels": self.tr("labels"),
            "lockout_after": self.tr("lock-out"),
        }
        names = self.tr(", ").join(captions[c.setting] for c in changed)
        return self.tr("Station {0} saved: {1}.").format(name, names)
