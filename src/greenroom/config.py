"""Settings: one typed object, built once at the entry point and passed down.

Precedence (highest first): a CLI flag, an environment variable ``GREENROOM_<NAME>``, the config
file ``config.toml`` in the user config directory (or ``GREENROOM_CONFIG``), then the default.
Every setting is documented in ``docs/configuration.md``; a test keeps the two in step.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

import platformdirs
from pydantic import Field, ValidationError
from pydantic_settings import BaseSettings, SettingsConfigDict

from greenroom.errors import ConfigurationError

ENV_PREFIX = "GREENROOM_"


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir("greenroom", appauthor=False))


def default_config_file() -> Path:
    return Path(platformdirs.user_config_dir("greenroom", appauthor=False)) / "config.toml"


class Settings(BaseSettings):
    """Every setting greenroom reads; defaults work offline on a fresh laptop."""

    model_config = SettingsConfigDict(env_prefix=ENV_PREFIX, extra="forbid", frozen=True)

    data_dir: Path = Field(
        default_factory=default_data_dir,
        description="Where greenroom keeps its data (the user data directory by default).",
    )
    database_url: str | None = Field(
        default=None,
        description="Database for stories and parked concerns: an SQLAlchemy URL such as "
        "sqlite:///path/greenroom.db or postgresql://user@host/db (default: the SQLite file "
        "greenroom.db in data_dir).",
    )
    embedder: str = Field(
        default="minilm",
        description="Sentence embedder for relevance: 'minilm' (shipped model) or 'hashing' "
        "(a rough stand-in without a model).",
    )
    embedding_model_path: Path | None = Field(
        default=None,
        description="A local MiniLM ONNX file to use instead of the packaged one.",
    )
    embedding_model_sha256: str | None = Field(
        default=None,
        description="SHA-256 the file at embedding_model_path must have (checked at load).",
    )
    threads: int = Field(default=1, ge=1, le=64, description="CPU threads for the embedding model.")
    question_bank: Path | None = Field(
        default=None,
        description="A question bank file (YAML or JSON, same schema as the shipped bank) to use "
        "instead of the shipped one.",
    )
    max_answer_words: int = Field(
        default=5000, ge=10, le=100_000, description="Longest answer accepted, in words."
    )
    stt_engine: str = Field(
        default="faster_whisper",
        description="Speech-to-text engine for recorded answers: 'faster_whisper' (shipped "
        "Whisper tiny.en) or 'scripted' (a stand-in that ignores the audio).",
    )
    stt_model: Literal["tiny.en", "base"] = Field(
        default="tiny.en",
        description="Packaged Whisper model: 'tiny.en' (shipped with the speech extra) or "
        "'base' (more accurate, about 1.6x slower; needs the speech-base extra).",
    )
    stt_model_path: Path | None = Field(
        default=None,
        description="A local CTranslate2 Whisper model directory to use instead of the packaged "
        "tiny.en.",
    )
    max_audio_bytes: int = Field(
        default=50_000_000, ge=1, description="Largest audio file accepted, in bytes."
    )
    max_audio_s: float = Field(
        default=900, gt=0, description="Longest recording accepted, in seconds of audio."
    )
    max_chunk_bytes: int = Field(
        default=1_048_576,
        ge=1024,
        le=64 * 1_048_576,
        description="Largest chunk of a recording uploaded in one request, in bytes.",
    )


def load_settings(
    overrides: Mapping[str, Any] | None = None,
    *,
    environ: Mapping[str, str] | None = None,
    config_file: Path | None = None,
) -> Settings:
    """Settings from flags (``overrides``), the environment, the config file and defaults."""
    env = os.environ if environ is None else environ
    path = config_file or Path(env.get(ENV_PREFIX + "CONFIG", "") or default_config_file())
    values: dict[str, Any] = {}
    if path.is_file():
        try:
            values.update(tomllib.loads(path.read_text(encoding="utf-8")))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise ConfigurationError(f"config file {path}: {exc}") from exc
    for name in Settings.model_fields:
        key = ENV_PREFIX + name.upper()
        if key in env:
            values[name] = env[key]
    values.update({k: v for k, v in (overrides or {}).items() if v is not None})
    try:
        return Settings.model_validate(values) if values else _defaults()
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise ConfigurationError(f"setting {where}: {first['msg']}") from exc


def _defaults() -> Settings:
    return Settings.model_validate({})
