"""The browser editor's configuration (Decap CMS), generated from the same models as schemas/*.json."""
