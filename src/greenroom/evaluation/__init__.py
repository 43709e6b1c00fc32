"""Offline evaluation against research datasets read from outside the package (never shipped)."""
