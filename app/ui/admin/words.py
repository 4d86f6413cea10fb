"""The admin pages' words: roles, yes and no, a station's scanner settings, translated."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.core.roles import Role
from app.scanning.settings import ScanRules

translate = QCoreApplication.translate


def role_words() -> dict[Role, str]:
    """Each role as the users table and the role box name it."""
    return {
        Role.PACKER: translate("Admin", "Packer"),
        Role.SUPERVISOR: translate("Admin", "Supervisor"),
        Role.ADMIN: translate("Admin", "Admin"),
    }


def yes_no(value: bool) -> str:
    return translate("Admin", "Yes") if value else translate("Admin", "No")


def lockout_words(after: int) -> str:
    """A station's lock-out count in words ("off" for 0)."""
    if after == 0:
        return translate("Admin", "Off")
    return translate("Admin", "stops after {0} refusals").format(after)


def scanner_words(rules: ScanRules | None) -> str:
    """The scanner settings a station stores, short; "defaults" when it stores none."""
    if rules is None:
        return translate("Admin", "unreadable: set them again on the Scanner test page")
    parts = []
    if rules.key_gap_ms is not None:
        parts.append(translate("Admin", "gap {0} ms").format(rules.key_gap_ms))
    if rules.min_length is not None:
        parts.append(translate("Admin", "at least {0} characters").format(rules.min_length))
    if rules.terminator is not None:
        parts.append(translate("Admin", "ends with {0}").format(rules.terminator.value))
    if rules.gs1_standin is not None:
        parts.append(translate("Admin", "GS1 separator as {0!r}").format(rules.gs1_standin))
    return ", ".join(parts) if parts else translate("Admin", "defaults")
