"""Persistence: models, engine setup, migrations and queries. The only place with SQL."""
