"""Where scans come from and what they are."""
