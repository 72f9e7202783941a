#!/usr/bin/env python3
"""End-to-end check in a real browser (headless Chromium through selenium): an officer signs in,
registers a member, fixes a mistake the form reports, edits, deletes and restores the record,
switches to English and signs out. Screenshots at desktop and phone width go to --shots.

Needs Debian's chromium and chromium-driver and `pip install selenium`, and a server started with
`swift run unionhall serve --demo` (default http://127.0.0.1:8080).

    python3 Tests/Browser/member_workflow.py --base http://127.0.0.1:8080 --shots /tmp/shots
"""
import argparse, os, random
from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.support.ui import Select, WebDriverWait

WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
CHECK = "10X98765432"

def id_number(body):
    return body + CHECK[sum(int(d) * w for d, w in zip(body, WEIGHTS)) % 11]

def browser(width):
    options = Options()
    options.add_argument("--headless=new")
    options.add_argument("--no-sandbox")
    options.add_argument(f"--window-size={max(width, 500)},900")
    if width < 500:
        options.add_experimental_option("mobileEmulation", {"deviceMetrics": {"width": width, "height": 844, "pixelRatio": 2}})
    options.binary_location = "/usr/bin/chromium"
    return webdriver.Chrome(options=options)

def run(base, shots, width, tag):
    d = browser(width)
    shot = lambda name: d.save_screenshot(os.path.join(shots, f"{tag}-{name}.png"))

    def sees(text, what):
        """Waits for the next page to show `text` (a click returns before the page loads)."""
        try:
            WebDriverWait(d, 10).until(lambda driver: text in driver.page_source)
        except Exception:
            shot("failed")
            raise AssertionError(what)
    try:
        d.get(base + "/login")
        d.find_element(By.ID, "username").send_keys("xifeng")
        d.find_element(By.ID, "password").send_keys("Union@2024")
        d.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
        sees("工作台", "start page after login")
        shot("home")

        d.get(base + "/members/new")
        body = f"621002199{random.randint(0, 9)}0{random.randint(1, 9)}1{random.randint(0, 2)}{random.randint(100, 999)}"
        good = id_number(body)
        bad = good[:-1] + ("0" if good[-1] != "0" else "1")
        d.find_element(By.ID, "name").send_keys("测试职工")
        d.find_element(By.ID, "idNumber").send_keys(bad)
        d.find_element(By.ID, "mobile").send_keys("13912345678")
        Select(d.find_element(By.ID, "trade")).select_by_value("焊工")
        d.find_element(By.CSS_SELECTOR, "form.record button[type=submit]").click()
        sees("身份证号校验位不正确", "checksum error shown")
        assert d.find_element(By.ID, "name").get_attribute("value") == "测试职工", "input kept"
        shot("form-error")
        field = d.find_element(By.ID, "idNumber")
        field.clear()
        field.send_keys(good)
        d.find_element(By.CSS_SELECTOR, "form.record button[type=submit]").click()
        sees("已创建", "member created")
        assert good not in d.page_source, "ID masked on the page"
        shot("created")

        d.find_element(By.LINK_TEXT, "修改").click()
        mobile = d.find_element(By.ID, "mobile")
        mobile.clear()
        mobile.send_keys("13800001111")
        d.find_element(By.CSS_SELECTOR, "form.record button[type=submit]").click()
        sees("138****1111", "edit saved")

        d.find_element(By.CSS_SELECTOR, "form.confirm button").click()
        d.switch_to.alert.accept()
        sees("已删除", "deleted")
        d.find_element(By.XPATH, "//button[text()='恢复']").click()
        sees("已恢复", "restored")

        d.find_element(By.XPATH, "//button[contains(text(), '显示完整')]").click()
        sees(good, "revealed")
        d.get(base + "/audit")
        sees("查看完整信息", "reveal in the audit log")
        shot("audit")

        d.find_element(By.LINK_TEXT, "English").click()
        sees("Audit log", "English")
        d.get(base + "/members?q=" + "csz")
        sees("测试职工", "found by initials")
        shot("members-en")
        d.find_element(By.LINK_TEXT, "中文").click()
        d.find_element(By.XPATH, "//button[text()='退出']").click()
        sees("您已安全退出", "signed out")
        print(f"{tag}: workflow passed")
    finally:
        d.quit()

if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--base", default="http://127.0.0.1:8080")
    ap.add_argument("--shots", default="/tmp/unionhall-shots")
    args = ap.parse_args()
    os.makedirs(args.shots, exist_ok=True)
    run(args.base, args.shots, 1280, "desktop")
    run(args.base, args.shots, 390, "phone")
