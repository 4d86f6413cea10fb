"""Starting the station: the Qt application, its font, the main window, the excepthook."""

from __future__ import annotations

import socket
import sys
import traceback
from collections.abc import Callable, Sequence
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from app.core.errors import KenpinError
from app.core.station import Mode
from app.ui.collector import GuiThreadCollector
from app.ui.main_window import MainWindow
from app.ui.translation import install_translation, station_language

if TYPE_CHECKING:
    from app.bootstrap import Kenpin

#: UI fonts with Japanese glyphs, best first (Linux, Windows, macOS).
JAPANESE_FONTS = (
    "Noto Sans CJK JP",
    "Noto Sans JP",
    "IPAPGothic",
    "IPAGothic",
    "Yu Gothic UI",
    "Meiryo UI",
    "Hiragino Sans",
)
#: Large enough to read at arm's length from the bench.
FONT_POINTS = 11

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], None]


def station_font() -> QFont:
    """The application font: a Japanese-capable family when one is installed."""
    installed = set(QFontDatabase.families())
    font = QFont(QApplication.font())
    families = [name for name in JAPANESE_FONTS if name in installed]
    if families:
        # The rest stay as fallbacks for glyphs the first one lacks.
        font.setFamilies(families)
    font.setPointSize(FONT_POINTS)
    return font


def make_application(argv: Sequence[str] | None = None, language: str = "") -> QApplication:
    """The QApplication, named Kenpin and set in the station font (created once), speaking
    `language` (`ja`, `en`; "" for the system's)."""
    existing = QApplication.instance()
    app = (
        existing
        if isinstance(existing, QApplication)
        else QApplication(list(argv if argv is not None else sys.argv))
    )
    # One look on every packer's PC, whatever the desktop's own style.
    app.setStyle("Fusion")
    app.setApplicationName("Kenpin")
    app.setOrganizationName("Kenpin")
    app.setFont(station_font())
    if existing is None:
        install_translation(station_language(language))
        # Cycles are collected on this (the GUI) thread only: see app.ui.collector.
        GuiThreadCollector(app)
    return app


def default_station_name() -> str:
    """A station without a name is called after its computer."""
    return socket.gethostname().split(".")[0] or "station"


def reporting_to(window: MainWindow, log: ExceptHook = sys.__excepthook__) -> ExceptHook:
    """An excepthook that shows an uncaught error on the window's banner (and logs bugs)."""

    def hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        if isinstance(error, KenpinError):
            # Refused requests and failing surroundings are for the user, not the log.
            window.show_error(str(error))
            return
        log(kind, error, trace)
        window.show_error(
            QCoreApplication.translate(
                "Station", "Unexpected error: {0}: {1}. The details are in the log."
            ).format(kind.__name__, error)
        )

    return hook


def _traceback(
    kind: type[BaseException], error: BaseException, trace: TracebackType | None
) -> None:
    traceback.print_exception(kind, error, trace)


def _one_line(
    kind: type[BaseException], _error: BaseException, _trace: TracebackType | None
) -> None:
    # An error's text may quote SQL and what it was sent: only with --debug is it logged.
    print(
        f"kenpin: unexpected error ({kind.__name__}); run with --debug for details", file=sys.stderr
    )


def station_window(
    kenpin: Kenpin, station: str | None, printer: str | None = None, mode: Mode = Mode.PACK
) -> MainWindow:
    """The station window in `mode` (the application made first), its bench's screen in
    front; not shown yet."""
    make_application(language=kenpin.settings.language)
    name = station or default_station_name()
    window = MainWindow(kenpin.station_services(printer), name, kenpin.scanners(name), mode=mode)
    # The bench's own screen comes first; the order queue is a look-up on the side.
    window.show_bench_page()
    return window


def run_station(
    kenpin: Kenpin, station: str | None, printer: str | None = None, mode: Mode = Mode.PACK
) -> int:
    """Open the station window in `mode` and run until it is closed; returns the exit status.

    `printer` (a printer URI) becomes the station's printer; without it the
    station keeps the one it has.
    """
    window = station_window(kenpin, station, printer, mode)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    previous = sys.excepthook
    sys.excepthook = reporting_to(window, _traceback if kenpin.debug else _one_line)
    # A small screen (a 1366×768 laptop at the bench) gets the whole of it.
    screen = app.primaryScreen()
    space = screen.availableGeometry() if screen is not None else None
    if space is not None and (space.width() < window.width() or space.height() < window.height()):
        window.showMaximized()
    else:
        window.show()
    try:
        return app.exec()
    finally:
        sys.excepthook = previous
        kenpin.db.dispose()
