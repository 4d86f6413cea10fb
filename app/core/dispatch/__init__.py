"""The files a manifest sends out: carriers' upload files and shop platforms' shipment files.

Pure functions: they take `Shipment` values and the shop's settings and return the file's bytes.
"""
