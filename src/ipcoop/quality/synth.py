"""A deterministic generator of realistic reports, with the ground truth beside them.

Feeds the benchmarks, the demo and the format tests. Distributions: providers among developed
Members and organizations, beneficiaries weighted toward LDCs and regional groups, titles that
repeat across years, years 1996-2026.

Each report is written in one of the formats the ingester reads:

- ``text``: the WTO annex as plain text, one label/value line per template row;
- ``docx``: the annex as Word tables, one two-column label/value table per activity;
- ``pdf``: the annex as ruled two-column tables in a real PDF (reportlab), labels wrapping;
- ``html``: an e-TRIPS Gateway report page with its "List of programmes/projects" table
  (title, DD/MM/YYYY start date, beneficiaries separated by semicolons);
- ``prose``: a narrative report (plain text), one paragraph per activity.

``truth.json`` holds, per file name, the format, the provider and the activities as the file
states them: a field the format does not carry is null there (the Gateway table gives no end
date, place, participant count or audience).
"""

from __future__ import annotations

import datetime as dt
import html
import io
import json
import random
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from ipcoop.parties.resolver import Resolver

PROVIDERS = ("WIPO", "WCO", "USA", "JPN", "EU", "CHE", "AUS", "CAN", "KOR", "GBR", "NOR", "UPOV")
EVENTS = (
    "National Workshop",
    "Regional Seminar",
    "Sub-regional Workshop",
    "Training Course",
    "Study Visit",
    "Expert Mission",
    "Online Course",
    "Colloquium",
    "Webinar",
)
SUBJECTS = (
    "Combating Counterfeiting and Piracy",
    "Patent Examination Practice",
    "Geographical Indications for Agricultural Products",
    "Copyright and Related Rights",
    "Plant Variety Protection under UPOV",
    "Border Enforcement of IP Rights",
    "Trade Secrets Protection",
    "IP and Public Health",
    "Technology Transfer and Licensing",
    "IP Office Automation",
    "Traditional Knowledge and Genetic Resources",
    "IP Commercialization for SMEs",
    "Industrial Designs Examination",
    "Trademark Examination and Opposition",
    "Public Awareness of IP",
)
AUDIENCES = (
    "Customs officers",
    "Patent examiners",
    "Judges and prosecutors",
    "Police officers",
    "Policy makers",
    "SMEs and entrepreneurs",
    "Universities and researchers",
    "Farmers and producers",
    "Collective management organizations",
)
CITIES = {
    "KHM": "Phnom Penh",
    "LAO": "Vientiane",
    "SEN": "Dakar",
    "MLI": "Bamako",
    "ETH": "Addis Ababa",
    "UGA": "Kampala",
    "TZA": "Dar es Salaam",
    "BGD": "Dhaka",
    "NPL": "Kathmandu",
    "KEN": "Nairobi",
    "PER": "Lima",
    "VNM": "Hanoi",
    "PHL": "Manila",
    "GHA": "Accra",
    "ZMB": "Lusaka",
    "MOZ": "Maputo",
    "RWA": "Kigali",
    "HTI": "Port-au-Prince",
}
FIRST_YEAR, LAST_YEAR = 1996, 2026  # both reachable

FORMATS = ("text", "docx", "pdf", "html", "prose")
SUFFIXES = {"text": ".txt", "docx": ".docx", "pdf": ".pdf", "html": ".html", "prose": ".txt"}
# the activity fields each format states; the others are null in its truth
ACTIVITY_FIELDS = ("title", "start", "end", "beneficiaries", "city", "participants", "audience")
STATED: dict[str, tuple[str, ...]] = {
    "text": ACTIVITY_FIELDS,
    "docx": ACTIVITY_FIELDS,
    "pdf": ACTIVITY_FIELDS,
    "html": ("title", "start", "beneficiaries"),
    "prose": ACTIVITY_FIELDS,
}
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
OUTPUTS = "Participants improved their practice."
WEBSITE = "https://example.org/synthetic"
CONTACT = "synthetic@example.org"
REPORT_TITLE = "TECHNICAL COOPERATION ACTIVITIES: INFORMATION FROM MEMBERS"
ANNEX_LABELS = (
    "Name of programme or project",
    "Date and end date",
    "Beneficiary Member(s) or observer(s)",
    "Brief description",
    "Beneficiary institution or audience",
    "Technical cooperation provider(s)",
    "Outputs or impact",
    "Website for further information",
    "Contact point for further information",
)


class UnknownFormat(ValueError):
    """A format name the generator does not write."""


@dataclass(slots=True)
class Synthetic:
    """One generated report: its file name, its bytes and the activities it truly holds."""

    name: str
    data: bytes
    truth: dict[str, Any] = field(default_factory=dict)

    @property
    def format(self) -> str:
        return str(self.truth.get("format", "text"))


@dataclass(slots=True)
class Draft:
    """What one report says, before it is written in a format."""

    index: int
    provider: str
    year: int
    circulated: date
    communicated: date
    activities: list[dict[str, Any]]


def _beneficiaries(rng: random.Random, resolver: Resolver, on: date) -> list[str]:
    roll = rng.random()
    ldcs = sorted(resolver.members("LDC", on)) or ["KHM"]
    if roll < 0.55:
        return rng.sample(ldcs, k=1 if rng.random() < 0.7 else min(3, len(ldcs)))
    if roll < 0.75:
        return sorted(rng.sample(sorted(resolver.members("ASEAN", on)) or ["KHM"], k=3))
    return rng.sample(sorted(CITIES), k=1)


def sample_activity(
    rng: random.Random, resolver: Resolver, year: int, titles: list[str]
) -> dict[str, Any]:
    """One activity as the generator means it: the ground truth its report text is written from."""
    start = date(year, 1, 1) + timedelta(days=rng.randrange(0, 360))
    end = start + timedelta(days=rng.choice((0, 1, 2, 4)))
    title = (
        rng.choice(titles)
        if titles and rng.random() < 0.4
        else (f"{rng.choice(EVENTS)} on {rng.choice(SUBJECTS)}")
    )
    titles.append(title)
    codes = _beneficiaries(rng, resolver, start)
    host = codes[0]
    city = CITIES.get(host)
    participants = rng.randrange(12, 120)
    return {
        "title": title,
        "start": start.isoformat(),
        "end": end.isoformat(),
        "beneficiaries": codes,
        "city": city,
        "participants": participants,
        "audience": rng.choice(AUDIENCES),
    }


# ------------------------------------------------------------------ shared wording


def long_date(day: date) -> str:
    """'3 March 2015' (independent of the process locale)."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def _span(start: date, end: date) -> str:
    """A date range as prose: 'on 3 March 2015', 'from 3 to 5 March 2015' and so on."""
    if start == end:
        return f"on {long_date(start)}"
    if (start.year, start.month) == (end.year, end.month):
        return f"from {start.day} to {long_date(end)}"
    if start.year == end.year:
        return f"from {start.day} {MONTHS[start.month - 1]} to {long_date(end)}"
    return f"from {long_date(start)} to {long_date(end)}"


def _names(resolver: Resolver, codes: Sequence[str], last: str = " and ") -> str:
    names = [resolver.get(c).name_en for c in codes]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + last + names[-1]


def _with_article(resolver: Resolver, code: str) -> str:
    """A party's name as a sentence uses it: 'the European Union', 'Japan'."""
    party = resolver.get(code)
    plural_or_union = party.name_en.startswith(("United", "European", "Republic"))
    return f"the {party.name_en}" if party.category == "igo" or plural_or_union else party.name_en


def _dates(activity: dict[str, Any]) -> tuple[date, date]:
    return date.fromisoformat(activity["start"]), date.fromisoformat(activity["end"])


def _annex_rows(
    activity: dict[str, Any], resolver: Resolver, provider: str
) -> list[tuple[str, str]]:
    start, end = _dates(activity)
    names = "; ".join(resolver.get(c).name_en for c in activity["beneficiaries"])
    place = (
        f" in {activity['city']}, {resolver.get(activity['beneficiaries'][0]).name_en}"
        if activity["city"]
        else " online"
    )
    description = (
        f"The {activity['title']} was held{place} from "
        f"{long_date(start)} to {long_date(end)}. It was attended by "
        f"{activity['participants']} participants."
    )
    values = (
        activity["title"],
        f"{long_date(start)} - {long_date(end)}",
        names,
        description,
        activity["audience"],
        resolver.get(provider).name_en,
        OUTPUTS,
        WEBSITE,
        CONTACT,
    )
    return list(zip(ANNEX_LABELS, values, strict=True))


def _head_lines(draft: Draft, resolver: Resolver) -> list[str]:
    """The cover of a report: dateline, title, a banner saying it is generated, introduction."""
    name = resolver.get(draft.provider).name_en
    return [
        long_date(draft.circulated),
        REPORT_TITLE,
        f"SYNTHETIC REPORT {draft.index} (GENERATED, NOT AN OFFICIAL DOCUMENT)",
        f"The present document reproduces the information which has been received from "
        f"{name} by means of a communication dated {long_date(draft.communicated)}.",
    ]


# ------------------------------------------------------------------ the formats


def _text(draft: Draft, resolver: Resolver, rng: random.Random) -> bytes:
    dateline, title, banner, intro = _head_lines(draft, resolver)
    head = f"{dateline}\n\n**{title}**\n\n{banner}\n\n{intro}\n\nANNEX\n\n"
    blocks = (
        "\n".join(f"{label}\t{value}" for label, value in _annex_rows(a, resolver, draft.provider))
        for a in draft.activities
    )
    return (head + "\n\n".join(blocks) + "\n").encode("utf-8")


def _fixed_time(day: date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, 9, 0, 0, tzinfo=dt.UTC)


def _docx(draft: Draft, resolver: Resolver, rng: random.Random) -> bytes:
    import docx
    from docx.shared import Cm

    document = docx.Document()
    props = document.core_properties
    props.author = props.last_modified_by = "ipcoop synth"
    props.title = f"Synthetic report {draft.index}"
    props.created = props.modified = props.last_printed = _fixed_time(draft.communicated)
    props.revision = 1
    dateline, title, banner, intro = _head_lines(draft, resolver)
    document.add_paragraph(dateline)
    document.add_heading(title, level=1)
    document.add_paragraph(banner)
    document.add_paragraph(intro)
    document.add_heading("ANNEX", level=1)
    for activity in draft.activities:
        rows = _annex_rows(activity, resolver, draft.provider)
        table = document.add_table(rows=len(rows), cols=2)
        table.style = "Table Grid"
        for row, (label, value) in zip(table.rows, rows, strict=True):
            row.cells[0].text, row.cells[1].text = label, value
            row.cells[0].width, row.cells[1].width = Cm(4.5), Cm(11.5)
        document.add_paragraph("")
    out = io.BytesIO()
    document.save(out)
    return _fixed_zip(out.getvalue())


def _fixed_zip(data: bytes) -> bytes:
    """The same archive with every member stamped 1 January 1980, so that same input, same bytes."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()


def _pdf(draft: Draft, resolver: Resolver, rng: random.Random) -> bytes:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.lib.units import cm
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    styles = getSampleStyleSheet()
    body = styles["BodyText"]
    dateline, title, banner, intro = _head_lines(draft, resolver)
    story: list[Any] = [
        Paragraph(escape(dateline), body),
        Paragraph(escape(title), styles["Heading1"]),
        Paragraph(escape(banner), body),
        Paragraph(escape(intro), body),
        Paragraph("ANNEX", styles["Heading1"]),
    ]
    grid = TableStyle(
        [("VALIGN", (0, 0), (-1, -1), "TOP"), ("GRID", (0, 0), (-1, -1), 0.5, colors.black)]
    )
    for activity in draft.activities:
        rows = _annex_rows(activity, resolver, draft.provider)
        data = [
            [Paragraph(escape(label), body), Paragraph(escape(value), body)]
            for label, value in rows
        ]
        table = Table(data, colWidths=[4.2 * cm, 12 * cm])
        table.setStyle(grid)
        story += [table, Spacer(1, 0.6 * cm)]
    running = f"Synthetic report {draft.index}"

    def page_furniture(canvas: Canvas, doc: SimpleDocTemplate) -> None:
        canvas.saveState()
        canvas.setFont("Helvetica", 9)
        canvas.drawRightString(A4[0] - 2 * cm, A4[1] - 1.2 * cm, running)
        canvas.drawRightString(A4[0] - 2 * cm, A4[1] - 1.6 * cm, f"Page: {doc.page}")
        canvas.restoreState()

    out = io.BytesIO()
    template = SimpleDocTemplate(
        out,
        pagesize=A4,
        topMargin=2.5 * cm,
        bottomMargin=2 * cm,
        title=running,
        author="ipcoop synth",
        creator="ipcoop synth",
        invariant=1,  # fixed creation date and document id: same input, same bytes
    )
    template.build(story, onFirstPage=page_furniture, onLaterPages=page_furniture)
    return out.getvalue()


def _gateway_date(day: date) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


def _html(draft: Draft, resolver: Resolver, rng: random.Random) -> bytes:
    party = resolver.get(draft.provider)
    name = html.escape(party.name_en)
    reporter = html.escape(_with_article(resolver, draft.provider))
    if party.category == "igo":
        intro = (
            f"The present document reproduces the information which has been received from "
            f"{reporter} by means of a communication dated {long_date(draft.communicated)}."
        )
    else:
        intro = (
            f"The following communication, dated {long_date(draft.communicated)}, is being "
            f"circulated at the request of the delegation of {reporter}."
        )
    rows = []
    for number, activity in enumerate(draft.activities, start=1):
        start = date.fromisoformat(activity["start"])
        beneficiaries = "; ".join(resolver.get(c).name_en for c in activity["beneficiaries"])
        rows.append(
            f"<tr><td>{number}</td><td>{html.escape(activity['title'])}</td>"
            f"<td>{_gateway_date(start)}</td><td>{html.escape(beneficiaries)}</td></tr>"
        )
    page = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Technical Cooperation Activities under TRIPS Art. 67 - synthetic report {draft.index}</title>
</head>
<body>
<nav><a href="/">e-TRIPS Gateway</a> &gt; <a href="/reports">Technical cooperation</a></nav>
<main>
<h1>Technical Cooperation Activities under TRIPS Art. 67</h1>
<p>Synthetic report {draft.index} (generated, not an official document)</p>
<h2>{name}</h2>
<p>{intro}</p>
<p>This report covers the activities undertaken from January {draft.year} to December
{draft.year}.</p>
<h3>List of programmes/projects</h3>
<table>
<thead><tr><th>#</th><th>Title of programme or activity</th><th>Start date</th>\
<th>Beneficiary Members or observers</th></tr></thead>
<tbody>
{chr(10).join(rows)}
</tbody>
</table>
</main>
</body>
</html>
"""
    return page.encode("utf-8")


_AUDIENCE_WORDS = {
    "Customs officers": "customs officers",
    "Patent examiners": "patent examiners",
    "Judges and prosecutors": "judges and prosecutors",
    "Police officers": "police officers",
    "Policy makers": "policy makers",
    "SMEs and entrepreneurs": "SMEs and entrepreneurs",
    "Universities and researchers": "researchers from universities",
    "Farmers and producers": "farmers and producers",
    "Collective management organizations": "staff of collective management organizations",
}


def _narrate(
    activity: dict[str, Any], resolver: Resolver, provider: str, rng: random.Random
) -> str:
    """One activity as a paragraph, in one of the shapes real narrative reports use and the
    narrative extractor reads: the title (quoted, or as the subject) and the place before the
    date, the participant count after it or in the next sentence."""
    start, end = _dates(activity)
    when = _span(start, end)
    title = activity["title"]
    codes = activity["beneficiaries"]
    where = (
        f"in {activity['city']}, {resolver.get(codes[0]).name_en}" if activity["city"] else "online"
    )
    count = activity["participants"]
    who = _AUDIENCE_WORDS.get(activity["audience"], activity["audience"].lower())
    countries = _names(resolver, codes)
    shape = rng.randrange(5)
    if shape == 0:
        return (
            f"The “{title}” was held {where} {when}. It was attended by {count} participants "
            f"from {countries}, mainly {who}."
        )
    if shape == 1:
        by = _with_article(resolver, provider)
        return (
            f"In cooperation with the national authorities of {countries}, {by} organized the "
            f"“{title}”, which was held {where} {when} for {count} participants, most of them "
            f"{who}."
        )
    if shape == 2:
        return (
            f"At the request of {countries}, the “{title}” was organized {where} {when}, "
            f"with {count} participants ({who})."
        )
    if shape == 3 and not title.startswith("Study Visit"):
        article = "An" if title[:1] in "AEIOU" else "A"
        return (
            f"{article} {title} was held {where} {when}. A total of {count} participants from "
            f"{countries} attended, mainly {who}."
        )
    return (
        f"The “{title}” took place {where} {when} and gathered {count} participants from "
        f"{countries}, mainly {who}."
    )


def _prose(draft: Draft, resolver: Resolver, rng: random.Random) -> bytes:
    provider = _with_article(resolver, draft.provider)
    dateline, title, banner, intro = _head_lines(draft, resolver)
    parts = [
        dateline,
        title,
        banner,
        intro,
        f"1. This report describes the technical cooperation provided by {provider} to developing "
        f"and least developed country Members in the field of intellectual property. It covers "
        f"activities undertaken from January {draft.year} to December {draft.year}.",
        "2. Assistance was given on request and tailored to the needs of each beneficiary, "
        "with particular attention to the priority needs that least developed country Members "
        "identified.",
    ]
    parts += [
        f"{number}. {_narrate(activity, resolver, draft.provider, rng)}"
        for number, activity in enumerate(draft.activities, start=3)
    ]
    return ("\n\n".join(parts) + "\n").encode("utf-8")


WRITERS: dict[str, Callable[[Draft, Resolver, random.Random], bytes]] = {
    "text": _text,
    "docx": _docx,
    "pdf": _pdf,
    "html": _html,
    "prose": _prose,
}


# ------------------------------------------------------------------ reports and the corpus


def draft(
    index: int, rng: random.Random, resolver: Resolver, activities: int, titles: list[str]
) -> Draft:
    """What report ``index`` says: provider, year, dates and its activities."""
    provider = rng.choice(PROVIDERS)
    year = rng.randrange(FIRST_YEAR, LAST_YEAR + 1)
    items = [sample_activity(rng, resolver, year, titles) for _ in range(activities)]
    circulated = date(year + 1, 10, rng.randrange(1, 28))
    communicated = date(year + 1, 9, rng.randrange(1, 28))
    return Draft(index, provider, year, circulated, communicated, items)


def truth(draft: Draft, fmt: str) -> dict[str, Any]:
    """The ground truth of the draft written in ``fmt``: what that file states."""
    stated = STATED[fmt]
    activities = []
    for activity in draft.activities:
        told = {key: (value if key in stated else None) for key, value in activity.items()}
        if told["end"] == told["start"]:
            told["end"] = None  # a one-day event has no end date of its own, as in the registry
        activities.append(told)
    return {"format": fmt, "provider": draft.provider, "activities": activities}


def write(draft: Draft, fmt: str, resolver: Resolver, seed: int) -> Synthetic:
    """The draft written as one file in ``fmt``, with its ground truth."""
    if fmt not in WRITERS:
        raise UnknownFormat(f"unknown format {fmt!r}: choose from {', '.join(FORMATS)}")
    # wording choices have their own stream, so that the content does not depend on the format
    style = random.Random(f"ipcoop-synth-style:{seed}:{draft.index}")
    data = WRITERS[fmt](draft, resolver, style)
    return Synthetic(f"synthetic-{draft.index:06d}{SUFFIXES[fmt]}", data, truth(draft, fmt))


def report(
    index: int,
    rng: random.Random,
    resolver: Resolver,
    activities: int,
    titles: list[str],
    fmt: str = "text",
    seed: int = 1,
) -> Synthetic:
    """One report in ``fmt`` (annex text by default) with its ground truth."""
    return write(draft(index, rng, resolver, activities, titles), fmt, resolver, seed)


def mix(formats: Sequence[str], reports: int, seed: int) -> list[str]:
    """The format of each report: every format once per round, the order shuffled by seed."""
    unknown = [f for f in formats if f not in WRITERS]
    if unknown or not formats:
        raise UnknownFormat(
            f"unknown format {', '.join(map(repr, unknown)) or '(none given)'}: "
            f"choose from {', '.join(FORMATS)}"
        )
    chosen = list(dict.fromkeys(formats))
    shuffler = random.Random(f"ipcoop-synth-formats:{seed}")
    order: list[str] = []
    while len(order) < reports:
        round_ = chosen[:]
        shuffler.shuffle(round_)
        order += round_
    return order[:reports]


def generate(
    out: Path,
    *,
    reports: int,
    seed: int = 1,
    activities: int = 10,
    formats: Sequence[str] = ("text",),
) -> int:
    """Write ``reports`` reports and truth.json to ``out``; returns the activity count.

    ``formats`` names the formats to write (see FORMATS); with more than one, the reports are
    spread over them evenly in an order fixed by the seed. The default is annex text only, as
    the benchmarks expect; pass ``formats=FORMATS`` for the full mix. The same arguments write
    the same bytes.
    """
    order = mix(formats, reports, seed)
    rng = random.Random(seed)
    resolver = Resolver.default()
    out.mkdir(parents=True, exist_ok=True)
    titles: list[str] = []
    truths: dict[str, Any] = {}
    total = 0
    for index, fmt in enumerate(order, start=1):
        item = write(draft(index, rng, resolver, activities, titles), fmt, resolver, seed)
        (out / item.name).write_bytes(item.data)
        truths[item.name] = item.truth
        total += len(item.truth["activities"])
    (out / "truth.json").write_text(json.dumps(truths, indent=1), encoding="utf-8")
    return total
