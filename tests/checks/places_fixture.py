"""Places of the seed article as GeoNames records, checked by hand against GeoNames (ids, coordinates, admin1)."""
from __future__ import annotations

from sitrep.records import Place

# geonameid, name, lat, lon, country, admin1, admin1 name, precision
GAZ = {
    "Severodonnetsk": (691999, "Sievierodonetsk", 48.94414, 38.48754, "UA", "UA.14", "Luhanska oblast", "city"),
    "Sevsk": (496246, "Sevsk", 52.14904, 34.49347, "RU", "RU.10", "Bryanskaya oblast'", "city"),
    "Seversk": (694403, "Siversk", 48.86476, 38.09683, "UA", "UA.05", "Donetska oblast", "city"),
    "Sloviansk": (693468, "Sloviansk", 48.84974, 37.59739, "UA", "UA.05", "Donetska oblast", "city"),
    "Kramatorsk": (704508, "Kramatorsk", 48.73106, 37.56779, "UA", "UA.05", "Donetska oblast", "city"),
    "Donetsk region": (709716, "Donetska oblast", 48.0, 37.8, "UA", "UA.05", "Donetska oblast", "admin1"),
    "Donetsk People’s Republic": (709716, "Donetska oblast", 48.0, 37.8, "UA", "UA.05", "Donetska oblast", "admin1"),
}


def place(text: str, article: str, nth: int = 0, **fields) -> Place:
    """A Place for the nth occurrence of `text` in `article`, with its GeoNames values from GAZ."""
    start = -1
    for _ in range(nth + 1):
        start = article.index(text, start + 1)
    gid, name, lat, lon, country, admin1, admin1_name, precision = GAZ[text]
    return Place(text=text, start=start, end=start + len(text), geonameid=gid, name=name, lat=lat, lon=lon,
                 country=country, admin1=admin1, admin1_name=admin1_name, precision=precision, **fields)
