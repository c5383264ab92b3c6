"""The editor's files in the built site: Decap CMS's bundle from node_modules, each file checked against the
digest pinned in decap-cms.sha256, and its page, with a Content Security Policy of its own."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from markupsafe import escape

from vidensportal.editor.policy import backend_origins, content_security_policy, read_config
from vidensportal.errors import Problem

EDITOR_DIR = "redaktion"
EDITOR_PAGE = f"{EDITOR_DIR}/index.html"  # written with its own Content Security Policy (policy.py)
EDITOR_CONFIG = f"{EDITOR_DIR}/config.yml"  # in docs/, published as it is: Decap reads it beside its page
BUNDLE_DIR = Path("node_modules", "decap-cms", "dist")
MANIFEST = Path(__file__).with_name("decap-cms.sha256")


@dataclass(frozen=True)
class EditorFiles:
    """What the editor adds to the site (site path → bytes), and a note or the problems that stop the build."""

    files: dict[str, bytes] = field(default_factory=dict)
    notes: tuple[str, ...] = ()
    problems: tuple[Problem, ...] = ()


@cache
def pinned_files() -> dict[str, str]:
    """Site path → sha256 of every file of Decap CMS's bundle that the site serves, as decap-cms.sha256 pins it.
    The output gate knows these exact bytes as the vendor's, not as text a contributor wrote."""
    pinned = {}
    for line in MANIFEST.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            digest, name = line.split(maxsplit=1)
            pinned[f"{EDITOR_DIR}/{name}"] = digest
    return pinned


def editor_files(root: Path, docs_dir: Path, site_name: str, classification: str) -> EditorFiles:
    """The bundle and the page when docs/ has the editor's configuration; nothing when it has not."""
    config_path = docs_dir / EDITOR_CONFIG
    if not config_path.is_file():
        return EditorFiles()
    bundle = root / BUNDLE_DIR
    if not bundle.is_dir():
        return EditorFiles(
            notes=(
                f"redaktøren (/{EDITOR_DIR}/) kommer ikke med: Decap CMS er ikke installeret i node_modules. "
                "`make build` installerer det.",
            )
        )
    shown = Path(docs_dir.name, EDITOR_CONFIG)
    config, problems = read_config(config_path, shown)
    origins: list[str] = []
    if not problems:
        origins, problems = backend_origins(config, shown)
        if config.get("locale") != "da":
            problems.append(Problem(shown, "redaktøren skal tale dansk: skriv `locale: da` i filen.", field="locale"))
    files: dict[str, bytes] = {}
    for site_path, digest in pinned_files().items():
        source = bundle / site_path.removeprefix(f"{EDITOR_DIR}/")
        try:
            data = source.read_bytes()
        except OSError:
            data = b""
        if hashlib.sha256(data).hexdigest() != digest:
            problems.append(
                Problem(source.relative_to(root), "filen mangler eller er ikke den version af Decap CMS, som "
                        "package-lock.json låser. Kør `make build`, der installerer den låste version igen.")
            )  # fmt: skip
        files[site_path] = data
    if problems:
        return EditorFiles(problems=tuple(problems))
    page = editor_page(site_name, classification, content_security_policy(origins))
    files[EDITOR_PAGE] = page.encode()
    return EditorFiles(files)


def editor_page(site_name: str, classification: str, policy: str) -> str:
    """The editor's page: its policy first in <head>, the site's classification marking as on every page, then the
    bundle, which reads config.yml beside it."""
    return f"""<!doctype html>
<html lang="da">
<head>
<meta http-equiv="Content-Security-Policy" content="{escape(policy)}">
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<link rel="icon" href="../assets/images/favicon.png">
<link rel="stylesheet" href="redaktion.css">
<title>Redaktion – {escape(site_name)}</title>
</head>
<body>
<p class="vp-marking" data-klassifikation="{escape(classification)}">
<strong>{escape(classification.capitalize())}</strong>
– kun til brug i Københavns Kommune og Københavns Politi. Må ikke videregives.</p>
<noscript>Redaktøren kræver JavaScript. Slå det til i browseren, eller ret filerne i data/ og docs/ direkte.</noscript>
<script src="decap-cms.js"></script>
</body>
</html>
"""
