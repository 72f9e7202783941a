#!/usr/bin/env python3
"""Hardening benchmarks (issue 13), each reported as a ratio against a baseline of the same run.

1. Other users' latency while 8 clients loop on wrong passwords, against the same requests on an
   idle server. Two floods: from one address (the throttle answers 429 after a few tries), and
   from a new address and username every time (as a botnet would: every try reaches bcrypt, which
   runs on the thread pool, not on an event loop).
2. Peak server memory (VmHWM) while importing a 100,000-row xlsx whose rows each have one cell far
   to the right, against the size of the file and against the idle server.

    swift build -c release --scratch-path .build-release --product unionhall
    python3 Benchmarks/hardening.py
"""
import argparse, csv, io, os, random, shutil, sqlite3, subprocess, sys, tempfile, threading, time, zipfile
import requests

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from member_search import ROOT, pct  # noqa: E402
from innovation_import import serve  # noqa: E402

HEADER = ["类别", "五小类别", "标题", "存在问题", "建议或方案", "预期效益（元）", "第一作者身份证号", "共同作者身份证号", "提交日期"]


def peak_rss_mb(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0.0


def latencies(base, token, count):
    session = requests.Session()
    session.headers["Authorization"] = f"Bearer {token}"
    times = []
    for _ in range(count):
        started = time.perf_counter()
        response = session.get(base + "/api/v1/units?per=20")
        times.append((time.perf_counter() - started) * 1000)
        assert response.ok, response.status_code
    return times


def flood(base, stop, botnet, counts):
    session = requests.Session()
    while not stop.is_set():
        headers = {}
        username = "qingyang"
        if botnet:
            headers["X-Forwarded-For"] = f"10.{random.randrange(256)}.{random.randrange(256)}.{random.randrange(256)}"
            username = f"guess{random.randrange(10**9)}"
        response = session.post(base + "/api/v1/auth/token", json={"username": username, "password": "wrong-password-1"}, headers=headers)
        counts[response.status_code] = counts.get(response.status_code, 0) + 1


def login_flood(base, token, requests_per_phase):
    idle = latencies(base, token, requests_per_phase)
    print(f"idle: p50 {pct(idle, 50):.2f} ms, p95 {pct(idle, 95):.2f} ms")
    results = {}
    for botnet in (False, True):
        stop, counts = threading.Event(), {}
        threads = [threading.Thread(target=flood, args=(base, stop, botnet, counts)) for _ in range(8)]
        for thread in threads:
            thread.start()
        time.sleep(2)
        loaded = latencies(base, token, requests_per_phase)
        stop.set()
        for thread in threads:
            thread.join()
        name = "botnet (new address and name each try)" if botnet else "one address"
        results[name] = loaded
        print(f"8 clients flooding wrong passwords from {name}: p50 {pct(loaded, 50):.2f} ms ({pct(loaded, 50) / pct(idle, 50):.1f}x idle), "
              f"p95 {pct(loaded, 95):.2f} ms ({pct(loaded, 95) / pct(idle, 95):.1f}x idle); flood answers {dict(sorted(counts.items()))}")
    return idle, results


def column_name(index):
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


def wide_xlsx(ids, rows):
    """Inline strings, nine template columns, and one cell at column XFD (the last) in every row."""
    def cell(ref, text):
        text = text.replace("&", "&amp;").replace("<", "&lt;")
        return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'
    sheet = io.StringIO()
    sheet.write('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
    sheet.write('<row r="1">' + "".join(cell(f"{column_name(i)}1", h) for i, h in enumerate(HEADER)) + "</row>")
    for r in range(rows):
        values = ["合理化建议", "", f"班组建议第{r + 1}号", "停机时间长", "制作快换工装", str(1000 + r % 5000), ids[r % len(ids)], "", "2024-05-06"]
        n = r + 2
        sheet.write(f'<row r="{n}">' + "".join(cell(f"{column_name(i)}{n}", v) for i, v in enumerate(values) if v) + cell(f"XFD{n}", "x") + "</row>")
    sheet.write("</sheetData></worksheet>")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                   '<Default Extension="xml" ContentType="application/xml"/>'
                   '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
                   '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>')
        z.writestr("_rels/.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        z.writestr("xl/workbook.xml", '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                   'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
        z.writestr("xl/worksheets/sheet1.xml", sheet.getvalue())
    return out.getvalue()


def qingyang_ids(db):
    """ID numbers of members under Qingyang's city union, whose officer imports the rows."""
    con = sqlite3.connect(db)
    units = {con.execute("SELECT id FROM union_units WHERE name = '庆阳市总工会'").fetchone()[0]}
    while True:
        more = {r[0] for r in con.execute(f"SELECT id FROM union_units WHERE parent_id IN ({','.join('?' * len(units))})", list(units))} - units
        if not more:
            break
        units |= more
    ids = [r[0] for r in con.execute(f"SELECT id_number FROM members WHERE deleted_at IS NULL AND unit_id IN ({','.join('?' * len(units))}) LIMIT 5000",
                                     list(units))]
    con.close()
    return ids


def long_csv(ids, rows, size):
    """A CSV near the upload limit: the same columns, with long problem and proposal texts."""
    filler = "设备检修停机时间长，备件领用流程繁琐，需要优化工装与流程。"
    per_row = max(1, size // rows)
    text = io.StringIO()
    writer = csv.writer(text)
    writer.writerow(HEADER)
    for r in range(rows):
        long_text = (filler * (per_row // len(filler) + 1))[: (per_row - 70) // 6]
        writer.writerow(["合理化建议", "", f"班组建议第{r + 1}号", long_text, long_text, str(1000 + r % 5000), ids[r % len(ids)], "", "2024-05-06"])
    return text.getvalue().encode("utf-8")


def timed_import(binary, source_db, port, env, name, payload, what):
    """One import into a fresh copy of the demo, in a fresh server, so each peak is its own."""
    work = tempfile.mkdtemp(prefix="unionhall-wide-")
    db = os.path.join(work, "copy.sqlite")
    shutil.copy(source_db, db)
    server, base = serve(binary, db, port, env)
    try:
        token = requests.post(base + "/api/v1/auth/token", json={"username": "qingyang", "password": "Union@2024"}).json()["token"]
        idle = peak_rss_mb(server.pid)
        started = time.monotonic()
        response = requests.post(base + "/api/v1/innovation-items/import", headers={"Authorization": f"Bearer {token}"},
                                 files={"file": (name, payload)}, timeout=3600)
        elapsed = time.monotonic() - started
        peak = peak_rss_mb(server.pid)
        body = response.json()
        size = len(payload) / 1_048_576
        print(f"{what}: {size:.2f} MB file, answered {response.status_code} ({body.get('imported', body.get('error'))}) in {elapsed:.1f} s; "
              f"peak server memory {peak:.0f} MB = {peak / size:.1f}x the file (idle server {idle:.0f} MB, so +{peak - idle:.0f} MB)")
    finally:
        server.terminate()
        server.wait()
        shutil.rmtree(work, ignore_errors=True)


def imports(binary, source_db, port, env, rows):
    ids = qingyang_ids(source_db)
    timed_import(binary, source_db, port, env, "wide.xlsx", wide_xlsx(ids, rows), f"wide xlsx, {rows:,} rows with a cell at XFD")
    timed_import(binary, source_db, port, env, "long.csv", long_csv(ids, rows, 31 * 1_048_576), f"CSV near the 32 MB limit, {rows:,} rows of long texts")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build-release", "release", "unionhall"))
    parser.add_argument("--members", type=int, default=20_000)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--port", type=int, default=8097)
    args = parser.parse_args()
    # The proxy setting lets the botnet flood give a new client address with each try.
    env = dict(os.environ, UNIONHALL_FILES=tempfile.mkdtemp(prefix="unionhall-files-"), UNIONHALL_ADMIN_PASSWORD="bench-admin-password",
               LOG_LEVEL="error", UNIONHALL_TRUSTED_PROXY="1")
    env.pop("DATABASE_URL", None)
    work = tempfile.mkdtemp(prefix="unionhall-hardening-")
    db = os.path.join(work, "demo.sqlite")
    subprocess.run([args.binary, "demo", "--members", str(args.members)], cwd=ROOT, env=dict(env, UNIONHALL_DB=db), check=True,
                   stdout=subprocess.DEVNULL)
    server, base = serve(args.binary, db, args.port, env)
    try:
        token = requests.post(base + "/api/v1/auth/token", json={"username": "jinchang", "password": "Union@2024"}).json()["token"]
        login_flood(base, token, args.requests)
    finally:
        server.terminate()
        server.wait()
    imports(args.binary, db, args.port, env, args.rows)
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
