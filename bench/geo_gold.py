"""Geoparsing gold: LGL and GeoWebNews loaders, the tune/report split, and distance helpers.

Gold data is read from ../shared/eval at run time and never copied into the repository.
"""
from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
ACCURACY_KM = 161.0  # 100 miles, the standard threshold of the geoparsing literature
MAX_ERROR_KM = 20039.0  # half the Earth's circumference: the error of an unresolved toponym
HALVES = ("tune", "report")  # even article index: tuned on; odd: never looked at while tuning
# GeoWebNews types that name a place with a proper name; the *_Expression types are common nouns
# ("the city"), and demonyms/languages are adjectives, which sitrep deliberately does not tag.
GWN_TOPONYM_TYPES = frozenset({"Literal", "Non_Literal_Modifier", "Metonymic", "Embedded_Non_Lit", "Mixed",
                               "Literal_Modifier", "Coercion", "Embedded_Literal", "Homonym"})


@dataclass(frozen=True, slots=True)
class GoldToponym:
    """One gold toponym: its span, and its coordinates when the corpus gives them."""

    start: int
    end: int
    text: str
    lat: float | None
    lon: float | None
    geonameid: int | None
    counts_for_tagging: bool


@dataclass(frozen=True, slots=True)
class GoldArticle:
    """One gold article."""

    id: str
    text: str
    toponyms: tuple[GoldToponym, ...]


def load_lgl(path: Path) -> list[GoldArticle]:
    """Articles of LGL (Lieberman et al. 2010) from the Gritta et al. XML."""
    out = []
    for art in ET.parse(path).getroot().iter("article"):
        text = art.findtext("text") or ""
        tops = []
        for top in art.iter("toponym"):
            tag = top.find("gaztag")
            lat = lon = gid = None
            if tag is not None and tag.findtext("lat"):
                lat, lon = float(tag.findtext("lat")), float(tag.findtext("lon"))
                gid = int(tag.get("geonameid")) if tag.get("geonameid") else None
            tops.append(GoldToponym(int(top.findtext("start")), int(top.findtext("end")), top.findtext("phrase") or "",
                                    lat, lon, gid, True))
        out.append(GoldArticle(art.get("docid") or str(len(out)), text, tuple(tops)))
    return out


def load_geowebnews(path: Path) -> list[GoldArticle]:
    """Articles of GeoWebNews (Gritta et al. 2019)."""
    out = []
    for art in ET.parse(path).getroot().iter("article"):
        text = art.findtext("text") or ""
        tops = []
        for top in art.iter("toponym"):
            lat_text = top.findtext("latitude")
            lat = float(lat_text) if lat_text else None
            lon = float(top.findtext("longitude")) if lat_text else None
            gid_text = top.findtext("geonamesID")
            tops.append(GoldToponym(int(top.findtext("start")), int(top.findtext("end")),
                                    top.findtext("extractedName") or "", lat, lon,
                                    int(gid_text) if gid_text else None,
                                    (top.findtext("type") or "") in GWN_TOPONYM_TYPES))
        out.append(GoldArticle(art.get("file") or str(len(out)), text, tuple(tops)))
    return out


def load_corpora() -> dict[str, list[GoldArticle]]:
    """Both gold corpora, by name."""
    return {"lgl": load_lgl(EVAL / "geo" / "lgl.xml"), "geowebnews": load_geowebnews(EVAL / "geo" / "geowebnews.xml")}


def split_halves(articles: list[GoldArticle]) -> dict[str, list[int]]:
    """Article indexes of the tune half (even positions) and the report half (odd positions)."""
    return {"tune": list(range(0, len(articles), 2)), "report": list(range(1, len(articles), 2))}


def haversine(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km."""
    from sitrep.geodesy import haversine_km

    return haversine_km(lat1, lon1, lat2, lon2)


def error_auc(errors: list[float]) -> float:
    """Area under the curve of sorted log(1+error km), scaled by log(20039) (Gritta et al.); lower is better."""
    if len(errors) < 2:
        return 0.0
    ys = [math.log(1 + e) for e in sorted(errors)]
    area = sum((a + b) / 2 for a, b in zip(ys, ys[1:]))
    return area / ((len(ys) - 1) * math.log(MAX_ERROR_KM))


def prf(tp_pred: int, tp_gold: int, n_pred: int, n_gold: int) -> dict[str, float]:
    """Precision, recall, F1 (rounded)."""
    p = tp_pred / n_pred if n_pred else 0.0
    r = tp_gold / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}
