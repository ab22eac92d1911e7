"""RSS 2.0, RSS 1.0 (RDF) and Atom feed files: one Article per item, HTML bodies through trafilatura."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Iterator
from urllib.parse import urlsplit

from sitrep.errors import BadInputError

_ATOM = "{http://www.w3.org/2005/Atom}"
_CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
_DC_DATE = "{http://purl.org/dc/elements/1.1/}date"
_RSS1 = "{http://purl.org/rss/1.0/}"
FEED_ROOTS = frozenset({"rss", f"{_ATOM}feed", "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}RDF"})


@dataclass(frozen=True, slots=True)
class FeedItem:
    """One entry of a feed: its body (HTML or text) and metadata, before extraction."""

    body: str
    title: str | None
    date: str | None
    url: str | None
    source: str | None
    guid: str | None


def feed_root_tag(path: str | Path) -> str | None:
    """The root element tag of an XML file, or None when it is not XML."""
    try:
        with open(path, "rb") as handle:
            for _event, elem in ET.iterparse(handle, events=("start",)):
                return elem.tag
    except ET.ParseError:
        return None
    return None


def is_feed(path: str | Path) -> bool:
    """True when the file is an RSS or Atom feed."""
    return feed_root_tag(path) in FEED_ROOTS


def read_feed(path: str | Path) -> Iterator[FeedItem]:
    """Yield the items of an RSS or Atom feed file in document order."""
    try:
        root = ET.parse(str(path)).getroot()
    except ET.ParseError as exc:
        raise BadInputError(f"{path}: feed is not well-formed XML ({exc})") from exc
    if root.tag == f"{_ATOM}feed":
        feed_title = _text(root.find(f"{_ATOM}title"))
        for entry in root.iter(f"{_ATOM}entry"):
            yield _atom_item(entry, feed_title)
    elif root.tag in FEED_ROOTS:
        channel = root.find("channel")
        feed_title = _text(channel.find("title")) if channel is not None else _text(root.find(f"{_RSS1}channel/{_RSS1}title"))
        for item in list(root.iter("item")) + list(root.iter(f"{_RSS1}item")):
            yield _rss_item(item, feed_title)
    else:
        raise BadInputError(f"{path}: XML root <{root.tag}> is not an RSS or Atom feed")


def _rss_item(item: ET.Element, feed_title: str | None) -> FeedItem:
    """Read an RSS 2.0 or 1.0 <item>; the fullest body wins (content:encoded over description)."""
    def child(name: str) -> str | None:
        """Text of a child element, un-namespaced (RSS 2.0) or in the RSS 1.0 namespace."""
        return _text(item.find(name)) or _text(item.find(f"{_RSS1}{name}"))

    url = child("link")
    body = _text(item.find(_CONTENT)) or child("description") or ""
    return FeedItem(
        body=body, title=child("title"), date=_rss_date(child("pubDate") or _text(item.find(_DC_DATE))),
        url=url, source=feed_title or _host(url), guid=child("guid"),
    )


def _atom_item(entry: ET.Element, feed_title: str | None) -> FeedItem:
    """Read an Atom <entry>; content over summary, the rel=alternate link as URL."""
    url = None
    for link in entry.findall(f"{_ATOM}link"):
        if link.get("rel", "alternate") == "alternate":
            url = link.get("href")
            break
    body = _text(entry.find(f"{_ATOM}content")) or _text(entry.find(f"{_ATOM}summary")) or ""
    date = _text(entry.find(f"{_ATOM}published")) or _text(entry.find(f"{_ATOM}updated"))
    return FeedItem(
        body=body, title=_text(entry.find(f"{_ATOM}title")), date=date[:10] if date else None,
        url=url, source=feed_title or _host(url), guid=_text(entry.find(f"{_ATOM}id")),
    )


def _rss_date(value: str | None) -> str | None:
    """RFC 822 dates (RSS) and ISO dates (Dublin Core) to YYYY-MM-DD; unparseable ones kept as written."""
    if not value:
        return None
    if re.match(r"\d{4}-\d{2}-\d{2}", value):
        return value[:10]
    try:
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError):
        return value


def _text(elem: ET.Element | None) -> str | None:
    """Stripped text of an element, None when missing or blank."""
    if elem is None or elem.text is None:
        return None
    return elem.text.strip() or None


def _host(url: str | None) -> str | None:
    """Hostname of a URL, used as the outlet when the feed has no title."""
    return urlsplit(url).hostname if url else None
