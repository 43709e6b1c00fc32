"""The capabilities the domain needs from the outside, as small Protocols."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import numpy as np
import numpy.typing as npt


class Embedder(Protocol):
    """Turns sentences into unit-length vectors; cosine similarity is then a dot product."""

    name: str

    def embed(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        """One L2-normalised row per text (shape ``(len(texts), dim)``)."""
        ...
