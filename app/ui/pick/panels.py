"""The pick screen's instruction card: the one instruction in front of the picker, large
enough to read from two metres or on a handheld's small screen, drawing only what it is
given."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QSizePolicy, QVBoxLayout, QWidget

from app.core.pick.session import PickLine
from app.services.station.pick import PickView
from app.ui.pack.panels import named_label, restyle


class InstructionCard(QFrame):
    """Where (the bin), what (product and variant), how many, which lot, and where it goes
    (the order's slot on the cart, or its tote). The step the picker is at stands out:
    `step` is `bin` (go there), `units` (take them), `slot` (put the unit in its slot) or
    `tote` (scan a tote first)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pickCard")
        self.setProperty("step", "bin")
        self.bin_caption = named_label("pickCaption", self.tr("Bin"), wrap=False)
        self.bin = named_label("pickBin", wrap=False)
        self.qty_caption = named_label("pickCaption", self.tr("Take"), wrap=False)
        self.qty = named_label("pickQty", wrap=False)
        self.qty.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        for caption in (self.bin_caption, self.qty_caption):
            caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.product = named_label("pickProduct")
        self.lot = named_label("pickLot")
        self.where = named_label("pickWhere")
        for label in (self.product, self.lot, self.where):
            # Long names wrap rather than widen the window past a small screen.
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        top = QHBoxLayout()
        top.setSpacing(6)
        top.addWidget(self.bin_caption)
        top.addWidget(self.bin)
        top.addStretch(1)
        top.addWidget(self.qty_caption)
        top.addWidget(self.qty)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 4, 12, 6)
        layout.setSpacing(2)
        layout.addLayout(top)
        for label in (self.product, self.lot, self.where):
            layout.addWidget(label)
        layout.addStretch(1)
        self.hide()

    @property
    def step(self) -> str:
        """The step the card shows as the one to do (`bin`, `units`, `slot`, `tote`)."""
        return str(self.property("step"))

    def show_instruction(self, view: PickView) -> None:
        """Show the view's instruction (None: the card steps aside). While a unit waits for
        its slot the slot alone is shown: one instruction at a time."""
        line = view.instruction
        if line is None and view.slot is None:
            self.hide()
            return
        step = _step(view)
        for label in (self.bin_caption, self.bin, self.qty_caption, self.qty, self.product):
            label.setVisible(step != "slot")
        self.lot.hide()
        if line is not None and step != "slot":
            self._show_line(line, view.taken)
        self.where.setText(self._where(view))
        self.setProperty("step", step)
        restyle(self)
        self.show()

    def _show_line(self, line: PickLine, taken: int) -> None:
        self.bin.setText(line.bin)
        self.qty.setText(self.tr("{0} ×").format(line.qty - taken))
        self.qty_caption.setText(
            self.tr("Take ({0} of {1} taken)").format(taken, line.qty) if taken else self.tr("Take")
        )
        self.product.setText(line.item)
        lot = ""
        if line.lot:
            lot = self.tr("Lot {0}").format(line.lot)
            if line.expiry is not None:
                lot = self.tr("{0} · use by {1}").format(lot, line.expiry.isoformat())
        self.lot.setText(lot)
        self.lot.setVisible(bool(lot))

    def _where(self, view: PickView) -> str:
        """Where the units go: the order, and its slot on the cart or its tote."""
        line = view.instruction
        if view.slot is not None:
            return self.tr("Slot {0} on the cart").format(view.slot)
        assert line is not None
        if view.tote:
            return self.tr("Order {0} · tote {1}").format(line.order_number, view.tote)
        if view.batch:
            return self.tr("Order {0} · slot {1}").format(line.order_number, line.slot)
        return self.tr("Order {0}").format(line.order_number)


def _step(view: PickView) -> str:
    if view.slot is not None:
        return "slot"
    if view.needs_tote:
        return "tote"
    return "units" if view.at_bin else "bin"
