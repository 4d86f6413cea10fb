"""Shipment e-mails (発送完了メール): the outbox, the SMTP server, the templates."""
