"""The Mails page: shipment e-mails a supervisor must look at."""
