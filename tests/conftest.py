"""Fixtures for the whole suite: the host's greenroom settings never leak into a test."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from greenroom.config import ENV_PREFIX


@pytest.fixture(autouse=True)
def _isolated_settings(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    """Strip every ``GREENROOM_*`` variable and point the config file at one that is not there."""
    for name in list(os.environ):
        if name.startswith(ENV_PREFIX):
            monkeypatch.delenv(name)
    monkeypatch.setenv(ENV_PREFIX + "CONFIG", str(tmp_path / "no-such-config.toml"))
    yield
