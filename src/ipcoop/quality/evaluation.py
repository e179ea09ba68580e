"""Extraction quality: compare what the pipeline extracts with hand-made gold files."""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz
from rich import box
from rich.console import Console
from rich.markup import escape
from rich.table import Column, Table

from ipcoop.ingest.records import ExtractedActivity, ExtractedReport

TITLE_MATCH = 80  # token_set_ratio that makes two titles the same activity
TITLE_CORRECT = 90  # ratio that makes an extracted title count as right
FIELDS = ("title", "start", "end", "beneficiaries", "participants", "city")
_ISO = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_PUNCT = re.compile(r"[^\w\s]")
_SPACE = re.compile(r"\s+")


class EvaluationError(ValueError):
    """A gold file or seed that cannot be evaluated; the message says which and why."""


def default_seeds_dir() -> Path:
    """The shared seeds folder beside this checkout: <repo>/../shared/seeds."""
    return Path(__file__).resolve().parents[3].parent / "shared" / "seeds"


@dataclass(frozen=True, slots=True)
class GoldActivity:
    """One activity as a person recorded it in a gold file."""

    title: str
    start: str | None = None
    end: str | None = None
    beneficiaries: frozenset[str] = frozenset()
    participants: int | None = None
    cities: tuple[str, ...] = ()  # accepted spellings, first is the canonical one

    @property
    def city(self) -> str | None:
        return self.cities[0] if self.cities else None


@dataclass(frozen=True, slots=True)
class Found:
    """The comparable values of one extracted activity."""

    title: str
    start: str | None = None
    end: str | None = None
    beneficiaries: frozenset[str] = frozenset()
    participants: int | None = None
    city: str | None = None

    @classmethod
    def of(cls, activity: ExtractedActivity) -> Found:
        """Read the compared fields off an ExtractedActivity."""
        return cls(
            title=activity.title,
            start=activity.start.iso if activity.start else None,
            end=activity.end.iso if activity.end else None,
            beneficiaries=frozenset(b.code or b.name for b in activity.beneficiaries),
            participants=activity.participants.count if activity.participants else None,
            city=activity.city,
        )


def share(part: int, whole: int) -> float:
    """part / whole, and 1.0 when there was nothing to count (nothing found, nothing to find)."""
    return part / whole if whole else 1.0


def f_score(precision: float, recall: float) -> float:
    """F1: the harmonic mean of precision and recall (0.0 when both are 0)."""
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


@dataclass(slots=True)
class Score:
    """True/false positive and negative counts, with exact-agreement accuracy."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    agree: int = 0
    pairs: int = 0

    @property
    def precision(self) -> float:
        return share(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        return share(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float:
        return f_score(self.precision, self.recall)

    @property
    def accuracy(self) -> float:
        return share(self.agree, self.pairs)

    def add(self, other: Score) -> None:
        """Accumulate another score (micro-averaging)."""
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.agree += other.agree
        self.pairs += other.pairs

    def as_dict(self) -> dict[str, Any]:
        """JSON form with the derived rates rounded."""
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "accuracy": round(self.accuracy, 4),
            "pairs": self.pairs,
        }


@dataclass(slots=True)
class DocumentResult:
    """How extraction did on one gold document."""

    source: str
    gold_path: str
    activities: Score
    fields: dict[str, Score]
    matches: list[tuple[GoldActivity, Found, float]]
    invented: list[str]
    missed: list[str]
    counts: dict[str, tuple[int, int]]  # name -> (gold, extracted) for programmes, instruments
    labels: dict[str, tuple[str | None, str | None]]  # kind, reporting_party: (gold, extracted)

    def as_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {
            "source": self.source,
            "gold": self.gold_path,
            "activities": self.activities.as_dict(),
            "fields": {name: score.as_dict() for name, score in self.fields.items()},
            "matches": [
                {
                    "gold": g.title,
                    "gold_start": g.start,
                    "extracted": f.title,
                    "extracted_start": f.start,
                    "similarity": round(s, 3),
                }
                for g, f, s in self.matches
            ],
            "invented": self.invented,
            "missed": self.missed,
            **{
                name: {"gold": gold, "extracted": found}
                for name, (gold, found) in {**self.counts, **self.labels}.items()
            },
        }


@dataclass(slots=True)
class Evaluation:
    """Results for every gold document, with micro-averaged totals."""

    documents: list[DocumentResult] = field(default_factory=list)

    @property
    def activities(self) -> Score:
        total = Score()
        for doc in self.documents:
            total.add(doc.activities)
        return total

    def field(self, name: str) -> Score:
        """One field's score summed over all documents."""
        total = Score()
        for doc in self.documents:
            total.add(doc.fields[name])
        return total

    def document(self, source_prefix: str) -> DocumentResult:
        """The result for the document whose source name starts with the prefix."""
        for doc in self.documents:
            if doc.source.startswith(source_prefix):
                return doc
        raise KeyError(f"no evaluated document starts with {source_prefix!r}")

    def as_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {
            "documents": [doc.as_dict() for doc in self.documents],
            "overall": {
                "activities": self.activities.as_dict(),
                "fields": {name: self.field(name).as_dict() for name in FIELDS},
            },
        }


# --- gold files ---------------------------------------------------------------------------


def _optional_iso(value: Any, where: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not _ISO.match(value):
        raise EvaluationError(
            f"{where}: {value!r} is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)"
        )
    return value


def gold_activity(data: Any, where: str) -> GoldActivity:
    """Validate one gold activity dict and turn it into a GoldActivity."""
    if not isinstance(data, dict) or not isinstance(data.get("title"), str):
        raise EvaluationError(f"{where}: each activity must be an object with a string 'title'")
    beneficiaries = data.get("beneficiaries") or []
    if not isinstance(beneficiaries, list) or not all(isinstance(b, str) for b in beneficiaries):
        raise EvaluationError(f"{where}: 'beneficiaries' must be a list of party codes")
    participants = data.get("participants")
    if participants is not None and (
        isinstance(participants, bool) or not isinstance(participants, int)
    ):
        raise EvaluationError(f"{where}: 'participants' must be a whole number or null")
    city = data.get("city")
    cities = [city] if isinstance(city, str) else city or []
    if not isinstance(cities, list) or not all(isinstance(c, str) for c in cities):
        raise EvaluationError(f"{where}: 'city' must be a name, a list of spellings or null")
    return GoldActivity(
        title=data["title"],
        start=_optional_iso(data.get("start"), f"{where} start"),
        end=_optional_iso(data.get("end"), f"{where} end"),
        beneficiaries=frozenset(beneficiaries),
        participants=participants,
        cities=tuple(cities),
    )


def load_gold(path: Path) -> dict[str, Any]:
    """Read and check a gold file; activities come back as GoldActivity objects."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise EvaluationError(f"{path}: cannot be read ({error.strerror or error})") from error
    except json.JSONDecodeError as error:
        raise EvaluationError(f"{path}: not valid JSON ({error})") from error
    if not isinstance(data, dict) or not isinstance(data.get("source"), str):
        raise EvaluationError(f"{path}: a gold file is an object with a string 'source'")
    for key in ("activities", "programmes", "instruments"):
        if not isinstance(data.get(key, []), list):
            raise EvaluationError(f"{path}: {key!r} must be a list")
    data["activities"] = [
        gold_activity(a, f"{path} activity {i + 1}")
        for i, a in enumerate(data.get("activities", []))
    ]
    return data


# --- matching -----------------------------------------------------------------------------


def fold(text: str) -> str:
    """Case-, accent- and punctuation-insensitive form of a short string."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return _SPACE.sub(" ", _PUNCT.sub(" ", bare)).strip()


def _city_equal(gold: GoldActivity, found: Found) -> bool:
    if not gold.cities or found.city is None:
        return not gold.cities and found.city is None
    return fold(found.city) in {fold(c) for c in gold.cities}


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


def similarity(gold: GoldActivity, found: Found) -> float | None:
    """How alike two activities are, or None when they cannot be the same activity."""
    title = fuzz.token_set_ratio(fold(gold.title), fold(found.title))
    same_start = gold.start is not None and gold.start == found.start
    city = bool(gold.cities) and _city_equal(gold, found)
    overlap = bool(gold.beneficiaries & found.beneficiaries)
    if title < TITLE_MATCH and not (same_start and (city or overlap)):
        return None
    # Title first; the other fields break ties between same-titled workshops.
    return (
        title / 100
        + (1.0 if same_start else 0.0)
        + (0.5 if gold.end is not None and gold.end == found.end else 0.0)
        + _jaccard(gold.beneficiaries, found.beneficiaries)
        + (0.5 if city else 0.0)
        + (
            0.25
            if gold.participants is not None and gold.participants == found.participants
            else 0.0
        )
    )


def match(gold: Sequence[GoldActivity], found: Sequence[Found]) -> list[tuple[int, int, float]]:
    """One-to-one pairs (gold index, found index, similarity), greedy best first."""
    candidates = [
        (score, g, f)
        for g, gold_activity_ in enumerate(gold)
        for f, found_activity in enumerate(found)
        if (score := similarity(gold_activity_, found_activity)) is not None
    ]
    # Highest score first; on ties the earlier pair in document order wins.
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_gold: set[int] = set()
    used_found: set[int] = set()
    pairs: list[tuple[int, int, float]] = []
    for score, g, f in candidates:
        if g in used_gold or f in used_found:
            continue
        used_gold.add(g)
        used_found.add(f)
        pairs.append((g, f, score))
    return sorted(pairs)


# --- scoring ------------------------------------------------------------------------------


def _scalar(gold: Any, found: Any, equal: bool) -> Score:
    """Score one single-valued field of one matched pair."""
    score = Score(pairs=1, agree=int(equal))
    if equal:
        score.tp = int(gold is not None)
        return score
    score.fp = int(found is not None)
    score.fn = int(gold is not None)
    return score


def field_scores(gold: GoldActivity, found: Found) -> dict[str, Score]:
    """Per-field scores for one matched pair."""
    title_ok = fuzz.ratio(fold(gold.title), fold(found.title)) >= TITLE_CORRECT
    benef = Score(
        tp=len(gold.beneficiaries & found.beneficiaries),
        fp=len(found.beneficiaries - gold.beneficiaries),
        fn=len(gold.beneficiaries - found.beneficiaries),
        agree=int(gold.beneficiaries == found.beneficiaries),
        pairs=1,
    )
    return {
        "title": _scalar(gold.title, found.title, title_ok),
        "start": _scalar(gold.start, found.start, gold.start == found.start),
        "end": _scalar(gold.end, found.end, gold.end == found.end),
        "beneficiaries": benef,
        "participants": _scalar(
            gold.participants, found.participants, gold.participants == found.participants
        ),
        "city": _scalar(gold.city, found.city, _city_equal(gold, found)),
    }


def score_activities(
    gold: Sequence[GoldActivity], extracted: Iterable[ExtractedActivity]
) -> tuple[Score, dict[str, Score], list[tuple[GoldActivity, Found, float]], list[str], list[str]]:
    """Match and score: activity score, field scores, matches, invented and missed titles."""
    found = [Found.of(a) for a in extracted]
    pairs = match(gold, found)
    fields = {name: Score() for name in FIELDS}
    for g, f, _ in pairs:
        for name, score in field_scores(gold[g], found[f]).items():
            fields[name].add(score)
    matched_gold = {g for g, _, _ in pairs}
    matched_found = {f for _, f, _ in pairs}
    activities = Score(
        tp=len(pairs),
        fp=len(found) - len(pairs),
        fn=len(gold) - len(pairs),
        agree=len(pairs),
        pairs=len(pairs),
    )
    invented = [a.title for i, a in enumerate(found) if i not in matched_found]
    missed = [a.title for i, a in enumerate(gold) if i not in matched_gold]
    matches = [(gold[g], found[f], s) for g, f, s in pairs]
    return activities, fields, matches, invented, missed


def score_document(report: ExtractedReport, gold: dict[str, Any], gold_path: str) -> DocumentResult:
    """Compare one extracted report with its loaded gold file."""
    activities, fields, matches, invented, missed = score_activities(
        gold["activities"], report.activities
    )
    party = report.reporting_party
    return DocumentResult(
        source=gold["source"],
        gold_path=gold_path,
        activities=activities,
        fields=fields,
        matches=matches,
        invented=invented,
        missed=missed,
        counts={
            "programmes": (len(gold.get("programmes", [])), len(report.programmes)),
            "instruments": (len(gold.get("instruments", [])), len(report.instruments)),
        },
        labels={
            "kind": (gold.get("kind"), report.kind),
            "reporting_party": (
                gold.get("reporting_party"),
                (party.code or party.name) if party else None,
            ),
        },
    )


def evaluate(gold_paths: Sequence[Path], *, seeds_dir: Path | None = None) -> Evaluation:
    """Run the real pipeline on each gold file's source document and score it."""
    from ipcoop.ingest import pipeline

    folder = seeds_dir if seeds_dir is not None else default_seeds_dir()
    if not folder.is_dir():
        raise EvaluationError(f"seeds folder {folder} does not exist (pass --seeds DIR)")
    evaluation = Evaluation()
    for path in gold_paths:
        gold = load_gold(path)
        source = folder / gold["source"]
        if not source.is_file():
            raise EvaluationError(
                f"{path}: its source {gold['source']!r} is not in {folder} (pass --seeds DIR)"
            )
        try:
            report = pipeline.extract(pipeline.Source(source.name, source.read_bytes()))
        except pipeline.IngestError as error:
            raise EvaluationError(f"{path}: the pipeline rejected its source: {error}") from error
        evaluation.documents.append(score_document(report, gold, str(path)))
    return evaluation


# --- rendering ----------------------------------------------------------------------------


def _pct(value: float) -> str:
    colour = "green" if value >= 0.95 else "yellow" if value >= 0.8 else "red"
    return f"[{colour}]{value:.2f}[/]"


def _label(source: str) -> str:
    """A short name for a table cell: the seed number, or the file stem."""
    stem = Path(source).stem
    return stem.split("_", 1)[0] if "_" in stem else stem


def _table(title: str, *names: str) -> Table:
    columns = (Column(n, no_wrap=True, min_width=max(len(n), 4)) for n in names)
    return Table(*columns, title=title, box=box.SIMPLE_HEAD, pad_edge=False, collapse_padding=True)


def render(evaluation: Evaluation, console: Console) -> None:
    """Print per-document and per-field tables, then the invented and missed titles."""
    docs = _table(
        "Activities per document",
        "doc",
        "gold",
        "found",
        "matched",
        "P",
        "R",
        "F1",
        "prog.",
        "instr.",
    )
    for doc in evaluation.documents:
        score = doc.activities
        docs.add_row(
            escape(_label(doc.source)),
            str(score.tp + score.fn),
            str(score.tp + score.fp),
            str(score.tp),
            _pct(score.precision),
            _pct(score.recall),
            _pct(score.f1),
            "{}/{}".format(*reversed(doc.counts["programmes"])),
            "{}/{}".format(*reversed(doc.counts["instruments"])),
        )
    total = evaluation.activities
    docs.add_row(
        "[bold]all[/bold]",
        str(total.tp + total.fn),
        str(total.tp + total.fp),
        str(total.tp),
        _pct(total.precision),
        _pct(total.recall),
        _pct(total.f1),
    )
    console.print(docs)
    console.print("[dim]prog./instr.: programmes and instruments found/gold[/dim]")

    fields = _table(
        "Fields over matched activities: F1 per document, then overall",
        "field",
        *(escape(_label(doc.source)) for doc in evaluation.documents),
        "pairs",
        "acc.",
        "P",
        "R",
        "F1",
    )
    for name in FIELDS:
        overall = evaluation.field(name)
        fields.add_row(
            name,
            *(
                _pct(doc.fields[name].f1) if doc.fields[name].pairs else "-"
                for doc in evaluation.documents
            ),
            str(overall.pairs),
            _pct(overall.accuracy),
            _pct(overall.precision),
            _pct(overall.recall),
            _pct(overall.f1),
        )
    console.print(fields)

    for doc in evaluation.documents:
        if not (doc.invented or doc.missed):
            continue
        console.print(f"[bold]{escape(doc.source)}[/bold]")
        for title in doc.invented:
            console.print(f"  [red]invented[/red] {escape(title)}", highlight=False)
        for title in doc.missed:
            console.print(f"  [yellow]missed[/yellow]   {escape(title)}", highlight=False)
