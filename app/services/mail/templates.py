"""The shop's shipment e-mail templates: the one in force per language, and storing one."""

from __future__ import annotations

import json

from app.core.audit import Action
from app.core.mail.settings import Language
from app.core.mail.template import (
    DEFAULT_TEMPLATES,
    MailTemplate,
    check_template,
    template_text,
)
from app.core.roles import Role
from app.db import audit
from app.db import mail as store
from app.db.database import Database
from app.db.models import utcnow
from app.services.signin import Credentials, signed_in


def template_in_force(db: Database, language: str) -> MailTemplate:
    """The shop's template for `language`, else the built-in one."""
    with db.read() as session:
        stored = store.stored_template(session, language)
    return stored or DEFAULT_TEMPLATES[Language(language)]


def template_file(db: Database, language: str) -> str:
    """The template in force as a file holds it (`kenpin notify template show`)."""
    return template_text(template_in_force(db, language), Language(language))


def set_template(db: Database, language: str, template: MailTemplate, by: Credentials) -> str:
    """Store the shop's template for `language` on an admin's word; audited. Refused,
    nothing stored, when a placeholder is unknown."""
    checked = check_template(template, f"template {language}")
    admin = signed_in(db, by, place="cli: notify template set", roles=(Role.ADMIN,))
    with db.write() as session:
        store.store_template(session, Language(language).value, checked, utcnow(), admin.user_id)
        detail = {"language": language, "subject": checked.subject}
        audit.record(
            session,
            Action.MAIL_TEMPLATE_SET,
            user_id=admin.user_id,
            detail=json.dumps(detail, ensure_ascii=False),
        )
    return f"the {language} shipment e-mail template is stored: {checked.subject}"
