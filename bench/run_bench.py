"""`make bench`: speed of the full pipeline against bare spaCy, and of the geo stage alone."""
from __future__ import annotations

import importlib
import sys


def main() -> int:
    """Run the corpus speed bench, the 1 -> 2 worker ingest speed-up, then the geo-stage speed bench, then the web page's filter."""
    importlib.import_module("bench.speed").main()
    importlib.import_module("bench.ingest_speed").main([])
    importlib.import_module("bench.geo_eval").speed()
    importlib.import_module("bench.web_bench").main([])  # the workbench's in-page filter at 10,000 events
    return 0


if __name__ == "__main__":
    sys.exit(main())
