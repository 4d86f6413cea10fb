"""The History tab of the details pane: the picked order's parcels with their tracking links,
labels and reprints, manifest, notices sent, and every scan (refusals in red with why).

Layout only; `OrderHistoryController` reads the history on a worker and hands it here.
"""

from __future__ import annotations

import datetime as dt
from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.scans import Reason
from app.core.times import as_utc, local_time
from app.services.order_history import (
    LabelPrint,
    Notice,
    OrderHistory,
    ParcelHistory,
    ScanShown,
)
from app.ui.orders.model import carrier_label, status_labels
from app.ui.pack.wording import reason_label

_REFUSED = "#b91c1c"
# Both tables' last column: what was printed or scanned, and how it went.
RESULT = 1


def _moment(at: dt.datetime, station: str | None, who: str | None) -> str:
    """When (local, to the second), at which station and by whom: `12-01 10:03:15` above
    `S1 · Hanako`."""
    when = as_utc(at).astimezone().strftime("%m-%d %H:%M:%S")
    return f"{when}\n{station or '—'} · {who or '—'}"


class OrderHistoryView(QWidget):
    """The picked order's history, section by section; a line while it is being read."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("orderHistory")
        self._statuses = status_labels()
        self.state = QLabel(self.tr("Pick an order to see its history."))
        self.state.setObjectName("detailsMuted")
        self.state.setWordWrap(True)
        self.shipped = QLabel()
        # One line per parcel; a tracking number is a link to the carrier's page.
        self.parcels = QLabel()
        self.parcels.setWordWrap(True)
        self.parcels.setTextFormat(Qt.TextFormat.RichText)
        self.parcels.setOpenExternalLinks(False)  # the controller opens them in the browser
        self.parcels.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextBrowserInteraction
            | Qt.TextInteractionFlag.TextSelectableByMouse
        )
        self.prints = self._table([self.tr("When, where, who"), self.tr("Label and result")])
        self.manifest = QLabel()
        self.manifest.setWordWrap(True)
        self.notices = QLabel()
        self.notices.setWordWrap(True)
        self.scans = self._table([self.tr("When, where, who"), self.tr("Scanned and result")])
        self.audit = QLabel()
        self.audit.setWordWrap(True)
        self.audit.setObjectName("detailsMuted")
        self._sections: list[QWidget] = []
        self._build()
        self.show_history(None)

    def _table(self, headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        table.setWordWrap(True)
        table.setAlternatingRowColors(True)
        header = table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # What and how it went take the room left and wrap: nothing scrolls sideways on a
        # 1024-pixel screen, where the pane is a third of it.
        header.setSectionResizeMode(RESULT, QHeaderView.ResizeMode.Stretch)
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Every row shown: the tab scrolls, not each table in it.
        table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # A narrower pane wraps the results onto more lines: the rows grow with them.
        header.sectionResized.connect(partial(_refit, table))
        return table

    def _caption(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setObjectName("detailsCaption")
        return label

    def _build(self) -> None:
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 8, 0, 0)
        column.setSpacing(6)
        column.addWidget(self.state)
        sections = (
            (self.tr("Parcels"), self.parcels, 0),
            (self.tr("Labels and reprints"), self.prints, 1),
            (self.tr("Manifest"), self.manifest, 0),
            (self.tr("Notices"), self.notices, 0),
            (self.tr("Scans (newest last)"), self.scans, 2),
            (self.tr("Audit trail"), self.audit, 0),
        )
        column.addWidget(self.shipped)
        self._sections.append(self.shipped)
        for title, widget, stretch in sections:
            caption = self._caption(title)
            column.addWidget(caption)
            column.addWidget(widget, stretch)
            self._sections.extend((caption, widget))

    def show_reading(self) -> None:
        """The history is being read: say so, keep what is shown until it comes."""
        self.state.setText(self.tr("Reading the order's history…"))
        self.state.show()

    def show_problem(self, text: str) -> None:
        """The history could not be read: why, in place of it."""
        self.state.setText(self.tr("Could not read the history: {0}").format(text))
        self.state.show()
        self._show_sections(False)

    def show_history(self, history: OrderHistory | None) -> None:
        """Show `history`, or the hint to pick an order when None."""
        if history is None:
            self.state.setText(self.tr("Pick an order to see its history."))
            self.state.show()
            self._show_sections(False)
            return
        self.state.hide()
        self._show_sections(True)
        status = self._statuses.get(history.status, history.status)
        self.shipped.setText(
            self.tr("{0} — shipped on {1}").format(status, history.shipped_on.isoformat())
            if history.shipped_on is not None
            else self.tr("{0} — not shipped yet").format(status)
        )
        self.parcels.setText(
            "<br>".join(self._parcel_html(parcel) for parcel in history.parcels)
            or self.tr("No label issued yet.")
        )
        self._fill_prints(history.parcels)
        self.manifest.setText(
            "\n".join(self._manifest_text(parcel) for parcel in history.parcels)
            or self.tr("Not on a manifest yet.")
        )
        self.notices.setText(
            "\n".join(self._notice_text(notice) for notice in history.notices)
            or self.tr("No notice sent yet.")
        )
        self._fill_scans(history.scans)
        self.audit.setText(
            "\n".join(
                f"{local_time(row.at)}  {row.user or '—'}  {row.action}  {row.detail}"
                for row in history.audit
            )
            or self.tr("Nothing about this order in the audit trail.")
        )

    def _notice_text(self, notice: Notice) -> str:
        """`2026-04-01 17:00  Shipment file to rakuten: written`, or an e-mail's address and
        how its sending went."""
        how = {
            "exported": self.tr("written"),
            "queued": self.tr("waiting to be sent"),
            "sending": self.tr("being sent"),
            "sent": self.tr("sent"),
            "retry": self.tr("not sent yet, tried again soon"),
            "failed": self.tr("failed"),
            "check": self.tr("to check: it may have been sent"),
            "no_address": self.tr("no address"),
        }.get(notice.status, notice.status)
        return self.tr("{0}  {1} to {2}: {3}").format(
            local_time(notice.at),
            self.tr("Shipment file") if notice.kind == "platform" else self.tr("E-mail"),
            notice.to or "—",
            how,
        )

    def _show_sections(self, shown: bool) -> None:
        for widget in self._sections:
            widget.setVisible(shown)

    def _parcel_html(self, parcel: ParcelHistory) -> str:
        number = parcel.tracking_number
        shown = f'<a href="{parcel.tracking_url}">{number}</a>' if parcel.tracking_url else number
        status = {
            "labelled": self.tr("label not scanned back yet"),
            "verified": self.tr("label scanned back {0}").format(
                local_time(parcel.verified_at) if parcel.verified_at else ""
            ),
            "voided": self.tr("voided, replaced by {0}").format(parcel.replaced_by or "—"),
        }.get(parcel.status, parcel.status)
        carton = self.tr("Carton {0}").format(parcel.carton_no)
        carrier = carrier_label(parcel.carrier)
        text = f"<b>{carton}</b> {shown} · {carrier} {parcel.service} · {status}"
        return f'<span style="color:#64748b">{text}</span>' if parcel.status == "voided" else text

    def _manifest_text(self, parcel: ParcelHistory) -> str:
        head = self.tr("Carton {0} ({1}):").format(parcel.carton_no, parcel.tracking_number)
        parts = []
        if parcel.loaded_at is not None:
            parts.append(
                self.tr("loaded {0} by {1} at {2}").format(
                    local_time(parcel.loaded_at),
                    parcel.loaded_by or "—",
                    parcel.loaded_station or "—",
                )
            )
        if parcel.manifest is not None:
            manifest = parcel.manifest
            parts.append(
                self.tr("left on the {0} manifest of {1}, closed {2}").format(
                    carrier_label(manifest.carrier),
                    manifest.ship_date.isoformat(),
                    local_time(manifest.closed_at),
                )
            )
        elif parcel.on_open_manifest:
            if parcel.loaded_at is None:
                parts.append(self.tr("not loaded yet"))
            parts.append(self.tr("on the {0} open manifest").format(carrier_label(parcel.carrier)))
        elif parcel.status == "voided":
            parts.append(self.tr("voided: on no manifest"))
        else:
            parts.append(self.tr("its label is not scanned back yet"))
        separator = self.tr(", ")
        return f"{head} {separator.join(parts)}"

    def _fill_prints(self, parcels: tuple[ParcelHistory, ...]) -> None:
        prints = sorted(
            ((label, parcel) for parcel in parcels for label in parcel.prints),
            key=lambda pair: pair[0].asked_at,
        )
        self.prints.setRowCount(len(prints))
        no_printer = self.tr("no printer")
        for row, (label, parcel) in enumerate(prints):
            what = self.tr("Reprint") if label.reprint else self.tr("Print")
            cells = (
                _moment(label.asked_at, label.station, label.asked_by),
                f"{what} {parcel.tracking_number}\n{self._print_result(label)}",
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if label.status == "failed":
                    item.setForeground(QColor(_REFUSED))
                # The printer's address is long: a hover away.
                item.setToolTip(label.printer_uri or no_printer)
                self.prints.setItem(row, column, item)
        _fit_rows(self.prints)

    def _print_result(self, label: LabelPrint) -> str:
        if label.status == "printed":
            return self.tr("Printed")
        if label.status == "failed":
            return self.tr("Failed: {0}").format(label.error or "—")
        return self.tr("Waiting to print")

    def _fill_scans(self, scans: tuple[ScanShown, ...]) -> None:
        self.scans.setRowCount(len(scans))
        typed = self.tr("(typed by hand)")
        for row, scan in enumerate(scans):
            code = f"{scan.code}\n{typed}" if scan.typed else scan.code
            cells = (_moment(scan.at, scan.station, scan.user), f"{code}\n{self._result(scan)}")
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if scan.verdict == "rejected":
                    item.setForeground(QColor(_REFUSED))
                self.scans.setItem(row, column, item)
        _fit_rows(self.scans)

    def _result(self, scan: ScanShown) -> str:
        if scan.verdict == "rejected":
            return self.tr("Refused: {0}").format(_reason_words(scan.reason))
        if scan.verdict == "accepted":
            return self.tr("Accepted")
        return self.tr("Noted")


def _fit_rows(table: QTableWidget) -> None:
    """Size the rows to their words and the table to its rows."""
    table.resizeRowsToContents()
    rows = sum(table.rowHeight(row) for row in range(table.rowCount()))
    frame = 2 * table.frameWidth()
    table.setFixedHeight(table.horizontalHeader().height() + rows + frame)


def _refit(table: QTableWidget, _column: int, _old: int, _new: int) -> None:
    _fit_rows(table)


def _reason_words(reason: str | None) -> str:
    """A refusal's reason as the pack screen words it; its code when Kenpin no longer knows
    it (an older record)."""
    try:
        return reason_label(Reason(reason or ""))
    except (ValueError, KeyError):
        return reason or "—"
