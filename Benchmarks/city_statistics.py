#!/usr/bin/env python3
"""The city's statistics document and dashboard at scale (issue 15).

Loads the demo with N synthetic members and M synthetic activity rows across the modules
(`unionhall demo --members N --activities M`) into SQLite, or into PostgreSQL with --postgres URL,
starts the release build on loopback, and times, as Qingyang's city officer, for 2024 against 2023:

- `GET /api/v1/statistics` (every module, both periods), by the server's own Server-Timing header:
  counted from the records ("cold": the kept document is deleted before each request) and as kept
  (no record changed since it was counted), and as kept while it is counted anew behind the answers;
- the dashboard (the home page, signed in through the login form), the same two ways.

The baseline, measured in the same run on the same database, is the same aggregates written by hand
in raw SQL (one connection, sequentially, through Python's sqlite3 or psycopg): the floor a server
computing the document could reach. The register's breakdowns, which do not depend on the period,
are counted once in the baseline and per period by the server; the six modules over small tables
(mentorship, training, competitions, technical problems, safety campaigns, aid files) are left out
of the baseline: both make the ratio conservative.

    swift build -c release --scratch-path .build-release --product unionhall
    python3 Benchmarks/city_statistics.py --members 1000000 --activities 5000000
    python3 Benchmarks/city_statistics.py --members 1000000 --activities 5000000 \\
        --postgres postgres://postgres:unionhall@127.0.0.1:5432/unionhall_bench
"""
import argparse, calendar, os, sqlite3, subprocess, sys, tempfile, time
import requests
from harness import browser as signed_in, pct, served, server_ms, token as api_token

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PERIODS = [("2024-01-01", "2024-12-31"), ("2023-01-01", "2023-12-31")]
# CivilDate's calendar is China's: a day starts at 00:00 +08:00.
def epoch(day):
    return calendar.timegm(time.strptime(day, "%Y-%m-%d")) - 8 * 3600


def queries(units, start, end, postgres):
    """The document's aggregates for one period, as the server counts them."""
    u = "(" + ",".join(f"'{x}'" for x in units) + ")"
    if postgres:
        ts = lambda day: f"'{day} 00:00:00+08'"
    else:
        ts = lambda day: str(epoch(day))
    after = time.strftime("%Y-%m-%d", time.gmtime(calendar.timegm(time.strptime(end, "%Y-%m-%d")) + 86400))
    live = f"unit_id IN {u} AND deleted_at IS NULL"
    y0, y1 = start[:4], end[:4]
    between = lambda col: f"{col} >= '{start}' AND {col} <= '{end}'"
    return [
        f"SELECT COUNT(*), SUM(CASE WHEN skill_level IS NOT NULL THEN 1 ELSE 0 END), SUM(CASE WHEN migrant THEN 1 ELSE 0 END) "
        f"FROM members WHERE unit_id IN {u} AND created_at < {ts(after)} AND (deleted_at IS NULL OR deleted_at >= {ts(after)})",
        f"SELECT COUNT(*) FROM members WHERE {live} AND created_at >= {ts(start)} AND created_at < {ts(after)}",
        f"SELECT title, level, COUNT(*) FROM honors WHERE {live} AND year >= {y0} AND year <= {y1} GROUP BY title, level",
        f"SELECT kind, level, COUNT(*) FROM studios WHERE {live} AND year_named >= {y0} AND year_named <= {y1} GROUP BY kind, level",
        f"SELECT kind, COUNT(*), SUM(person_times) FROM outreach_activities WHERE {live} AND status = 'held' AND {between('held_date')} "
        "GROUP BY kind",
        f"SELECT COUNT(DISTINCT l.member_id) FROM outreach_activities a JOIN outreach_leaders l ON l.activity_id = a.id "
        f"WHERE a.unit_id IN {u} AND a.deleted_at IS NULL AND a.status = 'held' AND a.kind = 'endorsement' "
        f"AND a.held_date >= '{start}' AND a.held_date <= '{end}'",
        f"SELECT COUNT(*) FROM outreach_activities WHERE {live} AND status = 'planned'",
        f"SELECT kind, sub_kind, status, COUNT(*) FROM innovation_items WHERE {live} AND {between('submitted_date')} "
        "GROUP BY kind, sub_kind, status",
        f"SELECT status, COUNT(*) FROM innovation_items WHERE {live} AND {between('decision_date')} GROUP BY status",
        f"SELECT SUM(benefit_fen) FROM innovation_items WHERE {live} AND {between('assessed_date')}",
        f"SELECT level, COUNT(*) FROM certifications WHERE {live} AND {between('date')} GROUP BY level",
        f"SELECT level, COUNT(*) FROM certifications c WHERE c.unit_id IN {u} AND c.deleted_at IS NULL "
        f"AND c.date >= '{start}' AND c.date <= '{end}' AND NOT EXISTS (SELECT 1 FROM certifications e "
        "WHERE e.member_id = c.member_id AND e.deleted_at IS NULL AND (e.date < c.date OR (e.date = c.date AND e.id < c.id))) "
        "GROUP BY level",
        f"SELECT channel, type, status, COUNT(*), SUM(claimed_fen), SUM(recovered_fen) FROM dispute_cases WHERE {live} "
        f"AND {between('accepted_date')} GROUP BY channel, type, status",
        f"SELECT kind, station_id, COUNT(*), SUM(people_served), SUM(goods_fen) FROM service_events WHERE {live} "
        f"AND {between('date')} GROUP BY kind, station_id",
        f"SELECT status, COUNT(*), SUM(reward_fen) FROM hazard_reports WHERE {live} AND {between('reported_date')} GROUP BY status",
        f"SELECT status, stage, COUNT(*), SUM(amount_fen) FROM aid_applications WHERE {live} AND {between('submitted_date')} "
        "GROUP BY status, stage",
    ]


def register_queries(units, today):
    u = "(" + ",".join(f"'{x}'" for x in units) + ")"
    skilled = f"FROM members WHERE unit_id IN {u} AND deleted_at IS NULL AND skill_level IS NOT NULL"
    return [
        f"SELECT skill_level, COUNT(*) {skilled} GROUP BY skill_level",
        f"SELECT trade, COUNT(*) AS n {skilled} GROUP BY trade ORDER BY n DESC LIMIT 20",
        f"SELECT unit_id, COUNT(*) AS n {skilled} GROUP BY unit_id ORDER BY n DESC LIMIT 20",
        f"SELECT organization_id, COUNT(*) AS n {skilled} AND organization_id IS NOT NULL GROUP BY organization_id ORDER BY n DESC LIMIT 20",
        f"SELECT COUNT(*) FROM dispute_cases WHERE unit_id IN {u} AND deleted_at IS NULL AND status IN ('accepted', 'inMediation') "
        f"AND deadline < '{today}'",
    ]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--members", type=int, default=1_000_000)
    ap.add_argument("--activities", type=int, default=5_000_000)
    ap.add_argument("--requests", type=int, default=100, help="timed requests per case")
    ap.add_argument("--cold-requests", type=int, default=5, help="timed requests that count the document anew")
    ap.add_argument("--binary", default=os.path.join(ROOT, ".build-release/release/unionhall"))
    ap.add_argument("--port", type=int, default=8766)
    ap.add_argument("--db", default=None, help="reuse this SQLite file (or the --postgres database) instead of loading anew")
    ap.add_argument("--postgres", default=None, help="a PostgreSQL URL: load and measure there instead of SQLite")
    args = ap.parse_args()

    env = dict(os.environ, UNIONHALL_ADMIN_PASSWORD="bench-admin-1", LOG_LEVEL="error")
    env.pop("DATABASE_URL", None)
    env["UNIONHALL_FILES"] = tempfile.mkdtemp(prefix="unionhall-bench-files-")
    reuse = args.db is not None
    if args.postgres:
        env["DATABASE_URL"] = args.postgres
    else:
        env["UNIONHALL_DB"] = args.db or os.path.join(tempfile.mkdtemp(prefix="unionhall-bench-"), "bench.sqlite")
    if not reuse:
        started = time.monotonic()
        out = subprocess.run([args.binary, "demo", "--members", str(args.members), "--activities", str(args.activities)],
                             cwd=ROOT, env=env, capture_output=True, text=True)
        if out.returncode != 0:
            sys.exit(out.stderr or out.stdout)
        print("\n".join(line for line in out.stdout.splitlines() if "Synthetic" in line or "Demo data loaded" in line))
        print(f"load (whole command): {time.monotonic() - started:.0f} s")

    if args.postgres:
        import psycopg
        conn = psycopg.connect(args.postgres, autocommit=True)
        run_sql = lambda sql: conn.execute(sql).fetchall()
        forget = lambda: conn.execute("DELETE FROM statistics_snapshots")
        age = lambda: conn.execute("UPDATE statistics_snapshots SET computed_at = computed_at - interval '1 hour'")
        sizes = conn.execute("SELECT relname, n_live_tup FROM pg_stat_user_tables").fetchall()
    else:
        conn = sqlite3.connect(env["UNIONHALL_DB"], isolation_level=None, timeout=30)
        run_sql = lambda sql: conn.execute(sql).fetchall()
        forget = lambda: conn.execute("DELETE FROM statistics_snapshots")
        age = lambda: conn.execute("UPDATE statistics_snapshots SET computed_at = computed_at - 3600")
        tables = [t for (t,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        sizes = [(t, conn.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0]) for t in tables]
    big = sorted((n, t) for t, n in sizes if n >= 10_000)
    print("rows: " + ", ".join(f"{t} {n:,}" for n, t in reversed(big)) + f"; total {sum(n for _, n in sizes):,}")

    root = run_sql("SELECT id FROM union_units WHERE name = '庆阳市总工会'")[0][0]
    units, frontier = [str(root)], [str(root)]
    while frontier:
        inner = ",".join(f"'{x}'" for x in frontier)
        frontier = [str(c) for (c,) in run_sql(f"SELECT id FROM union_units WHERE parent_id IN ({inner})")]
        units += frontier
    today = time.strftime("%Y-%m-%d")
    document = [q for start, end in PERIODS for q in queries(units, start, end, bool(args.postgres))] + register_queries(units, today)

    with served(args.binary, args.port, env, ROOT, wait_seconds=120) as base:
        token = api_token(base, "qingyang", "Union@2024")
        browser = signed_in(base, "qingyang", "Union@2024")

        def timed(fetch, count=None, warm=3):
            for _ in range(warm): fetch()
            return [fetch() for _ in range(count or args.requests)]

        def raw_document():
            started = time.perf_counter()
            for sql in document: run_sql(sql)
            return (time.perf_counter() - started) * 1000

        def cold():
            forget()
            return statistics()

        def statistics():
            r = requests.get(base + "/api/v1/statistics?from=2024-01-01&to=2024-12-31", headers={"Authorization": f"Bearer {token}"})
            assert r.status_code == 200, r.status_code
            return server_ms(r)

        def dashboard():
            r = browser.get(base + "/?from=2024-01-01&to=2024-12-31")
            assert r.status_code == 200 and 'class="glance"' in r.text, r.status_code
            return server_ms(r)

        health = timed(lambda: server_ms(requests.get(base + "/healthz")))
        raw = timed(raw_document, args.cold_requests, warm=1) if args.cold_requests else []
        cases = [("statistics, counted anew (API)", timed(cold, args.cold_requests, warm=1))] if args.cold_requests else []
        cases += [("statistics, as kept (API)", timed(statistics)), ("dashboard page, as kept", timed(dashboard))]
        # Kept but stale (an hour old): answered as kept while one refresh counts it anew behind the answers.
        age()
        cases += [("statistics, kept, refresh behind", timed(statistics, warm=0)), ("dashboard, kept, refresh behind", timed(dashboard))]
        db = "PostgreSQL" if args.postgres else "SQLite"
        print(f"\n{db}; {args.cold_requests} requests counting anew, {args.requests} as kept; "
              f"baseline: the same aggregates in raw SQL, {len(document)} queries")
        print(f"{'case':30} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8} {'p50/raw':>8} {'p99/raw':>8}")
        if raw:
            print(f"{'raw SQL (baseline)':30} {pct(raw, 50):8.1f} {pct(raw, 99):8.1f} {max(raw):8.1f}")
        for name, times in cases:
            ratios = f"{pct(times, 50) / pct(raw, 50):7.2f}x {pct(times, 99) / pct(raw, 99):7.2f}x" if raw else ""
            print(f"{name:30} {pct(times, 50):8.1f} {pct(times, 99):8.1f} {max(times):8.1f} {ratios}")
        print(f"{'/healthz':30} {pct(health, 50):8.2f} {pct(health, 99):8.2f} {max(health):8.2f}")


if __name__ == "__main__":
    sys.exit(main())
