"""Kill the server (SIGKILL) in the middle of a chunk upload: every acknowledged byte is still
there after a restart, and the upload resumes from the server's offset and finishes."""

from __future__ import annotations

import io
import os
import signal
import socket
import subprocess
import sys
import time
import wave
from collections.abc import Iterator
from pathlib import Path

import httpx
import numpy as np
import pytest

pytestmark = pytest.mark.e2e

CHUNK = 16_384


def tone_wav(seconds: float) -> bytes:
    t = np.arange(int(seconds * 16_000)) / 16_000
    samples = 0.3 * np.sin(2 * np.pi * 200 * t) + np.random.default_rng(5).normal(0, 0.01, t.size)
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(16_000)
        out.writeframes((np.clip(samples, -1, 1) * 32767).astype("<i2").tobytes())
    return buffer.getvalue()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


class Server:
    """``greenroom serve`` in a child process, on a data folder that outlives it."""

    def __init__(self, data_dir: Path, log: Path) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = {
            **os.environ,
            "GREENROOM_STT_ENGINE": "scripted",  # no speech model: this is about storage
            "GREENROOM_EMBEDDER": "hashing",
        }
        command = [sys.executable, "-m", "greenroom", "serve", "--port", str(self.port)]
        self._log = log.open("ab")
        self.process = subprocess.Popen(
            [*command, "--data-dir", str(data_dir)],
            env=env,
            stdout=self._log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 30
        while True:
            if self.process.poll() is not None:
                raise RuntimeError(f"the server exited: {log.read_text(errors='replace')}")
            try:
                if httpx.get(f"{self.url}/api/v1/interviewers", timeout=2).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("the server did not answer within 30 s")
            time.sleep(0.1)

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)
        self._log.close()


@pytest.fixture
def servers(tmp_path: Path) -> Iterator[list[Server]]:
    started: list[Server] = []
    yield started
    for server in started:
        server.kill()


def put(url: str, recording_id: str, offset: int, data: bytes) -> httpx.Response:
    return httpx.put(
        f"{url}/api/v1/recordings/{recording_id}",
        params={"offset": offset},
        content=data,
        headers={"content-type": "application/octet-stream"},
        timeout=10,
    )


def test_acknowledged_chunks_survive_sigkill_and_the_upload_resumes(
    tmp_path: Path, servers: list[Server]
) -> None:
    data_dir = tmp_path / "data"
    log = tmp_path / "server.log"
    original = tone_wav(3.0)  # 96 kB: six chunks
    servers.append(Server(data_dir, log))
    url = servers[0].url

    session = httpx.post(f"{url}/api/v1/sessions", json={"kind": "single", "interviewer": "peer"})
    body = {"session_id": session.json()["id"], "interviewer": "peer", "stage": 2, "question": "Q?"}
    recording_id = httpx.post(f"{url}/api/v1/recordings", json=body).json()["id"]

    acknowledged = 0
    for start in range(0, 3 * CHUNK, CHUNK):
        response = put(url, recording_id, start, original[start : start + CHUNK])
        assert response.status_code == 200, response.text
        acknowledged = response.json()["offset"]
    assert acknowledged == 3 * CHUNK

    # The fourth chunk: headers and half of the body, then the server dies.
    half = CHUNK // 2
    with socket.create_connection(("127.0.0.1", servers[0].port), timeout=5) as raw:
        raw.sendall(
            (
                f"PUT /api/v1/recordings/{recording_id}?offset={acknowledged} HTTP/1.1\r\n"
                f"Host: 127.0.0.1:{servers[0].port}\r\n"
                "Content-Type: application/octet-stream\r\n"
                f"Content-Length: {CHUNK}\r\n\r\n"
            ).encode()
            + original[acknowledged : acknowledged + half]
        )
        time.sleep(0.2)  # let the server start reading the body
        servers[0].kill()
    sent = acknowledged + half

    servers.append(Server(data_dir, log))
    url = servers[1].url
    state = httpx.get(f"{url}/api/v1/recordings/{recording_id}").json()
    assert state["state"] == "recording"
    offset = state["offset"]
    assert acknowledged <= offset <= sent
    stored = httpx.get(f"{url}/recordings/{recording_id}/audio").content
    assert stored == original[:offset]

    for start in range(offset, len(original), CHUNK):
        response = put(url, recording_id, start, original[start : start + CHUNK])
        assert response.status_code == 200, response.text
    finished = httpx.post(
        f"{url}/api/v1/recordings/{recording_id}/finish",
        params={"offset": len(original)},
        timeout=30,
    )
    assert finished.status_code == 201, finished.text
    assert finished.json()["judgement"]["transcript"]
    assert (data_dir / "recordings" / f"{recording_id}.wav").read_bytes() == original
    assert httpx.get(f"{url}/recordings/{recording_id}/audio").content == original
