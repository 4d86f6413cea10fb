"""The station's language: Japanese or English, from a setting or the system locale.

The Japanese texts live in resources/translations/kenpin_ja.ts (edited by
translators) and are compiled to kenpin_ja.qm by scripts/update_translations.sh;
the .qm is generated, never edited by hand.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

import app

TRANSLATIONS = Path(app.__file__).resolve().parent.parent / "resources" / "translations"
#: Languages the station speaks; English is the source language and needs no file.
LANGUAGES = ("en", "ja")


def station_language(setting: str = "") -> str:
    """`ja` or `en`: the setting (`KENPIN_LANG`) when it names one, else the system locale."""
    wanted = setting.strip().lower()[:2]
    if wanted in LANGUAGES:
        return wanted
    return "ja" if QLocale.system().language() == QLocale.Language.Japanese else "en"


def install_translation(language: str) -> list[QTranslator]:
    """Load `language`'s texts (Kenpin's and Qt's own dialogs') into the running application.

    Returns the installed translators so a caller (a test) can remove them again.
    """
    application = QCoreApplication.instance()
    if application is None:
        raise RuntimeError("install_translation needs a QApplication")
    locale = QLocale(QLocale.Language.Japanese if language == "ja" else QLocale.Language.English)
    # Names the station picks by locale (carriers, dates) follow the chosen language.
    QLocale.setDefault(locale)
    if language == "en":
        return []
    installed = []
    for name, folder in (
        ("kenpin", str(TRANSLATIONS)),
        ("qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
    ):
        translator = QTranslator(application)
        if translator.load(locale, name, "_", folder):
            application.installTranslator(translator)
            installed.append(translator)
    return installed


def remove_translation(translators: list[QTranslator]) -> None:
    """Take back what `install_translation` installed (English again)."""
    application = QCoreApplication.instance()
    for translator in translators:
        if application is not None:
            application.removeTranslator(translator)
        translator.deleteLater()
    QLocale.setDefault(QLocale.system())
