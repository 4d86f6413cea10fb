"""Shipment e-mails (発送完了メール): their settings, templates and outbox rules."""
