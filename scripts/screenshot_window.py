"""What the screenshot scripts share: a fresh database, the station window in a language
at a size, waiting until it has drawn what its worker threads read, and saving it.

A shot is the window's own drawing (`QWidget.grab`), not the X screen: it comes out
the same under any Xvfb, or with QT_QPA_PLATFORM=offscreen and no X at all.
"""

from __future__ import annotations

import argparse
import datetime as dt
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtWidgets import QApplication

from app.bootstrap import Kenpin, open_database
from app.db.database import Database
from app.ui.app import make_application
from app.ui.main_window import MainWindow
from app.ui.translation import install_translation, remove_translation

#: The smallest screen a station is supported on.
SIZE = (1024, 768)
LANGUAGES = ("en", "ja")


def fresh_database(prefix: str) -> Database:
    """An empty SQLite database (schema made) in a new temporary folder."""
    return open_database(f"sqlite:///{Path(tempfile.mkdtemp(prefix=prefix)) / 'k.db'}")


def settle(done: Callable[[], bool], timeout: float = 30.0) -> None:
    """Let the window work (its database work runs on worker threads) until `done()`."""
    deadline = dt.datetime.now() + dt.timedelta(seconds=timeout)
    while not done():
        if dt.datetime.now() > deadline:
            raise TimeoutError("the window did not get there")
        QApplication.processEvents()
    for _ in range(5):
        QApplication.processEvents()


def save_small(window: MainWindow, path: Path) -> None:
    """The window as a PNG of 128 colours (a screen of flat colours loses nothing a reader
    sees, and the README's screens stay a fraction of the size)."""
    from PIL import Image

    window.grab().save(str(path))
    with Image.open(path) as shot:
        small = shot.convert("RGB").quantize(
            colors=128, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE
        )
    small.save(path, optimize=True)


def save_shot(window: MainWindow, path: Path) -> None:
    """Save the window as `path` (`save_small`) and say so."""
    save_small(window, path)
    print(f"saved {path} ({window.width()}x{window.height()})")


@contextmanager
def station_window(db: Database, lang: str, size: tuple[int, int] = SIZE) -> Iterator[MainWindow]:
    """Station PACK-01's window on `db`, in `lang`, shown at `size`; closed afterwards, the
    translation taken away again and the database let go of."""
    translators = install_translation(lang) if lang == "ja" else []
    try:
        window = MainWindow(Kenpin(db).station_services(), "PACK-01")
        window.resize(*size)
        window.show()
        try:
            yield window
        finally:
            window.close()
    finally:
        remove_translation(translators)
        db.dispose()


def shoot_each_language(description: str, shot: Callable[[str, Path], None]) -> int:
    """The command line of a script that saves its shots with `shot(lang, folder)` for
    each language into `--out-dir`."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--out-dir", default="/tmp", help="where the PNGs go")
    args = parser.parse_args()
    folder = Path(args.out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    make_application(language="en")
    for lang in LANGUAGES:
        shot(lang, folder)
    return 0
