"""The synthetic corpus: a copy of the project with generated parties, events and materials at a given size."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import yaml

from tools.make_example_pdf import write_pdf
from tools.project import copy_project

SOURCE_DATE_EPOCH = 1_780_272_000  # 2026-06-01 00:00 UTC: events before it are held, after it planned
TODAY = datetime.fromtimestamp(SOURCE_DATE_EPOCH, UTC).date()
BUILD_ENV = {"NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": str(SOURCE_DATE_EPOCH)}

# At --size 1.0: about 1,000 generated pages.
BASE_PARTIES, BASE_EVENTS, BASE_MATERIALS = 40, 300, 700
FIRST_DAY, LAST_DAY = date(2024, 1, 1), date(2027, 12, 31)

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



def sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.sample(WORDS, words))
    return text[0].upper() + text[1:] + "."


def paragraph(rng: random.Random, sentences: int) -> str:
    return " ".join(sentence(rng, rng.randint(6, 12)) for _ in range(sentences))


def make_title(rng: random.Random) -> str:
    first, second, third = rng.sample(WORDS, 3)
    return f"{first.capitalize()} og {second} i arbejdet med {third}"


def _day(index: int, count: int, rng: random.Random) -> date:
    """Days spread evenly over FIRST_DAY..LAST_DAY, a little jitter on each."""
    span = (LAST_DAY - FIRST_DAY).days
    offset = min(span, index * span // max(count, 1) + rng.randint(0, 3))
    return FIRST_DAY + timedelta(days=offset)


def dump_yaml(value: object) -> str:
    return yaml.safe_dump(value, allow_unicode=True, sort_keys=False, width=100)


def _load(path: Path) -> object:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _parties(data: Path, count: int, tracks: list[str], rng: random.Random) -> list[dict]:
    """`count` new parties under the existing authorities and forvaltninger (or an existing party)."""
    organisation = _load(data / "organisation.yml")
    shipped = [_load(path) for path in sorted((data / "parter").glob("*.yml"))]
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
        party["rolle"] = sentence(rng, 10)
        party["spor"] = rng.sample(tracks, rng.randint(1, 2))
        party["tiltrådt"] = "ultimo 2019"
        party["beskrivelse"] = paragraph(rng, 2)
        parties.append(party)
    return parties


def _event(day: date, party_ids: list[str], tracks: list[str], number: int, rng: random.Random) -> dict:
    organisers = rng.sample(party_ids, rng.randint(1, 2))
    status = "aflyst" if number % 25 == 0 else ("afholdt" if day < TODAY else "planlagt")
    event = {
        "titel": make_title(rng),
        "type": "vidensseminar" if number % 3 else "netværksmøde",
        "dato": day.isoformat(),
        "start": "13:00",
        "slut": "15:30",
        "sted": rng.choice(PLACES),
        "status": status,
        "spor": rng.sample(tracks, rng.randint(1, 2)),
        "arrangører": organisers,
        "målgruppe": sentence(rng, 8),
        "klassifikation": "intern",
        "beskrivelse": paragraph(rng, 3),
        "program": [
            {
                "tid": "13:00",
                "titel": "Velkomst og " + rng.choice(WORDS),
                "oplægsholdere": [{"rolle": "Facilitator", "part": organisers[0]}],
            },
            {
                "tid": "13:30",
                "titel": make_title(rng),
                "oplægsholdere": [{"rolle": rng.choice(ROLES), "part": rng.choice(party_ids)}],
            },
        ],
    }
    if status == "afholdt":
        event["resumé"] = paragraph(rng, 2)
    return event


def _material(number: int, day: date, docs: Path, party_ids, tracks, rng: random.Random) -> tuple[dict, bool]:
    """A standalone material: every other one a small PDF in docs/materialer/, the rest a link."""
    title = make_title(rng)
    material: dict = {"titel": title}
    with_file = number % 2 == 1
    if with_file:
        material["type"] = rng.choice(("oplæg", "rapport", "notat"))
        name = f"materialer/bench-{number}.pdf"
        write_pdf(docs / name, title, [paragraph(rng, 3), paragraph(rng, 2)])
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
    tracks = [t["id"] for t in _load(data / "spor.yml")["spor"]]
    counts = {
        "parties": round(BASE_PARTIES * size),
        "events": round(BASE_EVENTS * size),
        "materials": round(BASE_MATERIALS * size),
    }
    parties = _parties(data, counts["parties"], tracks, rng)
    for party in parties:
        (data / "parter" / f"{party['id']}.yml").write_text(dump_yaml(party), encoding="utf-8")
    party_ids = sorted(path.stem for path in (data / "parter").glob("*.yml"))
    for number in range(1, counts["events"] + 1):
        day = _day(number - 1, counts["events"], rng)
        event = _event(day, party_ids, tracks, number, rng)
        (data / "seminarer" / f"{day.isoformat()}-bench-{number}.yml").write_text(dump_yaml(event), encoding="utf-8")
    counts["pdfs"] = 0
    for number in range(1, counts["materials"] + 1):
        day = _day(number - 1, counts["materials"], rng)
        material, with_file = _material(number, day, docs, party_ids, tracks, rng)
        counts["pdfs"] += with_file
        (data / "materialer" / f"bench-{number}.yml").write_text(dump_yaml(material), encoding="utf-8")
    return counts
