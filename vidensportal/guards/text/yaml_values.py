"""Every text value of a YAML file as YAML reads it, with its line: escapes decoded, continued lines joined."""

from __future__ import annotations

import yaml

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def yaml_scalars(text: str) -> list[tuple[int, str]]:
    """(1-based line, value) of every scalar, keys included; [] when the text is not YAML (the reader reports
    that). Aliases are visited once, so an alias bomb costs no more than its text."""
    try:
        documents = list(yaml.compose_all(text, Loader=_Loader))
    except (yaml.YAMLError, RecursionError):
        return []
    found, seen = [], set()
    stack = [node for node in documents if node is not None]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.ScalarNode):
            found.append((node.start_mark.line + 1, str(node.value)))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            stack.extend(part for pair in node.value for part in pair)
    return sorted(found)
