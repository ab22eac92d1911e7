"""Many inputs to Articles: folders of .txt/.html, JSONL, CSV, feeds, the geo XML corpora and URLs.

Every input yields either an Article or a Skipped record saying why not, so one bad item never
stops the others.
"""
from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator
from urllib.parse import urlsplit

from sitrep.errors import BadInputError, SitrepError
from sitrep.ingest.decode import MAX_BYTES
from sitrep.ingest.text import article_from_string, read_article
from sitrep.records import Article

TEXT_SUFFIXES = frozenset({".txt", ".text"})  # not .md: README files sit beside corpora
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
CSV_SUFFIXES = frozenset({".csv", ".tsv"})
XML_SUFFIXES = frozenset({".xml", ".rss", ".atom"})
KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | CSV_SUFFIXES | XML_SUFFIXES


@dataclass(frozen=True, slots=True)
class Columns:
    """Which field of a JSONL record or CSV row holds each part of an article."""

    text: str = "text"
    date: str = "date"
    url: str = "url"
    source: str = "source"
    title: str = "title"
    id: str = "id"
    speaker: str = "speaker"


@dataclass(frozen=True, slots=True)
class SourceOptions:
    """How to read inputs: column names, language check, defaults, and the URL fetch policy."""

    columns: Columns = field(default_factory=Columns)
    language_check: bool = True
    default_source: str | None = None
    allow_loopback: bool = False  # tests only: lets URL fetching reach a local server
    timeout_s: float = 15.0


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input item that produced no article, with the reason; `failed` marks errors, not choices."""

    origin: str
    reason: str
    failed: bool = False


Item = Article | Skipped


def iter_articles(paths: Iterable[str], options: SourceOptions = SourceOptions()) -> Iterator[Item]:
    """Yield an Article or a Skipped for every item under the given paths and URLs, in order."""
    for raw in paths:
        yield from _iter_one(str(raw), options)


def _iter_one(raw: str, options: SourceOptions) -> Iterator[Item]:
    """Dispatch one command-line input to the reader for its kind."""
    from sitrep.ingest.urls import is_url

    if is_url(raw):
        yield _guard(raw, lambda: article_from_url(raw, options))
        return
    path = Path(raw)
    if not path.exists():
        yield Skipped(raw, "no such file or directory", failed=True)
    elif path.is_dir():
        for child in sorted(p for p in path.rglob("*") if p.is_file() and not _hidden(p, path)):
            if child.suffix.lower() in KNOWN_SUFFIXES:
                yield from _iter_file(child, options)
            else:
                yield Skipped(str(child), f"unsupported file type {child.suffix or '(none)'!r}")
    else:
        yield from _iter_file(path, options)


def _iter_file(path: Path, options: SourceOptions) -> Iterator[Item]:
    """Read one file by its suffix (and, for XML, by its root element)."""
    suffix = path.suffix.lower()
    try:
        if suffix in JSONL_SUFFIXES:
            yield from read_jsonl(path, options)
        elif suffix in CSV_SUFFIXES:
            yield from read_csv(path, options)
        elif suffix in XML_SUFFIXES:
            yield from read_xml(path, options)
        else:
            meta = {"source": options.default_source}
            yield _guard(str(path), lambda: read_article(path, language_check=options.language_check, **meta))
    except (SitrepError, OSError, UnicodeDecodeError, csv.Error) as exc:  # the file as a whole is unreadable
        yield Skipped(str(path), _reason(exc), failed=True)


def read_jsonl(path: Path, options: SourceOptions) -> Iterator[Item]:
    """One article per JSON line; blank lines ignored, bad lines reported with their number."""
    with open(path, encoding="utf-8-sig") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            origin = f"{path}:{number}"
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                yield Skipped(origin, f"not valid JSON ({exc.msg})", failed=True)
                continue
            if not isinstance(record, dict):
                yield Skipped(origin, "JSON line is not an object", failed=True)
                continue
            yield _guard(origin, lambda: article_from_record(record, options, origin))


def read_csv(path: Path, options: SourceOptions) -> Iterator[Item]:
    """One article per CSV (or TSV) row, with a header row naming the columns."""
    csv.field_size_limit(max(MAX_BYTES, 1 << 24))  # article bodies are far longer than csv's 128 kB default
    delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
    with open(path, encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle, delimiter=delimiter)
        if reader.fieldnames is None or options.columns.text not in reader.fieldnames:
            raise BadInputError(f"no {options.columns.text!r} column (columns: {reader.fieldnames}); "
                                "name the text column with --text-col")
        for number, row in enumerate(reader, 2):
            origin = f"{path}:{number}"
            yield _guard(origin, lambda: article_from_record(row, options, origin))


def read_xml(path: Path, options: SourceOptions) -> Iterator[Item]:
    """An RSS/Atom feed or an LGL/GeoWebNews corpus file, told apart by the root element."""
    from sitrep.ingest.feeds import FEED_ROOTS, feed_root_tag, read_feed
    from sitrep.ingest.xmlcorpus import read_xml_corpus

    root = feed_root_tag(path)
    if root == "articles":
        for item in read_xml_corpus(path):
            yield _guard(f"{path}#{item.article.id}", lambda: _checked(item.article, options))
    elif root in FEED_ROOTS:
        for number, entry in enumerate(read_feed(path), 1):
            origin = f"{path}#item{number}"
            meta = {"title": entry.title, "date": entry.date, "url": entry.url,
                    "source": entry.source or options.default_source, "id": entry.guid}
            yield _guard(origin, lambda: article_from_string(
                entry.body, language_check=options.language_check, origin=origin, **meta))
    else:
        raise BadInputError(f"XML root <{root}> is neither a feed (rss, feed, RDF) nor a corpus (articles)")


def article_from_record(record: dict[str, Any], options: SourceOptions, origin: str = "record") -> Article:
    """Build an Article from one JSONL record or CSV row using the configured columns."""
    cols = options.columns
    text = record.get(cols.text)
    if not isinstance(text, str) or not text.strip():
        raise BadInputError(f"empty or missing {cols.text!r} field")
    url = _field(record, cols.url)
    meta = {
        "id": _field(record, cols.id),
        "title": _field(record, cols.title),
        "date": _field(record, cols.date),
        "url": url,
        "speaker": _speaker(record.get(cols.speaker)),
        # an outlet name is needed to count independent sources; the URL's host is the honest fallback
        "source": _field(record, cols.source) or options.default_source or (urlsplit(url).hostname if url else None),
    }
    return article_from_string(text, language_check=options.language_check, origin=origin, **meta)


def article_from_url(url: str, options: SourceOptions) -> Article:
    """Fetch a URL safely and extract its article."""
    from sitrep.ingest.decode import decode_bytes
    from sitrep.ingest.urls import FetchPolicy, fetch_url

    page = fetch_url(url, FetchPolicy(timeout_s=options.timeout_s, allow_loopback=options.allow_loopback))
    text = decode_bytes(page.content)
    meta = {"url": page.final_url, "source": options.default_source or urlsplit(page.final_url).hostname}
    return article_from_string(text, language_check=options.language_check, origin=url, **meta)


def _checked(article: Article, options: SourceOptions) -> Article:
    """Apply the language check to an Article built without going through article_from_string."""
    from sitrep.ingest.decode import check_english

    if not article.text.strip():
        raise BadInputError("empty text")
    if options.language_check:
        check_english(article.text)
    return article


def _guard(origin: str, build: Any) -> Item:
    """Run one item's builder, turning an expected error into a Skipped so the run goes on."""
    try:
        return build()
    except BadInputError as exc:
        # input we chose not to analyse (empty, not English) is a skip; unreadable input is a failure
        failed = not _is_choice(str(exc))
        return Skipped(origin, str(exc), failed=failed)
    except (SitrepError, OSError, ValueError) as exc:
        return Skipped(origin, _reason(exc), failed=True)


def _is_choice(message: str) -> bool:
    """True for refusals that are decisions about content (language, emptiness), not breakage."""
    return any(key in message for key in ("not English", "English text only", "empty", "no text", "no letters"))


def _field(record: dict[str, Any], name: str) -> str | None:
    """A metadata field as a stripped string, None when absent or blank."""
    value = record.get(name)
    if value is None:
        return None
    value = str(value).strip()
    return value or None


def _speaker(value: Any) -> str | None:
    """The speaker field of a record: a name, or the first of a list of names (as in speech corpora)."""
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, str) and v.strip()), None)
    return value.strip() if isinstance(value, str) and value.strip() else None


def _hidden(path: Path, root: Path) -> bool:
    """True for dot-files and anything inside a dot-folder under the walked root."""
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def _reason(exc: BaseException) -> str:
    """A one-line reason for a failure."""
    return str(exc) if isinstance(exc, SitrepError) else f"{type(exc).__name__}: {exc}"
