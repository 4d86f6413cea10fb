"""Kenpin's tests, in folders that mirror app/."""

from pathlib import Path

#: The repository's root folder.
ROOT = Path(__file__).resolve().parent.parent
