"""make rediger's local backend (decap-server): it listens on 127.0.0.1 only, and reads and writes inside the
project only."""

from __future__ import annotations

import json
import socket
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tools.rediger import BACKEND, node, start_backend

from .support import ROOT

pytestmark = pytest.mark.slow  # starts Node


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _post(port: int, body: dict) -> tuple[int, dict]:
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/api/v1", json.dumps(body).encode(), {"Content-Type": "application/json"}
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 -- our own server on 127.0.0.1
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def _listening_addresses(port: int) -> set[str]:
    """The local addresses (hex, as /proc/net/tcp writes them) of the sockets listening on `port`."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, hex_port = local.rsplit(":", 1)
            if state == "0A" and int(hex_port, 16) == port:
                found.add(address)
    return found


@pytest.fixture
def backend(tmp_path):
    if not (ROOT / BACKEND).is_file() or not node().is_file():
        pytest.skip("decap-server or Node is not installed (make test installs them)")
    (tmp_path / "projekt" / "data").mkdir(parents=True)
    (tmp_path / "projekt" / "data" / "a.yml").write_text("titel: A\n", encoding="utf-8")
    (tmp_path / "hemmelig.yml").write_text("uden for projektet\n", encoding="utf-8")
    port = _free_port()
    server = start_backend(tmp_path / "projekt", port)
    yield port, tmp_path
    server.terminate()
    server.wait(timeout=10)


def test_backend_listens_on_loopback_only(backend):
    """The local backend's only listening socket is on 127.0.0.1 (0100007F), not on every interface."""
    port, _ = backend
    assert _listening_addresses(port) == {"0100007F"}, _listening_addresses(port)


def test_backend_stays_inside_the_project(backend):
    """A file in the project is read and written; a path leading out of it is refused and nothing is written."""
    port, base = backend
    status, entry = _post(port, {"action": "getEntry", "params": {"branch": "main", "path": "data/a.yml"}})
    assert status == 200 and entry["data"] == "titel: A\n", (status, entry)
    outside = {"branch": "main", "path": "../hemmelig.yml"}
    status, answer = _post(port, {"action": "getEntry", "params": outside})
    assert status == 422, f"a path outside the project was served: {status} {answer}"
    write = {
        "branch": "main",
        "entry": {"slug": "x", "path": "../ny.yml", "raw": "x: 1\n"},
        "assets": [],
        "options": {"commitMessage": "x", "useWorkflow": False},
    }
    status, answer = _post(port, {"action": "persistEntry", "params": write})
    assert status == 422 and not (base / "ny.yml").exists(), f"a file was written outside: {status} {answer}"
