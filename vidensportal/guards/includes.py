"""What a docs/ page may pull in with Jinja (include, import, extends): nothing of the materials or withheld."""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

from vidensportal.errors import Problem
from vidensportal.paths import MATERIALS_DIR


def include_refused(name: str, found: Path, docs_dir: Path, withheld_files: Collection[str]) -> str | None:
    """Why a page may not include `name`, found as the file `found` (links resolved), in Danish; or None."""
    try:
        relative = found.resolve().relative_to(docs_dir.resolve()).as_posix()
    except ValueError:
        reason = "filen ligger uden for docs/"
    else:
        reason = (
            "filen er tilbageholdt og må ikke udgives"
            if relative in withheld_files
            else f"filer i docs/{MATERIALS_DIR}/ udgives kun som materialer og kan ikke sættes ind i en side"
            if relative.startswith(f"{MATERIALS_DIR}/")
            else None
        )
    return f"'{name}' kan ikke sættes ind: {reason}" if reason else None


def template_error(error: BaseException, file: Path, first_line: int) -> Problem:
    """One Danish line for an error raised while a page's Jinja rendered, at its line in a page body that starts
    at `first_line` of `file` (Jinja names the page's own frames '<template>' in the traceback)."""
    kind, name = type(error).__name__, getattr(error, "name", None) or ""
    detail = getattr(error, "message", None) or str(error)
    lines, trace = [], error.__traceback__
    while trace is not None:
        lines += [trace.tb_lineno] if trace.tb_frame.f_code.co_filename == "<template>" else []
        trace = trace.tb_next
    if kind == "TemplateNotFound":
        what = detail if "kan ikke sættes ind" in detail else f"filen '{name}' findes ikke i docs/"
        message = f"{what}. Ret navnet i {{% include %}} eller {{% import %}}."
    elif kind == "UndefinedError":
        message = f"ukendt navn i en makro ({detail}). Ret stavningen, eller fjern kaldet."
    elif kind == "TypeError":
        message = (
            f"en makro er kaldt med forkerte argumenter ({detail}). Se 'Sådan bidrager du' for, hvordan den kaldes."
        )
    else:
        message = f"en makro fejlede ({kind}: {detail}). Ret udtrykket i {{{{ … }}}} eller {{% … %}}."
    return Problem(file, message, first_line + lines[-1] - 1 if lines else None)
