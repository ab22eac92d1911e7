"""A small claims scenario written from the seed article (../shared/eval/seed): an original wire report, a
rewrite through a second outlet citing the first, a rewrite that changes a figure and a place, and a denial
by the other side."""
from __future__ import annotations

# the rest of the story, shared by the original and its rewrites (from the seed article's wording)
_BODY = (
    "The ministry said the strike hit a command post used by the 6th Separate Guards Mechanized Brigade.\n"
    "The discussion with Colonel Yaramyr Temirkhanov was followed by another call with Colonel Sergei "
    "Cherdantsev, commander of the 177th Caspian Fleet Regiment.\n"
    "Meanwhile, reports from the field suggest that preparations are intensifying in Sloviansk and Kramatorsk, "
    "two key cities in the Donetsk region.\n"
    "Whether these moves signal a temporary lull or the prelude to a larger offensive remains unclear, but the "
    "stakes for civilians in Donbass, and for the future of the region, grow ever higher.\n"
)

ORIGINAL = (
    "Russian forces shelled Seversk in the Donetsk region on Tuesday, killing 40 Ukrainian soldiers, "
    "according to the Russian Defence Ministry.\n" + _BODY
)
RELAY = (
    "Russian forces shelled Seversk in the Donetsk region on Tuesday, killing 40 Ukrainian soldiers, "
    "according to the Russian Defence Ministry, as reported by TASS.\n" + _BODY
)
CHANGED = (
    "Russian forces shelled Sevsk in the Donetsk region on Tuesday, killing 400 Ukrainian soldiers, "
    "according to the Russian Defence Ministry.\n" + _BODY
)
DENIAL = (
    "The General Staff of the Armed Forces of Ukraine denied that Russian forces had shelled Siversk on Tuesday.\n"
    "No Ukrainian soldiers were killed, the General Staff said, calling the report a fabrication.\n"
)

# an independent report of the same shelling, spelling the town another way (Siversk, as Ukrainian sources do)
WITNESS = (
    "Russian forces shelled Siversk on Tuesday, residents said, describing damaged homes near the railway station.\n"
    "The town, in the Donetsk region, has been under fire for weeks.\n"
)

DATE = "2024-08-20"  # a Tuesday
ARTICLES = (
    ("original", ORIGINAL, "TASS"),
    ("relay", RELAY, "RIA Novosti"),
    ("changed", CHANGED, "frontline-digest.example"),
    ("denial", DENIAL, "Ukrinform"),
)
