"""Gateway list tables, in text and HTML, become one activity per row."""

from __future__ import annotations

from pathlib import Path

from ipcoop.ingest import pipeline

TEXT = (
    "Technical Cooperation Activities under TRIPS Art. 67\n\n"
    "#\tTitle of programme or activity\tStart date\tBeneficiary Members or observers\n"
    "1\tSeminar on Trademark Examination\t01/06/2018\tCambodia; Lao People's Democratic "
    "Republic\n"
    "2\tWorkshop on Copyright Enforcement\t15/11/2019\tKenya\n"
)
HTML = (
    "<html><body><h1>Technical Cooperation Activities under TRIPS Art. 67</h1><table>"
    "<tr><th>#</th><th>Title of programme or activity</th><th>Start date</th>"
    "<th>Beneficiary Members or observers</th></tr>"
    "<tr><td>1</td><td>Seminar on Trademark Examination</td><td>01/06/2018</td>"
    "<td>Cambodia; Lao People's Democratic Republic</td></tr>"
    "<tr><td>2</td><td>Workshop on Copyright Enforcement</td><td>15/11/2019</td>"
    "<td>Kenya</td></tr></table></body></html>"
)
TTI = (
    "#\tName of programme or project\tBeneficiary Members(s)\tCategory of technology\n"
    "1\tTechnology Transfer Fellowship\tNepal\tAgricultural technology\n"
)


def _activities(name: str, text: str) -> list[tuple[str, str | None, list[str | None]]]:
    report = pipeline.extract(pipeline.Source(name, text.encode()))
    return [
        (a.title, a.start.iso if a.start else None, [b.code for b in a.beneficiaries])
        for a in report.activities
    ]


def test_text_and_html_list_tables_give_the_same_rows() -> None:
    expected = [
        ("Seminar on Trademark Examination", "2018-06-01", ["KHM", "LAO"]),
        ("Workshop on Copyright Enforcement", "2019-11-15", ["KEN"]),
    ]
    assert _activities("list.txt", TEXT) == expected
    assert _activities("list.html", HTML) == expected


def test_art_66_2_variant_has_no_dates() -> None:
    report = pipeline.extract(pipeline.Source("tti.txt", TTI.encode()))
    [activity] = report.activities
    assert activity.title == "Technology Transfer Fellowship"
    assert activity.start is None and activity.description == "Agricultural technology"
    assert [b.code for b in activity.beneficiaries] == ["NPL"]


def test_empty_gateway_table_gives_no_activity(seed) -> None:  # type: ignore[no-untyped-def]
    path: Path = seed("002")
    report = pipeline.extract(pipeline.Source(str(path), path.read_bytes()))
    assert report.activities == []
    assert report.kind == "art67_report"
    assert report.reporting_party is not None and report.reporting_party.code == "USA"
    assert report.communication_date is not None
    assert report.communication_date.iso == "2021-09-15"
    assert report.period is not None and report.period.start.iso == "2020-09"
