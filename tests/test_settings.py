"""mkdocs.yml's extra: is validated by the engine's SiteSettings, with Danish messages naming the key."""

from __future__ import annotations

import pytest

from vidensportal.settings import read_settings

GOOD = {"klassifikation": "intern", "max_filstørrelse_mb": 25, "cpr_tilladte": [], "generator": False}


def test_the_shipped_settings_are_valid():
    """The settings as shipped give a SiteSettings and no problem."""
    settings, problems = read_settings(GOOD, use_directory_urls=True)
    assert not problems, [str(p) for p in problems]
    assert settings.classification == "intern" and settings.max_file_bytes == 25_000_000


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"klassifikation": "hemmelig"}, "extra → klassifikation"),
        ({"max_filstørrelse_mb": -1}, "extra → max_filstørrelse_mb"),
        ({"max_filstørrelse_mb": "stor"}, "extra → max_filstørrelse_mb"),
        ({"cpr_tilladte": [101901234]}, "extra → cpr_tilladte → nr. 1"),
        ({"klasifikation": "intern"}, "extra → klasifikation"),
    ],
)
def test_a_bad_setting_names_mkdocs_yml_and_the_key(change, expected):
    """Each bad setting is one problem that names mkdocs.yml and the key under extra:."""
    settings, problems = read_settings({**GOOD, **change}, use_directory_urls=True)
    lines = [str(p) for p in problems]
    assert settings is None and len(lines) == 1, lines
    assert lines[0].startswith("mkdocs.yml") and expected in lines[0], lines


def test_all_bad_settings_are_reported_in_one_round():
    """Several mistakes at once are all reported, with use_directory_urls: false among them."""
    bad = {**GOOD, "klassifikation": "x", "max_filstørrelse_mb": 0}
    _, problems = read_settings(bad, use_directory_urls=False)
    assert len(problems) == 3, [str(p) for p in problems]


def test_classification_is_read_whatever_its_case():
    """'Intern' is read as 'intern', as before the settings had a model."""
    settings, problems = read_settings({**GOOD, "klassifikation": "Intern"}, use_directory_urls=True)
    assert not problems and settings.classification == "intern", [str(p) for p in problems]


def test_negative_control_materials_own_keys_pass_through():
    """Negative control: keys that Material reads itself under extra: are not reported as unknown."""
    _, problems = read_settings({**GOOD, "social": [], "analytics": None}, use_directory_urls=True)
    assert not problems, [str(p) for p in problems]
