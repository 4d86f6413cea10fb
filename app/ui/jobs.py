"""Background work of the window: a lane runs its jobs one at a time, in the order they were
submitted, on a worker thread of its own, and hands each result back on the GUI thread.

A job is a plain callable. What it returns goes to the `done` callback given with
it; a `KenpinError` it raises (a refusal, a printer that is off, a database that
is down) goes to `failed`. Both run on the thread that owns the lane (the GUI's),
so they may update widgets; the job itself never touches one. Anything else a job
raises is a bug: it goes to `sys.excepthook`, also on the GUI thread, where the
window's hook shows it.

The window keeps one lane per kind of work, so a scan never waits behind a label
print or an order count.
"""

from __future__ import annotations

import contextlib
import itertools
import queue
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, Qt, Signal

from app.core.errors import KenpinError

T = TypeVar("T")

#: How long closing the window waits for a lane's jobs (a scan waits up to 30 s for a
#: locked SQLite file; a window that will not close is worse than a scan never shown).
CLOSE_WAIT_S = 10.0
#: A lane's thread ends after this long without work, and a new one starts with the next job.
IDLE_EXIT_S = 30.0


@dataclass(frozen=True, slots=True)
class _Job(Generic[T]):
    ticket: int
    work: Callable[[], T]
    done: Callable[[T], object] | None
    failed: Callable[[KenpinError], object] | None


@dataclass(frozen=True, slots=True)
class _Finished:
    """A job as it comes back from the worker thread: its result, refusal or bug."""

    job: _Job[Any]
    result: object = None
    error: KenpinError | None = None
    bug: Exception | None = None


class _Stop:
    """Put in the inbox by `close`, behind the jobs already submitted."""


class JobLane(QObject):
    """Runs submitted jobs one at a time, in order, on its own thread; results come back by
    signal and reach the job's callbacks on the GUI thread.

    `submit` and `close` are called on the thread that created the lane (the GUI's).
    """

    #: A job was handed back, whatever became of it (after its callback); its ticket.
    settled = Signal(int)
    #: Every job submitted so far has been handed back.
    idle = Signal()
    # From the worker thread to this object's thread: always queued, never run on the worker.
    _handed_back = Signal(object)

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self._tickets = itertools.count(1)
        self._pending = 0
        self._closed = False
        # Shared with the worker thread: the inbox, and which thread (if any) is reading it.
        self._inbox: queue.SimpleQueue[_Job[Any] | _Stop] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._handed_back.connect(self._on_handed_back, Qt.ConnectionType.QueuedConnection)

    @property
    def pending(self) -> int:
        """Jobs submitted and not handed back yet (the one running included)."""
        return self._pending

    @property
    def closed(self) -> bool:
        """True once `close` was called: the lane takes no more jobs."""
        return self._closed

    def submit(
        self,
        work: Callable[[], T],
        done: Callable[[T], object] | None = None,
        failed: Callable[[KenpinError], object] | None = None,
    ) -> int:
        """Run `work` after the jobs already submitted; returns its ticket.

        `done(result)` or `failed(error)` follows on the GUI thread. Without
        `failed`, a KenpinError goes to `sys.excepthook` like a bug (the window's
        hook shows it to the user). A closed lane runs nothing more (returns 0).
        """
        if self._closed:
            return 0
        job = _Job(next(self._tickets), work, done, failed)
        self._pending += 1
        with self._lock:
            self._inbox.put(job)
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._run, name=f"kenpin {self.name}", daemon=True
                )
                self._thread.start()
        return job.ticket

    def close(self, timeout: float = CLOSE_WAIT_S) -> bool:
        """Take no more jobs and wait up to `timeout` seconds for those submitted to run.

        True when they all ran. Their results are not handed back: the window is
        going away. A job still running after `timeout` is left to finish on its
        own (the thread is a daemon, so it never keeps the program alive).
        """
        with self._lock:
            # Under the lock the worker hands results back under: once this is set, it no
            # longer touches this Qt object, which may be deleted as soon as we return.
            self._closed = True
            thread = self._thread
            if thread is not None:
                self._inbox.put(_Stop())
        if thread is None:
            return True
        thread.join(timeout)
        return not thread.is_alive()

    # The worker thread ---------------------------------------------------------------

    def _run(self) -> None:
        while True:
            try:
                item = self._inbox.get(timeout=IDLE_EXIT_S)
            except queue.Empty:
                with self._lock:
                    # Checked under the lock `submit` puts under: no job is left behind.
                    if self._inbox.empty():
                        self._thread = None
                        return
                continue
            if isinstance(item, _Stop):
                return
            self._hand_back(self._attempt(item))

    @staticmethod
    def _attempt(job: _Job[Any]) -> _Finished:
        try:
            return _Finished(job, result=job.work())
        except KenpinError as exc:
            return _Finished(job, error=exc)
        except Exception as exc:  # a bug: reported on the GUI thread, and the lane goes on
            return _Finished(job, bug=exc)

    def _hand_back(self, finished: _Finished) -> None:
        with self._lock:
            if self._closed:  # the window is going away: nobody to tell
                return
            # RuntimeError: the lane's Qt object is gone without being closed: nobody to tell.
            with contextlib.suppress(RuntimeError):
                self._handed_back.emit(finished)

    # Back on the GUI thread ----------------------------------------------------------

    def _on_handed_back(self, finished: _Finished) -> None:
        self._pending -= 1
        job = finished.job
        try:
            if self._closed:
                return
            if finished.bug is not None:
                _report(finished.bug)
            elif finished.error is not None:
                if job.failed is None:
                    _report(finished.error)
                else:
                    job.failed(finished.error)
            elif job.done is not None:
                job.done(finished.result)
        finally:
            # Even after a broken callback, so whoever counts on the lane is not left waiting.
            self.settled.emit(job.ticket)
            if self._pending == 0:
                self.idle.emit()


def _report(error: Exception) -> None:
    sys.excepthook(type(error), error, error.__traceback__)
