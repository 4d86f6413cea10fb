"""Kenpin (検品): a pick-pack-ship station for e-commerce warehouses."""

__version__ = "0.1.0"
