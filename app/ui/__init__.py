"""PySide6 windows and widgets. Thin: they turn signals into service calls and show results."""
