"""Search text: what the index holds beyond the pages themselves (the words inside published documents)."""
