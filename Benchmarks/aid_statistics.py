#!/usr/bin/env python3
"""Aid figures at a large city's scale (issue 7).

Loads the demo into a fresh SQLite file with the release build, then adds --files hardship files
and --applications 金秋助学 applications across Qingyang's unions (written straight into the
tables), starts the server, and times the aid statistics route and the hardship page by the
server's own `Server-Timing` header. Baselines, measured in the same run on the same file through
Python's sqlite3: the same aggregates in raw SQL (the floor any server could reach), and fetching
every row the figures cover (what the figures cost when they were tallied from loaded rows).

    swift build -c release --scratch-path .build-release --product unionhall
    python3 Benchmarks/aid_statistics.py --files 200000 --applications 100000
"""
import argparse, os, re, sqlite3, subprocess, sys, tempfile, time, uuid
import requests

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from member_search import ROOT, pct, server_ms  # noqa: E402
from innovation_import import serve  # noqa: E402


def inflate(db, files, applications):
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA foreign_keys = OFF")
    (qingyang,) = conn.execute("SELECT id FROM union_units WHERE name = '庆阳市总工会'").fetchone()
    members = conn.execute("SELECT id, unit_id FROM members WHERE unit_id IN (SELECT id FROM union_units WHERE id = ? OR parent_id = ? "
                           "OR parent_id IN (SELECT id FROM union_units WHERE parent_id = ?)) LIMIT 20000", (qingyang, qingyang, qingyang)).fetchall()
    (program,) = conn.execute("SELECT id FROM aid_programs WHERE year = 2024").fetchone()
    now = "2024-12-31 00:00:00"
    levels, statuses = ["deep", "relative", "accident"], ["pending", "verified", "verified", "closed"]
    conn.executemany(
        "INSERT INTO hardship_files (id, unit_id, member_id, open_member_id, level, cause, household_size, income_per_head_fen, status, opened_date, "
        "verified_date, version, created_at, updated_at) VALUES (?, ?, ?, NULL, ?, '基准数据', 3, 50000, ?, '2023-03-01', ?, 1, ?, ?)",
        ((uuid.uuid4().bytes, unit, member, levels[i % 3], statuses[i % 4], f"202{3 + i % 3}-0{1 + i % 9}-15", now, now)
         for i, (member, unit) in ((i, members[i % len(members)]) for i in range(files))))
    stages, states = ["university", "juniorCollege", "postgraduate"], ["submitted", "countyApproved", "approved", "paid", "paid", "rejected"]
    conn.executemany(
        "INSERT INTO aid_applications (id, unit_id, program_id, program_year, member_id, priority_group, child_name, child_id_number, child_key, school, "
        "stage, admission_year, amount_fen, status, submitted_date, version, created_at, updated_at) "
        "VALUES (?, ?, ?, 2024, ?, 1, '基准', ?, ?, '兰州大学', ?, 2024, 300000, ?, ?, 1, ?, ?)",
        ((uuid.uuid4().bytes, unit, program, member, f"B{i:017d}", f"B{i:017d}", stages[i % 3], states[i % 6], f"2024-{1 + i % 12:02d}-10", now, now)
         for i, (member, unit) in ((i, members[i % len(members)]) for i in range(applications))))
    conn.commit()
    conn.execute("ANALYZE")
    return conn, qingyang


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--members", type=int, default=20_000)
    ap.add_argument("--files", type=int, default=200_000)
    ap.add_argument("--applications", type=int, default=100_000)
    ap.add_argument("--requests", type=int, default=30)
    ap.add_argument("--binary", default=os.path.join(ROOT, ".build-release/release/unionhall"))
    ap.add_argument("--port", type=int, default=8766)
    args = ap.parse_args()

    env = dict(os.environ, UNIONHALL_ADMIN_PASSWORD="bench-admin-1", LOG_LEVEL="error")
    env.pop("DATABASE_URL", None)
    db = os.path.join(tempfile.mkdtemp(prefix="unionhall-aid-"), "bench.sqlite")
    env["UNIONHALL_DB"] = db
    subprocess.run([args.binary, "demo", "--members", str(args.members)], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    conn, qingyang = inflate(db, args.files, args.applications)
    files = conn.execute("SELECT count(*) FROM hardship_files").fetchone()[0]
    apps = conn.execute("SELECT count(*) FROM aid_applications").fetchone()[0]
    print(f"{files:,} hardship files, {apps:,} aid applications")

    subtree = [qingyang]
    frontier = [qingyang]
    while frontier:
        frontier = [c for (c,) in conn.execute(f"SELECT id FROM union_units WHERE parent_id IN ({','.join('?' * len(frontier))})", frontier)]
        subtree += frontier
    scope = f"unit_id IN ({','.join('?' * len(subtree))}) AND deleted_at IS NULL"
    period = "AND submitted_date >= '2024-01-01' AND submitted_date <= '2024-12-31'"

    def timed(statements):
        def run():
            t = time.perf_counter()
            for sql, extra in statements:
                conn.execute(sql, subtree + extra).fetchall()
            return (time.perf_counter() - t) * 1000
        return run

    aggregates = timed([
        (f"SELECT level, status, count(*), sum(CASE WHEN verified_date <= '2025-11-23' THEN 1 ELSE 0 END) FROM hardship_files WHERE {scope} GROUP BY level, status", []),
        (f"SELECT status, stage, count(*), sum(amount_fen) FROM aid_applications WHERE {scope} {period} GROUP BY status, stage", []),
        (f"SELECT count(DISTINCT child_id_number) FROM aid_applications WHERE {scope} {period} AND status IN ('approved', 'paid')", []),
        (f"SELECT DISTINCT program_id FROM aid_applications WHERE {scope} {period}", []),
    ])
    fetch_all = timed([
        (f"SELECT * FROM hardship_files WHERE {scope}", []),
        (f"SELECT * FROM aid_applications WHERE {scope} {period}", []),
    ])
    file_aggregate = timed([(f"SELECT level, status, count(*), sum(CASE WHEN verified_date <= '2025-11-23' THEN 1 ELSE 0 END) FROM hardship_files WHERE {scope} GROUP BY level, status", [])])

    server, base = serve(args.binary, db, args.port, env)
    try:
        token = requests.post(base + "/api/v1/auth/token", json={"username": "qingyang", "password": "Union@2024"}).json()["token"]
        browser = requests.Session()
        csrf = re.search(r'name="_csrf" value="([^"]+)"', browser.get(base + "/login").text).group(1)
        browser.post(base + "/login", data={"username": "qingyang", "password": "Union@2024", "_csrf": csrf}, allow_redirects=False)

        def measure(get):
            for _ in range(3): get()
            return [server_ms(get()) for _ in range(args.requests)]
        api = measure(lambda: requests.get(base + "/api/v1/aid-applications/statistics?from=2024-01-01&to=2024-12-31", headers={"Authorization": f"Bearer {token}"}))
        page = measure(lambda: browser.get(base + "/hardship-files"))
        raw_agg = [aggregates() for _ in range(args.requests)]
        raw_all = [fetch_all() for _ in range(args.requests)]
        raw_files = [file_aggregate() for _ in range(args.requests)]
        p = lambda v: pct(v, 50)
        print(f"\n{'measure':58} {'p50 ms':>9} {'p99 ms':>9}")
        for name, values in [("server: GET /api/v1/aid-applications/statistics", api), ("server: GET /hardship-files (page, first 20)", page),
                             ("raw SQL: the same aggregates", raw_agg), ("raw SQL: fetch every row the figures cover", raw_all),
                             ("raw SQL: file counts only", raw_files)]:
            print(f"{name:58} {p(values):9.2f} {pct(values, 99):9.2f}")
        print(f"\nstatistics route / raw aggregates: {p(api) / p(raw_agg):.1f}x;  fetching every row / raw aggregates: {p(raw_all) / p(raw_agg):.1f}x;"
              f"  fetching every row / statistics route: {p(raw_all) / p(api):.1f}x")
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    sys.exit(main())
