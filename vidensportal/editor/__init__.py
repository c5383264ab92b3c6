"""The browser editor (Decap CMS at /redaktion/): its configuration, generated from the models, and its files."""
