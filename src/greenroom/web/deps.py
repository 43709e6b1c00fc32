"""Request-scoped providers, shared through ``Annotated`` aliases."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from greenroom.config import Settings
from greenroom.domain.models import QuestionBank
from greenroom.domain.ports import Embedder, RecordingStore, Store
from greenroom.runtime import Runtime


def get_runtime(request: Request) -> Runtime:
    runtime = request.app.state.runtime
    assert isinstance(runtime, Runtime)
    return runtime


def get_settings(runtime: Annotated[Runtime, Depends(get_runtime)]) -> Settings:
    return runtime.settings


def get_store(runtime: Annotated[Runtime, Depends(get_runtime)]) -> Store:
    return runtime.store


def get_embedder(runtime: Annotated[Runtime, Depends(get_runtime)]) -> Embedder:
    return runtime.embedder


def get_recordings(runtime: Annotated[Runtime, Depends(get_runtime)]) -> RecordingStore:
    return runtime.recordings


def get_bank(runtime: Annotated[Runtime, Depends(get_runtime)]) -> QuestionBank:
    return runtime.bank


RuntimeDep = Annotated[Runtime, Depends(get_runtime)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
StoreDep = Annotated[Store, Depends(get_store)]
EmbedderDep = Annotated[Embedder, Depends(get_embedder)]
BankDep = Annotated[QuestionBank, Depends(get_bank)]
RecordingsDep = Annotated[RecordingStore, Depends(get_recordings)]
