"""Two writers on one store: the second gets a one-line 'store is busy' error and exit code 4."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from sitrep.errors import StoreBusyError
from sitrep.store.schema import connect, connect_read_only


def test_a_second_ingest_into_a_store_being_written_says_busy_in_one_line(tmp_path: Path):
    db = tmp_path / "busy.duckdb"
    article = tmp_path / "a.txt"
    article.write_text("Russian forces shelled Kharkiv on Monday, the regional governor said.\n")
    holder = connect(db)  # this process is the first ingest, holding the write lock
    try:
        proc = subprocess.run([sys.executable, "-m", "sitrep.cli", "ingest", str(article), "--db", str(db)],
                              capture_output=True, timeout=300)
    finally:
        holder.close()
    err = proc.stderr.decode()
    assert proc.returncode == 4, err
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "is busy" in lines[0], err


def test_a_store_held_by_another_process_names_that_process(tmp_path: Path):
    db = tmp_path / "held.duckdb"
    connect(db).close()
    holder = subprocess.Popen([sys.executable, "-c", "import duckdb, sys, time; con = duckdb.connect(sys.argv[1]); "
                               "print('held', flush=True); time.sleep(60)", str(db)], stdout=subprocess.PIPE)
    try:
        assert holder.stdout.readline().strip() == b"held"
        with pytest.raises(StoreBusyError, match=f"process {holder.pid} is writing"):
            connect(db)
        with pytest.raises(StoreBusyError, match="is busy"):
            connect_read_only(db)
    finally:
        holder.kill()
        holder.wait()
    connect(db).close()  # free again once the holder is gone
