#!/usr/bin/env python3
"""End-to-end innovation workflow in a real browser (headless Chromium through selenium): a worker
submits an item from a phone, attaches a photo and sees it under 我的创新; the district officer
finds it, assigns the expert; the expert scores it on the score sheet; the officer adopts it; the
worker sees the news. Screenshots at desktop and phone width go to --shots.

Needs Debian's chromium and chromium-driver and `pip install selenium`, and a server with the demo
loaded (`swift run unionhall serve --demo`, default http://127.0.0.1:8080).

    python3 Tests/Browser/innovation_workflow.py --base http://127.0.0.1:8080 --shots /tmp/shots
"""
import argparse, os, re, struct, tempfile, time, zlib
from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.support.ui import Select, WebDriverWait


def browser(width):
    options = Options()
    options.add_argument("--headless=new")
    options.add_argument("--no-sandbox")
    options.add_argument(f"--window-size={max(width, 500)},900")
    if width < 500:
        options.add_experimental_option("mobileEmulation", {"deviceMetrics": {"width": width, "height": 844, "pixelRatio": 2}})
    options.binary_location = "/usr/bin/chromium"
    return webdriver.Chrome(options=options)


def png_file():
    """A real 8×8 PNG, as a phone's camera would send (smaller)."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    raw = b"".join(b"\x00" + b"\xcc\x33\x33" * 8 for _ in range(8))
    data = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 8, 8, 8, 2, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")
    path = os.path.join(tempfile.mkdtemp(), "现场照片.png")
    open(path, "wb").write(data)
    return path


class Session:
    def __init__(self, base, shots, width, tag):
        self.base, self.shots, self.tag = base, shots, tag
        self.d = browser(width)

    def shot(self, name):
        self.d.save_screenshot(os.path.join(self.shots, f"{self.tag}-{name}.png"))

    def sees(self, text, what):
        try:
            WebDriverWait(self.d, 10).until(lambda driver: text in driver.page_source)
        except Exception:
            self.shot("failed")
            raise AssertionError(what)

    def arrives(self, pattern, what):
        """Waits for the page the step leads to, by its address: text can also stand on the page before."""
        try:
            WebDriverWait(self.d, 10).until(lambda driver: re.search(pattern, driver.current_url))
        except Exception:
            self.shot("failed")
            raise AssertionError(what)

    def link(self, text, what):
        """Waits for a link with this text (not merely the text, which a select on the page before may hold) and returns it."""
        try:
            return WebDriverWait(self.d, 10).until(lambda driver: driver.find_element(By.LINK_TEXT, text))
        except Exception:
            self.shot("failed")
            raise AssertionError(what)

    def type(self, field_id, text):
        """Types into a field after clearing it: a refused form keeps what was typed before."""
        field = self.d.find_element(By.ID, field_id)
        field.clear()
        field.send_keys(text)

    def login(self, username):
        self.d.delete_all_cookies()
        self.d.get(self.base + "/login")
        self.d.find_element(By.ID, "username").send_keys(username)
        self.d.find_element(By.ID, "password").send_keys("Union@2024")
        self.d.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
        self.sees("工作台", f"{username} signed in")

    def submit(self, selector="main form.record button[type=submit]"):
        self.d.find_element(By.CSS_SELECTOR, selector).click()


def run(base, shots, width, tag):
    s = Session(base, shots, width, tag)
    d = s.d
    title = f"叉车电瓶快换架（{tag}-{int(time.time())}）"
    try:
        # The worker, on their phone.
        s.login("chenbanggui")
        d.get(base + "/me/innovation/new")
        Select(d.find_element(By.ID, "kind")).select_by_value("fiveSmall")
        d.find_element(By.ID, "title").send_keys(title)
        d.find_element(By.ID, "problem").send_keys("电瓶更换要两人抬，费时且易砸伤")
        d.find_element(By.ID, "proposal").send_keys("焊接带滚轮的快换架，一人即可更换")
        s.submit()
        s.sees("field-error", "a 五小 without its sub-kind is refused beside the field")
        s.shot("worker-form-error")
        Select(d.find_element(By.ID, "subKind")).select_by_value("smallCreation")
        s.submit()
        s.arrives(r"/me/innovation/[0-9A-Fa-f-]{36}", "the item's own page after submitting")
        d.find_element(By.NAME, "file").send_keys(png_file())
        d.find_element(By.CSS_SELECTOR, "form[enctype] button[type=submit]").click()
        s.sees("现场照片.png", "the photo is attached")
        s.shot("worker-item")
        item_url = d.current_url

        # The district officer finds it and assigns the expert.
        s.login("xifeng")
        d.get(base + "/innovation-items?sort=-submittedDate")
        s.sees(title, "the officer's list shows the new item")
        s.shot("officer-list")
        d.find_element(By.LINK_TEXT, title).click()
        s.sees("专家评审", "the item's page")
        Select(d.find_element(By.CSS_SELECTOR, "select[name='reviewerIds[]']")).select_by_visible_text("评审专家")
        d.find_element(By.XPATH, "//button[text()='分配评审专家']").click()
        s.sees("待评分", "the expert is assigned")
        officer_url = d.current_url.split("?")[0]

        # The expert scores.
        s.login("expert")
        d.get(base + "/reviews")
        d.find_element(By.LINK_TEXT, title).click()
        s.sees("评分表", "the score sheet")
        d.find_element(By.ID, "innovation").send_keys("85")
        d.find_element(By.ID, "feasibility").send_keys("90")
        d.find_element(By.ID, "benefit").send_keys("75")
        s.shot("reviewer-sheet")
        d.find_element(By.XPATH, "//button[text()='提交评分']").click()
        s.sees("您已提交评分", "scores sent")

        # The officer adopts.
        s.login("xifeng")
        d.get(officer_url)
        d.find_element(By.XPATH, "//button[text()='采纳']").click()
        s.sees("已采纳", "adopted")
        s.shot("officer-item")
        d.get(base + "/innovation-items?from=2024-01-01&to=2024-12-31")
        s.shot("officer-figures")

        # The worker sees the news.
        s.login("chenbanggui")
        d.get(base + "/me")
        s.sees("有新进展", "the worker is told")
        d.get(item_url)
        s.sees("已采纳", "the worker's item shows it adopted")
        s.shot("worker-news")
        print(f"{tag}: worker submitted, expert scored, officer adopted, worker told")
    finally:
        d.quit()


def main(run):
    """Runs a walk-through at desktop and at phone width against --base, shots into --shots."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--base", default="http://127.0.0.1:8080")
    ap.add_argument("--shots", default="/tmp/shots")
    args = ap.parse_args()
    os.makedirs(args.shots, exist_ok=True)
    run(args.base, args.shots, 1280, "desktop")
    run(args.base, args.shots, 390, "phone")


if __name__ == "__main__":
    main(run)
