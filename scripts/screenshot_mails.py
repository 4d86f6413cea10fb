"""Screenshots of the Mails page (English and Japanese) at 1024×768: a mail to check, one
that failed and one without an address, mailed through a local SMTP server."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scripts.screenshot_window import (
    fresh_database,
    save_shot,
    settle,
    shoot_each_language,
    station_window,
)


def shot(lang: str, folder: Path) -> None:
    from app.services.mail.outbox import Mailer
    from tests.mailserver import Clock, FlakyInbox, start
    from tests.services.mail.shipped import START, shipped_orders, smtp_set_up
    from tests.services.mail.test_outbox import plain_post

    db = fresh_database("kenpin-mails-")
    inbox = FlakyInbox(drop_after_data=1, unknown={"nobody@example.jp"})
    server = start(inbox)
    try:
        smtp_set_up(db, server.port)
        shipped_orders(db, "hanako@example.jp", "nobody@example.jp", "", "taro@example.jp")
        Mailer(db, post_of=plain_post, now=Clock(START)).send()
    finally:
        server.stop()
    with station_window(db, lang) as window:
        mails = window.mails
        assert mails is not None
        window.pages.setCurrentWidget(mails.page)
        settle(lambda: mails.page.table.rowCount() == 3)
        mails.page.table.selectRow(0)
        settle(lambda: True)
        save_shot(window, folder / f"mails-{lang}.png")


if __name__ == "__main__":
    sys.exit(shoot_each_language("Screenshots of the Mails page", shot))
