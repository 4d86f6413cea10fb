"""Closing a carrier's manifest from the dock screen: which carrier, what is loaded and what
is not, a supervisor's badge and PIN to leave parcels behind, the folder the files go in;
the reads and the close run on the window's documents lane, never on the GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

from app.core.carriers import CarrierCode
from app.core.label import tracking_display
from app.services.manifests import ManifestClosed, ManifestDesk, ManifestState
from app.services.signin import Credentials
from app.ui.jobs import JobLane
from app.ui.orders.model import carrier_label

#: Parcels not loaded the question names before "and N more".
NAMED = 8


class ManifestCloser(QObject):
    """Walks the loader through closing today's manifest of a carrier."""

    def __init__(
        self,
        desk: ManifestDesk,
        lane: JobLane,
        window: QWidget,
        ask_credentials: Callable[[str], Credentials | None],
        told: Callable[[str, bool], None],
    ) -> None:
        super().__init__(window)
        self._desk = desk
        self._lane = lane
        self._window = window
        self._ask_credentials = ask_credentials
        #: Says a sentence on the window's banner: (text, is_error).
        self._told = told
        #: Called once a manifest closed (the dock screen reads its station again).
        self.closed: Callable[[ManifestClosed], None] = lambda _closed: None

    def start(self, carrier: str | None) -> None:
        """Ask which carrier (the truck's when one is loaded), then read its manifest."""
        if carrier is None:
            names = [carrier_label(code) for code in CarrierCode]
            chosen, ok = QInputDialog.getItem(
                self._window, self.tr("Close manifest"), self.tr("Carrier"), names, 0, False
            )
            if not ok:
                return
            carrier = list(CarrierCode)[names.index(chosen)].value
        self._lane.submit(
            lambda: self._desk.state(carrier),
            self.on_state_read,
            lambda error: self._told(str(error), True),
        )

    def on_state_read(self, state: ManifestState) -> None:
        """The manifest as it stands: confirm, a supervisor for parcels not loaded, a folder."""
        name = carrier_label(state.carrier.value)
        if state.closed is not None:
            self._told(
                self.tr("The {0} manifest of {1} is closed already.").format(
                    name, state.day.isoformat()
                ),
                True,
            )
            return
        question = self.tr("Close the {0} manifest of {1}: {2} parcel(s) loaded.").format(
            name, state.day.isoformat(), len(state.loaded)
        )
        if state.not_loaded:
            named = ", ".join(
                f"{p.order_number} ({tracking_display(p.tracking)})"
                for p in state.not_loaded[:NAMED]
            )
            if len(state.not_loaded) > NAMED:
                named += self.tr(" and {0} more").format(len(state.not_loaded) - NAMED)
            question += "\n\n" + self.tr(
                "{0} parcel(s) are not loaded: {1}. They stay for the next manifest on a "
                "supervisor's badge and PIN."
            ).format(len(state.not_loaded), named)
        answer = QMessageBox.question(self._window, self.tr("Close manifest"), question)
        if answer != QMessageBox.StandardButton.Yes:
            return
        by = None
        if state.not_loaded:
            by = self._ask_credentials(self.tr("leave parcels for the next manifest"))
            if by is None:
                return
        folder = QFileDialog.getExistingDirectory(
            self._window,
            self.tr("Where the hand-over sheet and the upload file go"),
            str(Path.home()),
            QFileDialog.Option.DontUseNativeDialog | QFileDialog.Option.ShowDirsOnly,
        )
        if folder:
            self.close(state.carrier.value, Path(folder), by)

    def close(self, carrier: str, folder: Path, by: Credentials | None) -> None:
        """Close today's manifest of `carrier` into `folder`, off the GUI thread."""
        self._lane.submit(
            lambda: self._desk.close(carrier, folder, by),
            self.on_closed,
            lambda error: self._told(str(error), True),
        )

    def on_closed(self, closed: ManifestClosed) -> None:
        """Say what was written, and let the dock screen read its station again."""
        self._told(
            self.tr(
                "{0} manifest closed: {1} parcel(s), {2} order(s) shipped; files in {3}."
            ).format(
                carrier_label(closed.carrier.value),
                closed.parcels,
                closed.shipped,
                closed.files[0].parent if closed.files else "",
            ),
            False,
        )
        mails = closed.mails
        if mails is not None and not mails.stopped:
            said = self.tr(
                "Shipment e-mails: {0} sent, {1} to check, {2} failed, {3} without an address."
            ).format(len(mails.sent), len(mails.check), len(mails.failed), len(mails.no_address))
            self._told(said, False)
        elif mails is not None or closed.mail_problem:
            problem = closed.mail_problem or (mails.stopped if mails else "")
            said = self.tr("Shipment e-mails not sent ({0}): the next send mails them.")
            self._told(said.format(problem), True)
        self.closed(closed)
