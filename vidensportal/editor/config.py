"""The editor's whole configuration: the backend, where uploads go, and one collection per kind of content.

`python -m tools.schemas` writes it to docs/redaktion/config.yml, which Decap CMS reads from the folder of its
index.html; tests/test_editor_config.py fails when the committed file differs from what the models give.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from vidensportal.data.model import Event, Initiative, Material, Meeting, Organisation, Party, Strategy
from vidensportal.data.schema import DATA_KINDS
from vidensportal.data.validation import validate
from vidensportal.data.yamlfile import read_yaml
from vidensportal.editor.fields import GOAL_CHOICES, form_field, form_fields, label
from vidensportal.errors import DataError
from vidensportal.paths import (
    EVENTS_DATA,
    INITIATIVES_DATA,
    MATERIALS_DATA,
    MATERIALS_DIR,
    MEETINGS_DATA,
    PARTIES_DATA,
)
from vidensportal.reader_aids import review
from vidensportal.reader_aids.review import OWNER_KEY, REVIEW_IN_KEY, REVIEWED_KEY, PageReview

CONFIG_FILE = "docs/redaktion/config.yml"
# The one place the backend is chosen. Locally the editor writes into the working copy through the local backend
# (`make rediger`); for the organisation's git server see the README ("Redaktøren i produktion").
LOCAL_BACKEND = {"name": "proxy", "proxy_url": "http://127.0.0.1:8081/api/v1"}

_HEADER = (
    "# Redaktørens opsætning (Decap CMS), skrevet af `make skemaer` ud fra modellerne i vidensportal/data/model.py.\n"
    "# Ret ikke i filen: ret modellen eller vidensportal/editor/, og kør make skemaer.\n"
)
_DATA = "data"
_FOLDER = {"create": True, "delete": True, "format": "yml", "extension": "yml", "editor": {"preview": False}}
_INTERVAL = (review._INTERVAL.pattern, "Skriv et tal og en enhed, fx '6 måneder' eller '1 år'.")


def editor_config(strategy: Strategy, backend: dict | None = None, publish_mode: str | None = None) -> dict:
    """The configuration as Decap CMS reads it; `strategy` gives the Sikker By goals to choose from, `backend`
    replaces the local backend (production), and `publish_mode: editorial_workflow` turns on draft → review →
    publish where the backend has it."""
    local = backend is None
    config = {"backend": dict(LOCAL_BACKEND if local else backend)}
    if local:  # the address itself, not `true` (which means localhost): the backend listens on 127.0.0.1 only
        config["local_backend"] = {"url": LOCAL_BACKEND["proxy_url"]}
    if publish_mode:
        config["publish_mode"] = publish_mode
    return config | {
        "locale": "da",
        "show_preview_links": False,  # the preview is `make serve`/`make rediger`, not a link from the editor
        "media_folder": f"docs/{MATERIALS_DIR}",
        # A material's 'fil' is its path from docs/: 'materialer/oplaeg.pdf', as the reader expects.
        "public_folder": MATERIALS_DIR,
        # File and entry names in a-z, digits and hyphens: 'Oplæg.pdf' is saved as 'oplaeg.pdf'.
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "collections": _with_goals([*_data_collections(), *_page_collections(), _reference_data()], strategy),
    }


def goal_options(strategy: Strategy) -> list[dict]:
    """Every goal and subgoal of the strategy: 'Mindre kriminalitet › Færre bandemedlemmer'."""
    options = []
    for goal in strategy.goals:
        options.append({"label": goal.name, "value": goal.id})
        options += [{"label": f"{goal.name} › {sub.name}", "value": sub.id} for sub in goal.subgoals]
    return options


def _with_goals(fields: list[dict], strategy: Strategy) -> list[dict]:
    """`fields` (or collections) with the goal choices filled in wherever a field asks for them."""
    out = []
    for field in fields:
        field = dict(field)
        if field.get("name") == GOAL_CHOICES and field.get("widget") == "select":
            field["options"] = goal_options(strategy)
        for key in ("fields", "files"):
            if key in field:
                field[key] = _with_goals(field[key], strategy)
        out.append(field)
    return out


def read_strategy(data_dir: Path) -> Strategy:
    """data/sikker-by.yml as the catalog reads it; DataError with its problems."""
    path = data_dir / "sikker-by.yml"
    shown = Path(data_dir.name, path.name)
    strategy, problems = validate(Strategy, read_yaml(path, shown), shown, None)
    if strategy is None:
        raise DataError(problems)
    return strategy


class _Dumper(yaml.SafeDumper):
    """Writes a repeated value out in full each time: no &anchors and *aliases for a reader to follow."""

    def ignore_aliases(self, data: object) -> bool:
        return True


def config_text(data_dir: Path, backend: dict | None = None, publish_mode: str | None = None) -> str:
    config = editor_config(read_strategy(data_dir), backend, publish_mode)
    body = yaml.dump(config, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=120)
    return _HEADER + body


def _folder(name: str, title: str, folder: str, fields: list[dict], **extra) -> dict:
    return {"name": name, "label": title, "folder": f"{_DATA}/{folder}", **_FOLDER, **extra, "fields": fields}


def _data_collections() -> list[dict]:
    standalone = [f for f in form_fields(Material) if f["name"] != "id"]  # the file name is the id
    event = form_fields(Event)
    for field in event:
        if field["name"] == "materialer":  # inside an event a material must say its id
            field["fields"] = form_fields(Material, required_ids=True)
    return [
        _folder(
            "seminarer", "Seminarer og netværksmøder", EVENTS_DATA, event,
            label_singular="Seminar eller netværksmøde", identifier_field="titel",
            slug="{{fields.dato}}-{{slug}}", summary="{{fields.dato}} · {{fields.titel}}",
            description="Ét seminar eller netværksmøde pr. fil. Filer (pdf, pptx, docx) lægges i docs/materialer/.",
        ),
        _folder(
            "materialer", "Materialer", MATERIALS_DATA, standalone,
            label_singular="Materiale", identifier_field="titel", slug="{{fields.dato}}-{{slug}}",
            summary="{{fields.dato}} · {{fields.titel}}",
            description="Materialer, der ikke hører til et seminar: en fil i docs/materialer/ eller et link.",
        ),
        _folder(
            "foelgegruppe", "Følgegruppens møder", MEETINGS_DATA, form_fields(Meeting),
            label_singular="Møde i Følgegruppen", identifier_field="dato", slug="{{fields.dato}}",
            summary="{{fields.dato}} · {{fields.status}}",
            description="Ét møde pr. fil med dagsorden og, efter mødet, referatet som materiale (type: referat).",
        ),
        _folder(
            "parter", "Parter", PARTIES_DATA, form_fields(Party),
            label_singular="Part", identifier_field="id", slug="{{slug}}", summary="{{fields.navn}}",
            description="Én fil pr. enhed. En enhed, der forlader samarbejdet, slettes ikke: den får 'udtrådt'.",
        ),
        _folder(
            "indsatser", "Indsatser", INITIATIVES_DATA, form_fields(Initiative),
            label_singular="Indsats", identifier_field="titel", slug="{{slug}}",
            description="De indsatser, Følgegruppen vælger at arbejde med; én fil pr. indsats.",
        ),
    ]  # fmt: skip


def review_fields() -> list[dict]:
    """Owner and review dates, the front matter every kind of page may carry (vidensportal/reader_aids/review.py)."""
    fields = [form_field(key, info) for key, info in _by_alias(PageReview).items()]
    for field in fields:
        if field["name"] == REVIEW_IN_KEY:
            field["pattern"] = list(_INTERVAL)
    hints = {
        OWNER_KEY: "Den enhed, der har ansvaret for siden, fx EAS. Aldrig en persons navn.",
        REVIEWED_KEY: "Hvornår siden sidst blev gennemgået; skrives sammen med 'Gennemgå igen om'.",
        REVIEW_IN_KEY: "Hvor længe der går til næste gennemgang, fx '6 måneder' eller '1 år'.",
    }
    return [field | {"hint": hints[field["name"]]} for field in fields]


def _by_alias(entry_model) -> dict:
    return {info.alias or name: info for name, info in entry_model.model_fields.items()}


# Pages are edited as raw Markdown (the text widget): they hold macro calls ({{ … }}), admonitions (!!!),
# attribute lists ({ … }) and md_in_html sections, which a rich-text widget rewrites. One rule for every body.
_BODY = {
    "name": "body", "label": "Tekst (Markdown)", "widget": "text",
    "hint": "Markdown som i 'Sådan bidrager du'. Lad {{ … }}, !!! og { … } stå, som de står.",
}  # fmt: skip
_PAGE = {"format": "frontmatter", "extension": "md", "editor": {"preview": False}}
_PROSE = {
    "parter": "Tekst på en parts side",
    "spor": "Tekst på et spors side",
    "seminarer": "Tekst på et seminars side",
    "materialer": "Tekst på et materiales side",
}


def _page_collections() -> list[dict]:
    title = {"name": "title", "label": "Titel", "widget": "string", "hint": "Sidens titel i menuen og fanen."}
    pages = {
        "name": "sider", "label": "Sider", "label_singular": "Side", "folder": "docs", **_PAGE,
        "create": False, "delete": False, "fields": [title, *review_fields(), _BODY],
        "description": "Portalens skrevne sider. Nye sider kræver en plads i menuen (mkdocs.yml): spørg en udvikler.",
    }  # fmt: skip
    annual = {
        "name": "aarsstatus", "label": "Årsstatus", "label_singular": "Årets statustekst", "folder": "docs/aarsstatus",
        **_PAGE, "create": True, "delete": False, "slug": "{{year}}", "identifier_field": "body",
        "fields": [*review_fields(), _BODY],
        "description": "Teksten til årets status (docs/aarsstatus/<år>.md) under overskrifterne '## Status på "
        "indsatserne' og '## Politifaglig vurdering'. En ny tekst får årets årstal som navn.",
    }  # fmt: skip
    prose = [_prose(folder, text) for folder, text in _PROSE.items()]
    return [pages, annual, *prose]


def _prose(folder: str, text: str) -> dict:
    """Prose on a generated page: owner, review dates and Markdown; title, lists and headings come from data."""
    description = (
        f"Tekst, der står på en side, som portalen laver ud fra data (docs/{folder}/<id>.md). En ny tekst er en "
        "fil med postens id som navn; overskrifter og lister kommer fra data."
    )
    fields = [*review_fields(), _BODY]
    return {"name": f"tekst-{folder}", "label": text, "folder": f"docs/{folder}", **_PAGE, "create": False,
            "delete": False, "fields": fields, "description": description}  # fmt: skip


def _reference_data() -> dict:
    """The agreement's own lists, which relation fields read while editing; hidden, since editors do not change
    them in the editor (they change with the agreement)."""
    by_file = {kind.pattern: kind for kind in DATA_KINDS}
    files = []
    for name, model in (("organisation", Organisation), ("sikker-by", Strategy)):
        files.append(_file(name, f"{name}.yml", by_file[f"{name}.yml"].title, form_fields(model)))
    for name in ("spor", "eksterne-aktoerer"):
        kind = by_file[f"{name}.yml"]
        entries = {"name": kind.key, "label": label(kind.key), "widget": "list", "fields": form_fields(kind.model)}
        files.append(_file(name, f"{name}.yml", kind.title, [entries]))
    return {"name": "stamdata", "label": "Stamdata", "hide": True, "editor": {"preview": False}, "files": files}


def _file(name: str, path: str, title: str, fields: list[dict]) -> dict:
    return {"name": name, "label": title, "file": f"{_DATA}/{path}", "fields": fields}
