"""What the benchmarks share: the server started on loopback and stopped, signing in by token and
through the login form, the server's own time per request (Server-Timing), and percentiles."""
import contextlib, re, subprocess, time
import requests


def server_ms(response):
    match = re.search(r"dur=([0-9.]+)", response.headers.get("Server-Timing", ""))
    return float(match.group(1)) if match else float("nan")


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def summary(values):
    return {"p50": pct(values, 50), "p99": pct(values, 99), "max": max(values)}


@contextlib.contextmanager
def served(binary, port, env, cwd, wait_seconds=60):
    """`unionhall serve` on 127.0.0.1:port until the block ends; yields the base URL once /healthz answers."""
    server = subprocess.Popen([binary, "serve", "--hostname", "127.0.0.1", "--port", str(port)], cwd=cwd, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + wait_seconds
        while time.monotonic() < deadline:
            try:
                if requests.get(base + "/healthz", timeout=1).ok: break
            except requests.RequestException:
                time.sleep(0.2)
        yield base
    finally:
        server.terminate()
        server.wait()


def token(base, username, password):
    return requests.post(base + "/api/v1/auth/token", json={"username": username, "password": password}).json()["token"]


def browser(base, username, password):
    """A session signed in through the login form, as a person's browser is."""
    session = requests.Session()
    csrf = re.search(r'name="_csrf" value="([^"]+)"', session.get(base + "/login").text).group(1)
    session.post(base + "/login", data={"username": username, "password": password, "_csrf": csrf}, allow_redirects=False)
    return session
