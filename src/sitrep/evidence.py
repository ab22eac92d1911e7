"""The evidence contract, checked in one place: every span lies in the text and its words are the text's."""
from __future__ import annotations

import dataclasses
from typing import Any, Iterator

from sitrep.errors import SitrepError


class EvidenceError(SitrepError):
    """A report claimed evidence that is not in the article: a bug in sitrep, never the input's fault."""

    exit_code = 1


def spans_of(record: Any, path: str = "report") -> Iterator[tuple[str, Any]]:
    """Every record under `record` with `start` and `end` fields, with where it sits (e.g. report.events[3].actor)."""
    if dataclasses.is_dataclass(record) and not isinstance(record, type):
        names = [f.name for f in dataclasses.fields(record)]
        if "start" in names and "end" in names:
            yield path, record
        for name in names:
            if name != "article":  # the article is the text itself, not evidence about it
                yield from spans_of(getattr(record, name), f"{path}.{name}")
    elif isinstance(record, (list, tuple)):
        for i, item in enumerate(record):
            yield from spans_of(item, f"{path}[{i}]")


def span_violations(report: Any) -> list[str]:
    """Each span outside 0..len(text), or whose `text` is not text[start:end], as one line."""
    text = report.article.text
    bad = []
    for path, span in spans_of(report):
        start, end = span.start, span.end
        if start is None and end is None:  # no evidence, and the record says so
            continue
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(text)):
            bad.append(f"{path}: [{start}:{end}] is outside the text (0..{len(text)})")
        elif isinstance(getattr(span, "text", None), str) and span.text != text[start:end]:
            bad.append(f"{path}: {span.text!r} is not the words at [{start}:{end}], {text[start:end]!r}")
    return bad


def check_evidence(report: Any) -> Any:
    """Return the report unchanged, or raise EvidenceError naming the first broken spans."""
    bad = span_violations(report)
    if bad:
        more = f" (and {len(bad) - 3} more)" if len(bad) > 3 else ""
        raise EvidenceError(f"internal error: evidence does not match the article: {'; '.join(bad[:3])}{more}; "
                            "please report this article")
    return report
