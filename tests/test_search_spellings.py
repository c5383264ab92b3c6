"""The index holds the spellings staff type: æ/ø/å as ae/oe/aa or a/o/a, and the parts of compound words."""

from __future__ import annotations

from vidensportal.search.page_facts import PageFacts
from vidensportal.search.searchable import SPELLINGS_MARK, article_of, searchable_html
from vidensportal.search.spellings import Spellings, compound_parts, extra_spellings, folded_spellings

VOCABULARY = {"rekruttering", "mønstre", "kriminalitet", "forebygge", "forebyggelse", "tryghed", "udfordringer"}


def test_a_danish_letter_is_typed_two_ways():
    """Følgegruppen is also found as foelgegruppen and folgegruppen, Nærpolitiet as naerpolitiet and narpolitiet."""
    assert folded_spellings("Følgegruppen") == ("foelgegruppen", "folgegruppen")
    assert folded_spellings("Nærpolitiet") == ("naerpolitiet", "narpolitiet")
    assert folded_spellings("Rådgivning") == ("raadgivning", "radgivning")


def test_negative_control_a_word_without_danish_letters_has_no_other_spelling():
    """Negative control: a plain word gets no extra spelling, so the index does not grow for nothing."""
    assert folded_spellings("Kriminalforsorgen") == ()


def test_a_compound_is_split_into_a_known_head_and_its_tail():
    """rekrutteringsmønstre → rekruttering + mønstre; kriminalitetstruede → kriminalitet + truede."""
    assert compound_parts("rekrutteringsmønstre", VOCABULARY) == ["rekruttering", "mønstre"]
    assert compound_parts("kriminalitetstruede", VOCABULARY) == ["kriminalitet", "truede"]
    assert "monstre" in extra_spellings("rekrutteringsmønstre", VOCABULARY)


def test_a_name_of_several_words_is_also_indexed_as_one_word():
    """Sikker By is found as sikkerby, with the name's weight; a one-word name gets nothing more (control)."""
    facts = PageFacts(kind="Part", names=("Sikker By", "Forebyggelse"))
    indexed = searchable_html("<h1>Sikker By</h1><p>Tekst.</p>", facts, "", Spellings(set()))
    names = indexed.split('data-pagefind-weight="10">')[1].split("</div>")[0]
    assert names.split() == ["Sikker", "By", "Forebyggelse", "sikkerby"], names


def test_a_head_that_drops_its_e_before_the_linking_s_is_found():
    """samarbejdsaftalen → samarbejde + aftalen: Danish drops a head's final e before the linking s."""
    assert compound_parts("samarbejdsaftalen", VOCABULARY | {"samarbejde"}) == ["samarbejde", "aftalen"]
    assert compound_parts("samarbejdsaftalen", VOCABULARY) == [], "a head that is no word of the site was guessed"


def test_negative_control_an_inflection_is_not_taken_for_a_compound():
    """Negative control: forebyggelsen is forebyggelse inflected, not forebygge + 'lsen'."""
    assert compound_parts("forebyggelsen", VOCABULARY) == []


def test_a_suspended_compound_is_indexed_as_the_words_it_stands_for():
    """'rocker- og bandemiljøet' stands for rockermiljøet too, 'Social-, Sundheds- og Beskæftigelsesforvaltningen' for
    socialforvaltningen and sundhedsforvaltningen: the heads share the last word's tail."""
    vocabulary = {"bandemiljøet", "bandekriminalitet", "bandegrupperinger", "forvaltningen", "rocker"}
    spellings = Spellings(vocabulary)
    assert spellings.suspended_compounds("i rocker- og bandemiljøet") == ["rockermiljøet"]
    found = spellings.suspended_compounds("Social-, Sundheds- og Beskæftigelsesforvaltningen")
    assert found == ["socialforvaltningen", "sundhedsforvaltningen"], found
    assert {"rockermiljøet", "rockermiljoeet", "rockermiljoet"} <= set(spellings("rocker- og bandemiljøet"))


def test_negative_control_no_tail_no_guess():
    """Negative control: when the site's words do not show where the last word's tail begins, nothing is made up,
    and a hyphen that joins no compound ('e-mail og', 'SSP-indsatsen') adds nothing."""
    spellings = Spellings({"rocker"})
    assert spellings.suspended_compounds("rocker- og bandemiljøet") == []
    assert spellings.suspended_compounds("send en e-mail og ring; SSP-indsatsen og skolen") == []


def test_the_indexed_page_keeps_labels_and_empty_sections_out_and_spellings_behind_the_mark():
    """Fact labels are ignored, empty sections left out, extra spellings put after the mark; labels become filters."""
    page = (
        '<html><body><article class="md-content__inner md-typeset"><h1 id="t">Følgegruppen</h1>'
        "<ul><li><strong>Dato:</strong> 1. maj</li></ul>"
        '<h2 id="m">Materialer</h2>\n<p><em>Ingen materialer endnu.</em></p></article></body></html>'
    )
    facts = PageFacts(kind="Seminar", date="2026-05-01", tracks=("1. Forebyggelse",))
    article = article_of(page)
    assert article is not None, page
    indexed = searchable_html(article, facts, "", Spellings(VOCABULARY))
    assert "<strong data-pagefind-ignore>Dato:</strong>" in indexed, indexed
    assert "Materialer" not in indexed and "Ingen materialer" not in indexed, indexed
    assert indexed.index(SPELLINGS_MARK) < indexed.index("folgegruppen"), indexed
    for label in ('data-pagefind-filter="type:Seminar"', 'data-pagefind-filter="år:2026"',
                  'data-pagefind-filter="spor:1. Forebyggelse"', 'data-pagefind-meta="date:2026-05-01"'):
        assert label in indexed, label
    assert article_of("<html><body>Omdirigerer …</body></html>") is None, "a page without an article was indexed"
