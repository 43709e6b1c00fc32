"""Reading user text files (answers, transcripts, job postings) with size and content checks."""

from __future__ import annotations

from pathlib import Path

from greenroom.errors import InputError

MAX_TEXT_BYTES = 2_000_000


def read_text_file(path: Path, what: str, *, max_bytes: int = MAX_TEXT_BYTES) -> str:
    """The file's text; a one-line :class:`InputError` when it is missing, huge or not text."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise InputError(f"{what} file not found: {path}") from None
    except OSError as exc:
        raise InputError(f"cannot read {what} file {path}: {exc.strerror}") from None
    if path.is_dir():
        raise InputError(f"{what} file {path} is a directory")
    if size > max_bytes:
        raise InputError(
            f"{what} file {path} is {size / 1e6:.1f} MB; the limit is {max_bytes / 1e6:.1f} MB"
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read {what} file {path}: {exc.strerror}") from None
    if b"\x00" in data[:8192]:
        raise InputError(f"{what} file {path} looks like binary data, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            raise InputError(f"{what} file {path} is not UTF-8 text") from None
