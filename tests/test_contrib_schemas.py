"""Editors help while typing: JSON Schemas made from the models, named at the top of every data file."""

from __future__ import annotations

import json
from pathlib import Path, PurePosixPath

import jsonschema
import pytest

from tools.schemas import stale
from vidensportal.data.schema import DATA_KINDS, HEADER, MODEL_TITLES, SCHEMA_DIR, header_for, kind_of, schema_text
from vidensportal.data.yamlfile import read_yaml

from .conftest import ROOT

DATA_FILES = sorted(p for p in (ROOT / "data").rglob("*.yml"))


def test_schemas_are_in_step_with_the_models():
    """schemas/*.json are exactly what the models give today (run `make skemaer` after changing a model)."""
    differing = [
        kind.schema for kind in DATA_KINDS if (ROOT / SCHEMA_DIR / kind.schema).read_text("utf-8") != schema_text(kind)
    ]
    assert not differing, f"schemas out of step with the models: {differing}"


def test_negative_control_a_changed_schema_is_noticed(tmp_path):
    """Negative control: a schema file edited by hand, or a data file naming another schema, is reported; a file
    without the line (as the browser editor saves it) is not."""
    (tmp_path / SCHEMA_DIR).mkdir()
    for kind in DATA_KINDS:
        (tmp_path / SCHEMA_DIR / kind.schema).write_text(schema_text(kind), encoding="utf-8")
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "spor.yml").write_text(f"{HEADER}../schemas/seminar.json\nspor: []\n", encoding="utf-8")
    (tmp_path / "data" / "aftale.yml").write_text("titel: x\n", encoding="utf-8")
    (tmp_path / SCHEMA_DIR / "part.json").write_text("{}", encoding="utf-8")
    found = stale(tmp_path)
    assert any("part.json" in line for line in found) and any("spor.yml" in line for line in found), found
    assert not any("aftale.yml" in line for line in found), f"a missing schema line is fine: {found}"


def test_every_schema_line_names_the_files_own_schema():
    """A data file's first line, when it is '# yaml-language-server: $schema=…', points at its own existing schema
    (a file saved by the browser editor has no such line, which is fine)."""
    wrong = []
    for path in DATA_FILES:
        relative = PurePosixPath(path.relative_to(ROOT / "data").as_posix())
        first = path.read_text(encoding="utf-8").split("\n", 1)[0]
        target = (path.parent / first.removeprefix(HEADER)).resolve()
        if kind_of(relative) is None:
            wrong.append(f"{relative}: no kind of data file")
        elif first.startswith(HEADER) and (first != header_for(relative) or not target.is_file()):
            wrong.append(f"{relative}: {first!r}")
    assert DATA_FILES, "no data files found"
    assert not wrong, "data files without a working schema line:\n" + "\n".join(wrong)


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_shipped_data_is_valid_against_its_schema(path):
    """What the portal accepts, the editor accepts: every shipped data file validates against its schema."""
    relative = PurePosixPath(path.relative_to(ROOT / "data").as_posix())
    schema = json.loads((ROOT / SCHEMA_DIR / kind_of(relative).schema).read_text(encoding="utf-8"))
    data = json.loads(json.dumps(read_yaml(path, relative)))
    errors = [
        f"{list(e.absolute_path)}: {e.message}" for e in jsonschema.Draft202012Validator(schema).iter_errors(data)
    ]
    assert not errors, f"{relative} is invalid against its schema:\n" + "\n".join(errors)


def test_schema_flags_the_mistakes_the_portal_refuses():
    """The seminar schema rejects an unknown key, a wrong classification, a bad date and a time without a colon."""
    schema = json.loads((ROOT / SCHEMA_DIR / "seminar.json").read_text(encoding="utf-8"))
    event = json.loads(json.dumps(read_yaml(ROOT / "data/seminarer/2027-01-14-eksempel-netvaerksmoede.yml", Path("x"))))
    validator = jsonschema.Draft202012Validator(schema)
    assert not list(validator.iter_errors(event)), "negative control: the shipped event should be valid"
    for change in ({"titl": "x"}, {"klassifikation": "hemmelig"}, {"dato": "12-03-2026"}, {"start": "1300"}):
        assert list(validator.iter_errors({**event, **change})), f"the schema accepts {change}"


def test_schemas_speak_danish():
    """Titles and descriptions in the schemas are Danish: every property has a Danish description, no class names."""
    english = []
    for kind in DATA_KINDS:
        text = (ROOT / SCHEMA_DIR / kind.schema).read_text(encoding="utf-8")
        schema = json.loads(text)
        for name, definition in [("", schema), *schema.get("$defs", {}).items()]:
            for key, prop in definition.get("properties", {}).items():
                if "Skriv " not in prop.get("description", ""):
                    english.append(f"{kind.schema} {name}.{key}: {prop.get('description')!r}")
        titles = [schema["title"], *(d["title"] for d in schema.get("$defs", {}).values())]
        english += [f"{kind.schema}: title {t!r}" for t in titles if t in MODEL_TITLES]
        english += [f"{kind.schema}: {word!r}" for word in ("A file or link", "Input should") if word in text]
    assert not english, "schema text that is not Danish help:\n" + "\n".join(english)
