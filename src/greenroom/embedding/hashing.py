"""A deterministic, dependency-free stand-in embedder for unit tests and the docs.

Each lowercase word and each character trigram of a word (with ``^``/``$`` marking its edges)
is hashed with BLAKE2b into one of ``dim`` buckets with a sign, and the row is L2-normalised.
Texts sharing words or word pieces therefore get a positive cosine, which is enough to exercise
code that consumes embeddings; it says nothing about meaning, so never judge quality with it.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator, Sequence

import numpy as np
import numpy.typing as npt

from greenroom.errors import ConfigurationError

DIM = 384
TRIGRAM_WEIGHT = 0.5
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)*")


def features(text: str) -> Iterator[tuple[str, float]]:
    """The weighted features of ``text``: each word (1.0) and each of its trigrams (0.5)."""
    for word in _WORD.findall(text.lower().replace("’", "'")):
        yield "w:" + word, 1.0
        marked = f"^{word}$"
        for i in range(len(marked) - 2):
            yield "t:" + marked[i : i + 3], TRIGRAM_WEIGHT


def _bucket(feature: str, dim: int) -> tuple[int, float]:
    value = int.from_bytes(hashlib.blake2b(feature.encode(), digest_size=8).digest(), "little")
    sign = 1.0 if value & 1 else -1.0
    return (value >> 1) % dim, sign


class HashingEmbedder:
    """Feature-hashing embedder: same text, same vector, on every machine and Python version.

    A text with no word (empty, only punctuation) gets an all-zero row, so its cosine with
    anything is 0.0; every other row has unit length.
    """

    name: str = "hashing"

    def __init__(self, dim: int = DIM) -> None:
        if dim < 1:
            raise ConfigurationError(f"hashing: dim must be at least 1, got {dim}")
        self.dim = dim

    def embed(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        """One row per text, shape ``(len(texts), dim)``, float32."""
        if isinstance(texts, str):
            raise TypeError("embed() takes a sequence of texts, not a single string")
        out = np.zeros((len(texts), self.dim), dtype=np.float64)
        for row, text in enumerate(texts):
            for feature, weight in features(text):
                index, sign = _bucket(feature, self.dim)
                out[row, index] += sign * weight
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        unit: npt.NDArray[np.float32] = np.divide(
            out, norms, out=np.zeros_like(out), where=norms > 0
        ).astype(np.float32)
        return unit
