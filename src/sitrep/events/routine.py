"""Press routine that reports no event: photo captions, picture credits and related-story teasers in the text."""
from __future__ import annotations

import re

# a caption that follows its marker, to the end of its sentence: "Image caption Boken, centre, is the suspect."
_CAPTION_AFTER = re.compile(r"\b(?:Image caption|Photo caption|Caption:|Pictured:)\s[^\n]*?(?:[.!?](?=\s)|\n|$)")
# a credit that closes the caption before it: "... in Bakhmut. (Image: X/Getty Images)", "(News-Leader file photo)"
_CREDIT_AFTER = re.compile(r"\((?:Image|Photo|Picture|Pic|Credit)s?:[^)\n]{0,120}\)", re.I)
_FILE_CREDIT = re.compile(r"\([^()\n]{0,80}\bfile (?:photo|picture|image)\)", re.I)
# "..., file photo." and "Image copyright Suffolk County Times": the whole run is credit or caption
_FILE_PHOTO = re.compile(r",\s*file (?:photo|picture|image)\.", re.I)  # the caption runs back to the sentence start
_COPYRIGHT = re.compile(r"\bImage copyright\b[^\n]*?(?=\bImage caption\b|\n|$)")
# related-story teasers: "More: Godmother Taylor Swift meets ... [archive]", "Read more: ...", "RELATED: ..."; a bare
# "Read More" link label runs into the article's next sentence, so only the label itself is routine
_TEASER = re.compile(r"(?:^|(?<=\s))(?:More|Read more|Read More|RELATED|Related|WATCH|Watch|See also|ALSO READ|Also read):\s"
                     r"[^\n]*?(?:\[archive\]|[.!?](?=\s)|\n|$)|(?:^|(?<=\s))Read [Mm]ore\b")
_SENTENCE_END = re.compile(r"[.!?][\"”’)]?\s|\n")


def routine_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of captions, credits and teasers: triggers inside them report no event."""
    spans = [m.span() for pattern in (_CAPTION_AFTER, _COPYRIGHT, _TEASER) for m in pattern.finditer(text)]
    for m in _FILE_PHOTO.finditer(text):
        window = max(0, m.start() - 400)
        ends = [e.end() for e in _SENTENCE_END.finditer(text, window, m.start())]
        spans.append((ends[-1] if ends else window, m.end()))
    credits = list(_CREDIT_AFTER.finditer(text))
    if "file " in text.lower():  # the file-photo credit pattern is costlier: only where it can match
        credits += list(_FILE_CREDIT.finditer(text))
    for m in credits:
        # the caption is the run of words before its credit, back to the previous sentence end
        window = max(0, m.start() - 400)
        ends = [e.end() for e in _SENTENCE_END.finditer(text, window, m.start())]
        if ends and not text[ends[-1]:m.start()].strip():
            ends.pop()  # "... the Great Depression. (Associated Press file photo)": the caption is the sentence before
        spans.append((ends[-1] if ends else window, m.end()))
    return sorted(_with_caption_lines(text, spans))


_UNFINISHED_LINE = re.compile(r"\n([^\n]{1,200}?[^.!?\"”’)\s])[ \t]*\n\s*$")


def _with_caption_lines(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A caption line with no final stop right before a caption or credit belongs to it: "The blast took place close
    to 'Sheikh Akil graveyard'" above "The soldier ..., file photo."."""
    out = []
    for start, end in spans:
        before = text[max(0, start - 240):start]
        m = _UNFINISHED_LINE.search(before)
        out.append((start - len(before) + m.start(1), end) if m else (start, end))
    return out


def in_spans(offset: int, spans: list[tuple[int, int]]) -> bool:
    """True when a character offset falls inside one of the (sorted) spans."""
    return any(start <= offset < end for start, end in spans)
