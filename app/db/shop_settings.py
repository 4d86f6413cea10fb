"""The shop settings as stored (`shop_settings`, one row per key), and storing one.

What a key means and may hold is `app.core.shop`'s business; here they are text.
"""

from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.audit import Action
from app.db import audit
from app.db.models import ShopSetting, table

_SETTINGS = table(ShopSetting).c
_ALL = select(_SETTINGS.key, _SETTINGS.value)


def stored_settings(session: Session) -> dict[str, str]:
    """Every stored key and its value (keys never set are absent)."""
    return {key: value for key, value in session.execute(_ALL).all()}


def store_setting(
    session: Session, key: str, value: str, at: dt.datetime, by: int | None = None
) -> str | None:
    """Store `value` under `key` (an empty value takes the key away); the value it had.

    The row is locked until the transaction ends, so two admins saving at once take
    turns; the change is written to the audit log with the old and new value, naming user
    `by` (None: the demo's or a test bench's set-up, nobody's).
    """
    row = session.scalar(select(ShopSetting).where(ShopSetting.key == key).with_for_update())
    old = row.value if row is not None else None
    if row is not None and not value:
        session.delete(row)
    elif row is not None:
        row.value, row.updated_at = value, at
    elif value:
        session.add(ShopSetting(key=key, value=value, updated_at=at))
    audit.record(
        session,
        Action.SETTINGS_SET,
        user_id=by,
        detail=json.dumps({"key": key, "old": old, "new": value}, ensure_ascii=False),
    )
    return old
