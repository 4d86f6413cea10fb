"""The shop settings page's layout: one field per key with its rule under it, Save, and
what the save did. `ShopSettingsController` decides what it shows."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.core import shop
from app.ui.settings.words import caption, rule
from app.ui.styles import SHOP_SETTINGS_STYLE

#: Shown in the first box: the label's sender; the rest are the carriers' accounts.
_SENDER = shop.SENDER_KEYS


class ShopSettingsPage(QWidget):
    """The shop's name, address and phone (the labels' sender) and the carriers' account
    codes, shared by every station."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shopSettingsPage")
        self.setStyleSheet(SHOP_SETTINGS_STYLE)
        self.hint = QLabel(
            self.tr(
                "Shared by every station: the labels and packing slips print the shop from "
                "here. Save checks every field against its rule."
            )
        )
        self.hint.setObjectName("shopHint")
        self.hint.setWordWrap(True)
        self.missing = QLabel()
        self.missing.setObjectName("shopMissing")
        self.missing.setWordWrap(True)
        self.missing.hide()
        #: One field per key, and under it the environment variable that overrides it.
        self.fields = {known.key: QLineEdit() for known in shop.KEYS}
        self.overridden = {known.key: self._note("shopOverride") for known in shop.KEYS}
        for key, field in self.fields.items():
            field.setObjectName(key)
            field.setMaxLength(shop.MAX_VALUE)
        self.save = QPushButton(self.tr("Save"))
        self.save.setObjectName("shopSave")
        self.result = QLabel()
        self.result.setObjectName("shopResult")
        self.result.setWordWrap(True)
        self._build()

    @staticmethod
    def _note(name: str) -> QLabel:
        note = QLabel()
        note.setObjectName(name)
        note.setWordWrap(True)
        note.hide()
        return note

    def _box(self, title: str, keys: tuple[str, ...]) -> QGroupBox:
        """A box of keys, each its caption, its field, its rule and its override note."""
        box = QGroupBox(title)
        column = QVBoxLayout(box)
        column.setSpacing(2)
        for key in keys:
            label = QLabel(caption(key))
            label.setObjectName("shopCaption")
            label.setBuddy(self.fields[key])
            shown_rule = QLabel(rule(key))
            shown_rule.setObjectName("shopRule")
            shown_rule.setWordWrap(True)
            for widget in (label, self.fields[key], shown_rule, self.overridden[key]):
                column.addWidget(widget)
            column.addSpacing(8)
        column.addStretch(1)
        return box

    def _build(self) -> None:
        carriers = tuple(known.key for known in shop.KEYS if known.key not in _SENDER)
        inner = QWidget()
        column = QVBoxLayout(inner)
        column.addWidget(self.hint)
        column.addWidget(self.missing)
        boxes = QHBoxLayout()
        boxes.addWidget(self._box(self.tr("Sender on labels and packing slips"), _SENDER), 1)
        boxes.addWidget(self._box(self.tr("Carrier accounts"), carriers), 1)
        column.addLayout(boxes)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save, 0, Qt.AlignmentFlag.AlignTop)
        buttons.addWidget(self.result, 1)
        column.addLayout(buttons)
        column.addStretch(1)
        # A 1024×768 bench screen shows the form whole or scrolls it, never cuts it off.
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(inner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
