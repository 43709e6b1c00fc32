"""The local web app: a JSON API under ``/api/v1`` (pages come later)."""
