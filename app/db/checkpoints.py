"""SQLite's write-ahead log moved into the database file off the scan path.

By default SQLite checkpoints in whichever commit fills the log past a
thousand pages: that commit then copies the log into the database file and
waits for the disk, 20 to 30 ms on the development machine, so about one scan
in a hundred took ten times as long as the others. A station's connections
turn that off, and a `Checkpointer` thread of the station's own runs a
passive checkpoint every second instead: it copies what no reader still
needs, never waits for a reader or a writer, and never holds up a scan.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading

#: How often the log is moved into the database file.
CHECKPOINT_EVERY_S = 1.0


class Checkpointer:
    """Runs `PRAGMA wal_checkpoint(PASSIVE)` on an SQLite file every `every_s` seconds."""

    def __init__(self, path: str, every_s: float = CHECKPOINT_EVERY_S) -> None:
        self._path = path
        self._every_s = every_s
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        """Start the thread (once)."""
        if self._thread is None:
            self._thread = threading.Thread(
                target=self._run, name="sqlite checkpoints", daemon=True
            )
            self._thread.start()

    def stop(self) -> None:
        """Stop the thread after a last checkpoint."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(5 * self._every_s + 5)
            self._thread = None

    def _run(self) -> None:
        connection = sqlite3.connect(self._path, isolation_level=None, check_same_thread=False)
        try:
            while True:
                stopping = self._stop.wait(self._every_s)
                # A busy or vanished file: the next round tries again.
                with contextlib.suppress(sqlite3.Error):
                    connection.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
                if stopping:
                    return
        finally:
            connection.close()
