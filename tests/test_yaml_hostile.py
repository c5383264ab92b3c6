"""Hostile YAML gets one Danish line with file and line within a second: no traceback, no hang."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from vidensportal.catalog import load_catalog
from vidensportal.data.yamlfile import MAX_BYTES, MAX_DEPTH, front_matter_problems, read_yaml
from vidensportal.errors import DataError

from .support import ROOT

DEEP_BLOCK = "".join(" " * i + f"k{i}:\n" for i in range(60)) + " " * 60 + "x: 1\n"
BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]\n" for i in range(9)
)

# (text or bytes, the line named, words the message must contain)
HOSTILE = {
    "alias bomb (billion laughs)": (BOMB, 1, "ankre"),
    "a single alias": ("titel: &t Oplæg\nbeskrivelse: *t\n", 1, "ankre"),
    "deeply nested flow value": ("a: " + "[" * 100_000 + "]" * 100_000 + "\n", 1, "niveauer"),
    "deeply nested block value": (DEEP_BLOCK, MAX_DEPTH + 1, "niveauer"),
    "a list as a key": ("[a, b]: x\n", 1, "feltnavn"),
    "a map as a key": ("? {a: 1}\n: x\n", 1, "feltnavn"),
    "explicit timestamp tag": ("dato: !!timestamp 2026-02-30\n", 1, "'!!timestamp'"),
    "explicit int tag on text": ("nummer: !!int abc\n", 1, "'!!int'"),
    "explicit str tag": ("titel: !!str 2026\n", 1, "'!!str'"),
    "merge key": ("base: {a: 1}\npost:\n  <<: {a: 2}\n", 3, "'<<'"),
    "python object tag": ("x: !!python/object/apply:os.system ['ls']\n", 1, "'!!python/object/apply:os.system'"),
    "python name tag": ("x: !!python/name:os.system\n", 1, "typeangivelsen"),
    "binary tag": ("x: !!binary aGVq\n", 1, "'!!binary'"),
    "set tag": ("x: !!set {a, b}\n", 1, "'!!set'"),
    "omap tag": ("x: !!omap [a: 1]\n", 1, "'!!omap'"),
    "local tag": ("x: !vigtigt tekst\n", 1, "'!vigtigt'"),
    "undefined tag handle": ("x: !e!tag y\n", 1, "'!'"),
    "tagged mapping": ("x: !!map {a: 1}\n", 1, "'!!map'"),
    "two documents": ("titel: a\n---\ntitel: b\n", 2, "'---'"),
    "YAML directive": ("%YAML 1.1\n---\ntitel: a\n", 1, "direktiver"),
    "TAG directive": ("%TAG !e! tag:example.com,2000:\n---\ntitel: a\n", 1, "direktiver"),
    "a null byte": ("titel: a\x00b\n", 1, "U+0000"),
    "a control character": ("titel: ok\nsted: a\x07b\n", 2, "U+0007"),
    "a byte order mark inside": ("titel: a\n\ufeffsted: b\n", 2, "U+FEFF"),
    "a null byte via an escape": ('titel: "a\\0b"\n', 1, "U+0000"),
    "an escape for a control character": ('titel: "a\\x1bb"\n', 1, "U+001B"),
    "a lone surrogate via an escape": ('titel: "\\ud800"\n', 1, "skråstreg"),
    "a key twice": ("titel: a\nsted: b\ntitel: c\n", 3, "to gange"),
    "a number too long to read": ("nummer: " + "9" * 5000 + "\n", 1, "for langt"),
    "not UTF-8": ("titel: ok\nsted: Ø\n".encode("latin-1"), 2, "UTF-8"),
    "UTF-16": ("titel: ok\n".encode("utf-16"), 1, "UTF-8"),
    "only a document marker": ("---\n", None, "tom"),
    "only an explicit null": ("~\n", None, "tom"),
    "a huge file": ("- x\n" * (MAX_BYTES // 4 + 10), None, "MB"),
}


def _read(tmp_path: Path, content: str | bytes):
    path = tmp_path / "fil.yml"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    started = time.perf_counter()
    try:
        read_yaml(path, Path("data/fil.yml"))
    except DataError as error:
        return error.problems, time.perf_counter() - started
    return [], time.perf_counter() - started


@pytest.mark.parametrize("case", list(HOSTILE))
def test_hostile_yaml_gives_one_danish_line_within_a_second(tmp_path, case):
    """Each hostile shape gives exactly one Danish line naming the file (and the line), in well under a second."""
    content, line, words = HOSTILE[case]
    problems, seconds = _read(tmp_path, content)
    assert len(problems) == 1, f"{case}: expected one problem, got {[str(p) for p in problems]}"
    problem = problems[0]
    assert str(problem).startswith("data/fil.yml"), str(problem)
    assert line is None or problem.line == line, f"{case}: line {problem.line}, expected {line}: {problem}"
    assert words in problem.message, f"{case}: {words!r} missing from: {problem}"
    assert seconds < 1.0, f"{case}: took {seconds:.2f} s"


def test_negative_control_ordinary_yaml_is_read(tmp_path):
    """Negative control: text with '&', '*', '!', '<<' and '%' inside, quoted or mid-text, and a leading BOM, load."""
    text = '\ufefftitel: "Oplæg & debat *live*!"\nsted: Rum 3 & 4\nnote: "<< og %"\nbeskrivelse: 100% sikkert!\n'
    problems, _ = _read(tmp_path, text)
    assert not problems, [str(p) for p in problems]
    nested = "".join(" " * (2 * i) + f"k{i}:\n" for i in range(MAX_DEPTH - 1)) + " " * (2 * MAX_DEPTH) + "x: 1\n"
    problems, _ = _read(tmp_path, nested)
    assert not problems, "nesting below the limit must load: " + str([str(p) for p in problems])


def test_a_bomb_in_a_seminar_stops_the_catalog_fast_and_cleanly(tmp_path):
    """An alias bomb dropped into data/seminarer/ fails loading the whole catalog in a subprocess within seconds."""
    from tools.project import copy_project

    project = copy_project(tmp_path / "projekt")
    (project / "data/seminarer/2026-04-01-bombe.yml").write_text(BOMB, encoding="utf-8")
    script = "import sys, pathlib\nimport vidensportal.catalog as c\nc.load_catalog(pathlib.Path(sys.argv[1]))"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    started = time.perf_counter()
    command = [sys.executable, "-c", script, str(project / "data")]
    result = subprocess.run(command, capture_output=True, text=True, timeout=60, env=env, check=False)
    seconds = time.perf_counter() - started
    assert result.returncode != 0 and "DataError" in result.stderr, result.stderr[-2000:]
    assert "data/seminarer/2026-04-01-bombe.yml, linje 1" in result.stderr, result.stderr[-2000:]
    assert seconds < 10, f"loading took {seconds:.1f} s"
    with pytest.raises(DataError):
        load_catalog(project / "data")


def test_hostile_front_matter_in_a_page_gives_one_danish_line(tmp_path):
    """A page's front matter is read with the same limits: an alias bomb or a bad tag is one line with page and line."""
    page = tmp_path / "side.md"
    cases = {BOMB: 2, "titel: !!python/name:os.system\n": 2, "titel: x\ntags: [a, b\n": 3, "titel: Side\n": None}
    for front, line in cases.items():
        page.write_text(f"---\n{front}---\n# Side\n", encoding="utf-8")
        started = time.perf_counter()
        problems = front_matter_problems(page, Path("docs/side.md"))
        assert time.perf_counter() - started < 1.0
        if line is None:
            assert not problems, "negative control: ordinary front matter is fine: " + str([str(p) for p in problems])
            continue
        assert len(problems) == 1 and problems[0].line == line, [str(p) for p in problems]
        assert str(problems[0]).startswith("docs/side.md, linje") and "front matter" in str(problems[0])


@pytest.mark.slow
def test_an_alias_bomb_in_a_page_stops_the_build_fast(tmp_path):
    """The build stops on an alias bomb in a page's front matter with one Danish line, instead of hanging."""
    from tools.project import copy_project

    from .support import run_build

    project = copy_project(tmp_path / "projekt")
    page = project / "docs/aftalen.md"
    text = page.read_text(encoding="utf-8")
    page.write_text("---\n" + BOMB + text.removeprefix("---\n"), encoding="utf-8")
    result = run_build(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode == 1 and "Traceback" not in output, output[-3000:]
    assert "docs/aftalen.md, linje 2: front matter" in output, output[-3000:]


def test_a_folder_named_like_a_data_file_is_a_danish_line(tmp_path):
    """A folder named x.yml (or a file that cannot be read) gives one Danish line, not a traceback."""
    folder = tmp_path / "fil.yml"
    folder.mkdir()
    with pytest.raises(DataError) as caught:
        read_yaml(folder, Path("data/fil.yml"))
    assert [str(p) for p in caught.value.problems] == [
        "data/fil.yml: filen kan ikke læses. Tjek, at det er en fil (ikke en mappe), og at du har adgang til den."
    ]
