"""The mkdocs adapter: load the catalog once per build and add the generated pages."""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

# mkdocs imports a hook file with only its own folder on sys.path; the engine is its package.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from macros import CATALOG_KEY
from macros.catalog import load_catalog
from macros.errors import DataError, did_you_mean
from macros.pages import GENERATED_DIRS, generated_pages, page_ids


def project_dir(config: MkDocsConfig) -> Path:
    """The folder of mkdocs.yml: data/ is found from there, wherever mkdocs is run from."""
    return Path(config.config_file_path).resolve().parent


@event_priority(100)  # before mkdocs-macros' on_config, whose define_env reads the catalog
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    try:
        config[CATALOG_KEY] = load_catalog(project_dir(config) / "data")
    except DataError as error:
        raise PluginError(error.report()) from None
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    catalog = config[CATALOG_KEY]
    expected = page_ids(catalog)
    prose = {}
    for file in list(files):
        folder, _, name = file.src_uri.rpartition("/")
        if folder not in GENERATED_DIRS or name == "index.md" or not name.endswith(".md"):
            continue
        known = expected[folder]
        if name[:-3] not in known:
            hint = did_you_mean(name[:-3], sorted(known))
            raise PluginError(
                f"docs/{file.src_uri}: der findes ingen post med id '{name[:-3]}' at knytte teksten til{hint}"
            )
        prose[file.src_uri] = file.content_string
        files.remove(file)
    for path, markdown in generated_pages(catalog, prose).items():
        files.append(File.generated(config, path, content=markdown))
    return files
