"""Published documents read completely, one reader per kind, or refused: the list of kinds the site publishes."""
