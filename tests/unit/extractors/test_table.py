"""Gateway list tables, in text and HTML, become one activity per row."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ipcoop.ingest import pipeline, readers
from ipcoop.ingest.document import Document
from ipcoop.ingest.extractors import registry, table

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
# French headers, " | " separators, a blank line inside the table (the text reader starts a
# new table there) and prose after it. The opening line is long, as real ones are: a text of
# only short lines is taken for a hard-wrapped PDF copy and its lines joined.
FRENCH = (
    "Liste des programmes de coopération technique notifiés au titre de l'article 67 de "
    "l'Accord sur les ADPIC pendant la période considérée, par ordre chronologique.\n\n"
    "# | Titre du programme ou de l'activité | Date de début | "
    "Membres ou observateurs bénéficiaires\n"
    "1 | Séminaire sur les marques | 03/02/2020 | Bénin; Togo\n"
    "\n"
    "2 | Atelier sur le droit d'auteur | 10/10/2021 | Mali\n"
    "Fin de la liste.\n"
    "A | B | C | D\n"
)
# Spanish headers in <thead>, and the Gateway's "no items" row before a real one.
SPANISH = (
    "<html><body><table><thead><tr><th>#</th><th>Título del programa o actividad</th>"
    "<th>Fecha de inicio</th><th>Miembros u observadores beneficiarios</th></tr></thead>"
    "<tbody><tr><td colspan='4'>There are currently no items in the database</td></tr>"
    "<tr><td>1</td><td>Taller regional sobre indicaciones geográficas</td><td>05/03/2019</td>"
    "<td>Colombia; Perú</td></tr></tbody></table></body></html>"
)


def _read(name: str, text: str) -> Document:
    return readers.read(text.encode(), source=name)


def _activities(name: str, text: str) -> list[tuple[str, str | None, list[str | None]]]:
    report = pipeline.extract(pipeline.Source(name, text.encode()))
    return [
        (a.title, a.start.iso if a.start else None, [b.code for b in a.beneficiaries])
        for a in report.activities
    ]


def test_list_table_is_registered() -> None:
    assert table.extract in registry.STRUCTURED_EXTRACTORS


def test_text_and_html_list_tables_give_the_same_rows() -> None:
    expected = [
        ("Seminar on Trademark Examination", "2018-06-01", ["KHM", "LAO"]),
        ("Workshop on Copyright Enforcement", "2019-11-15", ["KEN"]),
    ]
    assert _activities("list.txt", TEXT) == expected
    assert _activities("list.html", HTML) == expected


def test_fields_point_into_the_document_text() -> None:
    document = _read("list.txt", TEXT)
    raws = table.extract(document)
    assert [r.method for r in raws] == ["list_table", "list_table"]
    first = raws[0]
    assert set(first.fields) == {"title", "dates", "beneficiaries"}
    for span in first.fields.values():
        assert document.text[span.start : span.end] == span.text
    assert first.get("dates") == "01/06/2018"
    assert document.text[first.start : first.end].startswith("1\tSeminar on Trademark")


def test_french_table_with_pipes_runs_across_a_blank_line_and_stops_at_prose() -> None:
    raws = table.extract(_read("fr.txt", FRENCH))
    assert [(r.get("title"), r.get("dates"), r.get("beneficiaries")) for r in raws] == [
        ("Séminaire sur les marques", "03/02/2020", "Bénin; Togo"),
        ("Atelier sur le droit d'auteur", "10/10/2021", "Mali"),
    ]
    found = _activities("fr.txt", FRENCH)
    assert found[0] == ("Séminaire sur les marques", "2020-02-03", ["BEN", "TGO"])
    assert found[1][1] == "2021-10-10"


def test_spanish_html_skips_the_no_items_row() -> None:
    assert _activities("es.html", SPANISH) == [
        ("Taller regional sobre indicaciones geográficas", "2019-03-05", ["COL", "PER"])
    ]


def test_art_66_2_variant_has_no_dates() -> None:
    report = pipeline.extract(pipeline.Source("tti.txt", TTI.encode()))
    [activity] = report.activities
    assert activity.title == "Technology Transfer Fellowship"
    assert activity.start is None and activity.description == "Agricultural technology"
    assert [b.code for b in activity.beneficiaries] == ["NPL"]
    [raw] = table.extract(_read("tti.txt", TTI))
    assert raw.get("description") == "Agricultural technology" and "dates" not in raw.fields


def test_rows_without_a_header_are_not_activities() -> None:
    text = "1\tSeminar on Trademark Examination\t01/06/2018\tCambodia\n"
    assert table.extract(_read("bare.txt", text)) == []


def test_empty_gateway_table_gives_no_activity(seed: Callable[[str], Path]) -> None:
    path = seed("002")
    assert table.extract(readers.read(path.read_bytes(), source=str(path))) == []
    report = pipeline.extract(pipeline.Source(str(path), path.read_bytes()))
    assert report.activities == []
    assert report.kind == "art67_report"
    assert report.reporting_party is not None and report.reporting_party.code == "USA"
    assert report.communication_date is not None
    assert report.communication_date.iso == "2021-09-15"
    assert report.period is not None and report.period.start.iso == "2020-09"
