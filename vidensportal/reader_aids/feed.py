"""The Atom feed of 'Nyt på portalen', for Outlook and browsers: the same items as the page."""

from __future__ import annotations

import uuid
from datetime import datetime

from feedgen.feed import FeedGenerator

from vidensportal.content.text import page_url
from vidensportal.paths import NEWS_FEED, NEWS_PAGE
from vidensportal.reader_aids.news import NewsItem, shown_title, what_changed

# Entry ids are URNs made from the item's key: they stay the same when the site moves to another address.
_ID_SPACE = uuid.uuid5(uuid.NAMESPACE_URL, "vidensportalen")


def _urn(key: str) -> str:
    return f"urn:uuid:{uuid.uuid5(_ID_SPACE, key)}"


def atom_feed(items: list[NewsItem], *, site_name: str, site_url: str | None, empty_updated: datetime) -> bytes:
    """The feed as Atom XML (every value escaped by feedgen). Links are absolute and need `site_url`; without it
    the entries have none. `empty_updated` is the feed's date when there are no items (the build's moment)."""
    base = site_url.rstrip("/") + "/" if site_url else None
    feed = FeedGenerator()
    feed.id(_urn("nyt"))
    feed.title(f"Nyt på {site_name}")
    feed.subtitle("Nyt og ændret på portalen: parter, indsatser, årsstatus, seminarer, materialer, møder og sider")
    feed.language("da")
    feed.author({"name": site_name})
    feed.generator(site_name)  # instead of feedgen's name and web address
    feed.updated(max((item.updated for item in items), default=empty_updated))
    if base:
        feed.link(href=base + NEWS_FEED, rel="self", type="application/atom+xml")
        feed.link(href=base + page_url(NEWS_PAGE), rel="alternate", type="text/html")
    for item in items:  # newest first, as news_items() orders them
        entry = feed.add_entry(order="append")
        entry.id(_urn(item.key))
        entry.title(shown_title(item))
        entry.published(item.published)
        entry.updated(item.updated)
        # content, not summary: Atom wants one of content or a link
        entry.content(" ".join(filter(None, [item.summary, what_changed(item)])), type="text")
        entry.category(term=item.kind)
        if base:
            entry.link(href=base + page_url(item.page), rel="alternate", type="text/html")
    return feed.atom_str(pretty=True)
