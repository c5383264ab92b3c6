"""A generated page whose HTML is finished: only a contributor's prose, when there is any, goes through Markdown."""

from __future__ import annotations

from markdown.extensions.toc import nest_toc_tokens
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils.meta import get_data

from vidensportal.content.html import flat_toc_tokens, heading_tokens, renamed_clashes, with_heading_ids_renamed
from vidensportal.content.pages import GeneratedPage


class GeneratedView(Page):
    """The finished HTML goes around the prose (as Material's blog gives its posts a Page subclass): a Markdown
    converter for each of a thousand empty pages was a tenth of the build."""

    def __init__(self, file: File, config: MkDocsConfig, generated: GeneratedPage) -> None:
        super().__init__(None, file, config)
        self.generated = generated

    def read_source(self, config: MkDocsConfig) -> None:
        """The body and front matter as the page has them, rather than parsing its front matter back with YAML."""
        source = config.plugins.on_page_read_source(page=self, config=config)
        generated = (self.generated.body, dict(self.generated.meta))
        self.markdown, self.meta = get_data(source) if source is not None else generated

    def render(self, config: MkDocsConfig, files: Files) -> None:
        head, tail = self.generated.head_headings, self.generated.tail_headings
        ours = {h.id for h in (*head, *tail)}
        prose_tokens: list[dict] = []
        if self.markdown and self.markdown.strip():
            super().render(config, files)
            # A prose heading named like a generated section ("Program") yields that section its id.
            renames = renamed_clashes([t["id"] for t in flat_toc_tokens(self.toc)], ours)
            self.content = with_heading_ids_renamed(self.content or "", renames)
            prose_tokens = [{**t, "id": renames.get(t["id"], t["id"])} for t in flat_toc_tokens(self.toc)]
            self.present_anchor_ids = {renames.get(i, i) for i in self.present_anchor_ids or ()}
        else:
            self.content, self.present_anchor_ids = "", set()
        self.toc = get_toc(nest_toc_tokens(heading_tokens(head) + prose_tokens + heading_tokens(tail)))
        self.content = "\n".join(part for part in (self.generated.head, self.content, self.generated.tail) if part)
        self.present_anchor_ids |= ours
