#!/usr/bin/env python3
"""Member search and list benchmark on a large register (issue 2).

Loads the demo data set with N synthetic members into a fresh SQLite file with the release build,
starts the server on loopback, and times searches and list pages by the server's own
`Server-Timing` header. The baseline, measured in the same run on the same file, is the raw SQL
of each query through Python's sqlite3 (the floor any server could reach), and /healthz (the
framework's own cost per request).

    swift build -c release --scratch-path .build-release --product unionhall
    python3 Benchmarks/member_search.py --members 1000000
"""
import argparse, os, sqlite3, subprocess, sys, tempfile, time, urllib.parse
import requests
from harness import browser as signed_in, pct, served, server_ms, summary, token as api_token

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--members", type=int, default=1_000_000)
    ap.add_argument("--requests", type=int, default=200, help="requests per query")
    ap.add_argument("--binary", default=os.path.join(ROOT, ".build-release/release/unionhall"))
    ap.add_argument("--port", type=int, default=8765)
    ap.add_argument("--db", default=None, help="reuse this database file instead of loading a new one")
    args = ap.parse_args()

    env = dict(os.environ, UNIONHALL_ADMIN_PASSWORD="bench-admin-1", LOG_LEVEL="error")
    env.pop("DATABASE_URL", None)
    db = args.db
    if db is None:
        db = os.path.join(tempfile.mkdtemp(prefix="unionhall-bench-"), "bench.sqlite")
        env["UNIONHALL_DB"] = db
        started = time.monotonic()
        out = subprocess.run([args.binary, "demo", "--members", str(args.members)], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
        elapsed = time.monotonic() - started
        print(out.stdout.strip().splitlines()[-2] if out.stdout.strip() else "")
        print(f"demo load (whole command, {args.members:,} synthetic members): {elapsed:.1f} s, {args.members / elapsed:,.0f} members/s")
    env["UNIONHALL_DB"] = db

    with served(args.binary, args.port, env, ROOT) as base:
        tokens = {u: api_token(base, u, p) for u, p in [("admin", "bench-admin-1"), ("qingyang", "Union@2024"), ("xifeng", "Union@2024")]}
        browser = signed_in(base, "qingyang", "Union@2024")

        conn = sqlite3.connect(db)
        units = {name: uid for uid, name in conn.execute("SELECT id, name FROM union_units")}
        def subtree(root):
            ids, frontier = [root], [root]
            while frontier:
                frontier = [c for (c,) in conn.execute(f"SELECT id FROM union_units WHERE parent_id IN ({','.join('?' * len(frontier))})", frontier)]
                ids += frontier
            return ids
        qingyang = subtree(units["庆阳市总工会"])
        xifeng = subtree(units["西峰区总工会"])
        def raw(scope, where, params, order="pinyin, id"):
            scope_sql = f"unit_id IN ({','.join('?' * len(scope))}) AND " if scope else ""
            sql = f"SELECT * FROM members WHERE {scope_sql}deleted_at IS NULL {where} ORDER BY {order} LIMIT 20"
            count = f"SELECT count(*) FROM members WHERE {scope_sql}deleted_at IS NULL {where}"
            def run():
                t = time.perf_counter()
                conn.execute(count, (scope or []) + params).fetchone()
                conn.execute(sql, (scope or []) + params).fetchall()
                return (time.perf_counter() - t) * 1000
            return run

        cases = [
            ("API search: initials sxx (admin)", "admin", "/api/v1/members?q=sxx", raw(None, "AND ((pinyin >= ? AND pinyin < ?) OR (initials >= ? AND initials < ?))", ["sxx", "sxy", "sxx", "sxy"])),
            ("API search: pinyin zhangwei (qingyang)", "qingyang", "/api/v1/members?q=zhangwei", raw(qingyang, "AND ((pinyin >= ? AND pinyin < ?) OR (initials >= ? AND initials < ?))", ["zhangwei", "zhangwej", "zhangwei", "zhangwej"])),
            ("API search: 孫學祥 Traditional (admin)", "admin", "/api/v1/members?q=" + urllib.parse.quote("孫學祥"), raw(None, "AND name_key >= ? AND name_key < ?", ["孙学祥", "孙学祦"])),
            ("API search: last four 1234 (xifeng)", "xifeng", "/api/v1/members?q=1234", raw(xifeng, "AND (id_last4 = ? OR mobile_last4 = ?)", ["1234", "1234"])),
            ("API list page 1 (admin)", "admin", "/api/v1/members", raw(None, "", [])),
            ("API list page 1 (qingyang)", "qingyang", "/api/v1/members", raw(qingyang, "", [])),
            ("API list page 1 (xifeng)", "xifeng", "/api/v1/members", raw(xifeng, "", [])),
            ("API list page 50 (qingyang)", "qingyang", "/api/v1/members?page=50", None),
            ("HTML list page (qingyang)", None, "/members", raw(qingyang, "", [])),
            ("HTML search page 刘倩 (qingyang)", None, "/members?q=" + urllib.parse.quote("刘倩"), raw(qingyang, "AND name_key >= ? AND name_key < ?", ["刘倩", "刘倪"])),
        ]
        health = [server_ms(requests.get(base + "/healthz")) for _ in range(args.requests)]
        health_p50 = pct(health, 50)
        print(f"\nbaseline /healthz: p50 {health_p50:.2f} ms, p99 {pct(health, 99):.2f} ms (server time)")
        print(f"\n{'query':44} {'server p50':>10} {'p99':>8} {'max':>8} {'raw SQL p99':>12} {'p99 / raw':>10}")
        for name, user, path, baseline in cases:
            headers = {"Authorization": f"Bearer {tokens[user]}"} if user else {}
            client = requests if user else browser
            for _ in range(5): client.get(base + path, headers=headers)
            times = []
            for _ in range(args.requests):
                r = client.get(base + path, headers=headers)
                assert r.status_code == 200, (path, r.status_code)
                times.append(server_ms(r))
            s = summary(times)
            raw_text, ratio = "", ""
            if baseline:
                raws = [baseline() for _ in range(args.requests)]
                raw_p99 = pct(raws, 99)
                raw_text, ratio = f"{raw_p99:.2f}", f"{s['p99'] / raw_p99:.1f}x"
            print(f"{name:44} {s['p50']:10.2f} {s['p99']:8.2f} {s['max']:8.2f} {raw_text:>12} {ratio:>10}")

if __name__ == "__main__":
    sys.exit(main())
