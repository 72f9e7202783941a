#!/usr/bin/env python3
"""Innovation import benchmark (issue 4): 100,000 items from a spreadsheet, rows per second.

Loads the demo into a fresh SQLite file with the release build, writes a 100,000-row CSV (UTF-8
and GBK) and the same rows as xlsx (converted by LibreOffice, when installed), and posts each to
`POST /api/v1/innovation-items/import` as Qingyang's city officer, into a fresh copy of the
database each time. The baseline, measured in the same run, is Python's sqlite3 inserting the
same rows (items, authors, events and audit lines, one transaction) into another copy: the floor
of the database work alone, with no parsing, validation or HTTP.

    swift build -c release --scratch-path .build-release --product unionhall
    python3 Benchmarks/innovation_import.py --rows 100000
"""
import argparse, csv, io, os, shutil, sqlite3, subprocess, tempfile, time, uuid
import requests

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KINDS = ["合理化建议", "技术革新", "发明创造", "五小", "先进操作法", "技术成果"]
SUBS = ["小发明", "小创造", "小革新", "小设计", "小建议"]
HEADER = ["类别", "五小类别", "标题", "存在问题", "建议或方案", "预期效益（元）", "第一作者身份证号", "共同作者身份证号", "提交日期"]


def rows(ids, count):
    for i in range(count):
        kind = KINDS[i % len(KINDS)]
        yield [kind, SUBS[i % 5] if kind == "五小" else "", f"班组合理化建议第{i + 1}号", "设备检修停机时间长，备件领用流程繁琐",
               "制作快换工装并优化领用流程，预计缩短停机一小时", str(1000 + i % 5000), ids[i % len(ids)],
               ids[(i + 7) % len(ids)] if i % 4 == 0 else "", f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}"]


def serve(binary, db, port, env):
    env = dict(env, UNIONHALL_DB=db)
    server = subprocess.Popen([binary, "serve", "--hostname", "127.0.0.1", "--port", str(port)], cwd=ROOT, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    for _ in range(150):
        try:
            if requests.get(base + "/healthz", timeout=1).ok: break
        except requests.RequestException:
            time.sleep(0.2)
    return server, base


def timed_import(binary, source_db, port, env, name, payload):
    work = tempfile.mkdtemp(prefix="unionhall-import-")
    db = os.path.join(work, "copy.sqlite")
    shutil.copy(source_db, db)
    server, base = serve(binary, db, port, env)
    try:
        token = requests.post(base + "/api/v1/auth/token", json={"username": "qingyang", "password": "Union@2024"}).json()["token"]
        started = time.monotonic()
        response = requests.post(base + "/api/v1/innovation-items/import", headers={"Authorization": f"Bearer {token}"},
                                 files={"file": (name, payload)}, timeout=1800)
        elapsed = time.monotonic() - started
        body = response.json()
        if response.status_code != 201:
            raise SystemExit(f"{name}: {response.status_code} {body.get('error')} {body.get('rows', [])[:3]}")
        return body["imported"], elapsed
    finally:
        server.terminate(); server.wait()
        shutil.rmtree(work, ignore_errors=True)


def baseline(source_db, ids_to_members, data):
    work = tempfile.mkdtemp(prefix="unionhall-baseline-")
    db = os.path.join(work, "copy.sqlite")
    shutil.copy(source_db, db)
    con = sqlite3.connect(db)
    started = time.monotonic()
    items, authors, events, audits = [], [], [], []
    for row in data:
        member_id, unit_id = ids_to_members[row[6]]
        item = str(uuid.uuid4()).upper()
        items.append((item, unit_id, "proposal", None, row[2], row[3], row[4], int(row[5]) * 100, member_id, row[8], "submitted", 0, 0, 0, 1))
        authors.append((str(uuid.uuid4()).upper(), item, member_id, 0))
        events.append((str(uuid.uuid4()).upper(), item, "2024-01-01 00:00:00", "submitted"))
        audits.append((str(uuid.uuid4()).upper(), "2024-01-01 00:00:00", "bench", unit_id, "innovationItem", item, "create", "{}"))
    with con:
        con.executemany("INSERT INTO innovation_items (id, unit_id, kind, sub_kind, title, problem, proposal, expected_benefit_fen, author_id, submitted_date,"
                        " status, seconds_count, benefit_fen, author_unread, version) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", items)
        con.executemany("INSERT INTO innovation_authors (id, item_id, member_id, position) VALUES (?,?,?,?)", authors)
        con.executemany("INSERT INTO innovation_events (id, item_id, at, status) VALUES (?,?,?,?)", events)
        con.executemany("INSERT INTO audit_entries (id, at, actor_name, unit_id, entity, entity_id, action, after) VALUES (?,?,?,?,?,?,?,?)", audits)
    elapsed = time.monotonic() - started
    con.close()
    shutil.rmtree(work, ignore_errors=True)
    return elapsed


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--members", type=int, default=20_000)
    ap.add_argument("--binary", default=os.path.join(ROOT, ".build-release/release/unionhall"))
    ap.add_argument("--port", type=int, default=8766)
    args = ap.parse_args()

    env = dict(os.environ, UNIONHALL_ADMIN_PASSWORD="bench-admin-1", LOG_LEVEL="error")
    env.pop("DATABASE_URL", None)
    work = tempfile.mkdtemp(prefix="unionhall-bench-")
    source = os.path.join(work, "demo.sqlite")
    subprocess.run([args.binary, "demo", "--members", str(args.members)], cwd=ROOT, env=dict(env, UNIONHALL_DB=source), capture_output=True, text=True, check=True)

    con = sqlite3.connect(source)
    unit = con.execute("SELECT id FROM union_units WHERE name = '庆阳市总工会'").fetchone()[0]
    units = {unit}
    while True:
        more = {r[0] for r in con.execute(f"SELECT id FROM union_units WHERE parent_id IN ({','.join('?' * len(units))})", list(units))} - units
        if not more: break
        units |= more
    members = con.execute(f"SELECT id_number, id, unit_id FROM members WHERE deleted_at IS NULL AND unit_id IN ({','.join('?' * len(units))}) LIMIT 5000", list(units)).fetchall()
    con.close()
    ids = [m[0] for m in members]
    by_id = {m[0]: (m[1], m[2]) for m in members}
    data = list(rows(ids, args.rows))

    text = io.StringIO()
    writer = csv.writer(text)
    writer.writerow(HEADER)
    writer.writerows(data)
    utf8 = text.getvalue().encode("utf-8")
    gbk = text.getvalue().encode("gbk")
    files = [("utf8.csv", utf8), ("gbk.csv", gbk)]
    if shutil.which("soffice"):
        csv_path = os.path.join(work, "items.csv")
        open(csv_path, "wb").write(utf8)
        columns = "/".join(f"{i}/2" for i in range(1, 10))
        subprocess.run(["soffice", "--headless", f"--infilter=CSV:44,34,76,1,{columns}", "--convert-to", "xlsx", "--outdir", work, csv_path],
                       capture_output=True, check=True, timeout=1200)
        files.append(("items.xlsx", open(os.path.join(work, "items.xlsx"), "rb").read()))

    floor = baseline(source, by_id, data)
    print(f"baseline: sqlite3 executemany of {args.rows:,} items with authors, events and audit lines: {floor:.2f} s ({args.rows / floor:,.0f} rows/s)")
    for name, payload in files:
        imported, elapsed = timed_import(args.binary, source, args.port, env, name, payload)
        print(f"import {name} ({len(payload) / 1_048_576:.1f} MB): {imported:,} rows in {elapsed:.2f} s = {imported / elapsed:,.0f} rows/s; "
              f"{elapsed / floor:.1f}x the baseline")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
