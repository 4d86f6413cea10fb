"""Label content to ZPL and PDF, paper documents and printer transports."""
