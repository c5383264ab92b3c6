"""In a browser under make serve: an open page turns into the Danish error page when a rebuild fails, and back into
the site by itself when the file is fixed, without the reader touching the page."""

from __future__ import annotations

import pytest

from ..support import serving

SEMINAR = "data/seminarer/2027-01-14-eksempel-netvaerksmoede.yml"


@pytest.mark.slow
def test_an_open_tab_shows_the_error_and_comes_back_by_itself(project, visit):
    """The open tab follows the build: error page with file and line on a break, the site again on the fix."""
    with serving(project) as base:
        page = visit.page
        page.goto(f"{base}/parter/")
        assert "Parter" in page.title(), "negative control: the site is shown before the break"
        seminar = project / SEMINAR
        original = seminar.read_text(encoding="utf-8")
        seminar.write_text(original.replace("klassifikation: intern", "klassifikation:"), encoding="utf-8")
        page.wait_for_selector("text=Portalen kan ikke bygges", timeout=90_000)
        assert f"{SEMINAR}, linje" in page.inner_text("#fejl"), page.inner_text("body")
        seminar.write_text(original, encoding="utf-8")
        page.wait_for_function("() => document.title.startsWith('Parter')", timeout=90_000)
        assert not visit.outside, f"requests that left 127.0.0.1: {visit.outside}"
