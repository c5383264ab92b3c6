"""The editor page's Content Security Policy: what Decap CMS needs, and the git server its configuration names."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from vidensportal.errors import Problem

# Where each backend Decap CMS supports here talks to when its configuration does not say (Decap's defaults); the
# browser may connect nowhere else. Another backend is refused: its addresses are not known to this policy.
BACKEND_DEFAULTS: Mapping[str, Mapping[str, str]] = {
    "proxy": {},
    "gitlab": {"api_root": "https://gitlab.com/api/v4", "base_url": "https://gitlab.com"},
    # Azure DevOps: the API, and the profile service Decap asks for the signed-in user's name.
    "azure": {"api_root": "https://dev.azure.com", "profile": "https://app.vssps.visualstudio.com"},
}
_ADDRESS_KEYS = ("proxy_url", "api_root", "base_url")
# Decap looks for its local backend here when `local_backend: true` and the editor is opened on this machine.
LOCAL_BACKEND_DEFAULT = "http://localhost:8081"


def backend_origins(config: object, shown: Path) -> tuple[list[str], list[Problem]]:
    """The origins (scheme://host:port) the editor's configuration makes the browser connect to, and a Problem
    for every address that is not a plain http(s) address or a backend this policy does not know."""
    if not isinstance(config, dict) or not isinstance(config.get("backend"), dict):
        message = "filen skal have en 'backend:'-blok, der siger, hvilken git-server redaktøren bruger."
        return [], [Problem(shown, message)]
    backend = config["backend"]
    name = backend.get("name")
    if name not in BACKEND_DEFAULTS:
        known = ", ".join(BACKEND_DEFAULTS)
        message = f"backend '{name}' understøttes ikke af redaktørens sikkerhedspolitik. Brug {known}."
        return [], [Problem(shown, message, field="backend → name")]
    addresses = {**BACKEND_DEFAULTS[name], **{key: backend[key] for key in _ADDRESS_KEYS if key in backend}}
    local = config.get("local_backend")
    if local is True:
        addresses["local_backend"] = LOCAL_BACKEND_DEFAULT
    elif isinstance(local, dict) and "url" in local:
        addresses["local_backend"] = local["url"]
    origins, problems = [], []
    for key, address in addresses.items():
        origin = _origin(address)
        if origin is None:
            problems.append(
                Problem(shown, f"'{address}' er ikke en adresse, redaktøren kan bruge. Skriv en fuld adresse, der "
                        "begynder med https:// (eller http:// på denne maskine).", field=key)
            )  # fmt: skip
        elif origin not in origins:
            origins.append(origin)
    return origins, problems


def _origin(address: object) -> str | None:
    """scheme://host[:port] of a plain http(s) address; None for anything else (no quotes, spaces or wildcards
    can reach the policy)."""
    if not isinstance(address, str):
        return None
    try:
        parts = urlsplit(address.strip())
        port = parts.port
    except ValueError:
        return None
    host = parts.hostname or ""
    if parts.scheme not in ("http", "https") or not host or not all(c.isalnum() or c in ".-" for c in host):
        return None
    return f"{parts.scheme}://{host}" + (f":{port}" if port else "")


def content_security_policy(origins: list[str]) -> str:
    """The editor's policy: Decap's form validator compiles its checks ('unsafe-eval', which also lets its
    WebAssembly parsers run), its styles are written at run time ('unsafe-inline' styles), uploads are held as
    blob: addresses (shown as images, read back before saving); it connects to this site and the git server only."""
    servers = " ".join(origins)
    directives = [
        "default-src 'none'",
        "script-src 'self' 'unsafe-eval'",
        "style-src 'self' 'unsafe-inline'",
        f"img-src 'self' data: blob: {servers}".strip(),
        "font-src 'self' data:",
        f"connect-src 'self' blob: {servers}".strip(),
        "frame-src 'self' blob:",
        "worker-src 'self' blob:",
        "manifest-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
    ]
    return "; ".join(directives)


def read_config(path: Path, shown: Path) -> tuple[object, list[Problem]]:
    """The editor's configuration file as YAML, or a Problem saying why it cannot be read."""
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8")), []
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        line = getattr(getattr(error, "problem_mark", None), "line", None)
        message = f"filen kan ikke læses som YAML ({type(error).__name__}). Ret den."
        return None, [Problem(shown, message, line=None if line is None else line + 1)]
