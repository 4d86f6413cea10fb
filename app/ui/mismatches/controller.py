"""The Mismatches page's logic: the filters as typed, the picked refusal's details, and the
review (who, when, a note).

The reviewer is the supervisor or admin whose badge and PIN the credentials
dialog is given; a wrong PIN is refused and kept, counting towards the badge's
lock as at the station. The review is recorded on a lane, off the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QObject, QTimer, Signal

from app.core.errors import KenpinError
from app.services.mismatches import MismatchDetails, MismatchFilter, MismatchLog, local_days
from app.services.signin import Credentials
from app.ui.credentials import refusal_words
from app.ui.jobs import JobLane
from app.ui.mismatches.model import MISMATCH_ID_ROLE, MismatchLogModel
from app.ui.mismatches.view import NO_DATE, MismatchesPage, picked_day
from app.ui.paged_model import select_row

#: Wait this long after the last keystroke before filtering, so typing stays smooth.
TYPING_DELAY_MS = 300


class MismatchesController(QObject):
    """Filters the mismatch log, shows the picked refusal and records its review."""

    #: A review was recorded, or refused (its words under the review): tests wait for it.
    review_done = Signal()

    def __init__(
        self,
        log: MismatchLog,
        page: MismatchesPage,
        ask: Callable[[str], Credentials | None],
        place: str,
        parent: QObject | None = None,
    ) -> None:
        """`ask` asks a supervisor's badge and PIN (the credentials dialog); `place` is
        where a wrong PIN is kept (the station)."""
        super().__init__(parent)
        self.log = log
        self.page = page
        self.ask = ask
        self.place = place
        self.lane = JobLane("review", self)
        self.model = MismatchLogModel(log, parent=self)
        page.set_model(self.model)
        self._picked: int | None = None
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(TYPING_DELAY_MS)
        self._fill_choices()
        self._connect_signals()
        self.model.reload()

    def _connect_signals(self) -> None:
        page = self.page
        for edit in (page.since, page.until):
            edit.dateChanged.connect(self.on_filter_changed)
        for combo in (page.station, page.packer, page.reason):
            combo.currentIndexChanged.connect(self.on_filter_changed)
        for line in (page.sku, page.order):
            line.textEdited.connect(self.on_typed)
            line.returnPressed.connect(self.on_filter_changed)
        self._typing.timeout.connect(self.on_filter_changed)
        page.clear.clicked.connect(self.on_clear)
        page.refresh.clicked.connect(self.on_refresh)
        page.refresh_shortcut.activated.connect(self.on_refresh)
        page.details.mark_reviewed.clicked.connect(self.on_mark_reviewed)
        page.details.note.returnPressed.connect(self.on_mark_reviewed)
        self.model.filter_applied.connect(self.on_filter_applied)
        self.model.rowsInserted.connect(self.on_rows_fetched)
        page.table.selectionModel().currentRowChanged.connect(self.on_current_changed)

    # Slots ---------------------------------------------------------------------

    def on_typed(self, _text: str) -> None:
        """A key was typed in the SKU or order field: filter once typing pauses."""
        self._typing.start()

    def on_filter_changed(self, *_args: object) -> None:
        """A filter changed: show what it names, newest first."""
        self._typing.stop()
        self.model.set_filter(self.current_filter())

    def on_clear(self) -> None:
        """Every filter back to "all" (one reload, not one per field)."""
        page = self.page
        widgets = (page.since, page.until, page.station, page.packer, page.reason)
        for widget in widgets:
            widget.blockSignals(True)
        page.since.setDate(NO_DATE)
        page.until.setDate(NO_DATE)
        for combo in (page.station, page.packer, page.reason):
            combo.setCurrentIndex(0)
        for widget in widgets:
            widget.blockSignals(False)
        page.sku.clear()
        page.order.clear()
        self.on_filter_changed()

    def on_refresh(self) -> None:
        """Fetch the log (and the stations and packers offered) again."""
        self._fill_choices()
        self.model.reload()

    def on_filter_applied(self) -> None:
        """Keep the picked refusal picked while it is shown; else the pane empties."""
        self._show_row_count()
        row = self._row_of(self._picked) if self._picked is not None else None
        if row is None:
            self._picked = None
            self.page.details.show_mismatch(None)
        else:
            select_row(self.page.table, row)

    def on_rows_fetched(self, _parent: QModelIndex, _first: int, _last: int) -> None:
        """Another page arrived: say how many rows are shown."""
        self._show_row_count()

    def on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        """Another refusal was picked: show it with the scans of its pack session."""
        if not current.isValid():
            self.page.details.show_mismatch(None)
            return
        self._picked = int(self.model.index(current.row(), 0).data(MISMATCH_ID_ROLE))
        self.page.details.show_mismatch(self.log.details(self._picked))

    def on_mark_reviewed(self) -> None:
        """Ask a supervisor's badge and PIN, then record the review under them."""
        details = self.page.details
        picked = self._picked
        if picked is None or self.lane.pending:
            return
        by = self.ask(self.tr("Mark the refused scan reviewed: a supervisor's badge and PIN."))
        if by is None:
            details.review_state.setText(self.tr("Not recorded: no badge and PIN were given."))
            self.review_done.emit()
            return
        note = details.note.text()
        details.mark_reviewed.setEnabled(False)
        self.lane.submit(
            lambda: self._review(picked, by, note), self.on_reviewed, self.on_not_reviewed
        )

    def _review(self, picked: int, by: Credentials, note: str) -> MismatchDetails | None:
        """On the lane: record the review, then read the refusal back as it stands."""
        self.log.review(picked, by, note, place=self.place)
        return self.log.details(picked)

    def on_reviewed(self, shown: MismatchDetails | None) -> None:
        """Recorded: the row and the pane show who reviewed it."""
        if shown is not None:
            self.model.replace_row(shown.mismatch)
        if shown is not None and shown.mismatch.id == self._picked:
            self.page.details.show_mismatch(shown)
        self.page.details.mark_reviewed.setEnabled(True)
        self.review_done.emit()

    def on_not_reviewed(self, error: KenpinError) -> None:
        """Refused (a packer's badge, a wrong PIN, a lock) or failed: say why."""
        details = self.page.details
        details.review_state.setText(self.tr("Not recorded: {0}").format(refusal_words(error)))
        details.mark_reviewed.setEnabled(True)
        self.review_done.emit()

    def close(self) -> None:
        """The window is closing: a review under way is not waited for long."""
        self.lane.close()

    # Inside --------------------------------------------------------------------

    def current_filter(self) -> MismatchFilter:
        """The filter as the page's fields say."""
        page = self.page
        wanted = MismatchFilter(
            station=str(page.station.currentData() or "") or None,
            user_id=int(page.packer.currentData() or 0) or None,
            reason=str(page.reason.currentData() or "") or None,
            sku=page.sku.text().strip() or None,
            order=page.order.text().strip() or None,
        )
        return local_days(picked_day(page.since), picked_day(page.until), wanted)

    def _fill_choices(self) -> None:
        page = self.page
        keep = (page.station.currentData(), page.packer.currentData())
        for combo in (page.station, page.packer):
            combo.blockSignals(True)
        page.set_choices(
            [(choice.name, str(choice.key)) for choice in self.log.stations()],
            [(choice.name, int(choice.key)) for choice in self.log.packers()],
        )
        for combo, data in zip((page.station, page.packer), keep, strict=True):
            found = combo.findData(data)
            combo.setCurrentIndex(max(found, 0))
            combo.blockSignals(False)

    def _row_of(self, mismatch_id: int) -> int | None:
        for row in range(self.model.rowCount()):
            if self.model.mismatch_at(row).id == mismatch_id:
                return row
        return None

    def _show_row_count(self) -> None:
        rows = self.model.rowCount()
        if self.model.all_fetched:
            if rows == 0:
                text = self.tr("No refused scans match")
            elif rows == 1:
                text = self.tr("1 refused scan")
            else:
                text = self.tr("{0:,} refused scans").format(rows)
        else:
            text = self.tr("newest {0:,} — scroll for more").format(rows)
        self.page.show_row_count(text)
