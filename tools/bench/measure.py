"""Build-time benchmark: the site on a synthetic corpus against a plain MkDocs + Material site, and its search."""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

import yaml

from tools.bench.baseline import built_pages, make_plain
from tools.bench.corpus import BUILD_ENV, make_corpus
from tools.bench.search import SearchFigures, measure_search
from tools.project import ROOT

EVENT_PAGE = "seminarer/2026-03-12-eksempel-rekruttering/index.html"
SLOW_BUILD_SECONDS = 60
SET_ASIDE = "earlier-builds"

TARGET_RATIO = 1.15
TARGET_CPU_RATIO = 1.4
STAGE_RUNS = 3
TARGET_SCALING = 4.4
TARGET_EVENT_PAGE = (0.9, 1.1)
TARGET_SEARCH_BYTES = 1_000_000  # at 4×
TARGET_SEARCH_BYTES_RATIO = 1.25
TARGET_SEARCH_EXTRA_MS = 300


class BuildFailed(Exception):
    """A build that did not exit 0; the message is what to print."""


def children_cpu() -> float:
    """User and system CPU seconds of every child process waited for so far, and of their children."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def build(config: Path, site: Path) -> float:
    """One strict, quiet build of `config` into a fresh `site`; the wall time in seconds."""
    return measured_build(config, site)[0]


def measured_build(config: Path, site: Path) -> tuple[float, float]:
    """One strict, quiet build of `config` into a fresh `site`: (wall seconds, CPU seconds of the build and every
    program it ran)."""
    set_aside(site)
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(config), "-d", str(site)]
    start, cpu = time.perf_counter(), children_cpu()
    result = subprocess.run(
        command, cwd=config.parent, env={**os.environ, **BUILD_ENV}, capture_output=True, text=True, check=False
    )
    seconds, cpu = time.perf_counter() - start, children_cpu() - cpu
    if result.returncode != 0:
        tail = "\n".join((result.stdout + result.stderr).splitlines()[-40:])
        raise BuildFailed(f"FAILED: {' '.join(command)} (exit {result.returncode})\n{tail}")
    return seconds, cpu


def set_aside(site: Path) -> None:
    """Move an earlier build out of the way, to be deleted once every build is timed (`clear_set_aside`).

    Deleting it here would slow the next builds on disks that avoid reusing freed inodes for a while: ext4
    without a journal (this machine's disk) skips every inode freed in the last minutes on each file it
    creates. With a site deleted before each build, each build ran slower than the one before it.
    """
    if site.exists():
        aside = site.parent / SET_ASIDE
        aside.mkdir(exist_ok=True)
        site.rename(aside / f"{len(list(aside.iterdir()))}")


def clear_set_aside(work: Path) -> None:
    for aside in work.glob(f"*/{SET_ASIDE}"):
        shutil.rmtree(aside, ignore_errors=True)


def timed(config: Path, site: Path, runs: int, fewer_when_slow: bool = False) -> tuple[float, list[float]]:
    """One warm-up build, then `runs` timed ones (2 at most when a build takes over a minute and that is allowed)."""
    warm_up = build(config, site)
    if fewer_when_slow and warm_up > SLOW_BUILD_SECONDS:
        runs = min(runs, 2)
    return warm_up, [build(config, site) for _ in range(runs)]


Pair = tuple[tuple[float, float], tuple[float, float]]  # ((wall, CPU) of ours, (wall, CPU) of the plain site)


def interleaved(first: tuple[Path, Path], second: tuple[Path, Path], runs: int) -> list[Pair]:
    """`runs` measured builds of each of two (config, site) pairs, taken in turn after one warm-up of each.

    Taking them in turn gives both sites the same share of a shared machine's quiet and busy spells, so
    their ratio is not skewed by load that changes during the benchmark.
    """
    build(*first)
    build(*second)
    return [(measured_build(*first), measured_build(*second)) for _ in range(runs)]


def paired_ratio(pairs: list[Pair], which: int) -> tuple[float, float, float]:
    """(median, lowest, highest) of ours/plain over the pairs, for wall (`which` 0) or CPU (1) seconds."""
    ratios = [ours[which] / plain[which] for ours, plain in pairs]
    return statistics.median(ratios), min(ratios), max(ratios)


def stage_report(config: Path, site: Path) -> None:
    """Print the CPU seconds of each stage of our build: the median of a few in-process builds."""
    runs = []
    for _ in range(STAGE_RUNS):
        set_aside(site)
        command = [sys.executable, "-m", "tools.bench.stages", str(config), str(site)]
        env = {**os.environ, **BUILD_ENV}
        result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
        if result.returncode != 0:
            raise BuildFailed(f"FAILED: {' '.join(command)}\n{result.stderr[-3000:]}")
        runs.append(json.loads(result.stdout.strip().splitlines()[-1]))
    print(f"CPU seconds by stage (median of {STAGE_RUNS} in-process builds; 'index' is Pagefind's own program):")
    for stage in runs[0]:
        values = sorted(run.get(stage, 0.0) for run in runs)
        print(f"  {stage:<16} {statistics.median(values):6.2f} s  ({values[0]:.2f}–{values[-1]:.2f})")
def kb(size: int) -> str:
    return f"{size / 1024:,.1f} KB"


def site_report(name: str, site: Path, times: list[float], warm_up: float | None = None) -> tuple[float, int]:
    """Print a build's figures; return its median and page count."""
    median = statistics.median(times)
    pages = built_pages(site)
    largest = max(pages, key=lambda p: p.stat().st_size)
    runs = ", ".join(f"{t:.2f}" for t in times)
    print(f"{name}")
    extra = f"; warm-up {warm_up:.2f} s" if warm_up is not None else ""
    print(f"  build time:        {median:.2f} s median of {len(times)} ({runs} s{extra})")
    print(f"  pages:             {len(pages)}  ({len(pages) / median:,.0f} pages per second)")
    print(f"  largest page:      {kb(largest.stat().st_size)}  {largest.relative_to(site).as_posix()}")
    print(f"  search index:      {kb(index_size(site))} ({'Pagefind' if (site / 'pagefind').is_dir() else 'Material'})")
    return median, len(pages)


def index_size(site: Path) -> int:
    """The bytes of the site's search index: Pagefind's folder, or Material's search_index.json."""
    folder = site / "pagefind"
    if folder.is_dir():
        return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
    index = site / "search" / "search_index.json"
    return index.stat().st_size if index.is_file() else 0


def search_report(name: str, site: Path) -> SearchFigures | None:
    """Measure the search of a built site in Chromium and print its figures; None when it cannot be measured."""
    try:
        figures = measure_search(site)
    except Exception as error:  # no Playwright or Chromium, or the page broke: say so, the build figures stand
        print(f"{name}: search not measured ({type(error).__name__}: {str(error).splitlines()[0][:200]})")
        return None
    print(f"{name}")
    print(f"  search bytes:      {kb(figures.cold_bytes)} for a cold home page plus the first search")
    print(f"  search time:       {figures.first_ms:.0f} ms from the last key press to the first result "
          f"(first search; later searches {figures.later_ms:.0f} ms median); {figures.results} results shown")
    return figures


def search_targets(small: SearchFigures | None, big: SearchFigures | None) -> list[tuple[str, str, bool | None]]:
    if small is None or big is None:
        return [("search measured at 1× and 4×", "not measured", False)]
    ratio = big.cold_bytes / small.cold_bytes
    extra = big.first_ms - small.first_ms
    print(f"search bytes ratio (4× / 1×): {ratio:.2f} (target ≤ {TARGET_SEARCH_BYTES_RATIO})")
    print(f"search time to first result, 4× minus 1×: {extra:+.0f} ms (target ≤ +{TARGET_SEARCH_EXTRA_MS} ms)")
    return [
        (f"search bytes at 4× ≤ {kb(TARGET_SEARCH_BYTES)}", kb(big.cold_bytes), big.cold_bytes <= TARGET_SEARCH_BYTES),
        (f"search bytes ratio 4×/1× ≤ {TARGET_SEARCH_BYTES_RATIO}", f"{ratio:.2f}", ratio <= TARGET_SEARCH_BYTES_RATIO),
        (f"search time 4× − 1× ≤ +{TARGET_SEARCH_EXTRA_MS} ms", f"{extra:+.0f} ms", extra <= TARGET_SEARCH_EXTRA_MS),
    ]


def peak_memory_mb() -> float:
    """The largest resident set of any child waited for so far (ru_maxrss is in KB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def count_yaml_reads(project: Path) -> tuple[int, int, int, float]:
    """Load the catalog once with read_yaml counted: (calls, distinct files, .yml files in data/, seconds)."""
    import vidensportal.catalog
    import vidensportal.data.yamlfile

    original = vidensportal.data.yamlfile.read_yaml
    paths: list[Path] = []

    def counting(path: Path, *rest: object) -> object:
        paths.append(Path(path).resolve())
        return original(path, *rest)

    # Modules that did `from …yamlfile import read_yaml` hold their own name for it; patch every binding.
    bound = [m for m in list(sys.modules.values()) if getattr(m, "read_yaml", None) is original]
    for module in bound:
        module.read_yaml = counting
    try:
        start = time.perf_counter()
        vidensportal.catalog.load_catalog(project / "data", docs_dir=project / "docs")
        seconds = time.perf_counter() - start
    finally:
        for module in bound:
            module.read_yaml = original
    on_disk = len(list((project / "data").rglob("*.yml")))
    return len(paths), len(set(paths)), on_disk, seconds


def libyaml_facts() -> tuple[bool, str]:
    import vidensportal.data.yamlfile

    return bool(getattr(yaml, "__with_libyaml__", False)), vidensportal.data.yamlfile._BaseLoader.__name__


def verdict(ok: bool | None) -> str:
    return "info" if ok is None else "PASS" if ok else "MISS"


def run(work: Path, size: float, runs: int, skip_4x: bool) -> list[tuple[str, str, bool | None]]:
    """The whole benchmark; returns (target, measured, met) for the summary."""
    targets: list[tuple[str, str, bool | None]] = []

    start = time.perf_counter()
    ours = work / "ours-1x"
    counts = make_corpus(ours / "project", size)
    print(
        f"Corpus (size {size:g}): +{counts['parties']} parties, +{counts['events']} events, "
        f"+{counts['materials']} materials ({counts['pdfs']} with a PDF), generated in "
        f"{time.perf_counter() - start:.1f} s in {ours / 'project'}"
    )

    calls, distinct, on_disk, seconds = count_yaml_reads(ours / "project")
    with_libyaml, loader = libyaml_facts()
    print(f"YAML files read: {calls} (files in data/: {on_disk}); distinct {distinct}; load_catalog {seconds:.2f} s")
    print(f"libyaml C loader: yaml.__with_libyaml__ = {with_libyaml}, yamlfile._BaseLoader = {loader}")
    print()

    our_site = ours / "site"
    build(ours / "project" / "mkdocs.yml", our_site)  # the plain site copies its page list from this build
    plain = work / "plain"
    pages = make_plain(plain / "project", our_site, random.Random(7))  # noqa: S311
    pairs = interleaved(
        (ours / "project" / "mkdocs.yml", our_site), (plain / "project" / "mkdocs.yml", plain / "site"), runs
    )
    our_times, plain_times = [ours[0] for ours, _ in pairs], [plain[0] for _, plain in pairs]
    our_median, our_pages = site_report("Our build (Vidensportalen)", our_site, our_times)
    print(f"  CPU time:          {statistics.median(o[1] for o, _ in pairs):.2f} s median (build and its programs)")
    memory = peak_memory_mb()
    print(f"  peak memory:       {memory:,.0f} MB (ru_maxrss of the largest build so far)")
    event_1x = (our_site / EVENT_PAGE).stat().st_size
    _, plain_pages = site_report("Plain build (MkDocs + Material)", plain / "site", plain_times)
    print(f"  CPU time:          {statistics.median(p[1] for _, p in pairs):.2f} s median (build and its programs)")
    if plain_pages != our_pages:
        print(f"  NOTE: the plain site has {plain_pages} pages, ours {our_pages} ({pages} written)")
    for which, name, target in ((0, "wall", TARGET_RATIO), (1, "CPU", TARGET_CPU_RATIO)):
        ratio, low, high = paired_ratio(pairs, which)
        print(
            f"{name} time ratio ours/plain: {ratio:.2f} median of {len(pairs)} pairs taken in turn "
            f"(spread {low:.2f}–{high:.2f}; target ≤ {target})"
        )
        measured = f"{ratio:.2f} ({low:.2f}–{high:.2f})"
        targets.append((f"{name} time ratio ours/plain ≤ {target}", measured, ratio <= target))
    print()
    stage_report(ours / "project" / "mkdocs.yml", our_site)
    print()
    small_search = search_report("Search at 1× (Chromium)", our_site)

    if not skip_4x:
        print()
        big = work / "ours-4x"
        counts = make_corpus(big / "project", size * 4)
        print(
            f"Corpus (size {size * 4:g}): +{counts['parties']} parties, +{counts['events']} events, "
            f"+{counts['materials']} materials ({counts['pdfs']} with a PDF)"
        )
        warm_up, times = timed(big / "project" / "mkdocs.yml", big / "site", runs, fewer_when_slow=True)
        big_median, _ = site_report("Our build at 4× the corpus", big / "site", times, warm_up)
        print(f"  peak memory:       {peak_memory_mb():,.0f} MB (ru_maxrss of the largest build so far)")
        scaling = big_median / our_median
        print(f"scaling ratio (time 4× / time 1×): {scaling:.2f} (target ≤ {TARGET_SCALING})")
        event_4x = (big / "site" / EVENT_PAGE).stat().st_size
        page_ratio = event_4x / event_1x
        low, high = TARGET_EVENT_PAGE
        print(
            f"Event page {EVENT_PAGE}: 1× {kb(event_1x)}, 4× {kb(event_4x)}, "
            f"ratio {page_ratio:.3f} (target {low}–{high})"
        )
        targets.append((f"scaling ratio 4×/1× ≤ {TARGET_SCALING}", f"{scaling:.2f}", scaling <= TARGET_SCALING))
        print()
        big_search = search_report("Search at 4× (Chromium)", big / "site")
        targets += search_targets(small_search, big_search)
        targets.append((f"event page size ratio 4×/1× in {low}–{high}", f"{page_ratio:.3f}", low <= page_ratio <= high))

    targets.append(
        ("YAML files read once", f"{calls} reads, {distinct} distinct, {on_disk} files", calls == distinct == on_disk)
    )
    targets.append(("libyaml C loader in use", loader, with_libyaml and loader.startswith("C")))
    targets.append(("peak memory of our 1× build (no target)", f"{memory:,.0f} MB", None))
    return targets


def machine_facts() -> None:
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    print(f"Machine: {platform.platform()}; Python {platform.python_version()}; {os.cpu_count()} CPUs; load {load}")


def print_targets(targets: Sequence[tuple[str, str, bool | None]]) -> None:
    print()
    print("Targets")
    width = max(len(name) for name, _, _ in targets)
    measured_width = max(len(measured) for _, measured, _ in targets)
    for name, measured, ok in targets:
        print(f"  {name:<{width}}  {measured:<{measured_width}}  {verdict(ok)}")


def positive_float(text: str) -> float:
    value = float(text)
    if value <= 0:
        raise argparse.ArgumentTypeError(f"must be above 0, not {text}")
    return value


def positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {text}")
    return value


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.bench", description=__doc__)
    parser.add_argument("--size", type=positive_float, default=1.0, help="corpus size; 1.0 ≈ 1,000 generated pages")
    parser.add_argument("--runs", type=positive_int, default=5, help="timed builds per site after one warm-up")
    parser.add_argument("--skip-4x", action="store_true", help="leave out the 4× scaling run")
    parser.add_argument("--work", type=Path, help="folder for corpora and sites (kept); default a temporary folder")
    args = parser.parse_args(argv)

    machine_facts()
    work = args.work.resolve() if args.work else Path(tempfile.mkdtemp(prefix="vidensportal-bench-"))
    for part in ("ours-1x", "ours-4x", "plain"):
        shutil.rmtree(work / part, ignore_errors=True)
    work.mkdir(parents=True, exist_ok=True)
    try:
        targets = run(work, args.size, args.runs, args.skip_4x)
    except BuildFailed as error:
        print(error, file=sys.stderr)
        return 1
    finally:
        clear_set_aside(work)
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)
    print_targets(targets)
    return 0


if __name__ == "__main__":
    sys.exit(main())
