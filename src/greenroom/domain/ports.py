"""The capabilities the domain needs from the outside, as small Protocols."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import numpy as np
import numpy.typing as npt

from greenroom.domain.parking import ConcernDraft, ParkedConcern
from greenroom.domain.stories import Story, StoryDraft, StoryUse


class Embedder(Protocol):
    """Turns sentences into unit-length vectors; cosine similarity is then a dot product."""

    name: str

    def embed(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        """One L2-normalised row per text (shape ``(len(texts), dim)``)."""
        ...


class StoryStore(Protocol):
    """Keeps the candidate's stories and each time one was told."""

    def add_story(self, draft: StoryDraft) -> Story:
        """Store a new story and return it with its id and timestamps."""
        ...

    def list_stories(self) -> tuple[Story, ...]:
        """Every story, oldest first."""
        ...

    def get_story(self, story_id: int) -> Story:
        """The story with this id; raises ``NotFoundError`` when there is none."""
        ...

    def delete_story(self, story_id: int) -> None:
        """Delete a story and its uses; raises ``NotFoundError`` when there is none."""
        ...

    def record_use(self, use: StoryUse) -> StoryUse:
        """Note that a story was told; raises ``NotFoundError`` for an unknown story."""
        ...

    def list_uses(self, story_id: int | None = None) -> tuple[StoryUse, ...]:
        """Uses of one story, or of all stories, oldest first."""
        ...


class ParkingLot(Protocol):
    """Keeps concerns for after the offer."""

    def park(self, draft: ConcernDraft) -> ParkedConcern:
        """Store a concern and return it with its id and time."""
        ...

    def list_parked(self, *, include_resolved: bool = False) -> tuple[ParkedConcern, ...]:
        """Open concerns (or all of them), oldest first."""
        ...

    def resolve(self, concern_id: int) -> ParkedConcern:
        """Mark a concern dealt with; raises ``NotFoundError`` when there is none."""
        ...


class Store(StoryStore, ParkingLot, Protocol):
    """The whole persistent store, which holds a database connection pool until closed."""

    def close(self) -> None:
        """Release connections; the store is not used afterwards."""
        ...
