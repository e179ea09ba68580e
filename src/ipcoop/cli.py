"""The `ipcoop` command: typer commands that call services, rich output for people."""

from __future__ import annotations

import json
import sys
from functools import partial
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from sqlalchemy import Engine

from ipcoop.config import get_settings
from ipcoop.review.cli import tokens_app, users_app
from ipcoop.search.filters import ActivityFilters

app = typer.Typer(
    help="ipcoop: an open registry of IP technical cooperation.",
    no_args_is_help=True,
    add_completion=False,
)
db_app = typer.Typer(help="Database schema and reference data.", no_args_is_help=True)
app.add_typer(db_app, name="db")
app.add_typer(users_app, name="users")
app.add_typer(tokens_app, name="tokens")
console = Console()
errors = Console(stderr=True)

Beneficiary = Annotated[list[str] | None, typer.Option(help="Party or group code (LDC, ASEAN).")]
Provider = Annotated[list[str] | None, typer.Option(help="Provider party code (USA, WCO).")]
Reporter = Annotated[list[str] | None, typer.Option(help="Reporting party code.")]
Year = Annotated[int | None, typer.Option(help="Year the activity started.")]
Topic = Annotated[list[str] | None, typer.Option(help="Topic code (enforcement, patents ...).")]
Type = Annotated[list[str] | None, typer.Option("--type", help="Activity type code (workshop).")]


def _engine() -> Engine:
    from ipcoop.db import get_engine

    return get_engine()


def _filters(
    query: str,
    beneficiary: list[str] | None,
    provider: list[str] | None,
    reporter: list[str] | None,
    year: int | None,
    topic: list[str] | None,
    type_: list[str] | None,
) -> ActivityFilters:
    """The command's filters, or exit 2 naming the value that is not known."""
    from ipcoop.search import filters as search_filters

    try:
        return search_filters.parse(
            q=query,
            beneficiary=beneficiary,
            provider=provider,
            reporter=reporter,
            year=year,
            topic=topic,
            type=type_,
        )
    except search_filters.FilterError as error:
        errors.print(f"[red]{error}[/red]")
        raise typer.Exit(2) from None


def _ensure_schema() -> None:
    """Create or upgrade the schema when it is missing or behind (first use)."""
    from ipcoop.migrate import upgrade

    upgrade(_engine())


@db_app.command("upgrade")
def db_upgrade() -> None:
    """Create or migrate the schema to the latest version and load the reference data."""
    from ipcoop.migrate import upgrade

    engine = _engine()
    upgrade(engine)
    console.print(f"[green]Database ready[/green] at {engine.url.render_as_string()}")


@app.command()
def ingest(paths: Annotated[list[Path], typer.Argument(help="Files or folders.")]) -> None:
    """Ingest documents: store each new report with its activities; say what was skipped."""
    from ipcoop.ingest.pipeline import discover
    from ipcoop.ingest.service import ingest as run

    _ensure_schema()
    files = discover(paths)
    if not files:
        errors.print("[red]No files found[/red] under " + ", ".join(map(str, paths)))
        raise typer.Exit(2)
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=errors,
        transient=True,
    ) as progress:
        task = progress.add_task("Ingesting", total=len(files))
        summary = run(_engine(), files, get_settings(), on_file=lambda _o: progress.advance(task))
    table = Table("file", "result", "detail", title="Ingest summary")
    colours = {"stored": "green", "skipped": "yellow", "rejected": "red"}
    for o in summary.outcomes:
        table.add_row(o.path, f"[{colours[o.status]}]{o.status}[/]", o.detail)
    console.print(table)
    console.print(
        f"{summary.count('stored')} stored ({summary.activities} activities), "
        f"{summary.count('skipped')} skipped as already present, "
        f"{summary.count('rejected')} rejected."
    )
    if summary.count("rejected"):
        errors.print(
            "[red]Some files were rejected[/red]: fix them as the detail says and "
            "run ingest again (files already stored are skipped)."
        )
        raise typer.Exit(1)


@app.command()
def extract(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Show what would be stored for each document; nothing is written."""
    from ipcoop.ingest import pipeline, serialize, workers
    from ipcoop.ingest.limits import Limits

    settings = get_settings()
    reports, failed = [], False
    limits = Limits.from_settings(settings)
    for path in pipeline.discover(paths):
        try:
            source = pipeline.load(path, max_bytes=settings.max_upload_bytes)
            extracted = workers.extract(source, limits, settings.review_threshold)
            reports.append(serialize.report(extracted))
        except pipeline.IngestError as error:
            errors.print(f"[red]rejected[/red] {error}")
            failed = True
    if as_json:
        sys.stdout.write(json.dumps({"reports": reports}, ensure_ascii=False, indent=2) + "\n")
    else:
        for report in reports:
            party = report["reporting_party"] or {}
            console.print(
                f"[bold]{report['source']}[/bold]: {report['kind']}, "
                f"from {party.get('name') or 'unknown'}; "
                f"{len(report['activities'])} activities, "
                f"{len(report['programmes'])} programmes, "
                f"{len(report['instruments'])} instruments"
            )
            for activity in report["activities"]:
                names = ", ".join(b["name"] for b in activity["beneficiaries"])
                console.print(
                    f"  {activity['start_date'] or '?':10} {activity['title']} [dim]{names}[/dim]"
                )
    if failed:
        raise typer.Exit(1)


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="Words to find.")] = "",
    beneficiary: Beneficiary = None,
    provider: Provider = None,
    reporter: Reporter = None,
    year: Year = None,
    topic: Topic = None,
    type_: Type = None,
    limit: Annotated[
        int | None, typer.Option(help="How many to show (default: the page_size setting).")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Search activities with full text and filters."""
    from ipcoop.activities.service import item
    from ipcoop.db import session_scope
    from ipcoop.search.service import search as run

    parsed = _filters(query, beneficiary, provider, reporter, year, topic, type_)
    _ensure_schema()
    with session_scope(_engine()) as session:
        result = run(session, parsed, limit=limit, facets=())
        items = [item(a) for a in result.items]
    if as_json:
        sys.stdout.write(
            json.dumps({"total": result.total, "items": items}, ensure_ascii=False, indent=2) + "\n"
        )
        return
    table = Table("id", "start", "title", "beneficiaries", title=f"{result.total} activities")
    for a in items:
        table.add_row(
            str(a["id"]),
            a["start_date"] or "",
            a["title"],
            "; ".join(b["name"] for b in a["beneficiaries"]),
        )
    console.print(table)


@app.command()
def show(activity_id: Annotated[int, typer.Argument(help="Activity id.")]) -> None:
    """Show one activity with every field and its evidence."""
    from ipcoop.activities.service import detail, get_activity
    from ipcoop.db import session_scope

    _ensure_schema()
    with session_scope(_engine()) as session:
        activity = get_activity(session, activity_id)
        if activity is None:
            errors.print(f"[red]No activity {activity_id}[/red]: `ipcoop search` lists ids.")
            raise typer.Exit(1)
        data = detail(session, activity)
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


@app.command()
def export(
    output: Annotated[Path, typer.Option("-o", "--output", help="File to write.")],
    fmt: Annotated[str, typer.Option("--format", help="csv, xlsx, json or jsonl.")] = "csv",
    query: Annotated[str, typer.Option("--q", help="Words to find.")] = "",
    beneficiary: Beneficiary = None,
    provider: Provider = None,
    reporter: Reporter = None,
    year: Year = None,
    topic: Topic = None,
    type_: Type = None,
) -> None:
    """Export the matching activities to a spreadsheet or JSON file."""
    from ipcoop.activities.export import FORMATS, About, loader, write
    from ipcoop.db import session_scope
    from ipcoop.search.service import iterate

    if fmt not in FORMATS:
        errors.print(f"[red]Unknown format {fmt!r}[/red]: use one of {', '.join(FORMATS)}.")
        raise typer.Exit(2)
    parsed = _filters(query, beneficiary, provider, reporter, year, topic, type_)
    _ensure_schema()
    with session_scope(_engine()) as session, output.open("wb") as out:
        about = About(params=tuple(parsed.as_params()))
        write(iterate(session, parsed, load=loader(fmt)), fmt, out, about)
    console.print(f"Wrote {output}")


@app.command()
def synth(
    output: Annotated[Path, typer.Option("-o", "--output", help="Folder to write.")],
    reports: Annotated[int, typer.Option(help="How many reports.")] = 100,
    seed: Annotated[int, typer.Option(help="Random seed (same seed, same files).")] = 1,
    activities: Annotated[int, typer.Option(help="Activities per report.")] = 10,
    formats: Annotated[
        list[str] | None,
        typer.Option(
            "--format",
            help="text, docx, pdf, html or prose; repeat for several (default: all, mixed).",
        ),
    ] = None,
) -> None:
    """Generate realistic synthetic reports in every format, with their ground truth."""
    from collections import Counter

    from ipcoop.quality.synth import FORMATS, UnknownFormat, generate

    try:
        total = generate(
            output,
            reports=reports,
            seed=seed,
            activities=activities,
            formats=tuple(formats) if formats else FORMATS,
        )
    except UnknownFormat as error:
        errors.print(f"[red]{error}[/red]")
        raise typer.Exit(2) from None
    truth = json.loads((output / "truth.json").read_text(encoding="utf-8"))
    mix = Counter(item["format"] for item in truth.values())
    spread = ", ".join(f"{mix[name]} {name}" for name in FORMATS if mix[name])
    console.print(f"Wrote {reports} reports ({spread}) with {total} activities to {output}")


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    workers: Annotated[
        int,
        typer.Option(
            min=1, help="Worker processes (each holds its own search index; one per core)."
        ),
    ] = 1,
) -> None:
    """Serve the web pages and the JSON API."""
    from ipcoop.web.serving import serve as run

    _ensure_schema()
    console.print(f"Serving ipcoop on [bold]http://{host}:{port}[/bold] (Ctrl+C to stop)")
    try:
        run(host, port, workers)
    except OSError as error:
        errors.print(
            f"[red]Cannot listen on {host}:{port}[/red]: {error.strerror or error}."
            " Stop what uses that port or choose another with --port."
        )
        raise typer.Exit(1) from None


@app.command("eval")
def evaluate_command(
    gold: Annotated[
        list[Path],
        typer.Argument(
            help="Gold JSON files (tests/gold/*.json), or one document set's gold "
            "(../shared/realdocs/gold.json)."
        ),
    ],
    seeds: Annotated[
        Path | None, typer.Option("--seeds", help="Folder holding the gold files' sources.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Score extraction against hand-made gold files: activity and per-field P/R/F1."""
    from rich.markup import escape

    from ipcoop.quality.evaluation import EvaluationError, evaluate, render
    from ipcoop.quality.evaluation_set import evaluate_set, is_document_set, render_set

    try:
        if len(gold) == 1 and is_document_set(gold[0]):  # a set of documents, one gold file
            scored = evaluate_set(gold[0])
            data, show = scored.as_dict(), partial(render_set, scored)
        else:
            result = evaluate(gold, seeds_dir=seeds)
            data, show = result.as_dict(), partial(render, result)
    except EvaluationError as error:
        errors.print(f"[red]{escape(str(error))}[/red]")
        raise typer.Exit(2) from None
    if as_json:
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        show(console)


if __name__ == "__main__":
    app()
