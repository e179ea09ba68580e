"""One annex written as text, DOCX and PDF gives the same records through the whole pipeline."""

from __future__ import annotations

from typing import Any

import pytest

from ipcoop.activities.schemas import ActivityFields
from ipcoop.ingest import pipeline, serialize

from ..readers.makers import ANNEX_LABELS, make_annex_pdf, make_docx

BLOCKS = [
    (
        "Regional Seminar on Geographical Indications for Tea",
        "14 March 2019 - 16 March 2019",
        "Nepal; Bangladesh; Bhutan",
        "A regional seminar held in Kathmandu, Nepal on the registration of geographical "
        "indications for tea. It was attended by 35 officials and producers.",
        "Farmers and producers",
        "World Intellectual Property Organization",
    ),
    (
        "National Workshop on Border Measures",
        "2 July 2019 - 4 July 2019",
        "Cambodia",
        "A national workshop held in Phnom Penh, Cambodia for customs officers on border "
        "measures against counterfeit goods. More than 40 participants attended.",
        "Customs officers",
        "World Customs Organization",
    ),
    (
        "Online Course on Patent Examination",
        "September 2019",
        "Least developed countries",
        "An online course for patent examiners from least developed countries, attended by "
        "60 examiners.",
        "Patent examiners",
        "Japan Patent Office",
    ),
]
OUTPUTS = "Participants drafted follow-up plans."


def _rows(block: tuple[str, ...]) -> list[tuple[str, str]]:
    title, dates, beneficiaries, description, audience, provider = block
    values = (
        title,
        dates,
        beneficiaries,
        description,
        audience,
        provider,
        OUTPUTS,
        "https://example.org/course",
        "contact@example.org",
    )
    return list(zip(ANNEX_LABELS, values, strict=True))


INTRO = (
    "The present document reproduces the information received from the World "
    "Intellectual Property Organization (WIPO) by means of a communication dated "
    "2 October 2019."
)


def _text() -> bytes:
    annex = "\n\n".join("\n".join(f"{label}\t{value}" for label, value in _rows(b)) for b in BLOCKS)
    return f"{INTRO}\n\nANNEX\n\n{annex}\n".encode()


def _docx() -> bytes:
    return make_docx(
        [("", INTRO), ("Heading 1", "ANNEX")], [[list(row) for row in _rows(b)] for b in BLOCKS]
    )


def _pdf() -> bytes:
    return make_annex_pdf([_rows(b) for b in BLOCKS], intro=[INTRO], split_in_row=True)


def _records(name: str, data: bytes) -> list[dict[str, Any]]:
    report = serialize.report(pipeline.extract(pipeline.Source(name, data)))
    return [{k: a[k] for k in ActivityFields.model_fields} for a in report["activities"]]


def test_text_annex_gives_the_expected_records() -> None:
    records = _records("annex.txt", _text())
    assert [r["title"] for r in records] == [b[0] for b in BLOCKS]
    assert [b["code"] for b in records[0]["beneficiaries"]] == ["NPL", "BGD", "BTN"]
    assert records[1]["participants"] == {"count": 40, "qualifier": "more than"}
    assert records[2]["start_date"] == "2019-09" and records[2]["date_precision"] == "month"
    assert "MLI" in {b["code"] for b in records[2]["beneficiaries"]}
    assert records[0]["location"] == {"city": "Kathmandu", "country": "NPL"}


@pytest.mark.parametrize(("name", "make"), [("annex.docx", _docx), ("annex.pdf", _pdf)])
def test_docx_and_pdf_give_the_same_records_as_text(name: str, make: Any) -> None:
    assert _records(name, make()) == _records("annex.txt", _text())
