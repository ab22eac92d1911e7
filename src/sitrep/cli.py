"""The `sitrep` command line: parse arguments, call the library, format the output."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console

from sitrep.errors import SitrepError

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="sitrep: verifiable, geolocated event records from war reporting.")
err = Console(stderr=True)


@app.command()
def analyze(
    path: str = typer.Argument(..., help="Text or HTML file, or '-' for standard input."),
    as_json: bool = typer.Option(False, "--json", help="Print the contract JSON instead of tables."),
    date: Optional[str] = typer.Option(None, "--date", help="Article date (ISO), anchors relative dates."),
    source: Optional[str] = typer.Option(None, "--source", help="Outlet that published the article."),
    title: Optional[str] = typer.Option(None, "--title", help="Article title."),
    url: Optional[str] = typer.Option(None, "--url", help="Article URL (metadata only; nothing is fetched)."),
    speaker: Optional[str] = typer.Option(None, "--speaker",
                                          help="Who speaks a first-person text (a speech): 'I' and 'we' refer to them."),
    language_check: bool = typer.Option(True, "--language-check/--no-language-check",
                                        help="Refuse text that does not look like English."),
) -> None:
    """Analyse one article and print its report."""
    from sitrep.ingest.text import read_article
    from sitrep.pipeline import load_pipeline

    article = read_article(path, language_check=language_check, date=date, source=source, title=title, url=url,
                           speaker=speaker)
    report = load_pipeline().analyze(article)
    if as_json:
        sys.stdout.write(json.dumps(report.to_dict(), ensure_ascii=False) + "\n")
    else:
        from sitrep.render import print_report

        # piped output has no terminal width; Rich would squeeze the tables into 80 columns
        print_report(report, Console() if sys.stdout.isatty() else Console(width=160))


@app.command()
def schema() -> None:
    """Print the JSON Schema of the report."""
    from sitrep.schema import report_schema

    sys.stdout.write(json.dumps(report_schema(), indent=2) + "\n")


@app.command(name="eval")
def eval_cmd(
    gold: Path = typer.Argument(..., help="Gold JSON in the format of ../shared/eval/README.md."),
    article: Optional[Path] = typer.Option(None, "--article", help="Article text (default: the gold's 'file')."),
    out: Path = typer.Option(Path("bench/results"), "--out", help="Folder for eval-*.json."),
) -> None:
    """Score sitrep's report on an article against a gold annotation."""
    from sitrep.evaluate import evaluate_gold_file, print_scores, write_scores

    scores = evaluate_gold_file(gold, article)
    print_scores(scores, Console())
    written = write_scores(scores, out)
    err.print(f"[dim]wrote {written}[/dim]")


@app.command()
def serve(
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (loopback by default)."),
    port: int = typer.Option(8000, "--port", help="Port to listen on."),
    db: Optional[Path] = typer.Option(None, "--db", help="Event store to browse (from `sitrep ingest`)."),
    token: Optional[str] = typer.Option(None, "--token", envvar="SITREP_TOKEN",
                                        help="Bearer token for writes; required off loopback."),
) -> None:
    """Serve the HTTP API and the web page (map, timeline, evidence) on HOST:PORT."""
    import uvicorn

    from sitrep.api.app import create_app

    if db is not None and not db.exists():
        from sitrep.errors import MissingDataError

        raise MissingDataError(f"no store at {db}; run `sitrep ingest ... --db {db}` first")
    api = create_app(db_path=db, token=token, host=host)
    err.print(f"sitrep on http://{host}:{port}/  (API docs at /docs)")
    # a burst of 2,000 connections must fit the listen queue (uvicorn's default is 2,048, the kernel
    # caps it at net.core.somaxconn) or the overflow waits a 1 s SYN retry; no access log, which
    # would cost a log record per request on the event loop; no proxy headers, as sitrep serves
    # clients directly and nothing in it reads the client address
    uvicorn.run(api, host=host, port=port, log_level="warning", access_log=False, backlog=4096,
                limit_concurrency=4096, timeout_keep_alive=5, proxy_headers=False)


from sitrep.cli_corpus import cluster, export, ingest, query  # noqa: E402 - corpus commands (issue 6)
from sitrep.cli_claims import claims as _claims; app.command("claims")(_claims)  # noqa: E402,E702 - issue 13

app.command("ingest")(ingest)
app.command("query")(query)
app.command("export")(export)
app.command("cluster")(cluster)

from sitrep.cli_geo import gazetteer_app  # noqa: E402 - gazetteer commands (issue 3)

app.add_typer(gazetteer_app, name="gazetteer")


def main() -> None:
    """Entry point: run the app, turning SitrepErrors into one-line messages and exit codes."""
    try:
        code = app(standalone_mode=False)  # without standalone mode, typer.Exit(n) comes back as n
    except SitrepError as exc:
        err.print(f"[bold red]error:[/bold red] {exc}", highlight=False, soft_wrap=True)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        err.print("interrupted")
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
    except Exception as exc:  # noqa: BLE001 - last resort: one line, exit 1, never a traceback
        code = _cli_framework_exit(exc)
        if code is not None:
            sys.exit(code)
        err.print(f"[bold red]internal error:[/bold red] {type(exc).__name__}: {exc} "
                  "(this is a bug in sitrep; set SITREP_DEBUG=1 for the traceback)", highlight=False)
        if __import__("os").environ.get("SITREP_DEBUG"):
            raise
        sys.exit(1)
    if isinstance(code, int) and code:  # e.g. `sitrep ingest` when items failed
        sys.exit(code)


def _cli_framework_exit(exc: Exception) -> int | None:
    """The exit code for the command-line framework's own exceptions, after printing their message.

    Typer ships its own copy of click, so these are recognised by shape (usage errors have `show` and
    `exit_code`) rather than by the `click` package's classes.
    """
    name = type(exc).__name__
    if hasattr(exc, "show") and hasattr(exc, "exit_code"):
        exc.show()
        return int(exc.exit_code)
    if name == "Exit":
        return int(getattr(exc, "exit_code", 0))
    if name == "Abort":
        err.print("aborted")
        return 1
    return None


if __name__ == "__main__":
    main()
