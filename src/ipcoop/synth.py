"""A deterministic generator of realistic reports, with the ground truth beside them.

Feeds the benchmarks and the demo. Distributions: providers among developed Members and
organizations, beneficiaries weighted toward LDCs and regional groups, titles that repeat across
years, years 1996-2026.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

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


@dataclass(slots=True)
class Synthetic:
    """One generated report: its text and the activities it truly holds."""

    name: str
    text: str
    truth: dict[str, Any] = field(default_factory=dict)


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


def _annex(activity: dict[str, Any], resolver: Resolver, provider: str) -> str:
    start, end = date.fromisoformat(activity["start"]), date.fromisoformat(activity["end"])
    names = "; ".join(resolver.get(c).name_en for c in activity["beneficiaries"])
    place = (
        f" in {activity['city']}, {resolver.get(activity['beneficiaries'][0]).name_en}"
        if activity["city"]
        else " online"
    )
    description = (
        f"The {activity['title']} was held{place} from "
        f"{start:%-d %B %Y} to {end:%-d %B %Y}. It was attended by "
        f"{activity['participants']} participants."
    )
    rows = [
        ("Name of programme or project", activity["title"]),
        ("Date and end date", f"{start:%-d %B %Y} - {end:%-d %B %Y}"),
        ("Beneficiary Member(s) or observer(s)", names),
        ("Brief description", description),
        ("Beneficiary institution or audience", activity["audience"]),
        ("Technical cooperation provider(s)", resolver.get(provider).name_en),
        ("Outputs or impact", "Participants improved their practice."),
        ("Website for further information", "https://example.org/synthetic"),
        ("Contact point for further information", "synthetic@example.org"),
    ]
    return "\n".join(f"{label}\t{value}" for label, value in rows)


def report(
    index: int, rng: random.Random, resolver: Resolver, activities: int, titles: list[str]
) -> Synthetic:
    """One annex-format report with its ground truth."""
    provider = rng.choice(PROVIDERS)
    year = rng.randrange(1996, 2026)
    items = [sample_activity(rng, resolver, year, titles) for _ in range(activities)]
    name = resolver.get(provider).name_en
    head = (
        f"{rng.randrange(1, 28)} October {year + 1}\n\n"
        "**TECHNICAL COOPERATION ACTIVITIES: INFORMATION FROM MEMBERS**\n\n"
        f"SYNTHETIC REPORT {index} (GENERATED, NOT AN OFFICIAL DOCUMENT)\n\n"
        f"The present document reproduces the information which has been received from "
        f"{name} by means of a communication dated {rng.randrange(1, 28)} September "
        f"{year + 1}.\n\nANNEX\n\n"
    )
    text = head + "\n\n".join(_annex(a, resolver, provider) for a in items) + "\n"
    return Synthetic(
        f"synthetic-{index:06d}.txt", text, {"provider": provider, "activities": items}
    )


def generate(out: Path, *, reports: int, seed: int = 1, activities: int = 10) -> int:
    """Write `reports` annex reports and truth.json to `out`; returns the activity count."""
    rng = random.Random(seed)
    resolver = Resolver.default()
    out.mkdir(parents=True, exist_ok=True)
    titles: list[str] = []
    truth: dict[str, Any] = {}
    total = 0
    for index in range(1, reports + 1):
        item = report(index, rng, resolver, activities, titles)
        (out / item.name).write_text(item.text, encoding="utf-8")
        truth[item.name] = item.truth
        total += len(item.truth["activities"])
    (out / "truth.json").write_text(json.dumps(truth, indent=1), encoding="utf-8")
    return total
