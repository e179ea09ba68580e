"""Scoring a set of real documents described by one gold file (``../shared/realdocs/gold.json``).

The gold file lists ``documents[]``, each with its ``file`` (beside the gold file), its
``reporting_party`` and its ``activities[]`` (``title``, ``start`` at any precision, optional
``end``, ``beneficiaries``, ``city``, ``participants``, ``optional``). The matching rule is the
set's README's:

- an extracted activity can match a gold one when its start date begins with the gold start
  and their titles agree: after folding accents and case and keeping letters and digits, one
  contains the other and the shorter has three words or more; or at least 60 % of the gold
  title's content words are in the extracted title and make at least 40 % of its content
  words; or their character similarity ratio is 0.8 or more;
- pairs are taken best first, one to one; a matched optional entry is a true positive, a
  missed one is not counted; precision = matched / found, recall = matched required /
  required, micro-averaged over the documents.

The gold reporting party is a party code or any name the alias table knows ("ABS Initiative");
it is right when it and the found party speak for the same party (a national office for its
Member: "JPO" and JPN agree), or, for a party kept unresolved, when the names are the same.

Field accuracy is measured on matched pairs: end date, beneficiary set, participant count and
city (agreement, a missing value on both sides agreeing).
"""

from __future__ import annotations

import difflib
import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rich import box
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from ipcoop.ingest.records import ExtractedActivity, ExtractedReport, PartyRef
from ipcoop.parties.resolver import Resolver
from ipcoop.quality.evaluation import EvaluationError, f_score, share

FIELDS = ("end", "beneficiaries", "participants", "city")
_STOP = frozenset(
    re.findall(
        r"\w+",
        "a an and at by de del des du el en et for from in la le les los of on the to with y",
    )
)
_CONTAINS, _WORDS = 0.95, 0.85  # scores of the two title rules (the ratio scores itself)
_RATIO = 0.8


class EvaluationSetError(EvaluationError):
    """A document set's gold file that cannot be scored; the message says which and why."""


def is_document_set(path: Path) -> bool:
    """Whether a gold file lists several documents (rather than being one document's gold)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return False
    return isinstance(data, dict) and isinstance(data.get("documents"), list)


def fold(text: str | None) -> str:
    """Accents and case folded, letters and digits kept, one space."""
    bare = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode().lower()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", bare).split())


def _content(words: str) -> set[str]:
    return {w for w in words.split() if len(w) > 2 and w not in _STOP}


def title_agreement(gold: str, found: str) -> float:
    """How well an extracted title agrees with a gold one under the README's rule (0 to 1)."""
    a, b = fold(gold), fold(found)
    if not a or not b:
        return 0.0
    shorter = a if len(a) <= len(b) else b
    if a == b or ((a in b or b in a) and len(shorter.split()) >= 3):
        return _CONTAINS
    wa, wb = _content(a), _content(b)
    if wa and wb and len(wa & wb) / len(wa) >= 0.6 and len(wa & wb) / len(wb) >= 0.4:
        return _WORDS
    return difflib.SequenceMatcher(None, a, b).ratio()


def _starts_as(gold: str | None, found: str | None) -> bool:
    return not gold or (found is not None and found.startswith(gold))


def _codes(found: ExtractedActivity) -> set[str]:
    return {(b.code or b.name).upper() for b in found.beneficiaries}


def _iso(date: Any) -> str | None:
    return date.iso if date is not None else None


@dataclass(slots=True)
class DocumentScore:
    """One document's counts, its misses and extras, and its field agreement."""

    file: str
    found: int = 0
    matched: int = 0
    matched_required: int = 0
    required: int = 0
    listed: int = 0  # gold activities, optional ones included
    missed: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)
    fields: dict[str, tuple[int, int]] = field(default_factory=dict)  # agree, pairs
    reporting_party: tuple[str | None, str | None] = (None, None)  # gold, found (code or name)
    reporting_party_right: bool = False

    def as_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "found": self.found,
            "matched": self.matched,
            "matched_required": self.matched_required,
            "required": self.required,
            "missed": self.missed,
            "extra": self.extra,
            "fields": {k: {"agree": a, "pairs": n} for k, (a, n) in self.fields.items()},
            "reporting_party": {
                "gold": self.reporting_party[0],
                "found": self.reporting_party[1],
                "right": self.reporting_party_right,
            },
        }


def _field_agreement(gold: dict[str, Any], found: ExtractedActivity) -> dict[str, bool]:
    participants = found.participants.count if found.participants else None
    return {
        "end": gold.get("end") == _iso(found.end),
        "beneficiaries": {c.upper() for c in gold.get("beneficiaries") or []} == _codes(found),
        "participants": gold.get("participants") == participants,
        "city": fold(gold.get("city")) == fold(found.city),
    }


def score_document(gold: dict[str, Any], report: ExtractedReport) -> DocumentScore:
    """Match one document's extracted activities with its gold ones and count."""
    want: list[dict[str, Any]] = gold.get("activities") or []
    got = report.activities
    candidates = []
    for g, entry in enumerate(want):
        for f, activity in enumerate(got):
            agreement = title_agreement(entry["title"], activity.title)
            if agreement >= _RATIO and _starts_as(entry.get("start"), _iso(activity.start)):
                candidates.append((agreement, g, f))
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    pairs: dict[int, int] = {}
    for _, g, f in candidates:
        if g not in pairs and f not in pairs.values():
            pairs[g] = f
    required = [g for g, entry in enumerate(want) if not entry.get("optional")]
    score = DocumentScore(
        file=gold["file"],
        found=len(got),
        matched=len(pairs),
        matched_required=sum(1 for g in required if g in pairs),
        required=len(required),
        listed=len(want),
        missed=[want[g]["title"] for g in required if g not in pairs],
        extra=[a.title for f, a in enumerate(got) if f not in pairs.values()],
    )
    agree = dict.fromkeys(FIELDS, 0)
    for g, f in pairs.items():
        for name, ok in _field_agreement(want[g], got[f]).items():
            agree[name] += int(ok)
    score.fields = {name: (agree[name], len(pairs)) for name in FIELDS}
    party = report.reporting_party
    named = gold.get("reporting_party")
    score.reporting_party = (named, (party.code or party.name) if party else None)
    score.reporting_party_right = isinstance(named, str) and same_party(named, party)
    return score


def same_party(gold: str, found: PartyRef | None, resolver: Resolver | None = None) -> bool:
    """Whether the gold party (a code or a listed name) and the found one speak for the same
    party; a found party kept unresolved agrees only by the same name."""
    if found is None:
        return False
    resolver = resolver or Resolver.default()
    codes = {p.code for p in resolver.parties()}
    code = gold if gold in codes else resolver.resolve(gold)
    if found.code is None or code is None:
        return fold(gold) == fold(found.name)
    return resolver.member(code) == resolver.member(found.code)


@dataclass(slots=True)
class SetScore:
    """Every document's score and the micro-averaged figures."""

    documents: list[DocumentScore] = field(default_factory=list)

    def _sum(self, name: str) -> int:
        return sum(getattr(d, name) for d in self.documents)

    @property
    def precision(self) -> float:
        return share(self._sum("matched"), self._sum("found"))

    @property
    def recall(self) -> float:
        return share(self._sum("matched_required"), self._sum("required"))

    @property
    def f1(self) -> float:
        return f_score(self.precision, self.recall)

    @property
    def invented(self) -> int:
        """Activities found on documents whose gold lists none."""
        return sum(d.found for d in self.documents if d.listed == 0)

    def field_accuracy(self, name: str) -> float | None:
        agree = sum(d.fields[name][0] for d in self.documents)
        pairs = sum(d.fields[name][1] for d in self.documents)
        return agree / pairs if pairs else None

    @property
    def reporting_party_right(self) -> tuple[int, int]:
        named = [d for d in self.documents if d.reporting_party[0]]
        return sum(1 for d in named if d.reporting_party_right), len(named)

    def as_dict(self) -> dict[str, Any]:
        right, named = self.reporting_party_right
        return {
            "documents": [d.as_dict() for d in self.documents],
            "micro": {"precision": self.precision, "recall": self.recall, "f1": self.f1},
            "invented_on_documents_without_activities": self.invented,
            "field_accuracy": {name: self.field_accuracy(name) for name in FIELDS},
            "reporting_party": {"right": right, "named": named},
        }


def evaluate_set(gold_path: Path) -> SetScore:
    """Run the pipeline on every document of the set and score it."""
    from ipcoop.ingest import pipeline

    try:
        data = json.loads(gold_path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        raise EvaluationSetError(f"{gold_path}: cannot be read as JSON ({error})") from error
    result = SetScore()
    for entry in data.get("documents", []):
        source = gold_path.parent / entry["file"]
        if not source.is_file():
            raise EvaluationSetError(f"{gold_path}: its document {entry['file']!r} is missing")
        report = pipeline.extract(pipeline.Source(source.name, source.read_bytes()))
        result.documents.append(score_document(entry, report))
    return result


def _share(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def render_set(result: SetScore, console: Console) -> None:
    """Per-document counts, P/R/F1 and reporting party, then the micro figures and fields."""
    table = Table(
        "document",
        "found",
        "matched",
        "required",
        "P",
        "R",
        "F1",
        "party (gold/found)",
        title="Activities per document (README matching rule)",
        box=box.SIMPLE_HEAD,
    )
    for d in result.documents:
        p, r = share(d.matched, d.found), share(d.matched_required, d.required)
        gold, found = d.reporting_party
        table.add_row(
            escape(d.file),
            str(d.found),
            str(d.matched),
            f"{d.matched_required}/{d.required}",
            f"{p:.2f}",
            f"{r:.2f}",
            f"{f_score(p, r):.2f}",
            escape(f"{gold or '-'}/{found or '-'}"),
        )
    console.print(table)
    for d in result.documents:
        if d.missed or d.extra:
            console.print(escape(f"{d.file}: missed {d.missed} extra {d.extra}"))
    right, named = result.reporting_party_right
    console.print(
        f"micro: precision {result.precision:.3f}, recall {result.recall:.3f}, "
        f"F1 {result.f1:.3f}; activities on documents that list none: {result.invented}; "
        f"reporting party right on {right}/{named}"
    )
    console.print(
        "field accuracy on matched pairs: "
        + ", ".join(f"{name} {_share(result.field_accuracy(name))}" for name in FIELDS)
    )
