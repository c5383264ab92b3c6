"""The catalog → what the site shows: Markdown fragments for the macros, generated pages, charts, calendars."""
