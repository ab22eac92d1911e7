"""CLI commands for corpora: ingest, query, export, cluster (thin: arguments in, library calls, Rich out)."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import List, Optional

import typer
from rich.console import Console
from rich.table import Table

from sitrep.errors import BadInputError
from sitrep.store.schema import DEFAULT_DB

err = Console(stderr=True)
# the columns that fit a terminal; --json gives every column
_EVENT_TABLE_COLUMNS = ("type", "actor_text", "recipient_text", "place_text", "day", "modality", "source",
                        "evidence_text")
DB_OPTION = typer.Option(Path(DEFAULT_DB), "--db", help="DuckDB store file.")


def ingest(
    paths: List[str] = typer.Argument(..., help="Folders, .txt/.html, .jsonl, .csv, RSS/Atom or corpus XML files, URLs."),
    db: Path = DB_OPTION,
    text_col: str = typer.Option("text", "--text-col", help="JSONL/CSV field holding the article text."),
    date_col: str = typer.Option("date", "--date-col", help="JSONL/CSV field holding the date."),
    url_col: str = typer.Option("url", "--url-col", help="JSONL/CSV field holding the URL."),
    source_col: str = typer.Option("source", "--source-col", help="JSONL/CSV field holding the outlet."),
    title_col: str = typer.Option("title", "--title-col", help="JSONL/CSV field holding the title."),
    id_col: str = typer.Option("id", "--id-col", help="JSONL/CSV field holding the article id."),
    source: Optional[str] = typer.Option(None, "--source", help="Outlet for inputs that do not name one."),
    batch_size: int = typer.Option(32, "--batch-size", min=1, help="Articles per analysis batch and transaction."),
    workers: int = typer.Option(1, "--workers", min=1, help="Dask worker processes (a LocalCluster) when > 1."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Attach to a running Dask scheduler, e.g. tcp://HOST:8786."),
    limit: Optional[int] = typer.Option(None, "--limit", min=1, help="Stop after this many articles read."),
    use_dask: bool = typer.Option(False, "--dask", help="Use dask.distributed even with --workers 1."),
    cluster: bool = typer.Option(True, "--cluster/--no-cluster", help="Update near-duplicates and clusters after."),
    language_check: bool = typer.Option(True, "--language-check/--no-language-check",
                                        help="Skip text that does not look like English."),
    timeout: float = typer.Option(15.0, "--timeout", help="Seconds allowed per URL fetch."),
) -> None:
    """Analyse many articles and store the reports (re-running skips what is stored)."""
    from sitrep.corpus.runner import BatchDone, ingest_items
    from sitrep.ingest.sources import Columns, SourceOptions, iter_articles
    from sitrep.pipeline import load_pipeline
    from sitrep.store.schema import connect

    options = SourceOptions(columns=Columns(text=text_col, date=date_col, url=url_col, source=source_col,
                                            title=title_col, id=id_col),
                            language_check=language_check, default_source=source, timeout_s=timeout)
    distributed = use_dask or workers > 1 or scheduler is not None
    if scheduler is not None:  # a typo in the address should fail before any store is opened
        from sitrep.corpus.dask_runner import check_scheduler_address

        scheduler = check_scheduler_address(scheduler)
    if distributed:
        from sitrep.corpus.dask_runner import quiet_dask_logs

        quiet_dask_logs()
    con = connect(db)
    pipeline = None if distributed else load_pipeline()  # Dask workers load their own
    live = err.is_terminal
    progress = _progress() if live else None

    def on_batch(done: BatchDone) -> None:
        """Advance the progress bar, or log one line when stderr is not a terminal."""
        rate = done.total_stored / done.elapsed_s if done.elapsed_s else 0.0
        if progress is not None:
            progress.update(task, completed=done.total_stored, rate=rate)
        else:  # logs, not a terminal: one plain line per committed batch
            err.print(f"batch {done.batch} committed: {done.stored} articles, {done.total_stored} stored, "
                      f"{rate:.1f} articles/s", highlight=False)

    items = iter_articles(paths, options)

    def run() -> "object":
        """Run the chosen runner over the inputs."""
        if distributed:
            from sitrep.corpus.dask_runner import ingest_distributed

            return ingest_distributed(items, con, workers=workers, scheduler_address=scheduler,
                                      batch_size=batch_size, limit=limit, on_batch=on_batch,
                                      on_start=lambda link: err.print(f"Dask dashboard: {link}", highlight=False))
        return ingest_items(items, con, pipeline, batch_size=batch_size, limit=limit, on_batch=on_batch)

    try:
        if progress is not None:
            with progress:
                task = progress.add_task("ingest", total=None, rate=0.0)
                summary = run()
        else:
            summary = run()
        if cluster:
            from sitrep.corpus.cluster import clusters_are_stale, recluster_store

            if clusters_are_stale(con):  # a re-run that stored nothing new leaves the clusters as they are
                recluster_store(con)
    finally:
        con.close()  # committed batches are already safe; closing checkpoints the log
    _print_summary(summary, db)
    if summary.failed:
        err.print(f"[red]{len(summary.failed)} items failed[/red]", highlight=False)
        raise typer.Exit(1)


def _progress() -> "object":
    """A Rich progress display with stored articles and articles/s."""
    from rich.progress import (BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn,
                               TimeRemainingColumn)

    return Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
                    TextColumn("{task.completed} stored · {task.fields[rate]:.1f} articles/s"),
                    TimeElapsedColumn(), TimeRemainingColumn(), console=err)


def _print_summary(summary: "object", db: Path) -> None:
    """The end-of-run summary: counts, then every skip and failure with its reason."""
    s = summary
    err.print(f"[bold]read[/bold] {s.read} · [bold green]stored[/bold green] {s.stored} · "
              f"already stored {s.already_stored} · skipped {len(s.skipped)} · [red]failed {len(s.failed)}[/red] "
              f"· {s.articles_per_s:.1f} articles/s · {db}", highlight=False)
    for label, items in (("skipped", s.skipped), ("failed", s.failed)):
        for item in items[:50]:
            err.print(f"  {label}: {item.origin}: {item.reason}", highlight=False, markup=False)
        if len(items) > 50:
            err.print(f"  ... and {len(items) - 50} more {label}")


def query(
    db: Path = DB_OPTION,
    type_: Optional[str] = typer.Option(None, "--type", help="PLOVER event type, e.g. ASSAULT."),
    actor: Optional[str] = typer.Option(None, "--actor", help="Actor or recipient text (substring, any case)."),
    place: Optional[str] = typer.Option(None, "--place", help="Place name (substring of the text or GeoNames name)."),
    near: Optional[str] = typer.Option(None, "--near", help="LAT,LON,KM: events within KM of a point."),
    since: Optional[str] = typer.Option(None, "--since", help="Earliest day (YYYY-MM-DD)."),
    until: Optional[str] = typer.Option(None, "--until", help="Latest day (YYYY-MM-DD)."),
    source: Optional[str] = typer.Option(None, "--source", help="Outlet (substring, any case)."),
    sql: Optional[str] = typer.Option(None, "--sql", help="A read-only SQL query (SELECT only)."),
    limit: int = typer.Option(50, "--limit", help="Rows to show."),
    as_json: bool = typer.Option(False, "--json", help="One JSON object per row."),
) -> None:
    """Find stored events by type, actor, place, distance, date or outlet, or run read-only SQL."""
    from sitrep.store.queries import EventFilter, find_events, parse_near, query_timeout_s, run_readonly_sql, with_timeout
    from sitrep.store.schema import connect_read_only

    con = connect_read_only(db)
    try:
        if sql:
            columns, rows = with_timeout(con, query_timeout_s(),
                                         lambda: run_readonly_sql(con, sql, limit=None if as_json else limit))
        else:
            filt = EventFilter(type=type_, actor=actor, place=place, near=parse_near(near) if near else None,
                               since=since, until=until, source=source)
            columns, rows = with_timeout(con, query_timeout_s(), lambda: find_events(con, filt, limit=limit))
    finally:
        con.close()
    if as_json:
        for row in rows:
            sys.stdout.write(json.dumps(dict(zip(columns, row)), ensure_ascii=False, default=str) + "\n")
        return
    shown = columns if sql else [c for c in columns if c in _EVENT_TABLE_COLUMNS]
    table = Table(*shown, show_lines=False)
    for row in rows:
        values = dict(zip(columns, row))
        table.add_row(*(_cell(values[c], limit=None if sql else 90) for c in shown))
    Console().print(table)
    err.print(f"{len(rows)} rows", highlight=False)


def _cell(value: object, limit: int | None) -> str:
    """A table cell: empty for None, one line, cut to `limit` characters."""
    text = "" if value is None else " ".join(str(value).split())
    return text if limit is None or len(text) <= limit else text[: limit - 1] + "…"


def export(
    fmt: str = typer.Argument(..., help="parquet | plover | geojson | gdelt"),
    out: Path = typer.Argument(..., help="Output file (a folder for parquet)."),
    db: Path = DB_OPTION,
) -> None:
    """Export stored events: Parquet by date, PLOVER JSONL, GeoJSON, or a GDELT 2.0 event table."""
    from sitrep.store import exports
    from sitrep.store.schema import connect_read_only

    writers = {"parquet": exports.export_parquet, "plover": exports.export_plover,
               "geojson": exports.export_geojson, "gdelt": exports.export_gdelt}
    if fmt not in writers:
        raise BadInputError(f"unknown export format {fmt!r}; choose one of {', '.join(writers)}")
    con = connect_read_only(db, sandboxed=False)
    count = writers[fmt](con, out)
    con.close()
    err.print(f"wrote {count} events to {out}", highlight=False)


def cluster(
    db: Path = DB_OPTION,
    radius_km: float = typer.Option(25.0, "--radius-km", help="Places within this distance can be one event."),
    window_days: int = typer.Option(2, "--window-days", help="Dates within this many days can be one event."),
    threshold: float = typer.Option(0.6, "--threshold", help="MinHash Jaccard for near-duplicate articles."),
    rebuild: bool = typer.Option(False, "--rebuild", help="Recompute every cluster, not only the new events."),
) -> None:
    """Update near-duplicate groups and cross-article event clusters (new settings or --rebuild: from scratch)."""
    from sitrep.corpus.cluster import ClusterParams, recluster_store
    from sitrep.store.schema import connect

    con = connect(db)
    n_groups, n_clusters = recluster_store(con, ClusterParams(radius_km=radius_km, window_days=window_days),
                                           threshold=threshold, rebuild=rebuild)
    con.close()
    err.print(f"{n_groups} near-duplicate groups, {n_clusters} event clusters", highlight=False)
