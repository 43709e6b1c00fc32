"""Choosing an embedder by name."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from greenroom.embedding import available, create_embedder
from greenroom.embedding.hashing import HashingEmbedder
from greenroom.embedding.minilm import MiniLMEmbedder
from greenroom.errors import BackendUnavailable, ConfigurationError


def test_available_lists_the_default_first() -> None:
    assert available() == ("minilm", "hashing")


def test_the_default_embedder_is_the_real_minilm_model() -> None:
    embedder = create_embedder()
    assert isinstance(embedder, MiniLMEmbedder)
    assert embedder.name == "minilm"


def test_threads_reach_the_minilm_embedder() -> None:
    embedder = create_embedder("minilm", threads=2)
    assert isinstance(embedder, MiniLMEmbedder)
    assert embedder.threads == 2


def test_a_missing_model_path_surfaces_as_backend_unavailable(tmp_path: Path) -> None:
    with pytest.raises(BackendUnavailable):
        create_embedder("minilm", model_path=tmp_path / "absent.onnx")


def test_hashing_is_available_by_name() -> None:
    embedder = create_embedder("hashing")
    assert isinstance(embedder, HashingEmbedder)
    assert embedder.name == "hashing"


def test_hashing_refuses_a_model_path(tmp_path: Path) -> None:
    with pytest.raises(ConfigurationError, match="model_path"):
        create_embedder("hashing", model_path=tmp_path / "model.onnx")


def test_an_unknown_name_raises_configuration_error_listing_the_known_ones() -> None:
    with pytest.raises(ConfigurationError, match="unknown embedder 'bert'.*minilm, hashing"):
        create_embedder("bert")


def test_importing_the_package_does_not_load_onnxruntime() -> None:
    code = (
        "import sys, greenroom.embedding;"
        "print('onnxruntime' in sys.modules, 'tokenizers' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    assert out == ["False", "False"]
