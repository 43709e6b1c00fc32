"""Fixtures for CLI tests: run ``greenroom`` in-process and capture what it prints."""

from __future__ import annotations

import importlib.util
import io
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from types import ModuleType

import pytest

import greenroom.runtime
from greenroom.cli.main import run
from greenroom.domain.ports import Embedder
from greenroom.embedding import create_embedder

Result = tuple[int, str, str]
Invoke = Callable[..., Result]


@pytest.fixture(scope="session")
def minilm() -> Embedder:
    """The shipped MiniLM model, loaded once for the whole session."""
    return create_embedder("minilm")


@pytest.fixture(autouse=True)
def _shared_model(monkeypatch: pytest.MonkeyPatch, minilm: Embedder) -> None:
    """Every in-process command builds its own runtime; let them share the loaded model."""
    real = greenroom.runtime.create_embedder

    def create(
        name: str = "minilm", *, model_path: Path | None = None, threads: int = 1
    ) -> Embedder:
        if name == "minilm" and model_path is None:
            return minilm
        return real(name, model_path=model_path, threads=threads)

    monkeypatch.setattr(greenroom.runtime, "create_embedder", create)


def exit_code(exc: SystemExit) -> int:
    """The process exit status ``sys.exit(exc.code)`` would give."""
    if exc.code is None:
        return 0
    return exc.code if isinstance(exc.code, int) else 1


@pytest.fixture
def invoke(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Invoke:
    """``invoke(args, stdin=None) -> (exit code, stdout, stderr)`` through the console entry."""

    def _invoke(args: Sequence[str], stdin: str | None = None) -> Result:
        if stdin is not None:
            monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        capsys.readouterr()
        code = 0
        try:
            run([str(a) for a in args])
        except SystemExit as exc:
            code = exit_code(exc)
        out, err = capsys.readouterr()
        return code, out, err

    return _invoke


def _speech_fixtures() -> ModuleType:
    """``tests/speech/conftest.py`` under a name of its own, to share its speech fixtures."""
    path = Path(__file__).resolve().parents[1] / "speech" / "conftest.py"
    spec = importlib.util.spec_from_file_location("speech_fixtures", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


espeak = _speech_fixtures().espeak
