"""The browser editor's configuration (docs/redaktion/config.yml) is made from the models: every field of every
edited model has a form field, allowed values and relations come from the model and the data, and the committed
file is what the models give."""

from __future__ import annotations

import typing

import yaml
from pydantic import BaseModel, Field

from vidensportal.catalog import load_catalog
from vidensportal.data.field_help import field_of, inner_model, keys
from vidensportal.data.model import Entry, Event, Initiative, Material, Meeting, Party, Text
from vidensportal.editor.config import CONFIG_FILE, config_text, editor_config, read_strategy
from vidensportal.editor.fields import GOAL_CHOICES, NOT_RELATIONS, RELATIONS, form_fields
from vidensportal.reader_aids.review import KEYS

from .support import ROOT

CONFIG = editor_config(read_strategy(ROOT / "data"))
COLLECTIONS = {c["name"]: c for c in CONFIG["collections"]}
EDITED = {"seminarer": Event, "materialer": Material, "foelgegruppe": Meeting, "parter": Party, "indsatser": Initiative}
# Model fields deliberately without a form field, with the reason.
LEFT_OUT = {("materialer", "id"): "in data/materialer/ the file name is the id"}


def missing(model: type[BaseModel], fields: list[dict], where: str) -> list[str]:
    """'where.key' for each key of `model` (and of the models nested in it) without a form field, and each form
    field the model does not know."""
    by_name = {f["name"]: f for f in fields}
    found = [f"{where}.{key}: no form field" for key in keys(model) if key not in by_name]
    found += [f"{where}.{name}: not in the model" for name in by_name if name not in keys(model)]
    for key in set(keys(model)) & set(by_name):
        nested = inner_model(field_of(model, key).annotation)
        if nested is not None:
            found += missing(nested, by_name[key].get("fields", []), f"{where}.{key}")
    return found


def flatten(fields: list[dict], where: str = "") -> list[tuple[str, dict]]:
    out = []
    for field in fields:
        path = f"{where}.{field['name']}"
        out.append((path, field))
        out += flatten(field.get("fields", []), path)
    return out


def test_every_model_field_has_a_form_field():
    """Seminars, materials, meetings, parties and initiatives: each key of the model (nested ones too) is a field."""
    found = []
    for name, model in EDITED.items():
        gaps = missing(model, COLLECTIONS[name]["fields"], name)
        found += [gap for gap in gaps if (name, gap.split(".")[1].split(":")[0]) not in LEFT_OUT]
    assert not found, "model fields without an editor field:\n" + "\n".join(found)


def test_a_new_model_field_without_a_form_field_is_noticed():
    """Negative control: a field added to a model but not to the form is reported by the same check."""

    class Wider(Entry):
        title: Text = Field(alias="titel")
        room: Text = Field(alias="lokale")

    assert missing(Wider, [{"name": "titel"}], "x") == ["x.lokale: no form field"]
    assert missing(Material, form_fields(Material), "materialer") == [], "the full form misses nothing"


def test_the_committed_configuration_is_what_the_models_give():
    """docs/redaktion/config.yml equals the generated text; `make skemaer` writes it."""
    committed = (ROOT / CONFIG_FILE).read_text(encoding="utf-8")
    assert committed == config_text(ROOT / "data"), f"{CONFIG_FILE} is out of step with the models: run make skemaer"


def test_required_fields_and_allowed_values_follow_the_model():
    """A field is required exactly when the model requires it; a select offers exactly the model's values."""
    wrong = []
    for name, model in EDITED.items():
        for key, field in ((f["name"], f) for f in COLLECTIONS[name]["fields"]):
            info = field_of(model, key)
            if info is None:
                continue
            if info.is_required() == (field.get("required") is False):
                wrong.append(f"{name}.{key}: required={field.get('required', True)}")
            literal = typing.get_args(info.annotation)
            offered = [o["value"] for o in field.get("options", [])]
            if field["widget"] == "select" and key != GOAL_CHOICES and offered != list(literal):
                wrong.append(f"{name}.{key}: options {field['options']} != {literal}")
    assert not wrong, "\n".join(wrong)


def test_an_optional_object_never_blocks_saving():
    """Decap validates an object's fields even when it is empty: inside an optional object (a meeting's minutes)
    no field is required; inside a required list item (a seminar's material) the model's required fields are."""
    minutes = next(f for f in COLLECTIONS["foelgegruppe"]["fields"] if f["name"] == "referat")
    required = [f["name"] for f in minutes["fields"] if f.get("required", True)]
    assert minutes["required"] is False and not required, f"required inside the optional minutes: {required}"
    materials = next(f for f in COLLECTIONS["seminarer"]["fields"] if f["name"] == "materialer")
    assert {"id", "titel", "klassifikation"} <= {f["name"] for f in materials["fields"] if f.get("required", True)}


def test_ids_of_other_collections_are_relations_read_from_the_data():
    """Tracks, parties, actors, goals and authorities are relation fields; each points at a collection whose data
    gives exactly the ids the catalog knows (read at edit time, not a frozen list)."""
    catalog = load_catalog(ROOT / "data")
    known = {
        "parter": set(catalog.parties),
        "spor": set(catalog.tracks),
        "eksterne-aktoerer": set(catalog.external_actors),
        "organisation": set(catalog.authorities),
    }
    wrong = []
    for name in EDITED:
        for path, field in flatten(COLLECTIONS[name]["fields"], name):
            key = field["name"]
            if field["widget"] != "relation":
                if key in RELATIONS:
                    wrong.append(f"{path}: should be a relation")
                continue
            target = COLLECTIONS[field["collection"]]
            ids = _values(target, field.get("file"), field["value_field"])
            if ids != known[field.get("file") or field["collection"]]:
                wrong.append(f"{path}: reads {sorted(ids)}")
    assert not wrong, "relations that do not read the right ids:\n" + "\n".join(wrong)


def test_the_goal_choices_are_the_strategys_goals_and_subgoals():
    """sikker-by-mål offers every goal and subgoal id of data/sikker-by.yml, the ids the initiatives may name."""
    catalog = load_catalog(ROOT / "data")
    wanted = {g.id for g in catalog.strategy.goals} | {s.id for g in catalog.strategy.goals for s in g.subgoals}
    field = next(f for f in COLLECTIONS["indsatser"]["fields"] if f["name"] == "sikker-by-mål")
    offered = {option["value"] for option in field["options"]}
    assert field["widget"] == "select" and field["multiple"] and offered == wanted, (offered, wanted)
    used = {goal for i in catalog.initiatives.values() for goal in i.goals}
    assert used <= offered, f"goals the shipped initiatives name but the form does not offer: {used - offered}"


def test_every_id_field_is_a_relation_or_says_why_not():
    """A slug field that names another entry is in RELATIONS; the rest are listed with a reason in NOT_RELATIONS."""
    unexplained = []
    for name, model in EDITED.items():
        for path, field in flatten(form_fields(model), name):
            if field.get("pattern", [""])[0].startswith("^[a-z0-9]") and field["name"] not in NOT_RELATIONS:
                unexplained.append(path)
    assert not unexplained, f"id fields that are neither a relation nor explained: {unexplained}"


def test_uploads_land_where_the_reader_looks():
    """An uploaded file goes to docs/materialer/ and its 'fil' value is materialer/<name>, as the shipped data."""
    assert CONFIG["media_folder"] == "docs/materialer" and CONFIG["public_folder"] == "materialer", CONFIG
    catalog = load_catalog(ROOT / "data")
    paths = [f.path for f in catalog.files.values()]
    assert paths and all(p.startswith("materialer/") and (ROOT / "docs" / p).is_file() for p in paths), paths
    assert CONFIG["slug"]["clean_accents"] and CONFIG["slug"]["encoding"] == "ascii", "'Oplæg.pdf' must become ascii"


def test_pages_are_edited_as_raw_markdown_with_review_fields():
    """Every page collection edits its body as raw text (macros, !!! and { … } stay) and offers owner and review."""
    pages = [c for c in CONFIG["collections"] if c.get("format") == "frontmatter"]
    assert {c["folder"] for c in pages} >= {"docs", "docs/aarsstatus", "docs/parter"}, pages
    wrong = [c["name"] for c in pages if c["fields"][-1]["widget"] != "text"]
    wrong += [c["name"] for c in pages if not set(KEYS) <= {f["name"] for f in c["fields"]}]
    assert not wrong, f"page collections without a raw body or the review fields: {wrong}"


def test_the_local_backend_is_the_default_and_one_block_replaces_it():
    """Locally the proxy on 127.0.0.1 with local_backend; a production backend replaces that block and nothing else."""
    assert CONFIG["backend"] == {"name": "proxy", "proxy_url": "http://127.0.0.1:8081/api/v1"}
    assert CONFIG["local_backend"] == {"url": "http://127.0.0.1:8081/api/v1"}, CONFIG["local_backend"]
    gitlab = {"name": "gitlab", "repo": "gruppe/vidensportal", "api_root": "https://git.example/api/v4"}
    production = yaml.safe_load(config_text(ROOT / "data", gitlab))
    assert production["backend"] == gitlab and "local_backend" not in production
    assert production["collections"] == CONFIG["collections"], "the backend must not change the forms"


def _values(collection: dict, file: str | None, path: str) -> set[str]:
    """The ids a relation offers, read from the data files as the editor reads them."""
    if file is None:
        folder = ROOT / collection["folder"]
        return {yaml.safe_load(p.read_text(encoding="utf-8"))[path] for p in folder.glob("*.yml")}
    entry = next(f for f in collection["files"] if f["name"] == file)
    data = [yaml.safe_load((ROOT / entry["file"]).read_text(encoding="utf-8"))]
    for part in path.split("."):
        data = [x for item in data for x in (item if part == "*" else [item.get(part, [])])]
    return set(data)


def test_the_production_configuration_is_written_from_a_backend_file(tmp_path):
    """tools.schemas --backend writes the same forms with the organisation's backend; a file with more is refused."""
    from tools.schemas import main

    backend = tmp_path / "redaktion.yml"
    backend.write_text("backend:\n  name: azure\n  repo: org/projekt/repo\npublish_mode: editorial_workflow\n", "utf-8")
    out = tmp_path / "site" / "redaktion" / "config.yml"
    assert main(["--backend", str(backend), "--ud", str(out)]) == 0
    written = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert written["backend"]["name"] == "azure" and written["publish_mode"] == "editorial_workflow", written
    assert written["collections"] == CONFIG["collections"] and "local_backend" not in written
    backend.write_text("backend:\n  name: azure\ncollections: []\n", "utf-8")
    assert main(["--backend", str(backend), "--ud", str(out)]) == 1, "negative control: only the backend may change"
