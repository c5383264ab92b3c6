"""A page's owner and review dates from its front matter (GOV.UK Tech Docs' last_reviewed_on/review_in, in Danish)."""

from __future__ import annotations

import calendar
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Annotated

from markupsafe import Markup
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, model_validator
from pydantic_core import PydanticCustomError

from vidensportal.content import html
from vidensportal.content.dates import danish_date
from vidensportal.data.validation import validate
from vidensportal.errors import Problem, did_you_mean
from vidensportal.numbers import PAGE, count

OWNER_KEY = "ejer"
REVIEWED_KEY = "senest_gennemgået"
REVIEW_IN_KEY = "gennemgå_igen_om"
KEYS = (OWNER_KEY, REVIEWED_KEY, REVIEW_IN_KEY)
DUE_SOON_DAYS = 30

# '6 måneder', '1 år', '2 uger', '30 dage': a number and a unit, singular or plural.
_INTERVAL = re.compile(r"^(\d{1,3}) (dag|dage|uge|uger|måned|måneder|år)$")


def _check_interval(value: str) -> str:
    if not _INTERVAL.match(" ".join(value.lower().split())):
        raise PydanticCustomError(
            "interval",
            "'{value}' er ikke et tidsrum. Skriv et tal og en enhed, fx '6 måneder', '1 år', '2 uger' eller '30 dage'.",
            {"value": value},
        )
    return " ".join(value.lower().split())


Interval = Annotated[str, AfterValidator(_check_interval)]


def add_interval(day: date, interval: str) -> date:
    """`day` plus an Interval; a month later than 31 January is the last day of February."""
    match = _INTERVAL.match(interval)
    if match is None:
        raise ValueError(interval)
    count, unit = int(match[1]), match[2]
    if unit.startswith("dag"):
        return day + timedelta(days=count)
    if unit.startswith("uge"):
        return day + timedelta(weeks=count)
    months = count * 12 if unit == "år" else count
    year, month = divmod(day.month - 1 + months, 12)
    year, month = day.year + year, month + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


class PageReview(BaseModel):
    """The review fields of a page's front matter; the page's other fields belong to MkDocs and Material."""

    model_config = ConfigDict(extra="ignore", frozen=True, str_strip_whitespace=True)

    owner: Annotated[str, StringConstraints(min_length=1)] | None = Field(alias=OWNER_KEY, default=None)
    reviewed: date | None = Field(alias=REVIEWED_KEY, default=None)
    review_in: Interval | None = Field(alias=REVIEW_IN_KEY, default=None)

    @model_validator(mode="after")
    def _both_dates(self) -> PageReview:
        if (self.reviewed is None) != (self.review_in is None):
            raise PydanticCustomError(
                "gennemgang",
                f"'{REVIEWED_KEY}' og '{REVIEW_IN_KEY}' hører sammen: skriv begge, "
                f"fx {REVIEWED_KEY}: 2026-05-01 og {REVIEW_IN_KEY}: 6 måneder.",
            )
        return self

    @property
    def due(self) -> date | None:
        """The day by which the page must be reviewed again."""
        return add_interval(self.reviewed, self.review_in) if self.reviewed and self.review_in else None

    def overdue(self, today: date) -> bool:
        return self.due is not None and self.due < today

    def due_soon(self, today: date) -> bool:
        """Due within the next DUE_SOON_DAYS days, not yet overdue: time for its owner to plan the review."""
        return self.due is not None and today <= self.due <= today + timedelta(days=DUE_SOON_DAYS)


@dataclass(frozen=True)
class ReviewedPage:
    """A page with review fields: its docs path, its title and the fields."""

    path: str
    title: str
    review: PageReview


def _key_lines(source: str) -> dict[str, int]:
    """The line of each top-level key of the front matter that opens `source` ('---' on line 1)."""
    lines = source.splitlines()
    if not lines or lines[0].strip() != "---":
        return {}
    found = {}
    for number, line in enumerate(lines[1:], start=2):
        if line.strip() in ("---", "..."):
            break
        key, colon, _ = line.partition(":")
        if colon and key and not key[0].isspace():
            found.setdefault(key.strip(), number)
    return found


def read_review(meta: Mapping[str, object], source: str, shown_as: Path) -> tuple[PageReview | None, list[Problem]]:
    """A page's review fields, or the problems with them as Danish lines naming file, line and field.

    `meta` is the page's front matter as MkDocs read it; `source` is the file's text, for line numbers.
    A key that is nearly one of ours ('senest_gennemgaaet') is a problem too: it would otherwise be ignored.
    """
    lines = _key_lines(source)
    ours = ", ".join(KEYS)
    problems = [
        Problem(shown_as, f"ukendt felt{hint} Felterne for gennemgang er: {ours}.", lines.get(key), None, key)
        for key in meta
        if key not in KEYS and (hint := did_you_mean(key, list(KEYS)))
    ]
    if not any(key in meta for key in KEYS):
        return None, problems
    review, found = validate(PageReview, dict(meta), shown_as, None)
    for problem in found:
        key = problem.field if problem.field in KEYS else next((k for k in KEYS if k in meta), None)
        problems.append(replace(problem, line=lines.get(key) if key else None))
    return review, problems


def overdue_notice(review: PageReview, today: date) -> Markup | None:
    """The warning readers see on a page past its review date, or None."""
    if not review.overdue(today):
        return None
    by = f" af {review.owner}" if review.owner else ""
    return html.admonition(
        "warning",
        "Siden er ikke gennemgået",
        f"Siden skulle have været gennemgået{by} senest {danish_date(review.due)}. Indholdet kan være forældet.",
    )


def review_facts(review: PageReview) -> Markup:
    """Owner and review dates as the page footer shows them."""
    facts = [f"Ejer: {review.owner}"] if review.owner else []
    if review.reviewed and review.due:
        facts.append(f"Gennemgået {danish_date(review.reviewed)}, næste gang senest {danish_date(review.due)}")
    return html.text(" · ".join(facts))


def overdue_log_line(page: ReviewedPage) -> str:
    """The build's line for a page past its review date."""
    owner = f" (ejer: {page.review.owner})" if page.review.owner else ""
    return f"docs/{page.path}: siden skulle have været gennemgået senest {danish_date(page.review.due)}{owner}."


def _state(review: PageReview, today: date) -> str:
    if review.overdue(today):
        return "Over gennemgangsdatoen"
    if review.due_soon(today):
        return f"Skal gennemgås inden for {DUE_SOON_DAYS} dage"
    return "I orden" if review.due else "Ingen gennemgangsdato"


def review_table(pages: list[ReviewedPage], here: str, today: date) -> Markup:
    """The editors' list: every page with review fields, overdue ones first, then those due within 30 days, each
    group by due date."""
    if not pages:
        return html.empty_note("Ingen sider har en ejer eller en gennemgangsdato endnu.")
    ordered = sorted(pages, key=lambda p: (not p.review.overdue(today), p.review.due or date.max, p.path))
    overdue = sum(p.review.overdue(today) for p in ordered)
    soon = sum(p.review.due_soon(today) for p in ordered)
    summary = (
        f"{count(overdue, PAGE)} over gennemgangsdatoen; "
        f"{count(soon, PAGE)} skal gennemgås inden for {DUE_SOON_DAYS} dage."
    )
    rows = [
        [
            html.link(here, page.path, page.title),
            html.text(page.review.owner or "–"),
            html.text(danish_date(page.review.reviewed) if page.review.reviewed else "–"),
            html.text(danish_date(page.review.due) if page.review.due else "–"),
            html.text(_state(page.review, today)),
        ]
        for page in ordered
    ]
    header = ["Side", "Ejer", "Senest gennemgået", "Gennemgås senest", "Status"]
    return html.paragraph(html.text(summary)) + Markup("\n\n") + html.table(header, rows)


def page_title(meta: Mapping[str, object], markdown: str, path: str) -> str:
    """A page's title before MkDocs renders it: its front matter's, its first '# ' heading, or its path."""
    if isinstance(meta.get("title"), str) and meta["title"].strip():
        return meta["title"].strip()
    heading = next((line[2:].strip() for line in markdown.splitlines() if line.startswith("# ")), "")
    return heading or path
