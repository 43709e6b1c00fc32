"""The project's exceptions, by meaning. The CLI shows any of them as one line and exits 1.

GreenroomError
├── ConfigurationError      a setting or option that cannot work
├── NotFoundError           an unknown interviewer, criterion or question id
├── InputError              an answer, transcript or job file that cannot be judged
├── BankError               a question bank file that does not validate
├── BackendUnavailable      a model or engine that is missing or fails its hash check
├── AudioDecodeError        an uploaded recording that is empty, too long or not audio
└── StorageError            the database cannot be opened, migrated, read or written
"""

from __future__ import annotations


class GreenroomError(Exception):
    """Base of every error the project raises on purpose."""


class ConfigurationError(GreenroomError):
    """A setting or option that cannot work."""


class NotFoundError(GreenroomError):
    """An id that names nothing known."""

    def __init__(self, kind: str, value: str, known: tuple[str, ...] = ()) -> None:
        self.kind = kind
        self.value = value
        self.known = known
        hint = f" (known: {', '.join(known)})" if known else ""
        super().__init__(f"unknown {kind} '{value}'{hint}")


class InputError(GreenroomError):
    """Input that cannot be judged: empty, binary, too large, not English."""


class BankError(GreenroomError):
    """A question bank file that does not validate."""

    def __init__(self, path: str, problem: str) -> None:
        self.path = path
        self.problem = problem
        super().__init__(f"question bank {path}: {problem}")


class BackendUnavailable(GreenroomError):
    """A model or engine that is missing or fails its hash check."""

    def __init__(self, backend: str, problem: str, install_hint: str = "") -> None:
        self.backend = backend
        self.problem = problem
        hint = f"; {install_hint}" if install_hint else ""
        super().__init__(f"{backend}: {problem}{hint}")


class AudioDecodeError(GreenroomError):
    """An uploaded recording that is empty, too large, too long, truncated or not audio."""


class StorageError(GreenroomError):
    """The database cannot be opened, migrated, read or written."""

    def __init__(self, url: str, problem: str) -> None:
        self.url = url
        self.problem = problem
        super().__init__(f"database {url}: {problem}")
