"""What a station's own settings may be, as an admin sets them: the error lock-out's count.

The lock-out: after this many refused product scans in a row within one
pack, the station needs a supervisor before it takes another scan; 0 turns
it off.
"""

from __future__ import annotations

#: Refused product scans in a row before a supervisor is needed, when nothing is set.
DEFAULT_LOCKOUT_AFTER = 3
#: The most an admin may set (more is as good as off, and a typo more likely).
MAX_LOCKOUT_AFTER = 99


def lockout_problem(value: int) -> str | None:
    """Why `value` cannot be a station's lock-out count, or None."""
    if 0 <= value <= MAX_LOCKOUT_AFTER:
        return None
    return f"must be a whole number from 0 (off) to {MAX_LOCKOUT_AFTER}"


def stored_lockout(value: object) -> int:
    """The lock-out count a stored value gives: the default for anything not a count."""
    if isinstance(value, int) and not isinstance(value, bool) and lockout_problem(value) is None:
        return value
    return DEFAULT_LOCKOUT_AFTER
