"""Bad input gets one clear line and a documented exit code, never a traceback."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from sitrep.errors import BadInputError
from sitrep.ingest.decode import check_english, decode_bytes


def run_cli(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    """Run the real `sitrep` entry point in a subprocess."""
    return subprocess.run([sys.executable, "-m", "sitrep.cli", *args], input=stdin, capture_output=True, timeout=300)


def assert_clean_failure(proc: subprocess.CompletedProcess, code: int, words: str) -> None:
    """Exit code as documented, a one-line message naming the problem, no traceback."""
    err = proc.stderr.decode()
    assert proc.returncode == code, err
    assert "Traceback" not in err
    assert words in err.lower()


def test_empty_file_exits_2(tmp_path: Path):
    f = tmp_path / "empty.txt"
    f.write_text("   \n")
    assert_clean_failure(run_cli("analyze", str(f)), 2, "empty")


def test_binary_file_exits_2(tmp_path: Path):
    f = tmp_path / "image.png"
    f.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 20)
    assert_clean_failure(run_cli("analyze", str(f)), 2, "binary")


def test_fifty_megabyte_file_exits_2_without_reading_it(tmp_path: Path):
    f = tmp_path / "huge.txt"
    with f.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)  # sparse: the size check must refuse before reading
    assert_clean_failure(run_cli("analyze", str(f)), 2, "limit")


def test_missing_file_and_directory_exit_2(tmp_path: Path):
    assert_clean_failure(run_cli("analyze", str(tmp_path / "nope.txt")), 2, "no such file")
    assert_clean_failure(run_cli("analyze", str(tmp_path)), 2, "directory")


def test_html_with_no_text_exits_2(tmp_path: Path):
    f = tmp_path / "empty.html"
    f.write_text("<html><head><script>var x = 1;</script></head><body><nav><a href='/'>Home</a></nav></body></html>")
    assert_clean_failure(run_cli("analyze", str(f)), 2, "no extractable")


def test_russian_text_is_refused_as_not_english():
    text = "Президент России Владимир Путин провёл телефонный разговор с командирами подразделений."
    with pytest.raises(BadInputError, match="Cyrillic"):
        check_english(text)


def test_french_text_is_refused_as_not_english():
    text = ("Le président russe a eu une série d'appels téléphoniques urgents avec les commandants du front, "
            "signalant une attention renouvelée à la stabilisation de la région du Donbass déchirée par la guerre.")
    with pytest.raises(BadInputError, match="English"):
        check_english(text)


def test_latin1_text_is_decoded_not_refused():
    data = "Le café près de Kyiv: résidents évacués après le bombardement.".encode("latin-1")
    assert "café" in decode_bytes(data)


def test_utf8_bom_is_stripped():
    assert decode_bytes("\ufeffKyiv".encode("utf-8")) == "Kyiv"


def test_stdin_and_json_output_follow_the_contract():
    text = b"Russian President Vladimir Putin spoke with Colonel Denis Pyrogov, according to TASS."
    proc = run_cli("analyze", "-", "--json", "--date", "2024-06-01", "--source", "TASS", stdin=text)
    assert proc.returncode == 0, proc.stderr.decode()
    out = json.loads(proc.stdout)
    assert out["article"]["date"] == "2024-06-01" and out["article"]["source"] == "TASS"
    assert out["schema_version"]
    for key in ("entities", "places", "events", "quotes", "attributions", "flags"):
        assert isinstance(out[key], list)
    pyrogov = next(e for e in out["entities"] if e["text"] == "Denis Pyrogov")
    start, end = pyrogov["mentions"][0]["start"], pyrogov["mentions"][0]["end"]
    assert text.decode()[start:end] == "Denis Pyrogov"


def test_schema_command_prints_a_json_schema_the_output_validates_against(seed_report):
    import jsonschema

    proc = run_cli("schema")
    assert proc.returncode == 0
    schema = json.loads(proc.stdout)
    jsonschema.validate(seed_report.to_dict(), schema)
    assert "Place" in schema["$defs"] and "Event" in schema["$defs"]


def test_unknown_option_and_command_are_usage_errors_not_bugs():
    for args in (("analyze", "--no-such-option", "x.txt"), ("no-such-command",)):
        proc = run_cli(*args)
        err = proc.stderr.decode()
        assert proc.returncode == 2, err
        assert "Traceback" not in err and "internal error" not in err
        assert "No such" in err


def test_text_over_the_character_limit_is_one_line_and_exit_2_not_a_spacy_error(tmp_path: Path):
    f = tmp_path / "long.txt"
    f.write_text("Russian forces shelled Kharkiv on Monday. " * 30_000)
    proc = run_cli("analyze", str(f))
    assert_clean_failure(proc, 2, "character limit")
    assert "E088" not in proc.stderr.decode()
    assert len(proc.stderr.decode().strip().splitlines()) == 1


def test_the_character_limit_is_configurable(monkeypatch):
    from sitrep.ingest.text import article_from_string

    monkeypatch.setenv("SITREP_MAX_CHARS", "50")
    with pytest.raises(BadInputError, match="50-character limit"):
        article_from_string("Russian forces shelled Kharkiv on Monday, officials said in Kyiv.", language_check=False)


def test_ingest_exits_non_zero_with_a_count_when_items_failed(tmp_path: Path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("Russian forces shelled Kharkiv on Monday, the regional governor said.\n")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02\x03binary\xff\xfe")
    proc = run_cli("ingest", str(folder), "--db", str(tmp_path / "s.duckdb"), "--no-cluster")
    err = proc.stderr.decode()
    assert proc.returncode == 1, err
    assert "Traceback" not in err
    assert "1 items failed" in err and "stored 1" in err
