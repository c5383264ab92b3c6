"""Write what is made from the models: the JSON Schemas for the data files into schemas/, the schema line at the
top of each data file, and the browser editor's configuration (docs/redaktion/config.yml).

python -m tools.schemas           # write schemas/*.json, the editor's config.yml and missing schema lines in data/
python -m tools.schemas --check   # exit 1 when any of them is out of step with the models
python -m tools.schemas --backend redaktion.yml --ud site/redaktion/config.yml
                                  # the editor's configuration for production: the backend: block (and
                                  # publish_mode:) from redaktion.yml instead of the local backend
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path, PurePosixPath

import yaml

from vidensportal.data.schema import DATA_KINDS, HEADER, SCHEMA_DIR, header_for, schema_text
from vidensportal.editor.config import CONFIG_FILE, config_text

ROOT = Path(__file__).resolve().parent.parent


def stale(root: Path = ROOT) -> list[str]:
    """Danish lines for each schema file (and the editor's configuration) that differs from the models and each
    data file whose schema line names another schema. A file without the line is fine: the browser editor saves
    without comments, and `write` adds the line again."""
    found = []
    for kind in DATA_KINDS:
        path = root / SCHEMA_DIR / kind.schema
        if not path.is_file() or path.read_text(encoding="utf-8") != schema_text(kind):
            found.append(f"{SCHEMA_DIR}/{kind.schema} passer ikke med modellerne. Kør: make skemaer")
    editor = root / CONFIG_FILE
    if not editor.is_file() or editor.read_text(encoding="utf-8") != config_text(root / "data"):
        found.append(f"{CONFIG_FILE} passer ikke med modellerne. Kør: make skemaer")
    for data_file, header in _data_files(root):
        first = data_file.read_text(encoding="utf-8").split("\n", 1)[0]
        if first.startswith(HEADER) and first != header:
            found.append(f"{data_file.relative_to(root)}: første linje skal være '{header}'. Kør: make skemaer")
    return found


def write(root: Path = ROOT) -> None:
    (root / SCHEMA_DIR).mkdir(exist_ok=True)
    for kind in DATA_KINDS:
        (root / SCHEMA_DIR / kind.schema).write_text(schema_text(kind), encoding="utf-8")
    (root / CONFIG_FILE).parent.mkdir(parents=True, exist_ok=True)
    (root / CONFIG_FILE).write_text(config_text(root / "data"), encoding="utf-8")
    for data_file, header in _data_files(root):
        text = data_file.read_text(encoding="utf-8")
        first, _, rest = text.partition("\n")
        if first != header:  # a file already right is left untouched (a running `make serve` would rebuild)
            data_file.write_text(f"{header}\n{rest if first.startswith(HEADER) else text}", encoding="utf-8")


def _data_files(root: Path) -> list[tuple[Path, str]]:
    data = root / "data"
    files = []
    for path in sorted(data.rglob("*.yml")):
        header = header_for(PurePosixPath(path.relative_to(data).as_posix()))
        if header:
            files.append((path, header))
    return files


def _production(backend_file: Path | None, out: Path | None) -> int:
    """Write the editor's configuration with the organisation's git server as backend."""
    if backend_file is None or out is None:
        print("Brug både --backend og --ud.", file=sys.stderr)
        return 2
    try:
        chosen = yaml.safe_load(backend_file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        print(f"{backend_file} kan ikke læses ({type(error).__name__}).", file=sys.stderr)
        return 1
    if not isinstance(chosen, dict) or not isinstance(chosen.get("backend"), dict) or set(chosen) - _PRODUCTION_KEYS:
        wanted = "skriv kun blokken 'backend:' (med name:, repo: …) og evt. 'publish_mode:'"
        print(f"{backend_file}: {wanted}.", file=sys.stderr)
        return 1
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(config_text(ROOT / "data", chosen["backend"], chosen.get("publish_mode")), encoding="utf-8")
    print(f"Redaktørens opsætning til produktion er skrevet i {out}.")
    return 0


_PRODUCTION_KEYS = {"backend", "publish_mode"}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.schemas", description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="kun tjek; skriv intet")
    parser.add_argument("--backend", type=Path, help="en YAML-fil med backend: (og publish_mode:) til produktion")
    parser.add_argument("--ud", type=Path, help="hvor redaktørens opsætning til produktion skrives")
    args = parser.parse_args(argv)
    if args.backend or args.ud:
        return _production(args.backend, args.ud)
    if args.check:
        problems = stale()
        for line in problems:
            print(line, file=sys.stderr)
        return 1 if problems else 0
    write()
    print(f"Skemaerne er skrevet i {SCHEMA_DIR}/ og redaktørens opsætning i {CONFIG_FILE}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
