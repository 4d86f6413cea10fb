"""The waves in progress as a Qt table model: one row a wave, its counts as the page reads."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from app.services.wave_progress import WaveProgress

Index = QModelIndex | QPersistentModelIndex
# The columns of counts, set to the right like figures on paper.
_NUMBERS = frozenset({2, 5, 6, 7, 8, 9})


class WavesModel(QAbstractTableModel):
    """The waves shown, newest first."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._waves: list[WaveProgress] = []
        self._headers = (
            self.tr("Wave"),
            self.tr("Status"),
            self.tr("Orders"),
            self.tr("Picker"),
            self.tr("Station"),
            self.tr("Lines picked"),
            self.tr("Units picked"),
            self.tr("Short picks"),
            self.tr("Minutes open"),
            self.tr("Seconds per line"),
        )

    def set_waves(self, waves: list[WaveProgress]) -> None:
        """Show these waves instead of those shown."""
        self.beginResetModel()
        self._waves = list(waves)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._waves)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in _NUMBERS:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return self._cells(self._waves[index.row()])[index.column()]

    def _cells(self, wave: WaveProgress) -> tuple[str, ...]:
        pace = wave.seconds_per_line
        return (
            wave.number,
            self._status(wave.status),
            str(wave.orders),
            wave.picker or "–",
            wave.station or "–",
            f"{wave.lines_picked} / {wave.lines}",
            f"{wave.units_picked} / {wave.units}",
            str(wave.short_picks),
            str(wave.minutes_open),
            "–" if pace is None else f"{pace:.0f}",
        )

    def _status(self, status: str) -> str:
        words = {"open": self.tr("picking"), "done": self.tr("done")}
        return words.get(status, status)
