"""The engine of Vidensportalen: data/ → a catalog → the site's content, search text and guards.

Nothing in this package imports mkdocs, Material, mkdocs-macros or Jinja; macros/ adapts it to them."""
