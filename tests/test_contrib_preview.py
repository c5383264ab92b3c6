"""make serve shows the problem: a failed rebuild puts the Danish errors in the browser, and the site comes back
by itself when the file is fixed."""

from __future__ import annotations

import pytest

from vidensportal.preview import BUILD_FAILED, BUILD_OK, STATUS_PATH, error_page

from .support import http_get, serving, wait_for_text

SEMINAR = "data/seminarer/2027-01-14-eksempel-netvaerksmoede.yml"


@pytest.mark.slow
def test_a_failed_rebuild_shows_the_error_and_the_site_comes_back(project):
    """Break a data file under mkdocs serve: every page shows the Danish error with file and line; fix it: the site."""
    with serving(project) as base:
        _break_and_fix(project, base)


def _break_and_fix(project, base):
    status, page = http_get(base + "/parter/")
    assert status == 200 and "<title>Parter" in page, "negative control: the site is served before the break"
    seminar = project / SEMINAR
    original = seminar.read_text(encoding="utf-8")
    seminar.write_text(original.replace("klassifikation: intern", "klassifikation:"), encoding="utf-8")
    wait_for_text(base + STATUS_PATH, BUILD_FAILED)
    for path in ("/parter/", "/", "/seminarer/2027-01-14-eksempel-netvaerksmoede/"):
        status, page = http_get(base + path)  # answers at once: no reload left hanging on the failed build
        assert status == 500 and "Portalen kan ikke bygges" in page, f"{path}: {status}\n{page[:300]}"
        assert f"{SEMINAR}, linje " in page and "klassifikation" in page, page
        assert "Traceback" not in page and "http" not in page.replace("http://127.0.0.1", ""), page
    seminar.write_text(original, encoding="utf-8")
    wait_for_text(base + STATUS_PATH, BUILD_OK)
    status, page = http_get(base + "/parter/")
    assert status == 200 and "<title>Parter" in page and "Portalen kan ikke bygges" not in page, page[:300]


@pytest.mark.slow
def test_the_same_mistake_twice_under_one_serve_shows_the_error_twice(project):
    """mkdocs logs a message once per process: the second time the same mistake is made, the browser still shows
    the Danish error with file and line, not 'Aborted with a BuildError!'."""
    with serving(project) as base:
        _break_and_fix(project, base)
        _break_and_fix(project, base)


@pytest.mark.slow
def test_make_serve_starts_on_a_broken_file_and_shows_the_error(project):
    """Started on a broken file, mkdocs serve does not stop: it shows the error, and the site once it is fixed."""
    seminar = project / SEMINAR
    original = seminar.read_text(encoding="utf-8")
    seminar.write_text(original.replace("klassifikation: intern", "klassifikation:"), encoding="utf-8")
    with serving(project, first=BUILD_FAILED) as base:
        status, page = http_get(base + "/parter/")
        assert status == 500 and f"{SEMINAR}, linje " in page, f"{status}\n{page[:500]}"
        seminar.write_text(original, encoding="utf-8")
        wait_for_text(base + STATUS_PATH, BUILD_OK)
        status, page = http_get(base + "/parter/")
        assert status == 200 and "<title>Parter" in page, page[:300]


def test_the_error_page_escapes_the_report_and_loads_nothing_from_outside():
    """The error page shows the report as text (escaped), polls only the local status address, and links nowhere."""
    page = error_page("data/x.yml, linje 3: <script>alert(1)</script>")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "<script>alert(1)" not in page, page
    assert STATUS_PATH in page and "://" not in page, "the error page must not load anything from another host"


def test_preview_state_follows_the_rebuilds():
    """A failed rebuild is noted, not raised; pages then get the error page, other files and the status pass on."""
    import logging

    from vidensportal.preview import PreviewState

    state, logger = PreviewState(), logging.getLogger("vidensportalen-test")
    passed_on = []

    def site(environ, start_response):
        passed_on.append(environ["PATH_INFO"])
        start_response("200 OK", [])
        return [b"site"]

    def call(path):
        answer = []
        body = state.app(site)({"PATH_INFO": path}, lambda status, headers: answer.append(status))
        return answer[0], b"".join(body).decode()

    def failing():
        logger.error("data/x.yml, linje 2: feltet mangler. Tilføj linjen 'titel: …' med en tekst.")
        raise RuntimeError("Aborted with a BuildError!")

    assert call("/parter/") == ("200 OK", "site"), "negative control: before a failure the site is served"
    state.reporting(failing, logger)()
    assert call(STATUS_PATH)[1] == BUILD_FAILED
    for path in ("/parter/", "/", "/seminarer/x/index.html", "/aftalen"):
        status, page = call(path)
        assert status.startswith("500") and "data/x.yml, linje 2" in page and "BuildError" not in page, (path, page)
    assert call("/assets/vidensportal.css")[0].startswith("500"), "nothing of a failed build's site is served"
    assert call("/livereload/1/2") == ("200 OK", "site"), "the reload poll of an open page passes on"
    state.reporting(lambda: None, logger)()
    assert call(STATUS_PATH)[1] == BUILD_OK and call("/parter/") == ("200 OK", "site")


def test_a_mistake_repeated_is_shown_again():
    """A builder that logs a message once per process still gets the same Danish error on the second failure."""
    import logging

    from vidensportal.preview import PreviewState

    logger = logging.getLogger("vidensportalen-test-repeat")
    seen: set[str] = set()
    logger.addFilter(lambda record: not (record.msg in seen or seen.add(record.msg)))  # as mkdocs' DuplicateFilter
    state, danish = PreviewState(), "data/x.yml, linje 2: feltet 'titel' mangler. Tilføj linjen 'titel: …'."
    shown = []
    handler = logging.Handler(logging.ERROR)
    handler.emit = lambda record: shown.append(record.getMessage())
    logger.addHandler(handler)

    def failing():
        try:
            logger.error(danish)
            raise ValueError(danish)
        except ValueError:
            raise RuntimeError("Aborted with a BuildError!") from None

    try:
        state.reporting(failing, logger)()
        assert state.report == danish, f"negative control: the first failure is shown: {state.report!r}"
        state.reporting(failing, logger)()
        assert state.report == danish, f"the repeated mistake must be shown again: {state.report!r}"
        assert shown.count(danish) >= 1 and "BuildError" not in state.report, shown
    finally:
        logger.removeHandler(handler)
