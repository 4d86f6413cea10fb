"""The Orders page's label actions for a supervisor: void the picked order's label (the
carton gets a new number) or print it again, the label printing at this window's station.

Void label… asks which parcel (when the order has several), why, and a
supervisor's badge and PIN (the credentials dialog); the void and the print
then run on a lane of their own, never on the GUI thread. How it went goes
on the window's banner.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget

from app.core.errors import EnvironmentFailure, KenpinError
from app.services.relabel import LabelDesk, LiveParcel, NoPrinter, Relabelled, StationWaiting
from app.services.signin import Credentials
from app.ui.credentials import refusal_words
from app.ui.jobs import JobLane
from app.ui.orders.controller import OrdersController
from app.ui.pack.printing import printer_reason


@dataclass(frozen=True, slots=True)
class Printed:
    """A void or reprint done, and why its label did not print ("" when it did)."""

    done: Relabelled
    problem: str = ""


class OrderLabelsController(QObject):
    """Voids and reprints the picked order's labels at this station."""

    #: How it went, for the banner: level ("info" or "error") and words.
    said = Signal(str, str)
    #: A label was voided or printed again: the queue and the pack screen read again.
    labels_changed = Signal()
    #: A void or reprint ended, done or refused (tests wait for it).
    finished = Signal()

    def __init__(
        self,
        desk: LabelDesk,
        print_label: Callable[[int], None],
        orders: OrdersController,
        ask: Callable[[str], Credentials | None],
        parent: QObject | None = None,
    ) -> None:
        """`print_label` prints a queued job (raising when the printer failed); `ask` asks a
        supervisor's badge and PIN (the credentials dialog)."""
        super().__init__(parent)
        self.desk = desk
        self.print_label = print_label
        self.orders = orders
        self.ask = ask
        self.details = orders.page.details
        self.lane = JobLane("label corrections", self)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.details.void_label.triggered.connect(self.on_void_clicked)
        self.details.reprint_label.triggered.connect(self.on_reprint_clicked)

    def close(self) -> None:
        """The window is closing: a label being printed is not waited for long."""
        self.lane.close()

    # Slots ---------------------------------------------------------------------

    def on_void_clicked(self) -> None:
        """Which label, why, whose badge and PIN; then void it and print the new one here."""
        parcel = self._pick_parcel(self.tr("Void label"))
        if parcel is None:
            return
        number = self.orders.picked_number
        reason, given = QInputDialog.getText(
            self._window(),
            self.tr("Void label"),
            self.tr("Why is the label {0} of {1} voided? (kept in the audit trail)").format(
                parcel.tracking_number, number
            ),
            QLineEdit.EchoMode.Normal,
        )
        if not given:
            self._cancelled(self.tr("Cancelled: no label was voided."))
            return
        by = self.ask(
            self.tr("Void the label {0} of {1}: a supervisor's badge and PIN.").format(
                parcel.tracking_number, number
            )
        )
        if by is None:
            self._cancelled(self.tr("Cancelled: no label was voided."))
            return
        tracking = parcel.tracking_number
        self._run(lambda: self._printed(self.desk.void(tracking, by, reason.strip())))

    def on_reprint_clicked(self) -> None:
        """Which label, whose badge and PIN; then print it again here."""
        parcel = self._pick_parcel(self.tr("Reprint label"))
        if parcel is None:
            return
        by = self.ask(
            self.tr("Print the label {0} of {1} again: a supervisor's badge and PIN.").format(
                parcel.tracking_number, self.orders.picked_number
            )
        )
        if by is None:
            self._cancelled(self.tr("Cancelled: nothing was printed."))
            return
        tracking = parcel.tracking_number
        self._run(lambda: self._printed(self.desk.reprint(tracking, by)))

    def on_done(self, printed: Printed) -> None:
        """Voided or reprinted: say where the label is, or why it did not print."""
        done = printed.done
        if done.voided and not printed.problem:
            level, text = (
                "info",
                self.tr(
                    "Label {0} of {1} voided. The new label {2} printed here: put it on the box "
                    "and scan it."
                ).format(done.voided, done.order_number, done.tracking_number),
            )
        elif done.voided:
            level, text = (
                "error",
                self.tr(
                    "Label {0} of {1} voided, but the new label {2} did not print: {3}. "
                    "Use Reprint label… to try again."
                ).format(
                    done.voided,
                    done.order_number,
                    done.tracking_number,
                    printer_reason(printed.problem),
                ),
            )
        elif not printed.problem:
            level, text = (
                "info",
                self.tr("Label {0} of {1} printed again here.").format(
                    done.tracking_number, done.order_number
                ),
            )
        else:
            level, text = (
                "error",
                self.tr("Label {0} of {1} did not print: {2}.").format(
                    done.tracking_number, done.order_number, printer_reason(printed.problem)
                ),
            )
        self.said.emit(level, text)
        self.labels_changed.emit()
        self.finished.emit()

    def on_refused(self, error: KenpinError) -> None:
        """Refused (badge, PIN, no printer here, already voided) or failed: nothing changed."""
        if isinstance(error, NoPrinter):
            why = self.tr(
                "this station has no printer: an admin sets one on the Admin page, Stations tab."
            )
        elif isinstance(error, StationWaiting):
            why = self.tr(
                "this station waits for the label of {0} to be scanned back: scan it first"
            ).format(error.order_number)
        else:
            why = refusal_words(error)
        self.said.emit("error", self.tr("Not done: {0}").format(why))
        self.finished.emit()

    # Inside --------------------------------------------------------------------

    def _pick_parcel(self, title: str) -> LiveParcel | None:
        """The picked order's parcel to act on: its only one, or the one chosen."""
        number = self.orders.picked_number
        if not number or self.lane.pending:
            return None
        parcels = self.desk.parcels(number)
        if not parcels:
            self.said.emit("error", self.tr("Order {0} has no shipping label yet.").format(number))
            return None
        if len(parcels) == 1:
            return parcels[0]
        items = [
            self.tr("Carton {0}: {1}").format(parcel.carton_no, parcel.tracking_number)
            for parcel in parcels
        ]
        chosen, given = QInputDialog.getItem(
            self._window(),
            title,
            self.tr("Which label of {0}?").format(number),
            items,
            0,
            False,
        )
        return parcels[items.index(chosen)] if given and chosen in items else None

    def _printed(self, done: Relabelled) -> Printed:
        """On the lane: print the job now, at this station's printer."""
        try:
            self.print_label(done.job_id)
        except EnvironmentFailure as exc:
            return Printed(done, str(exc))
        return Printed(done)

    def _run(self, work: Callable[[], Printed]) -> None:
        self.lane.submit(work, self.on_done, self.on_refused)

    def _cancelled(self, text: str) -> None:
        self.said.emit("info", text)
        self.finished.emit()

    def _window(self) -> QWidget:
        return self.details.window()
