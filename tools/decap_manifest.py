"""Pin the files of Decap CMS's bundle that the site serves: write vidensportal/editor/decap-cms.sha256 from
node_modules after `npm ci`. Run after changing decap-cms's version in package.json: python -m tools.decap_manifest"""

from __future__ import annotations

import hashlib
import json

from tools.project import ROOT
from vidensportal.editor.site_files import BUNDLE_DIR, MANIFEST

# The standalone bundle, the chunks it loads on demand, its WebAssembly parsers and its licence notices. Not the
# source maps, nor cms.js, the same bundle under its old name.
SERVED = ("decap-cms.js", ".decap-cms.js", ".wasm", "decap-cms.js.LICENSE.txt")


def main() -> None:
    bundle = ROOT / BUNDLE_DIR
    version = json.loads((bundle.parent / "package.json").read_text(encoding="utf-8"))["version"]
    names = sorted(path.name for path in bundle.iterdir() if path.name.endswith(SERVED))
    lines = [
        f"# decap-cms {version}: sha256 of the files of its dist/ that the site serves at /redaktion/.",
        "# Written by `python -m tools.decap_manifest`; the build refuses any other bytes.",
        *(f"{hashlib.sha256((bundle / name).read_bytes()).hexdigest()}  {name}" for name in names),
    ]
    MANIFEST.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{MANIFEST.relative_to(ROOT)}: {len(names)} filer fra decap-cms {version}")


if __name__ == "__main__":
    main()
