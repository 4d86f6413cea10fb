"""Every Qt style sheet of the station window, in one place: the colours and sizes a
packer reads from arm's length (the pack screen from two metres) are decided here.

Widgets name themselves (`setObjectName`) and carry dynamic properties (`level`,
`state`, `card`); the rules below pick them out. Colours that are painted rather
than styled (table rows, status badges in the queue) stay with their painters.
"""

from __future__ import annotations

#: The main window: tabs, tables, the orders page and its details pane, the message banner.
WINDOW_STYLE = """
QMainWindow, QWidget#centre { background: #f8fafc; }
QTabWidget::pane { border: 1px solid #cbd5e1; background: white; border-radius: 4px; }
QTabBar::tab { padding: 8px 22px; font-weight: bold; color: #334155; }
QTabBar::tab:selected { color: #0f172a; border-bottom: 3px solid #2563eb; }
QTableView { background: white; alternate-background-color: #f1f5f9; gridline-color: #e2e8f0;
             selection-background-color: #bfdbfe; selection-color: #0f172a; }
QTableView#orderQueue::item { padding: 2px 4px; }
QHeaderView::section { background: #e2e8f0; color: #1e293b; padding: 6px 8px; border: none;
                       border-right: 1px solid #cbd5e1; font-weight: bold; }
QLineEdit { padding: 5px 8px; border: 1px solid #94a3b8; border-radius: 4px; background: white; }
QComboBox { padding: 4px 8px; }
QPushButton { padding: 6px 16px; }
QLabel#detailsNumber { font-size: 20pt; font-weight: bold; color: #0f172a; }
QLabel#detailsCaption { font-weight: bold; color: #475569; text-transform: uppercase; }
QLabel#detailsMuted { color: #64748b; }
QLabel#mismatchHeadline { font-size: 14pt; font-weight: bold; color: #b91c1c; }
QLabel#detailsGift { background: #fef9c3; color: #713f12; border: 1px solid #facc15;
                     border-radius: 4px; padding: 8px; }
QLabel#detailsShort { background: #fee2e2; color: #991b1b; border: 1px solid #f87171;
                      border-radius: 4px; padding: 8px; font-weight: bold; }
QFrame#banner[level="error"] { background: #fee2e2; border: 1px solid #f87171; }
QFrame#banner[level="info"] { background: #dbeafe; border: 1px solid #60a5fa; }
QFrame#banner QLabel { color: #0f172a; font-weight: bold; }
QStatusBar QLabel { color: #334155; padding: 0 8px; }
"""

#: The pack screen, read from two metres. Sizes, largest first: the next action (36pt),
#: the current line's "N more" (34pt, over twice the old 16pt lines table; the table is a
#: 13pt overview now), the verdict's headline (26pt). Colours: green accepted, dark green
#: completed, red refused, neutral slate for information, amber only for what waits for
#: the packer (the next action, the label to scan), slate blue while scans wait for the
#: database; a new verdict flashes.
PACK_STYLE = """
QWidget#packPage { background: #f8fafc; }
QLabel#loginPrompt { font-size: 54pt; font-weight: bold; color: #0f172a; }
QLabel#loginHint, QLabel#orderPrompt { font-size: 20pt; color: #475569; }
QLabel#loginStation { font-size: 14pt; color: #64748b; }
QFrame#packHeader { background: #1e293b; border-radius: 6px; }
QFrame#packHeader QLabel { color: white; }
QLabel#packUser { font-size: 15pt; }
QLabel#packOrder { font-size: 24pt; font-weight: bold; }
QLabel#packTotal { font-size: 22pt; font-weight: bold; }
QFrame#packHeader QLabel#packPicked { font-size: 13pt; color: #86efac; padding-left: 12px; }
QFrame#verdict { border-radius: 8px; border: 3px solid #cbd5e1; background: #f1f5f9; }
QFrame#verdict QLabel { color: #0f172a; }
QFrame#verdict[level="accepted"] { background: #16a34a; border-color: #15803d; }
QFrame#verdict[level="completed"] { background: #15803d; border-color: #14532d; }
QFrame#verdict[level="refused"] { background: #dc2626; border-color: #991b1b; }
QFrame#verdict[level="info"] { background: #e2e8f0; border-color: #64748b; }
QFrame#verdict[level="waiting"] { background: #475569; border-color: #1e293b; }
QFrame#verdict[flash="true"] { border: 3px solid #facc15; }
QFrame#verdict[level="accepted"] QLabel, QFrame#verdict[level="completed"] QLabel,
QFrame#verdict[level="refused"] QLabel, QFrame#verdict[level="waiting"] QLabel { color: white; }
QLabel#verdictHeadline { font-size: 26pt; font-weight: bold; }
QLabel#verdictCounter { font-size: 13pt; font-weight: bold; }
QLabel#verdictDetail { font-size: 17pt; }
QLabel#verdictCode { font-size: 12pt; }
QFrame#verdict[level="waiting"] QLabel#verdictCode { font-size: 17pt; }
QLabel#nextAction { font-size: 36pt; font-weight: bold; color: #0f172a; background: white;
                    border: 3px solid #f59e0b; border-radius: 8px; padding: 2px 12px; }
QLabel#nextAction[waiting="true"] { background: #fef3c7; color: #78350f; }
QLabel#labelPrompt { background: #fef3c7; color: #78350f; border: 2px solid #f59e0b;
                     border-radius: 6px; padding: 6px 14px; font-size: 17pt; font-weight: bold; }
QLabel#imeWarning { background: #ffedd5; color: #9a3412; border: 2px solid #fb923c;
                    border-radius: 6px; padding: 6px 14px; font-size: 14pt; font-weight: bold; }
QFrame#typedEntry { background: #e0f2fe; border: 2px solid #0284c7; border-radius: 6px; }
QLabel#typedPrompt { font-size: 14pt; font-weight: bold; color: #0c4a6e; }
QLineEdit#typedField { font-size: 20pt; padding: 4px 8px; }
QFrame#pinEntry { background: #fef3c7; border: 2px solid #d97706; border-radius: 6px; }
QLabel#pinPrompt { font-size: 14pt; font-weight: bold; color: #78350f; }
QLineEdit#pinField { font-size: 20pt; padding: 4px 8px; }
QFrame#currentLine { background: white; border: 2px solid #334155; border-radius: 8px; }
QLabel#currentProduct { font-size: 24pt; font-weight: bold; color: #0f172a; }
QLabel#currentRemaining { font-size: 34pt; font-weight: bold; color: #0f172a; padding-left: 12px; }
QLabel#currentWhere { font-size: 15pt; color: #334155; }
QLabel#currentLot { font-size: 24pt; font-weight: bold; color: #0f172a; background: #f1f5f9;
                    border-radius: 4px; padding: 2px 8px; }
QTableWidget#packLines { font-size: 13pt; }
QTableWidget#packLines::item { padding: 4px 8px; }
QTableWidget#recentScans { font-size: 12pt; }
QLabel#recentTitle { font-size: 13pt; font-weight: bold; color: #334155; }
QFrame#gift { background: #fef08a; border: 3px solid #eab308; border-radius: 8px; }
QFrame#gift[card="confirmed"] { background: #fef9c3; border-color: #84cc16; }
QLabel#giftTitle { font-size: 16pt; font-weight: bold; color: #713f12; }
QLabel#giftMessage { font-size: 16pt; color: #1c1917; background: white; border-radius: 4px;
                     padding: 6px; }
QLabel#giftCard { font-size: 14pt; font-weight: bold; color: #9a3412; }
QFrame#gift[card="confirmed"] QLabel#giftCard { color: #3f6212; }
QLabel#scannerStatus { font-size: 12pt; padding: 4px 10px; border-radius: 4px; }
QLabel#scannerStatus[state="connected"] { background: #dcfce7; color: #166534; }
QLabel#scannerStatus[state="disconnected"] { background: #fee2e2; color: #991b1b; }
QPushButton#packCommand, QPushButton#soundSwitch { font-size: 12pt; padding: 8px 6px;
                                                   min-height: 26px; }
QPushButton#packCommand:focus, QPushButton#soundSwitch:focus { border: 3px solid #2563eb; }
"""


#: The pick screen, added to the pack screen's (the same banner, colours and header), for a
#: cart's or a handheld's small screen: sized to fit 800×600 whole, larger on a roomy screen
#: (`roomy`: the window as it opens, 1360×860, and larger; never past 46pt, where the
#: Japanese fonts' bold stops). The bin and the quantity largest, then the product; the
#: step the picker is at (go to the bin, take the units, put it in its slot) in amber;
#: touch buttons at least 60 px tall.
PICK_STYLE = """
QWidget#pickPage { background: #f8fafc; }
#pickPage QLabel#packUser { font-size: 13pt; }
#pickPage QLabel#packOrder { font-size: 18pt; }
#pickPage QLabel#packTotal { font-size: 16pt; }
#pickPage QLabel#verdictHeadline { font-size: 20pt; }
#pickPage QLabel#verdictCounter { font-size: 11pt; }
#pickPage QLabel#verdictDetail { font-size: 14pt; }
#pickPage QLabel#verdictCode { font-size: 11pt; }
#pickPage QLabel#nextAction { font-size: 26pt; }
QFrame#pickCard { background: white; border: 3px solid #334155; border-radius: 8px; }
QLabel#pickCaption { font-size: 11pt; font-weight: bold; color: #64748b; }
QLabel#pickBin, QLabel#pickQty { font-size: 40pt; font-weight: bold; color: #0f172a;
                                 border-radius: 6px; padding: 0 8px; }
QLabel#pickProduct { font-size: 24pt; font-weight: bold; color: #0f172a; border-radius: 6px;
                     padding: 0 8px; }
QLabel#pickLot { font-size: 18pt; font-weight: bold; color: #0f172a; background: #f1f5f9;
                 border-radius: 4px; padding: 0 8px; }
QLabel#pickWhere { font-size: 14pt; color: #334155; border-radius: 6px; padding: 0 8px; }
QFrame#pickCard[step="bin"] QLabel#pickBin,
QFrame#pickCard[step="units"] QLabel#pickQty,
QFrame#pickCard[step="units"] QLabel#pickProduct,
QFrame#pickCard[step="slot"] QLabel#pickWhere,
QFrame#pickCard[step="tote"] QLabel#pickWhere { background: #fef3c7; color: #78350f; }
QFrame#pickCard[step="tote"] QLabel#pickWhere { font-size: 24pt; font-weight: bold; }
QFrame#pickCard[step="slot"] QLabel#pickWhere { font-size: 40pt; font-weight: bold; }
QPushButton#pickCommand { font-size: 15pt; font-weight: bold; min-height: 60px;
                          padding: 2px 8px; }
QPushButton#pickCommand:focus { border: 3px solid #2563eb; }
#pickPage QPushButton#packCommand, #pickPage QPushButton#soundSwitch,
#pickPage QLabel#scannerStatus { font-size: 11pt; padding: 2px 6px; min-height: 22px; }
#pickPage[roomy="true"] QLabel#packUser { font-size: 15pt; }
#pickPage[roomy="true"] QLabel#packOrder { font-size: 24pt; }
#pickPage[roomy="true"] QLabel#packTotal { font-size: 22pt; }
#pickPage[roomy="true"] QLabel#verdictHeadline { font-size: 26pt; }
#pickPage[roomy="true"] QLabel#verdictDetail { font-size: 17pt; }
#pickPage[roomy="true"] QLabel#nextAction { font-size: 36pt; }
#pickPage[roomy="true"] QLabel#pickBin, #pickPage[roomy="true"] QLabel#pickQty {
    font-size: 46pt; }
#pickPage[roomy="true"] QLabel#pickProduct { font-size: 38pt; }
#pickPage[roomy="true"] QLabel#pickLot { font-size: 28pt; }
#pickPage[roomy="true"] QLabel#pickWhere { font-size: 20pt; }
#pickPage[roomy="true"] QFrame#pickCard[step="slot"] QLabel#pickWhere { font-size: 46pt; }
#pickPage[roomy="true"] QLabel#pickCaption { font-size: 14pt; }
"""


def status_badge_style(background: str, foreground: str) -> str:
    """An order status as a rounded badge (the details pane's heading)."""
    return (
        f"background: {background}; color: {foreground}; border-radius: 11px;"
        " padding: 2px 12px; font-weight: bold;"
    )


#: The scanner test page: the last burst large (green read, red not read, slate typing),
#: its key timings, and the settings form.
SCANNER_TEST_STYLE = """
QWidget#scannerTestPage { background: #f8fafc; }
#scannerTestPage QLabel, #scannerTestPage QSpinBox, #scannerTestPage QComboBox,
#scannerTestPage QLineEdit, #scannerTestPage QPushButton { font-size: 13pt; }
#scannerTestPage QGroupBox { font-size: 13pt; font-weight: bold; }
#scannerTestPage QLabel#scannerTestHint { font-size: 14pt; color: #334155; }
#scannerTestPage QFrame#burstPanel { border-radius: 8px; border: 2px solid #cbd5e1;
                                     background: white; }
#scannerTestPage QFrame#burstPanel[outcome="scan"] { background: #dcfce7; border-color: #16a34a; }
#scannerTestPage QFrame#burstPanel[outcome="unreadable"] { background: #fee2e2;
                                                           border-color: #dc2626; }
#scannerTestPage QFrame#burstPanel[outcome="typing"] { background: #e2e8f0;
                                                       border-color: #475569; }
#scannerTestPage QLabel#burstCode { font-size: 28pt; font-weight: bold; color: #0f172a; }
#scannerTestPage QLabel#burstVerdict { font-size: 19pt; font-weight: bold; color: #0f172a; }
#scannerTestPage QLabel#burstDetail { font-size: 14pt; color: #1e293b; }
#scannerTestPage QLabel#scannerOverride { font-size: 11pt; color: #9a3412; }
#scannerTestPage QLabel#scannerSaved { color: #166534; }
#scannerTestPage QTableWidget#scannerBursts { font-size: 12pt; }
"""

SHOP_SETTINGS_STYLE = """
QWidget#shopSettingsPage { background: #f8fafc; }
#shopSettingsPage QLabel, #shopSettingsPage QLineEdit, #shopSettingsPage QPushButton {
    font-size: 12pt; }
#shopSettingsPage QGroupBox { font-size: 12pt; font-weight: bold; }
#shopSettingsPage QLabel#shopHint { color: #334155; }
#shopSettingsPage QLabel#shopCaption { font-weight: bold; color: #0f172a; }
#shopSettingsPage QLabel#shopRule { font-size: 10pt; color: #64748b; }
#shopSettingsPage QLabel#shopOverride { font-size: 10pt; color: #9a3412; }
#shopSettingsPage QLabel#shopMissing { color: #991b1b; background: #fee2e2; padding: 6px;
                                       border-radius: 4px; }
#shopSettingsPage QLabel#shopResult[state="saved"] { color: #166534; }
#shopSettingsPage QLabel#shopResult[state="refused"] { color: #991b1b; font-weight: bold; }
"""

ADMIN_STYLE = """
QTabWidget#adminPage QLabel, QTabWidget#adminPage QLineEdit, QTabWidget#adminPage QPushButton,
QTabWidget#adminPage QComboBox, QTabWidget#adminPage QSpinBox, QTabWidget#adminPage QCheckBox,
QTabWidget#adminPage QTableWidget { font-size: 12pt; }
QTabWidget#adminPage QGroupBox { font-size: 12pt; font-weight: bold; }
QTabWidget#adminPage QLabel#adminHint { font-size: 10pt; color: #64748b; }
QTabWidget#adminPage QLabel#adminTotals { font-weight: bold; color: #0f172a; }
"""

#: The dock screen: the next action in the largest type, the truck's count just below it.
DOCK_STYLE = """
QWidget#dockPage { background: #f8fafc; }
#dockPage QLabel#packUser { font-size: 15pt; }
#dockPage QLabel#packOrder { font-size: 24pt; }
#dockPage QLabel#packTotal { font-size: 22pt; }
#dockPage QLabel#nextAction { font-size: 30pt; }
QFrame#truckCard { background: white; border: 3px solid #334155; border-radius: 8px; }
QLabel#truckCaption { font-size: 12pt; font-weight: bold; color: #64748b; }
QLabel#truckCount { font-size: 28pt; font-weight: bold; color: #0f172a; }
QLabel#truckCarrier { font-size: 22pt; font-weight: bold; color: #0f172a; }
QLabel#truckLast { font-size: 16pt; color: #334155; }
QPushButton#dockCommand { font-size: 15pt; font-weight: bold; min-height: 60px;
                          padding: 2px 8px; }
QPushButton#dockCommand:focus { border: 3px solid #2563eb; }
#dockPage QPushButton#packCommand, #dockPage QPushButton#soundSwitch,
#dockPage QLabel#scannerStatus { font-size: 11pt; padding: 2px 6px; min-height: 22px; }
"""
