"""The Admin page: users, stations, printers and tracking number blocks."""
