"""Printable documents built from domain records: JSON-ready dicts, Markdown and HTML."""
