"""Dispatch: what happens to a packed order after it leaves the bench."""
