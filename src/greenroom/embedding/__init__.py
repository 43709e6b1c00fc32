"""Sentence embedders by name. Engines are imported only when created, so importing this
package never loads onnxruntime.

    minilm    all-MiniLM-L6-v2 int8 ONNX (the default; real model, shipped)
    hashing   deterministic feature hashing for tests and docs (no model, no meaning)
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from types import MappingProxyType

from greenroom.domain.ports import Embedder
from greenroom.errors import ConfigurationError

__all__ = ["available", "create_embedder"]


def _minilm(model_path: Path | None, threads: int) -> Embedder:
    from greenroom.embedding.minilm import MiniLMEmbedder

    return MiniLMEmbedder(model_path, threads=threads)


def _hashing(model_path: Path | None, threads: int) -> Embedder:
    from greenroom.embedding.hashing import HashingEmbedder

    if model_path is not None:
        raise ConfigurationError("the hashing embedder takes no model_path")
    return HashingEmbedder()


_FACTORIES: Mapping[str, Callable[[Path | None, int], Embedder]] = MappingProxyType(
    {"minilm": _minilm, "hashing": _hashing}
)


def available() -> tuple[str, ...]:
    """Names :func:`create_embedder` accepts, the default first."""
    return tuple(_FACTORIES)


def create_embedder(
    name: str = "minilm", *, model_path: Path | None = None, threads: int = 1
) -> Embedder:
    """The embedder registered as ``name``.

    Raises :class:`ConfigurationError` for an unknown name, and whatever the engine raises when
    it cannot start (:class:`~greenroom.errors.BackendUnavailable` for a missing or altered model).
    """
    factory = _FACTORIES.get(name)
    if factory is None:
        raise ConfigurationError(f"unknown embedder '{name}' (available: {', '.join(available())})")
    return factory(model_path, threads)
