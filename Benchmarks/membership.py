#!/usr/bin/env python3
"""Membership at a city's scale (issue 16): any-part-of-a-name search over 1,000,000 members, and
the roster import's rows per second, each against the same work in raw SQL in the same run.

Search: the server's own time (Server-Timing) for `?q=<part>` against the same count and page run
through Python's sqlite3 (or psycopg) on the same database, for a part of a given name that many
share, one few share, and a three-character name; beside it, the raw FTS5 trigram (SQLite) or
pg_trgm (PostgreSQL) query for the same part, the index the issue suggested, to show why the name
parts are kept instead: neither indexes a two-character Chinese part.

Import: a 100,000-row roster posted to /api/v1/members/import, its wall time and the server's peak
RSS, against inserting the same rows into the same tables (members, name parts, joined events,
audit lines) with executemany in one transaction, rolled back.

    swift build -c release --scratch-path .build-release --product unionhall
    python3 Benchmarks/membership.py --db /path/to/1m.sqlite            # migrated with `unionhall migrate -y`
    python3 Benchmarks/membership.py --postgres postgres://postgres:unionhall@127.0.0.1/unionhall_bench
"""
import argparse, csv, datetime, io, os, random, sqlite3, subprocess, sys, time, urllib.parse, uuid
import requests
from harness import pct, served, server_ms, summary, token as api_token

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


def id_number(body):
    return body + "10X98765432"[sum(int(d) * w for d, w in zip(body, WEIGHTS)) % 11]


class Raw:
    """The same statements the server runs, on the same database, through the plain driver."""

    def __init__(self, db, postgres):
        self.postgres = postgres
        if postgres:
            import psycopg
            self.conn = psycopg.connect(postgres, autocommit=True)
            self.mark = "%s"
        else:
            self.conn = sqlite3.connect(db)
            self.mark = "?"

    def rows(self, sql, params=()):
        cur = self.conn.cursor()
        cur.execute(sql.replace("?", self.mark), params)
        return cur.fetchall()

    def timed(self, sql, params=()):
        t = time.perf_counter()
        self.rows(sql, params)
        return (time.perf_counter() - t) * 1000


def make_copy(args, raw):
    if args.postgres:
        import psycopg
        name = "unionhall_bench_copy"
        admin = psycopg.connect(args.postgres.rsplit("/", 1)[0] + "/postgres", autocommit=True)
        source = args.postgres.rsplit("/", 1)[1]
        admin.execute(f"DROP DATABASE IF EXISTS {name}")
        raw.conn.close()
        admin.execute(f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{source}' AND pid <> pg_backend_pid()")
        admin.execute(f"CREATE DATABASE {name} TEMPLATE {source}")
        raw.conn = psycopg.connect(args.postgres, autocommit=True)
        return args.postgres.rsplit("/", 1)[0] + "/" + name
    path = args.db + ".import-copy"
    subprocess.run(["cp", args.db, path], check=True)
    return path


def drop_copy(args, copy):
    if args.postgres:
        import psycopg
        raw_admin = psycopg.connect(args.postgres.rsplit("/", 1)[0] + "/postgres", autocommit=True)
        raw_admin.execute("DROP DATABASE IF EXISTS unionhall_bench_copy")
    else:
        os.remove(copy)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", help="a SQLite database with the register (migrated)")
    ap.add_argument("--postgres", help="a PostgreSQL URL with the register (migrated)")
    ap.add_argument("--requests", type=int, default=200)
    ap.add_argument("--rows", type=int, default=100_000, help="roster rows to import")
    ap.add_argument("--binary", default=os.path.join(ROOT, ".build-release/release/unionhall"))
    ap.add_argument("--port", type=int, default=8766)
    args = ap.parse_args()
    env = dict(os.environ, UNIONHALL_ADMIN_PASSWORD="bench-admin-1", LOG_LEVEL="error")
    env.pop("DATABASE_URL", None)
    if args.postgres:
        env["DATABASE_URL"] = args.postgres
    else:
        env["UNIONHALL_DB"] = args.db
    raw = Raw(args.db, args.postgres)
    members = raw.rows("SELECT COUNT(*) FROM members")[0][0]
    print(f"{'PostgreSQL' if args.postgres else 'SQLite'}, {members:,} members, {raw.rows('SELECT COUNT(*) FROM member_name_parts')[0][0]:,} name parts")

    # A part many names share, one few share, and a whole three-character name.
    common = raw.rows("SELECT part, COUNT(*) c FROM member_name_parts WHERE LENGTH(part) = 2 GROUP BY part ORDER BY c DESC LIMIT 1")[0]
    rare = raw.rows("SELECT part, COUNT(*) c FROM member_name_parts WHERE LENGTH(part) = 2 GROUP BY part ORDER BY c LIMIT 1")[0]
    whole = raw.rows("SELECT part, COUNT(*) c FROM member_name_parts WHERE LENGTH(part) = 3 GROUP BY part ORDER BY c DESC LIMIT 1")[0]

    page = ("SELECT * FROM members WHERE deleted_at IS NULL AND membership_status = 'active' AND id IN "
            "(SELECT member_id FROM member_name_parts WHERE part = ?) ORDER BY pinyin, id LIMIT 20")
    count = ("SELECT COUNT(pinyin) FROM members WHERE deleted_at IS NULL AND membership_status = 'active' AND id IN "
             "(SELECT member_id FROM member_name_parts WHERE part = ?)")

    if not args.postgres:
        started = time.perf_counter()
        raw.conn.execute("CREATE VIRTUAL TABLE IF NOT EXISTS bench_fts USING fts5(name_key, tokenize='trigram')")
        if raw.rows("SELECT COUNT(*) FROM bench_fts")[0][0] == 0:
            raw.conn.execute("INSERT INTO bench_fts(rowid, name_key) SELECT rowid, name_key FROM members")
            raw.conn.commit()
        print(f"FTS5 trigram index over the names built in {time.perf_counter() - started:.1f} s (for comparison only)")
        trigram = lambda part: (("SELECT COUNT(*) FROM bench_fts WHERE bench_fts MATCH ?", (f'"{part}"',)) if len(part) >= 3
                                else ("SELECT COUNT(*) FROM bench_fts WHERE name_key LIKE ?", (f"%{part}%",)))
    else:
        raw.conn.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        started = time.perf_counter()
        raw.conn.execute("CREATE INDEX IF NOT EXISTS bench_members_trgm ON members USING gin (name_key gin_trgm_ops)")
        print(f"pg_trgm GIN index over the names built in {time.perf_counter() - started:.1f} s (for comparison only)")
        trigram = lambda part: ("SELECT COUNT(*) FROM members WHERE name_key LIKE %s", (f"%{part}%",))

    with served(args.binary, args.port, env, ROOT, wait_seconds=600) as base:
        token = api_token(base, "admin", "bench-admin-1")
        headers = {"Authorization": f"Bearer {token}"}
        health = [server_ms(requests.get(base + "/healthz")) for _ in range(args.requests)]
        print(f"\n/healthz: p50 {pct(health, 50):.2f} ms, p99 {pct(health, 99):.2f} ms (server time)")
        print(f"\n{'search (admin, whole register)':40} {'matches':>8} {'p50':>7} {'p99':>7} {'raw p99':>8} {'p99/raw':>8} {'trigram p99':>12}")
        for label, (part, matches) in [("common given-name part", common), ("rare part", rare), ("three-character name", whole)]:
            path = "/api/v1/members?q=" + urllib.parse.quote(part)
            for _ in range(5): requests.get(base + path, headers=headers)
            times = []
            for _ in range(args.requests):
                r = requests.get(base + path, headers=headers)
                assert r.status_code == 200, r.text
                times.append(server_ms(r))
            s = summary(times)
            raws = [raw.timed(count, (part,)) + raw.timed(page, (part,)) for _ in range(args.requests)]
            sql, params = trigram(part)
            trig = [raw.timed(sql, params) for _ in range(min(args.requests, 20))]
            found = raw.rows(sql, params)[0][0]
            print(f"{label + ' ' + part:40} {matches:8d} {s['p50']:7.2f} {s['p99']:7.2f} {pct(raws, 99):8.2f} "
                  f"{s['p99'] / pct(raws, 99):7.1f}x {pct(trig, 99):12.2f} ({found} found)")


    # The import lands 100,000 members: it runs on a copy, so the register stays as measured.
    copy = make_copy(args, raw)
    copy_env = dict(env)
    if args.postgres:
        copy_env["DATABASE_URL"] = copy
    else:
        copy_env["UNIONHALL_DB"] = copy
    with served(args.binary, args.port + 1, copy_env, ROOT, wait_seconds=600) as base:
        token = api_token(base, "admin", "bench-admin-1")
        headers = {"Authorization": f"Bearer {token}"}
        port = args.port + 1
        # The roster: rows of the template's columns, valid and new to the register.
        units = raw.rows("SELECT id FROM union_units WHERE name = ?", ("西峰区快递物流园区联合工会",))
        unit = str(units[0][0])
        seed = random.randrange(10_000)
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(["姓名", "身份证号", "手机号", "工种", "技能等级", "入会日期", "用工形式", "平台"])
        rows = []
        for i in range(args.rows):
            body = f"6210{(seed + i // 900_000) % 100:02d}{1960 + (i // 900) % 40}{1 + (i // 30) % 12:02d}{1 + i % 28:02d}{100 + i % 900:03d}"
            rows.append(["骑手" + "甲乙丙丁戊己庚辛壬癸"[i % 10] + "一二三四五六七八九十"[(i // 10) % 10], id_number(body),
                         f"199{seed % 10}{i:07d}", "快递员", "", "2024-05-06", "平台灵活就业", "美团"])
        writer.writerows(rows)
        data = out.getvalue().encode()
        pid = int(subprocess.run(["pgrep", "-f", f"serve --hostname 127.0.0.1 --port {port}"], capture_output=True, text=True).stdout.split()[0])
        started = time.perf_counter()
        r = requests.post(f"{base}/api/v1/members/import?unitId={unit}", headers=headers,
                          files={"file": ("roster.csv", data, "text/csv")}, timeout=3600)
        elapsed = time.perf_counter() - started
        rss = next((int(l.split()[1]) for l in open(f"/proc/{pid}/status") if l.startswith("VmHWM")), 0)
        assert r.status_code == 201, r.text[:500]
        print(f"\nimport of {args.rows:,} rows ({len(data) / 1e6:.1f} MB CSV): {elapsed:.1f} s, {args.rows / elapsed:,.0f} rows/s, "
              f"server peak RSS {rss / 1024:.0f} MB")

    # The same rows inserted raw, in one transaction, then rolled back.
    ids = [str(uuid.uuid4()).upper() for _ in rows]
    now = datetime.datetime.now(datetime.timezone.utc) if args.postgres else time.time()
    cur = raw.conn.cursor()
    if args.postgres:
        raw.conn.autocommit = False
    started = time.perf_counter()
    mark = raw.mark
    cur.executemany(
        f"INSERT INTO members (id, unit_id, name, gender, id_number, mobile, trade, migrant, hardship, name_key, pinyin, initials, id_last4, "
        f"mobile_last4, join_date, membership_number, membership_status, status_date, employment_form, platform, version, created_at, updated_at) "
        f"VALUES ({','.join([mark] * 23)})",
        [(i, unit, r[0], "male", "X" + r[1], r[2], r[3], False, False, r[0], "qishou", "qs", r[1][-4:], r[2][-4:], r[5], f"RAW{n:08d}",
          "active", r[5], "platform", r[7], 1, now, now) for n, (i, r) in enumerate(zip(ids, rows))])
    cur.executemany(f"INSERT INTO member_name_parts (part, member_id) VALUES ({mark}, {mark})",
                    [(p, i) for i, r in zip(ids, rows) for p in {r[0][a:b] for a in range(len(r[0])) for b in range(a + 2, len(r[0]) + 1)}])
    cur.executemany(f"INSERT INTO membership_events (id, member_id, unit_id, kind, date) VALUES ({mark}, {mark}, {mark}, 'joined', {mark})",
                    [(str(uuid.uuid4()).upper(), i, unit, "2024-05-06") for i in ids])
    cur.executemany(f"INSERT INTO audit_entries (id, at, actor_name, unit_id, entity, entity_id, action, after) "
                    f"VALUES ({mark}, {mark}, 'bench', {mark}, 'member', {mark}, 'create', '{{}}')",
                    [(str(uuid.uuid4()).upper(), now, unit, i) for i in ids])
    raw_elapsed = time.perf_counter() - started
    raw.conn.rollback()
    drop_copy(args, copy)
    print(f"raw inserts of the same rows into the same tables: {raw_elapsed:.1f} s, {args.rows / raw_elapsed:,.0f} rows/s "
          f"(the import checks and plans every row first, then writes: {elapsed / raw_elapsed:.1f}x the raw time)")


if __name__ == "__main__":
    sys.exit(main())
