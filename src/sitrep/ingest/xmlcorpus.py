"""Adapter for the LGL and GeoWebNews geoparsing corpora (XML): one Article per <article>, gold toponyms kept."""
from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator
from urllib.parse import urlsplit

from sitrep.errors import BadInputError
from sitrep.records import Article


@dataclass(frozen=True, slots=True)
class GoldToponym:
    """A toponym span annotated in the corpus, with its gold coordinates when it has them."""

    start: int
    end: int
    text: str
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    kind: str | None = None  # GeoWebNews type: Literal, Associative, Demonym, ...


@dataclass(frozen=True, slots=True)
class CorpusArticle:
    """One corpus article and its gold toponyms; offsets point into `article.text`."""

    article: Article
    toponyms: tuple[GoldToponym, ...]


def is_xml_corpus(path: str | Path) -> bool:
    """True when the file's root element is <articles> (the LGL / GeoWebNews layout)."""
    with open(path, "rb") as handle:
        for _event, elem in ET.iterparse(handle, events=("start",)):
            return elem.tag == "articles"
    return False


def read_xml_corpus(path: str | Path) -> Iterator[CorpusArticle]:
    """Stream the articles of an LGL or GeoWebNews XML file, text unchanged so gold offsets hold."""
    try:
        for _event, elem in ET.iterparse(str(path), events=("end",)):
            if elem.tag != "article":
                continue
            yield _corpus_article(elem, Path(path).stem)
            elem.clear()  # the files are a few MB; clearing keeps memory flat on larger ones
    except ET.ParseError as exc:
        raise BadInputError(f"{path}: not well-formed XML ({exc})") from exc


def _corpus_article(elem: ET.Element, corpus: str) -> CorpusArticle:
    """Build one CorpusArticle from an <article> element of either corpus."""
    text = elem.findtext("text") or ""
    url = (elem.findtext("url") or elem.findtext("link") or "").strip() or None
    domain = (elem.findtext("domain") or "").strip() or (urlsplit(url).hostname if url else None)
    dltime = (elem.findtext("dltime") or "").strip()
    doc_id = elem.get("docid") or elem.get("file") or ""
    article = Article.from_text(
        text,
        id=f"{corpus}-{doc_id}",
        title=(elem.findtext("title") or "").strip() or None,
        date=dltime[:10] or None,  # LGL's download time; GeoWebNews has no date
        source=domain,
        url=url,
    )
    toponyms = tuple(_toponym(t) for t in elem.iter("toponym"))
    return CorpusArticle(article=article, toponyms=tuple(t for t in toponyms if t is not None))


def _toponym(elem: ET.Element) -> GoldToponym | None:
    """Read one <toponym>, in LGL form (phrase, gaztag) or GeoWebNews form (extractedName, latitude)."""
    start, end = elem.findtext("start"), elem.findtext("end")
    if start is None or end is None:
        return None
    gaz = elem.find("gaztag")
    if gaz is not None:  # LGL
        return GoldToponym(
            start=int(start), end=int(end), text=elem.findtext("phrase") or "",
            geonameid=_int(gaz.get("geonameid")), lat=_float(gaz.findtext("lat")), lon=_float(gaz.findtext("lon")),
        )
    return GoldToponym(
        start=int(start), end=int(end), text=elem.findtext("extractedName") or elem.findtext("phrase") or "",
        geonameid=_int(elem.findtext("geonamesID")), lat=_float(elem.findtext("latitude")),
        lon=_float(elem.findtext("longitude")), kind=elem.findtext("type"),
    )


def _int(value: str | None) -> int | None:
    """Parse an optional integer field (empty means absent)."""
    value = (value or "").strip()
    return int(value) if value.isdigit() else None


def _float(value: str | None) -> float | None:
    """Parse an optional float field (empty means absent)."""
    try:
        return float(value) if value and value.strip() else None
    except ValueError:
        return None
