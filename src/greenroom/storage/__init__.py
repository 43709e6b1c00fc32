"""Persistence: the schema, its migrations and the SQL store behind the domain's Protocols."""
