"""CPU seconds of each stage of one in-process build: catalog, pages, search text, index, gate, calendars.

python -m tools.bench.stages mkdocs.yml site/  → one JSON object on stdout.

Each stage is timed by wrapping the engine function that does it: the thread's own CPU time (time.thread_time)
for work in Python, whichever thread runs it, and the CPU time of Pagefind's program (the children's rusage
taken around the wait for it). 'pages' is what is left of the build's Python CPU time: mkdocs, Material and the
plugins rendering and writing the pages.
"""

from __future__ import annotations

import json
import resource
import runpy
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from functools import wraps

STAGES = ("catalog", "calendars", "pages", "search text", "index", "gate")


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _timed(spent: dict[str, float], stage: str, function: Callable, clock: Callable[[], float]) -> Callable:
    @wraps(function)
    def timed(*args, **kwargs):
        start = clock()
        try:
            return function(*args, **kwargs)
        finally:
            spent[stage] += clock() - start

    return timed


def measure(config_file: str, site_dir: str) -> dict[str, float]:
    """Build once with every stage wrapped; CPU seconds by stage, and the whole process's."""
    import vidensportal.finish
    import vidensportal.finish.index
    import vidensportal.load
    import vidensportal.plan
    import vidensportal.search.pagefind_index
    from vidensportal.search.pagefind_service import PagefindService

    spent: dict[str, float] = defaultdict(float)
    wrapped = [
        (vidensportal.load, "read_sources", "catalog", time.thread_time),
        (vidensportal.load, "plan_reader_aids", "catalog", time.thread_time),
        (vidensportal.plan, "site_calendars", "calendars", time.thread_time),
        (vidensportal.finish.index, "material_texts", "search text", time.thread_time),
        (vidensportal.search.pagefind_index, "searchable_html", "search text", time.thread_time),
        (vidensportal.finish, "gate_site", "gate", time.thread_time),
        (PagefindService, "close", "index", _children_cpu),
    ]
    for owner, name, stage, clock in wrapped:
        setattr(owner, name, _timed(spent, stage, getattr(owner, name), clock))
    start = time.process_time()
    _mkdocs_build(config_file, site_dir)
    python = time.process_time() - start
    spent["pages"] = python - sum(spent[stage] for stage in ("catalog", "calendars", "search text", "gate"))
    spent["total (Python)"] = python
    return {stage: round(seconds, 3) for stage, seconds in spent.items()}


def _mkdocs_build(config_file: str, site_dir: str) -> None:
    """`mkdocs build --strict -q` in this process, through mkdocs' own command line (tools import no builder)."""
    sys.argv = ["mkdocs", "build", "--strict", "-q", "-f", config_file, "-d", site_dir]
    try:
        runpy.run_module("mkdocs", run_name="__main__")
    except SystemExit as done:
        if done.code:
            raise


if __name__ == "__main__":
    print(json.dumps(measure(sys.argv[1], sys.argv[2])))
