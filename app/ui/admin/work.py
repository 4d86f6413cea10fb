"""What every admin tab's controller does the same way: its listing read off the GUI
thread, and a change asked of an admin (badge and PIN first), run off the GUI thread,
said on the window's banner, then the listing read again."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtCore import QObject, Signal

from app.core.errors import KenpinError
from app.services.signin import Credentials
from app.services.users import Where
from app.ui.admin.ask import Ask
from app.ui.jobs import JobLane

T = TypeVar("T")
R = TypeVar("R")


def _stay() -> None:
    """Nothing more to do after a change."""


class AdminWork(QObject, Generic[T]):
    """A tab's lane, its listing `read` and its changes; `show` draws a listing."""

    #: The listing as read (after opening, after each change); tests wait for it.
    listed = Signal(object)
    #: A change was refused or failed (nothing changed): its words, for the banner.
    problem = Signal(str)
    #: A change was made, or a check came back: its words, for the banner.
    notice = Signal(str)

    def __init__(
        self, read: Callable[[], T], ask: Ask, where: Where, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.read = read
        self.ask = ask
        self.where = where
        self.lane = JobLane("admin", self)

    def refresh(self) -> None:
        """Read the listing again, off the GUI thread."""
        self.lane.submit(self.read, self.on_listing, self.on_read_failed)

    def on_listing(self, listing: T) -> None:
        """The listing as read: drawn, then told."""
        self.show(listing)
        self.listed.emit(listing)

    def show(self, listing: T) -> None:
        """Draw `listing` on the tab."""
        raise NotImplementedError

    def change(
        self,
        job: Callable[[Credentials], R],
        said: str | Callable[[R], str],
        then: Callable[[], None] = _stay,
    ) -> None:
        """Ask for an admin's badge and PIN, then run `job` with them off the GUI thread;
        when it is done, `said` (or what it says of the job's result) goes on the banner
        and `then` runs (clearing a form, say); when it is not, the refusal goes there."""
        credentials = self.ask()
        if credentials is None:
            self.notice.emit(self.tr("Cancelled: nothing was changed."))
            return

        def done(result: R) -> None:
            then()
            self.on_done(said if isinstance(said, str) else said(result))

        self.lane.submit(lambda: job(credentials), done, self.on_failed)

    def on_done(self, said: str) -> None:
        """A change was made: say so and show the listing as it is now."""
        self.notice.emit(said)
        self.refresh()

    def on_read_failed(self, error: KenpinError) -> None:
        """The listing could not be read (the database is down)."""
        self.problem.emit(self.tr("Could not read the list: {0}").format(error))

    def on_failed(self, error: KenpinError) -> None:
        """Refused (a wrong PIN, a value that cannot be) or the database is down."""
        self.problem.emit(self.tr("Refused, nothing was changed: {0}").format(error))

    def close(self) -> None:
        """The window is closing: a change under way is not waited for long."""
        self.lane.close()
