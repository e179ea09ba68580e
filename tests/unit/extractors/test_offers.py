"""Standing programme offers: an introducing sentence, then "Name: description" list items."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ipcoop.ingest import pipeline, readers
from ipcoop.ingest.extractors import offers
from seed_facts import GIPA_OFFERS

TEXT = (
    "Technical assistance on request\n\n"
    "The Korean Intellectual Property Office (KIPO) offers the following training programmes "
    "on request:\n\n"
    "  • Examination Course: a two-week course for patent examiners on search and examination.\n"
    "  • Enforcement Programme: seminars for judges and customs officers on border measures.\n"
    "  • Study visits, hosted at the Office for trademark managers\n\n"
    "Our assistance covers a range of IP topics, including:\n\n"
    "  • Copyright and related rights;\n"
    "  • Geographical indications.\n"
)


def test_offers_follow_the_sentence_that_introduces_them() -> None:
    document = readers.read(TEXT.encode(), source="offers.txt")
    found = offers.extract(document)
    assert [o.title for o in found] == [
        "Examination Course",
        "Enforcement Programme",
        "Study visits",
    ]
    assert {o.provider.code for o in found if o.provider} == {"KIPO"}
    assert all(o.provider is not None for o in found)
    assert "patents" in found[0].topics
    assert "enforcement" in found[1].topics
    assert found[0].description is not None
    assert found[0].description.startswith("Examination Course: a two-week course")
    for offer in found:
        [title] = offer.evidence["title"]
        assert document.text[title.start : title.end] == offer.title
        assert title.method == "offers.list"
        [provider] = offer.evidence["provider"]
        assert document.text[provider.start : provider.end].startswith("Korean Intellectual")


def test_a_topic_list_is_not_an_offer_list() -> None:
    text = (
        "Our assistance covers a range of IP topics, including:\n\n"
        "  • Copyright and related rights;\n  • Geographical indications.\n"
    )
    assert offers.extract(readers.read(text.encode(), source="topics.txt")) == []


def test_offers_without_a_named_provider_keep_none() -> None:
    text = "We provide programmes such as:\n\n  • Patent Drafting: a course on claims.\n"
    [offer] = offers.extract(readers.read(text.encode(), source="anon.txt"))
    assert offer.title == "Patent Drafting" and offer.provider is None


def test_seed_002_gipa_offers(seed: Callable[[str], Path]) -> None:
    path = seed("002")
    report = pipeline.extract(pipeline.Source(str(path), path.read_bytes()))
    assert report.activities == []
    assert [p.title for p in report.programmes] == GIPA_OFFERS
    assert all(p.provider is not None and p.provider.code == "GIPA" for p in report.programmes)
    by_title = {p.title: p for p in report.programmes}
    assert "plant_varieties" in by_title["Plant Variety Protection (PVP)"].topics
    assert "trade_secrets" in by_title["Trade Secrets Programmes"].topics
    assert "geographical_indications" in by_title["Trademark Programmes"].topics
    # the US topic list ("covers a range of IP topics, including:") gives no offer
    assert not any("search" in p.title.casefold() for p in report.programmes)
    span = by_title["Plant Variety Protection (PVP)"].evidence["title"][0]
    assert report.text[span.start : span.end] == "Plant Variety Protection (PVP)"
