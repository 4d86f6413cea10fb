"""Use cases: each joins core rules, the database and the outside in one transaction."""
