"""The editor's files in the site: Decap CMS's pinned bundle, its page's Content Security Policy, and the output
gate's answer to the vendor's minified code."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from tools.project import ROOT
from vidensportal.editor.policy import backend_origins, content_security_policy
from vidensportal.editor.site_files import BUNDLE_DIR, MANIFEST, editor_files, pinned_files
from vidensportal.guards.output import check_output

SHOWN = Path("docs/redaktion/config.yml")


def test_policy_allows_the_configured_git_server_only():
    """connect-src names this site and the addresses in the backend block, Decap's defaults filled in, no more."""
    cases = {
        "proxy": (
            {"backend": {"name": "proxy", "proxy_url": "http://127.0.0.1:8081/api/v1"}},
            ["http://127.0.0.1:8081"],
        ),
        "gitlab": (
            {
                "backend": {
                    "name": "gitlab",
                    "api_root": "https://git.kk.intern/api/v4",
                    "base_url": "https://git.kk.intern",
                }
            },
            ["https://git.kk.intern"],
        ),
        "azure": (
            {"backend": {"name": "azure"}, "local_backend": {"url": "http://127.0.0.1:8081/api/v1"}},
            ["https://dev.azure.com", "https://app.vssps.visualstudio.com", "http://127.0.0.1:8081"],
        ),
    }
    wrong = {}
    for name, (config, expected) in cases.items():
        origins, problems = backend_origins(config, SHOWN)
        if origins != expected or problems:
            wrong[name] = (origins, problems)
    assert not wrong, f"origins differ from the configured servers: {wrong}"
    policy = content_security_policy(["https://git.kk.intern"])
    assert "connect-src 'self' blob: https://git.kk.intern;" in policy and "default-src 'none'" in policy, policy


@pytest.mark.parametrize(
    "address",
    ["https://x.dk; script-src *", "javascript:alert(1)", "https://*.dk", "//git.kk.intern", "https://x.dk'", 42],
)
def test_policy_refuses_an_address_that_is_no_plain_address(address):
    """Nothing but a plain http(s) origin reaches the policy: a Danish problem names the field instead."""
    origins, problems = backend_origins({"backend": {"name": "gitlab", "api_root": address}}, SHOWN)
    assert problems and "api_root" in str(problems[0]) and all(" " not in o and "*" not in o for o in origins), (
        origins,
        problems,
    )


def test_policy_refuses_an_unknown_backend():
    """A backend whose addresses the policy does not know stops the build with a Danish line naming it."""
    _, problems = backend_origins({"backend": {"name": "bitbucket"}}, SHOWN)
    assert problems and "bitbucket" in str(problems[0]) and "understøttes ikke" in str(problems[0]), problems


def test_manifest_pins_the_locked_version():
    """decap-cms.sha256 was written from the decap-cms version that package-lock.json locks."""
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))
    locked = lock["packages"]["node_modules/decap-cms"]["version"]
    head = MANIFEST.read_text(encoding="utf-8").splitlines()[0]
    assert head.startswith(f"# decap-cms {locked}:"), f"manifest is for {head!r}, the lock has {locked}"
    assert "redaktion/decap-cms.js" in pinned_files(), sorted(pinned_files())[:5]


def test_without_the_bundle_the_editor_is_left_out_with_a_note(tmp_path):
    """A project without node_modules builds, and says the editor is not included and how to include it."""
    (tmp_path / "docs" / "redaktion").mkdir(parents=True)
    (tmp_path / "docs" / "redaktion" / "config.yml").write_text("backend: {name: proxy}\n", encoding="utf-8")
    result = editor_files(tmp_path, tmp_path / "docs", "Vidensportalen", "intern")
    assert not result.files and not result.problems and "make build" in result.notes[0], result


def test_a_changed_bundle_stops_the_build(tmp_path):
    """A bundle file whose bytes differ from the pinned ones is refused, naming the file: nothing unpinned ships."""
    (tmp_path / "docs" / "redaktion").mkdir(parents=True)
    (tmp_path / "docs" / "redaktion" / "config.yml").write_text("backend: {name: proxy}\n", encoding="utf-8")
    (tmp_path / BUNDLE_DIR).mkdir(parents=True)
    (tmp_path / BUNDLE_DIR / "decap-cms.js").write_text("alert(1)", encoding="utf-8")
    result = editor_files(tmp_path, tmp_path / "docs", "Vidensportalen", "intern")
    named = {str(p.file) for p in result.problems}
    assert not result.files and "node_modules/decap-cms/dist/decap-cms.js" in named, result.problems


def test_gate_knows_the_pinned_bundle_and_reads_anything_else(tmp_path):
    """A vendored file with its pinned bytes passes the gate though its minified code looks like a CPR number;
    the same bytes under another path, or one byte changed, are read and flagged as any file is."""
    code = b'var a="110837-1234";'
    pinned = {"redaktion/chunk.js": hashlib.sha256(code).hexdigest()}
    (tmp_path / "redaktion").mkdir()
    (tmp_path / "redaktion" / "chunk.js").write_bytes(code)
    (tmp_path / "andet.js").write_bytes(code)
    (tmp_path / "redaktion" / "changed.js").write_bytes(code + b" ")
    pinned["redaktion/changed.js"] = pinned["redaktion/chunk.js"]
    flagged = {str(p.file) for p in check_output(tmp_path, vendored=pinned)}
    assert flagged == {"site/andet.js", "site/redaktion/changed.js"}, flagged


def test_the_installed_bundle_is_the_pinned_one():
    """The bundle npm ci installed has exactly the pinned bytes (else the build would refuse it)."""
    bundle = ROOT / BUNDLE_DIR
    if not bundle.is_dir():
        pytest.skip("node_modules is not installed (make test installs it)")
    differ = [
        path
        for path, digest in pinned_files().items()
        if hashlib.sha256((bundle / path.removeprefix("redaktion/")).read_bytes()).hexdigest() != digest
    ]
    assert not differ, f"installed files differ from decap-cms.sha256: {differ}"
