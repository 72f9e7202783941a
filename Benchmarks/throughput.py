#!/usr/bin/env python3
"""Throughput of the register's hot paths against the same queries in raw SQL (issue 17).

Serves an existing large database with the release build and drives each request with wrk
(32 connections, 2 threads) for a fixed time; the baseline, measured in the same run on the same
cores, runs the same SQL the server runs for that request (count and page) straight on the
database: two Python processes on SQLite (run with the server's own SQLite, built by
server-sqlite.sh, so the planner is the same), pgbench with 32 clients on PostgreSQL. /healthz is the
framework's own rate, the yardstick for the small authenticated list (units). On SQLite the server
keeps sessions and counts while the file is unchanged; `--commits N` has another process commit N
times a second during each run, so they are read again as they would be under writes.

    swift build -c release --scratch-path .build-release --product unionhall
    swift build -c release --scratch-path .build-release --product driver-floor   # for --floor
    LD_LIBRARY_PATH=$(Benchmarks/server-sqlite.sh) python3 Benchmarks/throughput.py --db /path/bench.sqlite
    python3 Benchmarks/throughput.py --postgres postgres://…/bench
"""
import argparse, contextlib, json, multiprocessing, os, re, sqlite3, subprocess, sys, tempfile, threading, time, urllib.parse
import requests
from harness import served, token as api_token

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CAP = 10_000
# Requests the server answers from what it keeps in memory (the union tree), with no statement run.
SERVED_FROM_MEMORY = {"/api/v1/units"}


def wrk(url, token, seconds, connections):
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", url]
    if token: command[1:1] = ["-H", f"Authorization: Bearer {token}"]
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    rate = float(re.search(r"Requests/sec:\s+([0-9.]+)", out).group(1))
    p99 = re.search(r"99%\s+([0-9.]+)(us|ms|s)", out)
    scale = {"us": 0.001, "ms": 1, "s": 1000}[p99.group(2)]
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return rate, float(p99.group(1)) * scale, int(non2xx.group(1)) if non2xx else 0


def sqlite_worker(args):
    path, statements, seconds = args
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    # As the server sets its own connections (DatabaseSetup.tuneSQLiteConnections).
    conn.execute("PRAGMA mmap_size=1073741824")
    conn.execute("PRAGMA cache_size=-32768")
    done, deadline = 0, time.monotonic() + seconds
    while time.monotonic() < deadline:
        for sql, params in statements: conn.execute(sql, params).fetchall()
        done += 1
    return done


def sqlite_rate(path, statements, seconds):
    with multiprocessing.Pool(2) as pool:
        return sum(pool.map(sqlite_worker, [(path, statements, seconds)] * 2)) / seconds


def pg_literal(value):
    return "'" + str(value).replace("'", "''") + "'"


def pgbench_rate(url, statements, seconds, connections):
    script = ""
    for sql, params in statements:
        for value in params: sql = sql.replace("?", pg_literal(value), 1)
        script += sql + ";\n"
    with tempfile.NamedTemporaryFile("w", suffix=".sql", delete=False) as f: f.write(script)
    parts = urllib.parse.urlparse(url)
    env = dict(os.environ, PGHOST=parts.hostname, PGPORT=str(parts.port or 5432), PGUSER=parts.username or "",
               PGPASSWORD=parts.password or "", PGDATABASE=parts.path.lstrip("/"))
    out = subprocess.run(["pgbench", "-n", "-M", "prepared", f"-c{connections}", "-j2", f"-T{seconds}", "-f", f.name],
                         capture_output=True, text=True, env=env, check=True).stdout
    os.unlink(f.name)
    return float(re.search(r"tps = ([0-9.]+)", out).group(1))


def floor_rate(binary, target, statements, seconds, connections):
    """Rounds a second of the statements through the server's own driver (`driver-floor`)."""
    payload = json.dumps([{"sql": sql, "params": [str(p) for p in params]} for sql, params in statements])
    out = subprocess.run([binary, target[0], target[1], "--seconds", str(seconds), "--concurrency", str(connections)],
                         input=payload, capture_output=True, text=True, check=True).stdout
    return float(out.strip())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--db")
    ap.add_argument("--postgres")
    ap.add_argument("--binary", default=os.path.join(ROOT, ".build-release/release/unionhall"))
    ap.add_argument("--port", type=int, default=8766)
    ap.add_argument("--seconds", type=int, default=10)
    ap.add_argument("--warmup", type=int, default=2,
                    help="seconds of each request before it is measured (a cold file's search warms over several)")
    ap.add_argument("--connections", type=int, default=32)
    ap.add_argument("--json", help="also write the figures here")
    ap.add_argument("--floor", nargs="?", const=os.path.join(ROOT, ".build-release/release/driver-floor"),
                    help="also run each request's statements through the server's driver (the driver-floor binary)")
    ap.add_argument("--commits", type=float, default=0,
                    help="SQLite: commits a second from another process while wrk runs, so kept sessions and counts are read again")
    args = ap.parse_args()
    print(f"SQLite {sqlite3.sqlite_version} for the raw SQL" if not args.postgres else "PostgreSQL, pgbench for the raw SQL")
    env = dict(os.environ, UNIONHALL_ADMIN_PASSWORD="bench-admin-1", LOG_LEVEL="error")
    pg = args.postgres is not None
    if pg:
        env["DATABASE_URL"] = args.postgres
    else:
        env.pop("DATABASE_URL", None)
        env["UNIONHALL_DB"] = args.db

    with served(args.binary, args.port, env, ROOT, wait_seconds=600) as base:
        admin = api_token(base, "admin", "bench-admin-1")
        officer = api_token(base, "qingyang", "Union@2024")
        db = connect(args)
        units = {name: uid for uid, name in query(db, pg, "SELECT id, name FROM union_units WHERE deleted_at IS NULL")}
        qingyang = subtree(db, pg, units["庆阳市总工会"])
        # As the server writes it: on SQLite a unary + keeps the planner off the unindexed status.
        live = "deleted_at IS NULL AND " + ("membership_status" if pg else "+membership_status") + " IN ('active')"

        def scoped(ids):
            return f"+unit_id IN ({','.join('?' * len(ids))})" if not pg else f"unit_id IN ({','.join('?' * len(ids))})"

        page999 = requests.get(base + "/api/v1/members?page=999", headers={"Authorization": f"Bearer {officer}"}).json()
        cursor = page999["metadata"]["next"]
        last = page999["items"][-1]
        last_pinyin = scalar(db, pg, "SELECT pinyin FROM members WHERE id = ?", [last["id"]])
        counts = ("SELECT live FROM unit_member_counts WHERE unit_id IN (" + ",".join("?" * len(qingyang)) + ")", list(qingyang))
        scope_params = list(qingyang)

        def search(where, params):
            return [(f"SELECT COUNT(*) FROM (SELECT 1 FROM members WHERE {live} AND {where} LIMIT {CAP + 1}) AS capped", params),
                    (f"SELECT * FROM members WHERE {live} AND {where} ORDER BY pinyin, id LIMIT 21", params)]

        def listing(extra="", extra_params=(), offset=0):
            return [counts] + [(f"SELECT * FROM members WHERE {live} {extra} AND {scoped(qingyang)} ORDER BY pinyin, id LIMIT 21 OFFSET {offset}",
                                        list(extra_params) + scope_params)]

        initials = "((pinyin >= ? AND pinyin < ?) OR (initials >= ? AND initials < ?))"
        part = "members.id IN (SELECT member_id FROM member_name_parts WHERE part = ?)"
        unit_ids = list(qingyang)
        unit_scope = f"id IN ({','.join('?' * len(qingyang))})"
        cases = [
            ("/healthz", None, "/healthz", None),
            ("units list (officer)", officer, "/api/v1/units",
             [(f"SELECT COUNT(*) FROM (SELECT 1 FROM union_units WHERE deleted_at IS NULL AND {unit_scope} LIMIT {CAP + 1}) AS capped", unit_ids),
              (f"SELECT * FROM union_units WHERE deleted_at IS NULL AND {unit_scope} ORDER BY name LIMIT 20", unit_ids)]),
            ("search initials sxx (admin)", admin, "/api/v1/members?q=sxx", search(initials, ["sxx", "sxy", "sxx", "sxy"])),
            ("search name part 军军 (admin)", admin, "/api/v1/members?q=" + urllib.parse.quote("军军"), search(part, ["军军"])),
            ("list page 1 (officer)", officer, "/api/v1/members", listing()),
            ("list page 1,000 by ?page= (officer)", officer, "/api/v1/members?page=1000", listing(offset=19_980)),
            ("list page 1,000 by cursor (officer)", officer, "/api/v1/members?after=" + cursor,
             listing("AND pinyin >= ? AND (pinyin > ? OR id > ?)", [last_pinyin, last_pinyin, last["id"]])),
        ]
        results = []
        healthz = None
        floor_target = ("--postgres", args.postgres) if pg else ("--sqlite", args.db)
        print(f"{'request':40} {'server req/s':>12} {'p99 ms':>8} {'raw SQL/s':>10} {'ratio':>7} {'/healthz':>9}"
              + (f" {'driver/s':>9} {'bound':>7}" if args.floor else ""))
        for name, token, path, statements in cases:
            wrk(base + path, token, args.warmup, args.connections)
            with committing(None if pg else args.db, args.commits):
                rate, p99, bad = wrk(base + path, token, args.seconds, args.connections)
            raw = None
            if statements:
                raw = (pgbench_rate(args.postgres, statements, args.seconds, args.connections) if pg
                       else sqlite_rate(args.db, statements, args.seconds))
            healthz = healthz or rate
            ratio = f"{rate / raw:.2f}" if raw else ""
            # The units list's target is a share of /healthz's rate (the framework's own), not of raw SQL.
            share = rate / healthz
            # Its page's statement alone: the server keeps counts (KeptCounts), so that is what a request runs
            # once warm, where the raw SQL runs the count too.
            # The units list is served from the union tree the server keeps: it runs no statement to bound.
            floored = args.floor and statements and path not in SERVED_FROM_MEMORY
            driver = floor_rate(args.floor, floor_target, statements[-1:], args.seconds, args.connections) if floored else None
            # The most a handler on these drivers can answer, as a share of the raw SQL's rate.
            bound = 1 / (1 / healthz + 1 / driver) / raw if driver and raw else None
            floor_columns = (f" {driver:9.0f} {bound:7.2f}" if driver else f" {'':9} {'':7}") if args.floor else ""
            print(f"{name:40} {rate:12.0f} {p99:8.1f} {raw or 0:10.0f} {ratio:>7} {share:9.2f}" + floor_columns
                  + (f"  ({bad} non-2xx)" if bad else ""))
            results.append({"request": name, "rate": rate, "p99_ms": p99, "raw": raw, "of_healthz": share, "non2xx": bad,
                            "driver": driver, "bound_of_raw": bound})
        if args.json:
            with open(args.json, "w") as f: json.dump(results, f, ensure_ascii=False, indent=1)


@contextlib.contextmanager
def committing(path, per_second):
    """Another process committing to the file `per_second` times a second (a row of its own)."""
    if not path or per_second <= 0:
        yield
        return
    stop = threading.Event()

    def run():
        conn = sqlite3.connect(path, timeout=10)
        n = 0
        while not stop.wait(1 / per_second):
            n += 1
            conn.execute("INSERT OR REPLACE INTO sequences (name, value) VALUES ('benchmark-writer', ?)", (n,))
            conn.commit()
        conn.close()

    writer = threading.Thread(target=run)
    writer.start()
    try:
        yield
    finally:
        stop.set()
        writer.join()


def connect(args):
    return args.postgres if args.postgres else sqlite3.connect(args.db)


def query(db, pg, sql, params=()):
    if pg:
        for value in params: sql = sql.replace("?", pg_literal(value), 1)
        parts = urllib.parse.urlparse(db)
        env = dict(os.environ, PGHOST=parts.hostname, PGPORT=str(parts.port or 5432), PGUSER=parts.username or "",
                   PGPASSWORD=parts.password or "", PGDATABASE=parts.path.lstrip("/"))
        out = subprocess.run(["psql", "-At", "-F", "\t", "-c", sql], capture_output=True, text=True, env=env, check=True).stdout
        return [tuple(line.split("\t")) for line in out.splitlines() if line]
    return db.execute(sql, params).fetchall()


def scalar(db, pg, sql, params):
    return query(db, pg, sql, params)[0][0]


def subtree(db, pg, root):
    ids, frontier = [root], [root]
    while frontier:
        marks = ",".join("?" * len(frontier))
        frontier = [c for (c,) in query(db, pg, f"SELECT id FROM union_units WHERE parent_id IN ({marks}) AND deleted_at IS NULL", frontier)]
        ids += frontier
    return ids


if __name__ == "__main__":
    sys.exit(main())
