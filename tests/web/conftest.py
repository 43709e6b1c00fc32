"""Fixtures for web tests: a test client over a fresh app with its data in a temp dir."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from greenroom.config import Settings, load_settings
from greenroom.domain.ports import Embedder
from greenroom.embedding import create_embedder
from greenroom.runtime import Runtime
from greenroom.web.app import create_app


@pytest.fixture(scope="session")
def minilm() -> Embedder:
    """The shipped MiniLM model, loaded once for the whole session."""
    return create_embedder("minilm")


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return load_settings({"data_dir": tmp_path / "data"})


def make_runtime(settings: Settings, embedder: Embedder) -> Runtime:
    """A runtime that shares the already loaded model instead of loading its own."""
    runtime = Runtime(settings)
    runtime.__dict__["embedder"] = embedder  # fills the cached_property
    return runtime


@pytest.fixture
def new_runtime(minilm: Embedder) -> Callable[[Settings], Runtime]:
    """``new_runtime(settings)``: a fresh runtime (as at a restart) sharing the loaded model."""
    return lambda settings: make_runtime(settings, minilm)


@pytest.fixture
def runtime(settings: Settings, minilm: Embedder) -> Iterator[Runtime]:
    runtime = make_runtime(settings, minilm)
    yield runtime
    if "store" in vars(runtime):
        runtime.store.close()


@pytest.fixture
def client(settings: Settings, runtime: Runtime) -> Iterator[TestClient]:
    with TestClient(create_app(settings, runtime=runtime), raise_server_exceptions=False) as c:
        yield c
