"""Rich tables for a Report: what `sitrep analyze` prints without --json."""
from __future__ import annotations

from rich.console import Console
from rich.table import Table

from sitrep.records import Report


def _fmt(value: object) -> str:
    """Show None as an empty cell and floats briefly."""
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.4g}"
    return str(value)


def print_report(report: Report, console: Console) -> None:
    """Print every non-empty section of the report as a table."""
    art = report.article
    console.print(f"[bold]{art.title or art.id}[/bold]  date={art.date or '?'}  source={art.source or '?'}  "
                  f"chars={len(art.text)}  sha256={art.text_sha256[:12]}")
    if report.entities:
        t = Table(title="Entities", show_lines=False)
        for col in ("id", "text", "type", "rank", "role", "country", "sector", "mentions"):
            t.add_column(col)
        for e in report.entities:
            t.add_row(e.id, e.text, e.type, _fmt(e.rank), _fmt(e.role), _fmt(e.country), _fmt(e.sector),
                      str(len(e.mentions)))
        console.print(t)
    if report.places:
        t = Table(title="Places")
        for col in ("text", "at", "geonameid", "name", "admin1", "country", "lat", "lon", "how", "score"):
            t.add_column(col)
        for p in report.places:
            t.add_row(p.text, str(p.start), _fmt(p.geonameid), _fmt(p.name), _fmt(p.admin1_name or p.admin1),
                      _fmt(p.country), _fmt(p.lat), _fmt(p.lon), p.matched_by, f"{p.score:.2f}")
        console.print(t)
    if report.events:
        t = Table(title="Events")
        for col in ("type", "mode", "actor", "recipient", "place", "date", "modality", "according to", "trigger"):
            t.add_column(col)
        for ev in report.events:
            t.add_row(ev.type, _fmt(ev.mode), ev.actor.text if ev.actor else "",
                      ev.recipient.text if ev.recipient else "", ev.place.label() if ev.place else "",
                      _fmt(ev.date), ev.modality, " → ".join(ev.attributed_to), ev.trigger.text)
        console.print(t)
    if report.main_events:
        ranked = ", ".join(f"{m.type} {m.share:.0%} ({len(m.event_ids)} events)" for m in report.main_events)
        console.print(f"[bold]Main events:[/bold] {ranked}")
    if report.quotes:
        t = Table(title="Quotes")
        t.add_column("speaker")
        t.add_column("quote")
        for q in report.quotes:
            t.add_row(_fmt(q.speaker), q.text)
        console.print(t)
    if report.attributions:
        t = Table(title="Attributions")
        for col in ("cue", "chain (innermost first)", "anonymous", "hedged", "evidence"):
            t.add_column(col)
        for a in report.attributions:
            t.add_row(a.cue, " → ".join(a.chain), str(a.anonymous), str(a.hedged), a.evidence.text)
        console.print(t)
    if report.flags:
        t = Table(title="Flags")
        for col in ("kind", "severity", "message"):
            t.add_column(col)
        for f in report.flags:
            t.add_row(f.kind, f.severity, f.message)
        console.print(t)
    for warning in report.warnings:
        console.print(f"[yellow]warning:[/yellow] {warning}")
