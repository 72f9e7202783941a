#!/usr/bin/env python3
"""Three instances on one PostgreSQL behind nginx (issue 17): throughput against one instance,
then one instance killed (SIGKILL) and another stopped (SIGTERM) under a load of writes and reads.
Every write the load balancer acknowledged (201) must be in the database afterwards.

Needs PostgreSQL, nginx and wrk (Debian's packages) and the release build:
    swift build -c release --scratch-path .build-release --product unionhall
    python3 Benchmarks/drill.py --postgres postgres://postgres:unionhall@127.0.0.1/unionhall_drill
The database named is dropped and made anew.
"""
import argparse, os, random, signal, subprocess, sys, tempfile, threading, time, urllib.parse
import requests
from harness import token as api_token
from throughput import wrk

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PORTS = [8201, 8202, 8203]
BALANCER = 8200


def pg_env(url, database=None):
    parts = urllib.parse.urlparse(url)
    return dict(os.environ, PGHOST=parts.hostname, PGPORT=str(parts.port or 5432), PGUSER=parts.username or "",
                PGPASSWORD=parts.password or "", PGDATABASE=database or parts.path.lstrip("/"))


def psql(url, sql, database=None):
    return subprocess.run(["psql", "-At", "-v", "ON_ERROR_STOP=1", "-c", sql], env=pg_env(url, database),
                          capture_output=True, text=True, check=True).stdout.strip()


def id_number(birth, sequence):
    body = f"621002{birth}{sequence:03d}"
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return body + "10X98765432"[sum(int(d) * w for d, w in zip(body, weights)) % 11]


def wait_ready(port, seconds=300):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if requests.get(f"http://127.0.0.1:{port}/readyz", timeout=2).ok: return
        except requests.RequestException:
            pass
        time.sleep(0.3)
    raise SystemExit(f"instance on {port} never became ready")


def nginx_config(directory):
    site = open(os.path.join(ROOT, "deploy/nginx-unionhall.conf")).read()
    for old, new in zip([8081, 8082, 8083], PORTS): site = site.replace(f"127.0.0.1:{old}", f"127.0.0.1:{new}")
    site = site.replace("listen 80;", f"listen 127.0.0.1:{BALANCER};")
    path = os.path.join(directory, "nginx.conf")
    with open(path, "w") as f:
        f.write(f"""worker_processes 2;
pid {directory}/nginx.pid;
error_log {directory}/error.log;
events {{ worker_connections 4096; }}
http {{
    access_log off;
    client_body_temp_path {directory}/body;
    proxy_temp_path {directory}/proxy;
    fastcgi_temp_path {directory}/fastcgi;
    uwsgi_temp_path {directory}/uwsgi;
    scgi_temp_path {directory}/scgi;
{site}
}}
""")
    return path


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--postgres", required=True)
    ap.add_argument("--binary", default=os.path.join(ROOT, ".build-release/release/unionhall"))
    ap.add_argument("--members", type=int, default=20_000)
    ap.add_argument("--seconds", type=int, default=10)
    ap.add_argument("--load-seconds", type=int, default=24)
    args = ap.parse_args()
    database = urllib.parse.urlparse(args.postgres).path.lstrip("/")
    psql(args.postgres, f'DROP DATABASE IF EXISTS "{database}"', database="postgres")
    psql(args.postgres, f'CREATE DATABASE "{database}"', database="postgres")
    env = dict(os.environ, DATABASE_URL=args.postgres, UNIONHALL_ADMIN_PASSWORD="drill-admin-1", UNIONHALL_TRUSTED_PROXY="1",
               LOG_LEVEL="warning")
    subprocess.run([args.binary, "demo", "--members", str(args.members)], cwd=ROOT, env=env, check=True, capture_output=True)

    work = tempfile.mkdtemp(prefix="unionhall-drill-")
    instances = {}
    def start(port):
        log = open(os.path.join(work, f"instance-{port}.log"), "w")
        instances[port] = subprocess.Popen([args.binary, "serve", "--hostname", "127.0.0.1", "--port", str(port)], cwd=ROOT, env=env,
                                           stdout=log, stderr=subprocess.STDOUT)
    for port in PORTS: start(port)  # started together: migrations and the first admin are taken in turn
    for port in PORTS: wait_ready(port)
    nginx = subprocess.Popen(["nginx", "-c", nginx_config(work), "-g", "daemon off;"])
    base = f"http://127.0.0.1:{BALANCER}"
    try:
        wait_ready(BALANCER)
        officer = api_token(base, "qingyang", "Union@2024")
        print("throughput, 32 connections, the member list's first page and the units list:")
        for name, path in [("member list page 1", "/api/v1/members"), ("units list", "/api/v1/units")]:
            one, _, _ = wrk(f"http://127.0.0.1:{PORTS[0]}{path}", officer, args.seconds, 32)
            three, _, bad = wrk(base + path, officer, args.seconds, 32)
            print(f"  {name:20} one instance {one:8.0f}/s   three behind nginx {three:8.0f}/s   ratio {three / one:.2f}"
                  + (f" ({bad} non-2xx)" if bad else ""))

        unit = requests.get(base + "/api/v1/units?q=" + urllib.parse.quote("西峰"), headers={"Authorization": f"Bearer {officer}"}).json()["items"][0]["id"]
        acknowledged, refused, failed, reads = [], [], [], {"ok": 0, "failed": 0}
        lock = threading.Lock()
        stop = time.monotonic() + args.load_seconds
        def writer(seed):
            rng = random.Random(seed)
            session = requests.Session()
            while time.monotonic() < stop:
                birth = f"19{rng.randint(60, 99)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
                body = {"name": "演练" + str(rng.randint(0, 99)), "idNumber": id_number(birth, rng.randint(900, 999)), "unitId": unit}
                try:
                    r = session.post(base + "/api/v1/members", json=body, headers={"Authorization": f"Bearer {officer}"}, timeout=30)
                    with lock:
                        if r.status_code == 201: acknowledged.append(r.json()["id"])
                        elif r.status_code in (409, 422): refused.append(r.status_code)
                        else: failed.append(r.status_code)
                except requests.RequestException as error:
                    with lock: failed.append(type(error).__name__)
        def reader():
            session = requests.Session()
            while time.monotonic() < stop:
                try:
                    ok = session.get(base + "/api/v1/members", headers={"Authorization": f"Bearer {officer}"}, timeout=30).ok
                except requests.RequestException:
                    ok = False
                with lock: reads["ok" if ok else "failed"] += 1
        threads = [threading.Thread(target=writer, args=(i,)) for i in range(8)] + [threading.Thread(target=reader) for _ in range(4)]
        for t in threads: t.start()
        time.sleep(args.load_seconds / 3)
        instances[PORTS[1]].send_signal(signal.SIGKILL)
        killed_at = len(acknowledged)
        time.sleep(args.load_seconds / 3)
        instances[PORTS[2]].send_signal(signal.SIGTERM)
        stopped_rc = instances[PORTS[2]].wait(timeout=60)
        for t in threads: t.join()
        ids = ",".join(f"'{i}'" for i in acknowledged) or "NULL"
        found = int(psql(args.postgres, f"SELECT COUNT(*) FROM members WHERE id IN ({ids})"))
        print(f"kill drill ({args.load_seconds} s, 8 writers and 4 readers through nginx; instance {PORTS[1]} killed with SIGKILL after "
              f"{killed_at} writes, instance {PORTS[2]} stopped with SIGTERM (exit {stopped_rc})):")
        print(f"  writes acknowledged {len(acknowledged)}, found in the database {found}; refused as duplicates {len(refused)}; "
              f"failed without acknowledgement {len(failed)} {sorted(set(map(str, failed)))}")
        print(f"  reads answered {reads['ok']}, failed {reads['failed']}")
        survivor = requests.get(f"http://127.0.0.1:{PORTS[0]}/readyz").json()
        print(f"  the remaining instance: {survivor['status']}")
        return 0 if found == len(acknowledged) else 1
    finally:
        nginx.terminate()
        for process in instances.values():
            if process.poll() is None: process.terminate()
        for process in instances.values(): process.wait()
        nginx.wait()


if __name__ == "__main__":
    sys.exit(main())
