#!/usr/bin/env python3
"""Competition results benchmark (issue 6): 90 events x 60 entries x 5 judges x 10 items.

Loads the demo into a fresh SQLite file with the release build, then writes a contest of its own
straight into the database: 90 open events (theory 30 %, practical 70 %, ten items), five judges
each, 60 entries each with a theory mark and a time, and every judge's sheet (27,000 sheets,
270,000 marks). The app then publishes each event's results through
`POST /api/v1/competitions/{id}/events/{eventId}/publish` as Qingyang's city officer: it reads the
marks, drops the highest and lowest of five, weights, ranks with the tie-breaks, awards the bands
and writes every entry's scores, rank and award. The baseline, on a copy of the same database in
the same run, is one raw SQL statement computing the same scores and ranks (drop-high-low means,
weighted totals, RANK() with the tie-breaks) for all 90 events, read in full by Python's sqlite3,
and the same statement written back with an UPDATE of every entry.

    swift build -c release --scratch-path .build-release --product unionhall
    python3 Benchmarks/competition_results.py
"""
import argparse, os, random, shutil, sqlite3, subprocess, tempfile, time, uuid
import requests

from innovation_import import serve

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EVENTS, ENTRIES, JUDGES, ITEMS = 90, 60, 5, 10


def new_id():
    return str(uuid.uuid4()).upper()


def seed(db):
    """The contest, written as the app would have written it, marks drawn at random."""
    con = sqlite3.connect(db)
    rnd = random.Random(6)
    qingyang = con.execute("SELECT id FROM union_units WHERE name = '庆阳市总工会'").fetchone()[0]
    judges = [r[0] for r in con.execute("SELECT id FROM users WHERE role = 'reviewer' ORDER BY username LIMIT ?", (JUDGES,))]
    assert len(judges) == JUDGES, "the demo has five reviewer accounts"
    members = con.execute("SELECT id, unit_id, organization_id FROM members WHERE deleted_at IS NULL AND skill_level IS NOT NULL LIMIT ?", (ENTRIES,)).fetchall()
    trades = [r[0] for r in con.execute("SELECT DISTINCT trade FROM members WHERE trade IS NOT NULL ORDER BY trade LIMIT ?", (EVENTS,))]
    competition = new_id()
    with con:
        con.execute("INSERT INTO competitions (id, unit_id, name, year, organizer, level, event_count, version) VALUES (?,?,?,?,?,?,?,1)",
                    (competition, qingyang, "基准测试竞赛", 2025, "庆阳市总工会", "city", EVENTS))
        events, items, panel, entries, entrants, sheets, marks = [], [], [], [], [], [], []
        for e in range(EVENTS):
            event = new_id()
            events.append((event, competition, qingyang, e + 1, trades[e % len(trades)] + f"#{e}", "individual", 30, 70, 3, 5, 8, 600000, 0, 0, 0, "open", ENTRIES, 1))
            item_ids = [new_id() for _ in range(ITEMS)]
            items += [(item, event, i + 1, f"评分项{i + 1}", 1000, "judgement") for i, item in enumerate(item_ids)]
            panel += [(new_id(), event, judge, None, j == 0) for j, judge in enumerate(judges)]
            for n, (member, unit, organization) in enumerate(members):
                entry = new_id()
                entries.append((entry, event, competition, unit, n + 1, member, organization, rnd.randint(5000, 10000), rnd.randint(1200, 3600)))
                entrants.append((new_id(), entry, event, member))
                skill = rnd.randint(550, 1000)
                for judge in judges:
                    sheet = new_id()
                    sheets.append((sheet, event, entry, judge, 1_727_000_000.0))
                    marks += [(new_id(), sheet, event, entry, item, max(0, min(1000, skill + rnd.randint(-60, 60)))) for item in item_ids]
        con.executemany("INSERT INTO competition_events (id, competition_id, unit_id, number, trade, kind, theory_weight, practical_weight, expert_count,"
                        " pacesetter_count, outstanding_count, minimum_total, first_prizes, second_prizes, third_prizes, status, entry_count, version)"
                        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", events)
        con.executemany("INSERT INTO competition_items (id, event_id, position, name, maximum, kind) VALUES (?,?,?,?,?,?)", items)
        con.executemany("INSERT INTO competition_judges (id, event_id, user_id, organization_id, chief) VALUES (?,?,?,?,?)", panel)
        con.executemany("INSERT INTO competition_entries (id, event_id, competition_id, unit_id, number, member_id, employer_id, theory_marks, completion_seconds)"
                        " VALUES (?,?,?,?,?,?,?,?,?)", entries)
        con.executemany("INSERT INTO competition_entrants (id, entry_id, event_id, member_id) VALUES (?,?,?,?)", entrants)
        con.executemany("INSERT INTO competition_sheets (id, event_id, entry_id, judge_id, submitted_at) VALUES (?,?,?,?,?)", sheets)
        con.executemany("INSERT INTO competition_marks (id, sheet_id, event_id, entry_id, item_id, marks) VALUES (?,?,?,?,?,?)", marks)
    con.execute("ANALYZE")
    con.close()
    return competition, [e[0] for e in events], len(marks)


# Scores in ten-thousandths of a mark, as the app keeps them: the item score is the mean of the
# middle three of five marks; practical = sum(item scores) / sum(maxima); total is weighted.
AGGREGATE = """
WITH item_scores AS (
  SELECT m.event_id, m.entry_id, m.item_id,
         ROUND((SUM(m.marks) - CASE WHEN COUNT(*) >= 5 THEN MAX(m.marks) + MIN(m.marks) ELSE 0 END) * 100.0
           / (COUNT(*) - CASE WHEN COUNT(*) >= 5 THEN 2 ELSE 0 END)) AS score
  FROM competition_marks m JOIN competition_events ev ON ev.id = m.event_id
  WHERE ev.competition_id = :competition GROUP BY m.event_id, m.entry_id, m.item_id),
practical AS (
  SELECT s.event_id, s.entry_id, ROUND(SUM(s.score) * 10000.0 / SUM(i.maximum)) AS practical
  FROM item_scores s JOIN competition_items i ON i.id = s.item_id GROUP BY s.event_id, s.entry_id),
totals AS (
  SELECT p.event_id, p.entry_id, p.practical,
         (e.theory_marks * 100.0 * ev.theory_weight + p.practical * ev.practical_weight) / 100 AS total, e.completion_seconds
  FROM practical p JOIN competition_entries e ON e.id = p.entry_id JOIN competition_events ev ON ev.id = p.event_id)
SELECT entry_id, CAST(ROUND(practical) AS INTEGER) AS practical, CAST(ROUND(total) AS INTEGER) AS total,
       RANK() OVER (PARTITION BY event_id ORDER BY ROUND(total) DESC, ROUND(practical) DESC, completion_seconds) AS rank
FROM totals
"""


def baseline(db, competition):
    con = sqlite3.connect(db)
    started = time.monotonic()
    rows = con.execute(AGGREGATE, {"competition": competition}).fetchall()
    select = time.monotonic() - started
    started = time.monotonic()
    with con:
        con.execute("CREATE TEMP TABLE results AS " + AGGREGATE, {"competition": competition})
        con.execute("CREATE INDEX temp.results_entry ON results (entry_id)")
        con.execute("UPDATE competition_entries SET practical = r.practical, total = r.total, rank = r.rank"
                    " FROM results r WHERE r.entry_id = competition_entries.id")
    update = time.monotonic() - started
    results = {r[0]: (r[1], r[2], r[3]) for r in rows}
    con.close()
    return select, update, results


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--members", type=int, default=20_000)
    ap.add_argument("--binary", default=os.path.join(ROOT, ".build-release/release/unionhall"))
    ap.add_argument("--port", type=int, default=8767)
    args = ap.parse_args()

    env = dict(os.environ, UNIONHALL_ADMIN_PASSWORD="bench-admin-1", LOG_LEVEL="error")
    env.pop("DATABASE_URL", None)
    work = tempfile.mkdtemp(prefix="unionhall-contest-")
    source = os.path.join(work, "demo.sqlite")
    subprocess.run([args.binary, "demo", "--members", str(args.members)], cwd=ROOT, env=dict(env, UNIONHALL_DB=source), capture_output=True, text=True, check=True)
    competition, events, mark_count = seed(source)
    print(f"seeded: {EVENTS} events x {ENTRIES} entries x {JUDGES} judges x {ITEMS} items = {mark_count:,} marks")

    copy = os.path.join(work, "baseline.sqlite")
    shutil.copy(source, copy)
    select, update, expected = baseline(copy, competition)
    print(f"baseline: raw SQL aggregate of all {EVENTS} events, read in full: {select:.2f} s; the same written back to every entry: {update:.2f} s")

    server, base = serve(args.binary, source, args.port, env)
    try:
        token = requests.post(base + "/api/v1/auth/token", json={"username": "qingyang", "password": "Union@2024"}).json()["token"]
        headers = {"Authorization": f"Bearer {token}"}
        session = requests.Session()
        started = time.monotonic()
        for event in events:
            response = session.post(f"{base}/api/v1/competitions/{competition}/events/{event}/publish", headers=headers, json={"version": 1, "noticeDays": 7}, timeout=600)
            if response.status_code != 200:
                raise SystemExit(f"publish: {response.status_code} {response.text[:300]}")
        elapsed = time.monotonic() - started
    finally:
        server.terminate(); server.wait()

    con = sqlite3.connect(source)
    got = {r[0]: (r[1], r[2], r[3]) for r in con.execute("SELECT id, practical, total, rank FROM competition_entries WHERE competition_id = ?", (competition,))}
    awards = con.execute("SELECT COUNT(*) FROM competition_entries WHERE competition_id = ? AND award IS NOT NULL", (competition,)).fetchone()[0]
    con.close()
    same = sum(1 for k, v in expected.items() if got.get(k) == v)
    print(f"app: computed and published {EVENTS} events ({EVENTS * ENTRIES:,} entries ranked, {awards:,} awards) in {elapsed:.2f} s "
          f"({elapsed / EVENTS * 1000:.0f} ms an event); {elapsed / select:.1f}x the SQL aggregate, {elapsed / (select + update):.1f}x aggregate plus write-back")
    print(f"check: {same:,} of {len(expected):,} entries have the same practical, total and rank as the raw SQL")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
