"""End-to-end fixtures: the real app served on loopback, and Debian's Chromium via Playwright.

No browser is ever downloaded. Without /usr/bin/chromium these tests skip with the reason, and
with CI=true they fail instead.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import threading
import time
import wave
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import uvicorn

from greenroom.config import load_settings
from greenroom.web.app import create_app

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
SHOTS = Path(__file__).resolve().parents[2] / "e2e-screenshots"
ESPEAK = "/usr/bin/espeak-ng"
# A short spoken answer (about 9.5 s at 150 words per minute) with a filler, for the fake mic.
SPOKEN_ANSWER = (
    "Um, in my last job I led a team of six people. We shipped the new billing system "
    "two weeks early, and customer complaints fell by a third."
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@pytest.fixture
def base_url(tmp_path: Path) -> Iterator[str]:
    """The app on a free loopback port, with its data in a temp folder."""
    app = create_app(load_settings({"data_dir": tmp_path / "data"}))
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("the app did not start within 30 s")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture
def page(request: pytest.FixtureRequest) -> Iterator[Any]:
    """A Chromium page; a screenshot is saved under e2e-screenshots/ when the test fails."""
    if not CHROMIUM.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{CHROMIUM} is missing: run `make test` as root to install it")
        pytest.skip(f"{CHROMIUM} is missing")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1200, "height": 900})
        tab = context.new_page()
        yield tab
        failed = getattr(request.node, "rep_call", None)
        if failed is not None and failed.failed:
            SHOTS.mkdir(exist_ok=True)
            tab.screenshot(path=str(SHOTS / f"{request.node.name}.png"), full_page=True)
        context.close()
        browser.close()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
    report = yield
    if report.when == "call":
        item.rep_call = report  # type: ignore[attr-defined]
    return report


@dataclass(frozen=True)
class SpeechClip:
    """A WAV file of ``text`` spoken by espeak-ng, ``duration_s`` long."""

    path: Path
    text: str
    duration_s: float


@pytest.fixture(scope="session")
def spoken_answer(tmp_path_factory: pytest.TempPathFactory) -> SpeechClip:
    """SPOKEN_ANSWER as a WAV from espeak-ng; skips without it, fails instead with CI=true."""
    if shutil.which(ESPEAK) is None:
        message = f"{ESPEAK} is not installed (apt-get install espeak-ng)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    path = tmp_path_factory.mktemp("speech") / "answer.wav"
    args = [ESPEAK, "-v", "en-us", "-s", "150", "-w", str(path), SPOKEN_ANSWER]
    subprocess.run(args, check=True, timeout=60)
    with wave.open(str(path), "rb") as clip:
        duration_s = clip.getnframes() / clip.getframerate()
    return SpeechClip(path, SPOKEN_ANSWER, duration_s)


@contextmanager
def _chromium_page(
    request: pytest.FixtureRequest, extra_args: list[str], **context_options: Any
) -> Iterator[Any]:
    """Like the ``page`` fixture, with extra Chromium flags and browser context options."""
    if not CHROMIUM.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{CHROMIUM} is missing: run `make test` as root to install it")
        pytest.skip(f"{CHROMIUM} is missing")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=str(CHROMIUM), args=[*CHROMIUM_ARGS, *extra_args]
        )
        context = browser.new_context(viewport={"width": 1200, "height": 900}, **context_options)
        tab = context.new_page()
        yield tab
        failed = getattr(request.node, "rep_call", None)
        if failed is not None and failed.failed:
            SHOTS.mkdir(exist_ok=True)
            tab.screenshot(path=str(SHOTS / f"{request.node.name}.png"), full_page=True)
        context.close()
        browser.close()


@pytest.fixture
def no_js_page(request: pytest.FixtureRequest) -> Iterator[Any]:
    """A Chromium page with JavaScript switched off."""
    with _chromium_page(request, [], java_script_enabled=False) as tab:
        yield tab


@pytest.fixture
def fake_mic(request: pytest.FixtureRequest) -> Iterator[Callable[[Path], Any]]:
    """``fake_mic(wav)``: a Chromium page whose microphone is allowed and plays ``wav`` once,
    then silence (``%noloop``); the file starts when the page opens the microphone."""
    with ExitStack() as stack:

        def open_page(wav: Path) -> Any:
            args = [
                "--use-fake-ui-for-media-stream",
                "--use-fake-device-for-media-stream",
                f"--use-file-for-fake-audio-capture={wav}%noloop",
            ]
            return stack.enter_context(_chromium_page(request, args))

        yield open_page


@pytest.fixture
def mic_page(fake_mic: Callable[[Path], Any], spoken_answer: SpeechClip) -> Any:
    """A Chromium page whose microphone speaks ``spoken_answer``."""
    return fake_mic(spoken_answer.path)


@pytest.fixture
def blocked_mic_page(request: pytest.FixtureRequest) -> Iterator[Any]:
    """A Chromium page with a (fake) microphone that the user refuses to share."""
    with _chromium_page(request, ["--use-fake-device-for-media-stream"]) as tab:
        yield tab


class LiveServer:
    """The app on a fixed loopback port that can be stopped and started again on the same data
    folder, as when the candidate restarts greenroom mid-answer."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        app = create_app(load_settings({"data_dir": self.data_dir}))
        config = uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning")
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, daemon=True)
        self._thread.start()
        deadline = time.monotonic() + 30
        while not self._server.started:
            if time.monotonic() > deadline or not self._thread.is_alive():
                raise RuntimeError(f"the app did not start on port {self.port}")
            time.sleep(0.05)

    def stop(self) -> None:
        if self._server is not None and self._thread is not None:
            self._server.should_exit = True
            self._thread.join(timeout=30)
        self._server = self._thread = None


@pytest.fixture
def live_server(tmp_path: Path) -> Iterator[LiveServer]:
    server = LiveServer(tmp_path / "data")
    server.start()
    yield server
    server.stop()
