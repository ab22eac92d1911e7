"""Load test of `sitrep serve` on loopback: bursts of concurrent health and event queries while articles are analysed.

    .venv/bin/python -m bench.load                    # 2 bursts of 2,000 requests, 4 analyses at a time
    .venv/bin/python -m bench.load --burst 500 --bursts 1

It builds a store from the seed article, starts the real server (`python -m sitrep.cli serve`) on
a free loopback port, keeps `--analyses` POST /api/analyze requests in flight, and sends each burst
of `--burst` GETs at once (health, event queries, and a few bad parameters that must be 4xx). The
whole run stops by itself after `--deadline-s` (60 s). Latency percentiles per kind, status counts,
server errors (5xx) and the server's memory (its own process and its analysis worker processes
together, and the server process alone) go to bench/results/load-DATE.json. Nothing asserts.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SEED = next((p for p in (ROOT.parent / "shared/eval/seed/article.txt", ROOT / "examples/seed_article.txt")
             if p.exists()), None)
EVENT_QUERIES = ["/api/events", "/api/events?type=ASSAULT", "/api/events?near=48.85,38.0,100",
                 "/api/events?since=2024-01-01&until=2030-01-01", "/api/events?actor=Russia&limit=5"]
BAD_QUERIES = ["/api/events?near=48,38,inf", "/api/events?since=yesterday", "/api/events?limit=x"]


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def percentiles(values: list[float]) -> dict[str, float]:
    """p50, p90, p99 and max of a list of seconds, rounded to the millisecond."""
    if not values:
        return {}
    ordered = sorted(values)
    pick = lambda q: ordered[min(len(ordered) - 1, int(q * len(ordered)))]  # noqa: E731
    return {"n": len(ordered), "p50": round(pick(0.50), 3), "p90": round(pick(0.90), 3),
            "p99": round(pick(0.99), 3), "max": round(ordered[-1], 3)}


def rss_mb(pid: int) -> float:
    """Resident memory of a process, in MB (from /proc, no extra dependency)."""
    try:
        pages = int(Path(f"/proc/{pid}/statm").read_text().split()[1])
    except (OSError, IndexError, ValueError):
        return 0.0
    return pages * os.sysconf("SC_PAGE_SIZE") / 1e6


def descendants(pid: int) -> list[int]:
    """The process ids of a process's children, theirs, and so on (from /proc)."""
    found: list[int] = []
    todo = [pid]
    while todo:
        parent = todo.pop()
        try:
            tasks = list(Path(f"/proc/{parent}/task").iterdir())
        except OSError:
            continue
        for task in tasks:
            try:
                children = [int(c) for c in (task / "children").read_text().split()]
            except (OSError, ValueError):
                continue
            found += children
            todo += children
    return found


def tree_rss_mb(pid: int) -> float:
    """Resident memory of a process and all its descendants (the server and its analysis workers), in MB."""
    return rss_mb(pid) + sum(rss_mb(child) for child in descendants(pid))


async def request(port: int, method: str, path: str, body: bytes = b"") -> int:
    """One HTTP/1.1 request on a fresh connection; the status code.

    A bare asyncio client, not httpx: on two cores httpx's own work per request was most of
    the measured latency, which is the client's cost, not the server's.
    """
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        head = (f"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n"
                f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n")
        writer.write(head.encode() + body)
        await writer.drain()
        status_line = await reader.readline()
        await reader.read()  # the whole answer, as a client would
        return int(status_line.split()[1])
    finally:
        writer.close()


async def timed(port: int, kind: str, method: str, url: str, log: dict[str, list], statuses: dict[str, Counter],
                body: bytes = b"") -> None:
    """One request; its latency and status (or the exception's name) go into the logs."""
    t0 = time.perf_counter()
    try:
        statuses[kind][await request(port, method, url, body)] += 1
    except Exception as exc:  # noqa: BLE001 - a refused or reset connection is a result to count
        statuses[kind][type(exc).__name__] += 1
    log[kind].append(time.perf_counter() - t0)


async def run_load(port: int, pid: int, args: argparse.Namespace) -> dict[str, Any]:
    """Keep analyses in flight, send the bursts, sample the server's memory; all within the deadline."""
    article = SEED.read_text(encoding="utf-8") if SEED else "Russian forces shelled Kharkiv on Monday."
    log: dict[str, list[float]] = defaultdict(list)
    statuses: dict[str, Counter] = defaultdict(Counter)
    memory: list[tuple[float, float]] = []  # the server with its analysis workers
    main_memory: list[float] = []  # the server process alone
    stop = asyncio.Event()
    started = time.perf_counter()
    body = json.dumps({"text": article}).encode()
    if True:  # one block, as the run is one client session

        async def analyses_forever() -> None:
            while not stop.is_set():
                await timed(port, "analyze", "POST", "/api/analyze", log, statuses, body)

        async def sample_memory() -> None:
            while not stop.is_set():
                memory.append((round(time.perf_counter() - started, 2), round(tree_rss_mb(pid), 1)))
                main_memory.append(round(rss_mb(pid), 1))
                await asyncio.sleep(0.25)

        background = [asyncio.create_task(analyses_forever()) for _ in range(args.analyses)]
        background.append(asyncio.create_task(sample_memory()))
        await asyncio.sleep(1.0)  # the analyses are running before the first burst
        bursts = []
        for b in range(args.bursts):
            requests = []
            for i in range(args.burst):
                if i % 50 == 49:
                    kind, url = "bad_param", BAD_QUERIES[i % len(BAD_QUERIES)]
                elif i % 2:
                    kind, url = "events", EVENT_QUERIES[i % len(EVENT_QUERIES)]
                else:
                    kind, url = "health", "/api/health"
                requests.append(timed(port, kind, "GET", url, log, statuses))
            t0 = time.perf_counter()
            seen = {kind: len(values) for kind, values in log.items()}
            await asyncio.gather(*requests)
            bursts.append({"burst": b + 1, "requests": args.burst, "seconds": round(time.perf_counter() - t0, 2),
                           "server_rss_mb": round(tree_rss_mb(pid), 1),
                           "p99_s": {kind: percentiles(log[kind][seen.get(kind, 0):]).get("p99")
                                     for kind in ("health", "events")},
                           # analyses that finished while the burst ran: they were running, not queued behind it
                           "analyses_finished": len(log["analyze"]) - seen.get("analyze", 0)})
            print(f"burst {b + 1}: {args.burst} requests in {bursts[-1]['seconds']} s, "
                  f"server {bursts[-1]['server_rss_mb']} MB", flush=True)
        stop.set()
        await asyncio.wait(background, timeout=max(1.0, args.deadline_s - (time.perf_counter() - started)))
        for task in background:
            task.cancel()
    server_errors = sum(n for counts in statuses.values() for code, n in counts.items()
                        if isinstance(code, int) and code >= 500)
    failures = sum(n for counts in statuses.values() for code, n in counts.items() if not isinstance(code, int))
    rss = [m for _, m in memory]
    return {"latency_s": {k: percentiles(v) for k, v in sorted(log.items())},
            "statuses": {k: {str(code): n for code, n in v.items()} for k, v in sorted(statuses.items())},
            "server_errors": server_errors, "connection_failures": failures, "burst_detail": bursts,
            "server_rss_mb": {"start": rss[0] if rss else None, "peak": max(rss) if rss else None,
                              "end": rss[-1] if rss else None},
            "server_main_rss_mb": {"start": main_memory[0] if main_memory else None,
                                   "peak": max(main_memory) if main_memory else None,
                                   "end": main_memory[-1] if main_memory else None},
            "memory_samples": memory[:: max(1, len(memory) // 60)], "wall_s": round(time.perf_counter() - started, 1)}


def client_loop(name: str) -> Any:
    """The event loop factory for the client: uvloop's where asked for and installed, else asyncio's."""
    if name == "uvloop":
        try:
            import uvloop

            return uvloop.new_event_loop
        except ImportError:
            pass
    return asyncio.new_event_loop


def start_server(db: Path, port: int) -> subprocess.Popen:
    """Start `sitrep serve` on loopback and wait until /api/health answers (the pipeline loads first)."""
    import httpx

    proc = subprocess.Popen([sys.executable, "-m", "sitrep.cli", "serve", "--db", str(db), "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    for _ in range(240):
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=1).status_code == 200:
                return proc
        except httpx.HTTPError:
            pass
        if proc.poll() is not None:
            raise SystemExit(f"server exited: {proc.stderr.read().decode()[-500:]}")
        time.sleep(0.5)
    proc.kill()
    raise SystemExit("server did not answer /api/health within 120 s")


def main() -> None:
    """Build the store, start the server, run the load, stop the server, print and write the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--burst", type=int, default=2000, help="GET requests sent at once in each burst")
    parser.add_argument("--bursts", type=int, default=2)
    parser.add_argument("--analyses", type=int, default=4, help="POST /api/analyze kept in flight")
    parser.add_argument("--deadline-s", type=float, default=60.0)
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--client-loop", choices=["uvloop", "asyncio"], default="uvloop",
                        help="the client's event loop: uvloop (a dependency of the server) costs the client "
                             "about a third less CPU, which on two cores the server shares")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "load.duckdb"
        source = SEED if SEED else ROOT / "examples" / "seed_article.txt"
        subprocess.run([sys.executable, "-m", "sitrep.cli", "ingest", str(source), "--db", str(db)], check=True,
                       capture_output=True)
        port = free_port()
        proc = start_server(db, port)
        before = tree_rss_mb(proc.pid)
        try:
            with asyncio.Runner(loop_factory=client_loop(args.client_loop)) as runner:
                result = runner.run(asyncio.wait_for(run_load(port, proc.pid, args), args.deadline_s + 5))
        finally:
            os.killpg(proc.pid, signal.SIGTERM)  # the server's own session: only what this script started
            proc.wait(timeout=30)
    result.update({"date": date.today().isoformat(), "burst": args.burst, "bursts": args.bursts,
                   "analyses_in_flight": args.analyses, "server_rss_mb_idle": round(before, 1),
                   "client_loop": args.client_loop,
                   "cpus": os.cpu_count()})
    out = args.out or ROOT / "bench" / "results" / f"load-{result['date']}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    for kind, stats in result["latency_s"].items():
        print(f"  {kind:10} {stats}")
    print(f"statuses {result['statuses']}")
    print(f"server errors {result['server_errors']}, connection failures {result['connection_failures']}, "
          f"server memory {result['server_rss_mb']} MB (idle {result['server_rss_mb_idle']}), {result['wall_s']} s")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
