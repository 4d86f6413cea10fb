"""The Tracking numbers tab's logic: the blocks listed with the numbers left per carrier,
and a new block registered on an admin's badge and PIN."""

from __future__ import annotations

from PySide6.QtCore import QObject

from app.core.carriers import CarrierCode
from app.core.times import local_time
from app.db.tracking import Block
from app.services.admin import Administration
from app.services.carriers import BlockWanted
from app.services.users import Where
from app.ui.admin.ask import Ask
from app.ui.admin.tracking_view import TrackingPage
from app.ui.admin.view import fill
from app.ui.admin.work import AdminWork
from app.ui.orders.model import carrier_short_labels


class TrackingController(AdminWork[list[Block]]):
    """Fills the blocks table and the numbers left; adds a block."""

    def __init__(
        self,
        admin: Administration,
        page: TrackingPage,
        ask: Ask,
        where: Where,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(admin.blocks, ask, where, parent)
        self.admin = admin
        self.page = page
        self.page.add.clicked.connect(self.on_add_clicked)
        self.refresh()

    def show(self, listing: list[Block]) -> None:
        names = carrier_short_labels()
        fill(
            self.page.table,
            [
                (
                    names.get(b.carrier, b.carrier),
                    b.first,
                    b.last,
                    f"{b.left:,}",
                    local_time(b.created_at)[:10],
                )
                for b in listing
            ],
        )
        left = {code: 0 for code in CarrierCode}
        for block in listing:
            left[CarrierCode(block.carrier)] += block.left
        self.page.left.setText(
            self.tr("Numbers left: {0}").format(
                self.tr(", ").join(f"{names[code]} {count:,}" for code, count in left.items())
            )
        )

    def on_add_clicked(self) -> None:
        page = self.page
        carrier = page.chosen_carrier()
        block = BlockWanted(str(carrier), page.first.text(), page.last.text())
        self.change(
            lambda by: self.admin.add_block(by, block, self.where),
            self.tr("{0}: block {1} to {2} added.").format(
                carrier_short_labels()[carrier], block.first.strip(), block.last.strip()
            ),
            self._clear,
        )

    def _clear(self) -> None:
        self.page.first.clear()
        self.page.last.clear()
