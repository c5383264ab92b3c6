"""Jinja's English error messages, as one Danish sentence each that says what to write instead.

The adapter catches Jinja's errors in a page's macro calls (macros/template_check.py) and passes their text
here; nothing of Jinja's English reaches a contributor."""

from __future__ import annotations

import re
from pathlib import Path

from vidensportal.errors import Problem, did_you_mean

_QUOTED = re.compile(r"'([^']*)'|\"([^\"]*)\"")
_CLOSE = "Ret det, så hver {{ lukkes med }} og hver {% med %}."


def _quoted(message: str) -> str:
    match = _QUOTED.search(message)
    return (match.group(1) or match.group(2) or "") if match else ""


def syntax_message(message: str) -> str:
    """A Danish sentence for a Jinja syntax error."""
    lower = message.lower()
    if lower.startswith("unexpected end of template"):
        block = re.search(r"block that needs to be closed is '(\w+)'", message)
        closing = f"{{% end{block.group(1)} %}}" if block else "{% end… %}"
        return f"en {{% … %}}-blok bliver ikke lukket. Tilføj {closing}, hvor blokken skal slutte."
    if lower.startswith("encountered unknown tag"):
        tag = _quoted(message)
        if tag.startswith("end"):
            return f"{{% {tag} %}} lukker en blok, der aldrig er åbnet. Slet den, eller åbn blokken før den."
        return f"'{tag}' er ikke en kommando i {{% … %}}. Skriv et makrokald som {{{{ navn() }}}} i stedet."
    if lower.startswith("unexpected char"):
        char = _quoted(message) or "her"
        return f"tegnet {char} kan ikke stå i en makro; måske er et anførselstegn ikke lukket. {_CLOSE}"
    if lower.startswith(("unexpected", "expected")):
        return f"makrokaldet kan ikke læses. {_CLOSE} Skriv fx {{{{ spor_oversigt() }}}}."
    return f"makrokaldet kan ikke læses. {_CLOSE}"


def undefined_message(message: str) -> str:
    """A Danish sentence for a name Jinja could not find while rendering."""
    if "has no attribute" in message:
        attribute = message.rsplit("'", 2)[-2] if message.count("'") >= 2 else ""
        return f"'{attribute}' findes ikke på værdien i makroen. Ret navnet efter punktummet, eller fjern det."
    return f"ukendt navn '{_quoted(message)}' i en makro. Ret stavningen, eller fjern kaldet."


def call_message(message: str) -> str:
    """A Danish sentence for a macro called with the wrong arguments."""
    name = re.match(r"(\w+)\(\)", message)
    who = f"makroen '{name.group(1)}'" if name and not name.group(1).startswith("<") else "en makro"
    return (
        f"{who} er kaldt med forkerte argumenter. Portalens makroer kaldes uden argumenter, fx "
        "{{ spor_oversigt() }}; se 'Sådan bidrager du'."
    )


FAILED = "en makro fejlede, da siden blev bygget. Ret udtrykket i {{ … }} eller {% … %}, eller fjern det."


def unknown_names(source: str, unknown: set[str], known: set[str], file: Path, first_line: int) -> list[Problem]:
    """A problem per name a page's macros use that the build does not know, at its first use in `source`."""
    problems = []
    for name in sorted(unknown):
        hint = did_you_mean(name, sorted(n for n in known if not n.startswith("_")))
        match = re.search(r"\{[{%][^}]*\b" + re.escape(name) + r"\b", source)
        line = source.count("\n", 0, match.start()) + 1 if match else 1
        message = f"ukendt makro eller variabel '{name}'{hint or '. Ret navnet, eller fjern kaldet.'}"
        problems.append(Problem(file, message, first_line + line - 1))
    return problems


def body_location(source: str, body: str, docs_dir: Path, src_uri: str) -> tuple[Path, int]:
    """A page's file as shown (docs/x.md) and the line of `source` where its Markdown `body` starts."""
    starts = source[: len(source) - len(body)].count("\n") + 1 if source.endswith(body) else 1
    return Path(docs_dir.name, src_uri), starts
