"""``greenroom serve`` starts a server on loopback that answers the API."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from greenroom.cli.main import app


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.mark.model
def test_serve_answers_on_loopback(tmp_path: Path) -> None:
    port = free_port()
    data = tmp_path / "data"
    command = [sys.executable, "-m", "greenroom", "serve", "--port", str(port)]
    process = subprocess.Popen(
        [*command, "--data-dir", str(data)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 20
        status = None
        while time.monotonic() < deadline and process.poll() is None:
            try:
                status = httpx.get(f"http://127.0.0.1:{port}/api/v1/interviewers").status_code
            except httpx.TransportError:
                time.sleep(0.2)
                continue
            break
        assert status == 200, f"server did not answer; exit code {process.poll()}"
        assert (data / "greenroom.db").is_file()
    finally:
        process.terminate()
        output, _ = process.communicate(timeout=10)
    assert f"http://127.0.0.1:{port}/" in output


def test_serve_help_explains_loopback_and_checks_the_port() -> None:
    from typer.testing import CliRunner

    runner = CliRunner()
    result = runner.invoke(app, ["serve", "--help"])
    assert result.exit_code == 0
    assert "loopback" in result.output
    assert runner.invoke(app, ["serve", "--port", "70000"]).exit_code == 2
