"""Build-time benchmark: the site on a synthetic corpus against a plain MkDocs + Material site."""

from __future__ import annotations

import argparse
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
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import yaml

from tools.make_example_pdf import write_pdf
from tools.project import ROOT, copy_project

SOURCE_DATE_EPOCH = 1_780_272_000  # 2026-06-01 00:00 UTC: events before it are held, after it planned
TODAY = datetime.fromtimestamp(SOURCE_DATE_EPOCH, UTC).date()
BUILD_ENV = {"NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": str(SOURCE_DATE_EPOCH)}

# At --size 1.0: about 1,000 generated pages.
BASE_PARTIES, BASE_EVENTS, BASE_MATERIALS = 40, 300, 700
FIRST_DAY, LAST_DAY = date(2024, 1, 1), date(2027, 12, 31)
EVENT_PAGE = "seminarer/2026-03-12-eksempel-rekruttering/index.html"
SLOW_BUILD_SECONDS = 60

TARGET_RATIO = 1.25
TARGET_SCALING = 4.4
TARGET_EVENT_PAGE = (0.9, 1.1)

_VOCABULARY = (
    "rekruttering forebyggelse bandemiljøet samarbejde indsats ungdomsklub opsøgende socialrådgiver politikreds "
    "netværk exitforløb familie skole boligområde tryghed kriminalitet dialog myndighed kortlægning erfaring metode "
    "aktivering beskæftigelse uddannelse mentor konflikt mægling rådgivning bekymring underretning tværfaglig "
    "koordinering vidensdeling analyse evaluering praksis forældre fritidsjob gadeplan nærmiljø sagsbehandler "
    "handleplan opfølgning risikovurdering beskyttelse støtte fællesskab værested idræt lokalpoliti efterforskning "
    "strategi målgruppe resultat udfordring løsning tilbud kontakt relation tillid læring kvalitet brobygning "
    "forløb inddragelse pårørende sårbarhed ressourcer ansvar overblik gruppering loyalitet omdømme økonomi "
    "hvidvask våben narkotika bydel ungdomsskole sundhedspleje fængsel løsladelse afsoning anbringelse "
    "kriminalforsorg tidlig sporskifte motivation selvstændighed bolig gæld misbrug behandling"
)
WORDS = _VOCABULARY.split()
PLACES = ("Rådhuset", "Politigården", "Nørrebro Bibliotek", "Valby Kulturhus", "Amager Bio", "Sydhavn Medborgerhus")
ROLES = ("Oplægsholder", "Facilitator", "Analytiker", "Konsulent", "Leder")


class BuildFailed(Exception):
    """A build that did not exit 0; the message is what to print."""


# --- the synthetic corpus ---------------------------------------------------------------------------------------


def _sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.sample(WORDS, words))
    return text[0].upper() + text[1:] + "."


def _paragraph(rng: random.Random, sentences: int) -> str:
    return " ".join(_sentence(rng, rng.randint(6, 12)) for _ in range(sentences))


def _title(rng: random.Random) -> str:
    first, second, third = rng.sample(WORDS, 3)
    return f"{first.capitalize()} og {second} i arbejdet med {third}"


def _day(index: int, count: int, rng: random.Random) -> date:
    """Days spread evenly over FIRST_DAY..LAST_DAY, a little jitter on each."""
    span = (LAST_DAY - FIRST_DAY).days
    offset = min(span, index * span // max(count, 1) + rng.randint(0, 3))
    return FIRST_DAY + timedelta(days=offset)


def _dump(value: object) -> str:
    return yaml.safe_dump(value, allow_unicode=True, sort_keys=False, width=100)


def _load(path: Path) -> object:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _parties(data: Path, count: int, tracks: list[str], rng: random.Random) -> list[dict]:
    """`count` new parties under the existing authorities and forvaltninger (or an existing party)."""
    organisation = _load(data / "organisation.yml")
    shipped = _load(data / "parter.yml")
    authorities = [a["id"] for a in organisation["myndigheder"]]
    parents = {
        authority: [d["id"] for d in organisation.get("forvaltninger", []) if d["myndighed"] == authority]
        or [p["id"] for p in shipped if p["myndighed"] == authority and not p.get("forælder")]
        for authority in authorities
    }
    parties = []
    for number in range(1, count + 1):
        authority = authorities[number % len(authorities)]
        party = {
            "id": f"bench-enhed-{number}",
            "navn": f"{rng.choice(WORDS).capitalize()}enheden {number}",
            "myndighed": authority,
        }
        if number % 3:
            party["forkortelse"] = f"BE{number}"
        if parents[authority]:
            party["forælder"] = rng.choice(parents[authority])
        party["rolle"] = _sentence(rng, 10)
        party["spor"] = rng.sample(tracks, rng.randint(1, 2))
        party["tiltrådt"] = "ultimo 2019"
        party["beskrivelse"] = _paragraph(rng, 2)
        parties.append(party)
    return parties


def _event(day: date, party_ids: list[str], tracks: list[str], number: int, rng: random.Random) -> dict:
    organisers = rng.sample(party_ids, rng.randint(1, 2))
    status = "aflyst" if number % 25 == 0 else ("afholdt" if day < TODAY else "planlagt")
    event = {
        "titel": _title(rng),
        "type": "vidensseminar" if number % 3 else "netværksmøde",
        "dato": day.isoformat(),
        "start": "13:00",
        "slut": "15:30",
        "sted": rng.choice(PLACES),
        "status": status,
        "spor": rng.sample(tracks, rng.randint(1, 2)),
        "arrangører": organisers,
        "målgruppe": _sentence(rng, 8),
        "klassifikation": "intern",
        "beskrivelse": _paragraph(rng, 3),
        "program": [
            {
                "tid": "13:00",
                "titel": "Velkomst og " + rng.choice(WORDS),
                "oplægsholdere": [{"rolle": "Facilitator", "part": organisers[0]}],
            },
            {
                "tid": "13:30",
                "titel": _title(rng),
                "oplægsholdere": [{"rolle": rng.choice(ROLES), "part": rng.choice(party_ids)}],
            },
        ],
    }
    if status == "afholdt":
        event["resumé"] = _paragraph(rng, 2)
    return event


def _material(number: int, day: date, docs: Path, party_ids, tracks, rng: random.Random) -> tuple[dict, bool]:
    """A standalone material: every other one a small PDF in docs/materialer/, the rest a link."""
    title = _title(rng)
    material: dict = {"titel": title}
    with_file = number % 2 == 1
    if with_file:
        material["type"] = rng.choice(("oplæg", "rapport", "notat"))
        name = f"materialer/bench-{number}.pdf"
        write_pdf(docs / name, title, [_paragraph(rng, 3), _paragraph(rng, 2)])
        material["fil"] = name
    else:
        material["type"] = "link"
        material["link"] = f"https://videnbase.example.dk/materialer/bench-{number}"
    material["dato"] = day.isoformat()
    material["spor"] = rng.sample(tracks, rng.randint(1, 2))
    material["parter"] = rng.sample(party_ids, rng.randint(1, 2))
    material["klassifikation"] = "intern"
    return material, with_file


def make_corpus(target: Path, size: float, seed: int = 2026) -> dict[str, int]:
    """A copy of the project in `target` with synthetic parties, events and materials added at `size`."""
    rng = random.Random(seed)  # noqa: S311 -- reproducible synthetic text, not security
    copy_project(target)
    data, docs = target / "data", target / "docs"
    tracks = [t["id"] for t in _load(data / "spor.yml")]
    counts = {
        "parties": round(BASE_PARTIES * size),
        "events": round(BASE_EVENTS * size),
        "materials": round(BASE_MATERIALS * size),
    }
    parties = _parties(data, counts["parties"], tracks, rng)
    if parties:  # an empty list would append '[]' to the shipped list and break the file
        with (data / "parter.yml").open("a", encoding="utf-8") as out:
            out.write("\n# --- Syntetiske enheder til tools/bench.py ---\n" + _dump(parties))
    party_ids = [p["id"] for p in _load(data / "parter.yml")]
    for number in range(1, counts["events"] + 1):
        day = _day(number - 1, counts["events"], rng)
        event = _event(day, party_ids, tracks, number, rng)
        (data / "seminarer" / f"{day.isoformat()}-bench-{number}.yml").write_text(_dump(event), encoding="utf-8")
    counts["pdfs"] = 0
    for number in range(1, counts["materials"] + 1):
        day = _day(number - 1, counts["materials"], rng)
        material, with_file = _material(number, day, docs, party_ids, tracks, rng)
        counts["pdfs"] += with_file
        (data / "materialer" / f"bench-{number}.yml").write_text(_dump(material), encoding="utf-8")
    return counts


# --- the plain baseline ---------------------------------------------------------------------------------------


class _AnyTagLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without mkdocs: tags such as !ENV become None."""


_AnyTagLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


def _nav_paths(nav: object) -> list[str]:
    if isinstance(nav, str):
        return [nav]
    if isinstance(nav, dict):
        return [p for value in nav.values() for p in _nav_paths(value)]
    if isinstance(nav, list):
        return [p for item in nav for p in _nav_paths(item)]
    return []


def _page_dir(markdown: str) -> str:
    """The folder of a Markdown page's index.html with directory URLs: '' for index.md, 'parter' for both forms."""
    stem = markdown[: -len(".md")]
    return stem[: -len("index")].rstrip("/") if stem == "index" or stem.endswith("/index") else stem


def built_pages(site: Path) -> list[Path]:
    """Every page of a built site: its index.html files."""
    return sorted(site.rglob("index.html"))


def make_plain(target: Path, our_site: Path, rng: random.Random) -> int:
    """A plain MkDocs + Material project with one small static page per page of `our_site`, in the same folders."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_AnyTagLoader)  # noqa: S506
    nav_pages = {_page_dir(p): p for p in _nav_paths(config["nav"])}
    # The same theme settings, Markdown extensions and static assets as ours, so the ratio measures what
    # our engine and our richer pages cost, not Material features that both sites would switch on.
    theme = {key: value for key, value in config["theme"].items() if key != "custom_dir"}
    plain = {
        "site_name": "Plain MkDocs + Material",
        "theme": theme,
        "markdown_extensions": config.get("markdown_extensions", []),
        "extra_css": config.get("extra_css", []),
        "extra_javascript": config.get("extra_javascript", []),
        "plugins": [{"search": {"lang": "da"}}, "tags"],
        "nav": config["nav"],
        "not_in_nav": config.get("not_in_nav", ""),
    }
    docs = target / "docs"
    docs.mkdir(parents=True)
    shutil.copytree(ROOT / "docs" / "assets", docs / "assets")
    (target / "mkdocs.yml").write_text(_dump(plain), encoding="utf-8")
    tags = [w.capitalize() for w in rng.sample(WORDS, 12)]
    pages = built_pages(our_site)
    for page in pages:
        folder = page.parent.relative_to(our_site).as_posix()
        folder = "" if folder == "." else folder
        markdown = nav_pages.get(folder) or f"{folder}.md"
        title = _title(rng)
        facts = "\n".join(f"- **{rng.choice(WORDS).capitalize()}:** {_sentence(rng, 3)}" for _ in range(4))
        body = f"---\ntitle: {title}\ntags:\n" + "".join(f"  - {t}\n" for t in rng.sample(tags, 3)) + "---\n\n"
        body += f"# {title}\n\n{facts}\n\n{_paragraph(rng, 4)}\n"
        if markdown == "tags.md":
            body += "\n<!-- material/tags -->\n"
        path = docs / markdown
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(body, encoding="utf-8")
    return len(pages)


# --- building and measuring -----------------------------------------------------------------------------------


def build(config: Path, site: Path) -> float:
    """One strict, quiet build of `config` into a fresh `site`; the wall time in seconds."""
    shutil.rmtree(site, ignore_errors=True)
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(config), "-d", str(site)]
    start = time.perf_counter()
    result = subprocess.run(
        command, cwd=config.parent, env={**os.environ, **BUILD_ENV}, capture_output=True, text=True, check=False
    )
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        tail = "\n".join((result.stdout + result.stderr).splitlines()[-40:])
        raise BuildFailed(f"FAILED: {' '.join(command)} (exit {result.returncode})\n{tail}")
    return seconds


def timed(config: Path, site: Path, runs: int, fewer_when_slow: bool = False) -> tuple[float, list[float]]:
    """One warm-up build, then `runs` timed ones (2 at most when a build takes over a minute and that is allowed)."""
    warm_up = build(config, site)
    if fewer_when_slow and warm_up > SLOW_BUILD_SECONDS:
        runs = min(runs, 2)
    return warm_up, [build(config, site) for _ in range(runs)]


def interleaved(first: tuple[Path, Path], second: tuple[Path, Path], runs: int) -> tuple[list[float], list[float]]:
    """`runs` timed builds of each of two (config, site) pairs, taken in turn after one warm-up of each.

    Taking them in turn gives both sites the same share of a shared machine's quiet and busy spells, so
    their ratio is not skewed by load that changes during the benchmark.
    """
    build(*first)
    build(*second)
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(runs):
        times[0].append(build(*first))
        times[1].append(build(*second))
    return times
def kb(size: int) -> str:
    return f"{size / 1024:,.1f} KB"


def site_report(name: str, site: Path, times: list[float], warm_up: float | None = None) -> tuple[float, int]:
    """Print a build's figures; return its median and page count."""
    median = statistics.median(times)
    pages = built_pages(site)
    largest = max(pages, key=lambda p: p.stat().st_size)
    index = site / "search" / "search_index.json"
    runs = ", ".join(f"{t:.2f}" for t in times)
    print(f"{name}")
    extra = f"; warm-up {warm_up:.2f} s" if warm_up is not None else ""
    print(f"  build time:        {median:.2f} s median of {len(times)} ({runs} s{extra})")
    print(f"  pages:             {len(pages)}  ({len(pages) / median:,.0f} pages per second)")
    print(f"  largest page:      {kb(largest.stat().st_size)}  {largest.relative_to(site).as_posix()}")
    print(f"  search_index.json: {kb(index.stat().st_size) if index.is_file() else 'missing'}")
    return median, len(pages)


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


# --- the run ----------------------------------------------------------------------------------------------------


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
    our_times, plain_times = interleaved(
        (ours / "project" / "mkdocs.yml", our_site), (plain / "project" / "mkdocs.yml", plain / "site"), runs
    )
    our_median, our_pages = site_report("Our build (Vidensportalen)", our_site, our_times)
    memory = peak_memory_mb()
    print(f"  peak memory:       {memory:,.0f} MB (ru_maxrss of the largest build so far)")
    event_1x = (our_site / EVENT_PAGE).stat().st_size
    plain_median, plain_pages = site_report("Plain build (MkDocs + Material)", plain / "site", plain_times)
    if plain_pages != our_pages:
        print(f"  NOTE: the plain site has {plain_pages} pages, ours {our_pages} ({pages} written)")
    ratio = our_median / plain_median
    print(f"Build time ratio (ours / plain median, builds taken in turn): {ratio:.2f} (target ≤ {TARGET_RATIO})")
    targets.append((f"build time ratio ours/plain ≤ {TARGET_RATIO}", f"{ratio:.2f}", ratio <= TARGET_RATIO))

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
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)
    print_targets(targets)
    return 0


if __name__ == "__main__":
    sys.exit(main())
