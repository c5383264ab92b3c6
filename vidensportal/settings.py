"""SiteSettings: the site's own settings under mkdocs.yml's `extra:`, validated like data, with Danish messages."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, PositiveFloat, StrictStr, field_validator

from vidensportal.data.model import Classification
from vidensportal.data.validation import validate
from vidensportal.errors import Problem

CONFIG_FILE = Path("mkdocs.yml")
# Keys of extra: that Material reads itself (and Zensical's polyfills, which it adds); passed on untouched.
MATERIAL_KEYS = frozenset(
    {"alternate", "analytics", "annotate", "consent", "homepage", "polyfills", "social", "status", "tags"}
)


class SiteSettings(BaseModel):
    """extra: in mkdocs.yml. Unknown keys are errors, so a misspelt setting is not silently ignored."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    classification: Classification = Field(alias="klassifikation", default="intern")
    max_file_mb: PositiveFloat = Field(alias="max_filstørrelse_mb", default=25)
    # Unquoted, YAML reads 0101701234 as an octal number, so only text is accepted.
    cpr_allowed: tuple[StrictStr, ...] = Field(alias="cpr_tilladte", default=())
    accessibility_statement: str = Field(alias="tilgaengelighedserklaering", default="tilgaengelighed/")
    generator: bool = True

    @field_validator("classification", mode="before")
    @classmethod
    def _lower_case(cls, value: object) -> object:
        return value.lower() if isinstance(value, str) else value

    @field_validator("cpr_allowed", mode="before")
    @classmethod
    def _none_is_empty(cls, value: object) -> object:
        return () if value is None else value

    @property
    def max_file_bytes(self) -> int:
        return int(self.max_file_mb * 1_000_000)


def read_settings(extra: Mapping, *, use_directory_urls: bool) -> tuple[SiteSettings | None, list[Problem]]:
    """The validated settings, or None and every problem with them, each naming mkdocs.yml and the key."""
    ours = {key: value for key, value in extra.items() if key not in MATERIAL_KEYS}
    settings, problems = validate(SiteSettings, ours, CONFIG_FILE, None)
    problems = [Problem(p.file, p.message, p.line, p.entry, f"extra → {p.field}") for p in problems]
    if not use_directory_urls:
        problems.append(Problem(CONFIG_FILE, "use_directory_urls skal være true; sitets links forudsætter det."))
    return (None if problems else settings), problems
