"""The scanner test page's logic: while the page is shown, scans go to it instead of the pack
station; each burst is shown with its timings and what the station's classifier makes of
its code; the station's scanner settings are read, saved, and put in force at once.

`ScannerTestPage` is the layout; this decides what it shows. The database work
(reading and saving the settings, classifying a code) runs on a lane of its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

from PySide6.QtCore import QObject, Signal

from app.core.errors import KenpinError
from app.core.scans import Scan
from app.scanning.bursts import Burst, Outcome, Terminator
from app.scanning.serial_scanner import SerialScanner
from app.scanning.settings import RULE_VARIABLES, ScanRules
from app.scanning.source import ScanSource, ScanSwitch
from app.scanning.wedge import KeyboardWedge, WedgeSettings
from app.services.scanner_setup import CodeMeaning, ScannerSetup
from app.ui.jobs import JobLane
from app.ui.scanner_test.view import ScannerTestPage
from app.ui.scanner_test.words import (
    detail_html,
    end_words,
    meaning_words,
    outcome_short,
    outcome_words,
    problem_sentence,
)


class _SerialBridge(QObject):
    """Hands a serial scanner's scans (made on its reader thread) to the GUI thread."""

    scan_arrived = Signal(object)

    def on_scan(self, scan: Scan) -> None:
        self.scan_arrived.emit(scan)


def _dropped(_scan: Scan) -> None:
    """A wedge's scan while the page is shown: its burst was shown already."""


class ScannerTestController(QObject):
    """Shows each burst while the page is up, and reads and saves the station's settings."""

    #: A burst was shown, and (second) what its code is once classified; tests wait for them.
    burst_shown = Signal(object)
    meaning_shown = Signal(object)
    #: The settings in force were put in the fields (at start, after a save).
    settings_shown = Signal(object)

    def __init__(
        self,
        setup: ScannerSetup,
        station: str,
        scanners: Sequence[ScanSource],
        page: ScannerTestPage,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.setup = setup
        self.station = station
        self.page = page
        #: The station's scanners, as the pack station is to start them: turned aside here.
        self.station_scanners = [ScanSwitch(scanner) for scanner in scanners]
        self._wedges = [scanner for scanner in scanners if isinstance(scanner, KeyboardWedge)]
        self._serial = [scanner for scanner in scanners if isinstance(scanner, SerialScanner)]
        self.settings = self._wedges[0].settings if self._wedges else setup.settings.wedge
        #: The settings shown in the fields; None until they were read.
        self.shown_settings: WedgeSettings | None = None
        self.lane = JobLane("scanner test", self)
        self._bridge = _SerialBridge(self)
        self._showing = False
        #: Bursts shown so far: a classification coming back finds its row by its number.
        self._shown = 0
        self._connect_signals()
        self.lane.submit(partial(setup.in_force, station), self.on_settings_read, self.on_failed)

    def _connect_signals(self) -> None:
        self.page.shown.connect(self.on_page_shown)
        self.page.hidden.connect(self.on_page_hidden)
        self.page.save.clicked.connect(self.on_save_clicked)
        self._bridge.scan_arrived.connect(self.on_serial_scan)
        for wedge in self._wedges:
            wedge.burst_read.connect(self.on_burst)

    def close(self) -> None:
        """The window is closing: a classification under way is not waited for long."""
        self.lane.close()

    # Slots ---------------------------------------------------------------------------

    def on_page_shown(self) -> None:
        """The page is up: scans come here, never to the pack station."""
        self._showing = True
        for switch in self.station_scanners:
            wedge = isinstance(switch.source, KeyboardWedge)
            switch.divert(_dropped if wedge else self._bridge.on_scan)

    def on_page_hidden(self) -> None:
        """The page is gone: scans go to the pack station again."""
        self._showing = False
        for switch in self.station_scanners:
            switch.divert(None)

    def on_burst(self, burst: Burst) -> None:
        """A burst of keys: show it, then what its code is at this station."""
        if not self._showing:
            return
        self._show(burst)

    def on_serial_scan(self, scan: Scan) -> None:
        """A serial scanner's scan: a line, no key timings to show."""
        self._show(Burst((), "\r", None, Outcome.SCAN, scan))

    def on_meaning(self, number: int, burst: Burst, meaning: CodeMeaning) -> None:
        """The burst's code was classified: into its row, and the panel if it is the last."""
        self.page.set_kind(self._shown - number, meaning_words(meaning))
        if number == self._shown:
            self.page.panel.detail.setText(self._detail(burst, meaning))
        self.meaning_shown.emit(meaning)

    def on_settings_read(self, in_force: WedgeSettings) -> None:
        """The settings in force: into the fields; those the environment sets locked."""
        self._put_in_force(in_force)
        page = self.page
        page.gap.setValue(in_force.key_gap_ms)
        page.min_length.setValue(in_force.min_length)
        terminator = _terminator(in_force.terminators)
        page.terminator.setCurrentIndex(page.terminator.findData(str(terminator)))
        page.gs1_standin.setText(in_force.codes.group_separator)
        fields = {
            "key_gap_ms": page.gap,
            "min_length": page.min_length,
            "terminator": page.terminator,
            "gs1_standin": page.gs1_standin,
        }
        overridden = self.setup.from_env.set_names()
        for name, field in fields.items():
            field.setEnabled(name not in overridden)
            note = page.overridden[name]
            note.setVisible(name in overridden)
            note.setText(
                self.tr("Set by {0}: saving here does not change it.").format(RULE_VARIABLES[name])
            )
        self.shown_settings = in_force
        self.settings_shown.emit(in_force)

    def on_save_clicked(self) -> None:
        """Store the fields' settings for this station and read the next scans with them."""
        page = self.page
        values = ScanRules(
            key_gap_ms=page.gap.value(),
            min_length=page.min_length.value(),
            terminator=Terminator(str(page.terminator.currentData())),
            gs1_standin=page.gs1_standin.text(),
        )
        # What the environment sets is never stored from here.
        rules = _without(values, self.setup.from_env)
        page.save.setEnabled(False)
        self.lane.submit(
            partial(self.setup.save, self.station, rules), self.on_saved, self.on_failed
        )

    def on_saved(self, in_force: WedgeSettings) -> None:
        """Saved: say so, and the scanners read with the new settings from now on."""
        self.page.save.setEnabled(True)
        self.page.saved.setText(
            self.tr("Saved. {0} reads its scans with these settings from now on.").format(
                self.station
            )
        )
        self.on_settings_read(in_force)

    def on_failed(self, error: KenpinError) -> None:
        """The database refused or is down: said under the Save button."""
        self.page.save.setEnabled(True)
        self.page.saved.setText(str(error))

    # Helpers -------------------------------------------------------------------------

    def _show(self, burst: Burst) -> None:
        self._shown += 1
        page = self.page
        code = burst.scan.code or burst.text
        verdict = outcome_words(burst.outcome)
        if burst.problem is not None:
            verdict += " — " + problem_sentence(burst, burst.problem, self.settings)
        page.panel.show_burst(str(burst.outcome), code, verdict, self._detail(burst, None))
        gaps = " ".join(str(gap) for gap in burst.gaps_ms)
        serial = not burst.keys
        page.add_burst(
            [
                outcome_short(burst.outcome),
                code,
                "…",
                "–" if serial else str(len(burst.keys)),
                self.tr("serial scanner: no key timings") if serial else gaps,
                end_words(burst.end),
                burst.scan.symbology or "",
            ],
            verdict,
        )
        self.lane.submit(
            partial(self.setup.meaning, burst.scan),
            partial(self.on_meaning, self._shown, burst),
            self.on_failed,
        )
        self.burst_shown.emit(burst)

    def _detail(self, burst: Burst, meaning: CodeMeaning | None) -> str:
        return detail_html(burst, self.settings, meaning)

    def _put_in_force(self, in_force: WedgeSettings) -> None:
        self.settings = in_force
        for wedge in self._wedges:
            wedge.reconfigure(in_force)
        for serial in self._serial:
            serial.settings = in_force.codes


def _terminator(characters: str) -> Terminator:
    """The terminator setting whose characters these are."""
    return next((t for t in Terminator if t.characters == characters), Terminator.ENTER_OR_TAB)


def _without(rules: ScanRules, from_env: ScanRules) -> ScanRules:
    """`rules` without the settings the environment sets."""
    names = from_env.set_names()
    return ScanRules(
        **{name: None if name in names else getattr(rules, name) for name in RULE_VARIABLES}
    )
