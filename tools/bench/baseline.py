"""The plain baseline: a MkDocs + Material site with Material's own search and one small page per page of ours."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import yaml

from tools.bench.corpus import WORDS, dump_yaml, make_title, paragraph, sentence
from tools.project import ROOT


class _AnyTagLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without mkdocs: tags such as !ENV become None."""


_AnyTagLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


def _nav_paths(nav: object) -> list[str]:
    if isinstance(nav, str):
        return [nav]
    if isinstance(nav, dict):
        return [p for value in nav.values() for p in _nav_paths(value)]
    if isinstance(nav, list):
        return [p for item in nav for p in _nav_paths(item)]
    return []


def _page_dir(markdown: str) -> str:
    """The folder of a Markdown page's index.html with directory URLs: '' for index.md, 'parter' for both forms."""
    stem = markdown[: -len(".md")]
    return stem[: -len("index")].rstrip("/") if stem == "index" or stem.endswith("/index") else stem


def built_pages(site: Path) -> list[Path]:
    """Every page of a built site: its index.html files."""
    return sorted(site.rglob("index.html"))


def make_plain(target: Path, our_site: Path, rng: random.Random) -> int:
    """A plain MkDocs + Material project with one small static page per page of `our_site`, in the same folders."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_AnyTagLoader)  # noqa: S506
    nav_pages = {_page_dir(p): p for p in _nav_paths(config["nav"])}
    # The same theme settings, Markdown extensions and static assets as ours, so the ratio measures what
    # our engine and our richer pages cost, not Material features that both sites would switch on.
    theme = {key: value for key, value in config["theme"].items() if key != "custom_dir"}
    plain = {
        "site_name": "Plain MkDocs + Material",
        "theme": theme,
        "markdown_extensions": config.get("markdown_extensions", []),
        "extra_css": config.get("extra_css", []),
        "extra_javascript": config.get("extra_javascript", []),
        "plugins": [{"search": {"lang": "da"}}, "tags"],
        "nav": config["nav"],
        "not_in_nav": config.get("not_in_nav", ""),
    }
    docs = target / "docs"
    docs.mkdir(parents=True)
    shutil.copytree(ROOT / "docs" / "assets", docs / "assets")
    (target / "mkdocs.yml").write_text(dump_yaml(plain), encoding="utf-8")
    tags = [w.capitalize() for w in rng.sample(WORDS, 12)]
    pages = built_pages(our_site)
    for page in pages:
        folder = page.parent.relative_to(our_site).as_posix()
        folder = "" if folder == "." else folder
        markdown = nav_pages.get(folder) or f"{folder}.md"
        title = make_title(rng)
        facts = "\n".join(f"- **{rng.choice(WORDS).capitalize()}:** {sentence(rng, 3)}" for _ in range(4))
        body = f"---\ntitle: {title}\ntags:\n" + "".join(f"  - {t}\n" for t in rng.sample(tags, 3)) + "---\n\n"
        body += f"# {title}\n\n{facts}\n\n{paragraph(rng, 4)}\n"
        if markdown == "tags.md":
            body += "\n<!-- material/tags -->\n"
        path = docs / markdown
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(body, encoding="utf-8")
    return len(pages)
