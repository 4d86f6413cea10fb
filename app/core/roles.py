"""What a user is at the station, and which roles may overrule a packer."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    """A user's role, as `kenpin users add --role` names it."""

    PACKER = "packer"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"


#: Roles whose badge may void a label or override a block; never a packer's.
SUPERVISING = frozenset({Role.SUPERVISOR, Role.ADMIN})
