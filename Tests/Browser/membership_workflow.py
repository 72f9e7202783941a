#!/usr/bin/env python3
"""End-to-end in a real browser: a courier applies to join without signing in, is told their
number and code, follows the application; the county officer approves it from the dashboard's
to-do; the applicant then sees the membership number; the new member's record shows the
membership, and a transfer is asked for from it. Screenshots at desktop and phone width.

    python3 Tests/Browser/membership_workflow.py --base http://127.0.0.1:8080 --shots /tmp/shots
"""
import os, random, re, sys
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from innovation_workflow import Session, main  # noqa: E402
from member_workflow import id_number  # noqa: E402


def run(base, shots, width, tag):
    s = Session(base, shots, width, f"{tag}-membership")
    d, sees, shot = s.d, s.sees, s.shot
    try:
        d.get(base + "/login")
        d.find_element(By.LINK_TEXT, "我要入会").click()
        sees("15个工作日", "the join page")
        Select(d.find_element(By.NAME, "unitId")).select_by_visible_text("庆阳市总工会 › 西峰区总工会")
        d.find_element(By.CSS_SELECTOR, "form.filters button").click()
        sees("提交申请", "the form for the chosen union")
        name = "骑手" + random.choice("甲乙丙丁戊己庚辛") + random.choice("一二三四五六七八")
        d.find_element(By.NAME, "name").send_keys(name)
        body = f"62100219{random.randint(80, 99)}0{random.randint(1, 9)}1{random.randint(0, 8)}{random.randint(100, 999)}"
        d.find_element(By.NAME, "idNumber").send_keys(id_number(body))
        d.find_element(By.NAME, "mobile").send_keys(f"1580000{random.randint(1000, 9999)}")
        d.find_element(By.CSS_SELECTOR, "input[name=employment][value=platform]").click()
        d.find_element(By.NAME, "platform").send_keys("美团")
        shot("form")
        d.find_element(By.CSS_SELECTOR, "form.record-form button[type=submit]").click()
        sees("查询码", "the receipt")
        shot("receipt")
        number = re.search(r"RH\d{14}", d.page_source).group(0)
        code = re.findall(r'<dd class="mono">([A-Z2-9]{8})</dd>', d.page_source)[0]
        d.get(f"{base}/join/status?number={number}&code={code}")
        sees("待审核", "following it")

        s.login("xifeng")
        sees("待审核的入会申请", "the to-do on the dashboard")
        d.find_element(By.PARTIAL_LINK_TEXT, "待审核的入会申请").click()
        sees(number, "the list of applications")
        d.find_element(By.LINK_TEXT, number).click()
        sees("批准入会", "the application")
        shot("application")
        d.find_element(By.XPATH, "//button[text()='批准入会']").click()
        sees("已批准", "approved")
        d.find_element(By.LINK_TEXT, name).click()
        sees("会籍变动", "the member's membership")
        assert "平台灵活就业" in d.page_source and "QY" in d.page_source
        d.find_element(By.CSS_SELECTOR, "details.step-form summary").click()
        Select(d.find_element(By.NAME, "toUnitId")).select_by_visible_text("庆阳市总工会 › 环县总工会")
        d.find_element(By.CSS_SELECTOR, "details form input[name=reason]").send_keys("跑单区域调整")
        d.find_element(By.XPATH, "//button[text()='申请转会']").click()
        sees("待转入工会接收", "transfer asked")
        shot("member")
        d.find_element(By.XPATH, "//button[text()='退出']").click()
        sees("您已安全退出", "signed out")

        d.get(f"{base}/join/status?number={number}&code={code}")
        sees("已批准", "the applicant sees the answer")
        sees("QY", "and the membership number")
        print(f"{tag}: membership workflow passed")
    finally:
        d.quit()

if __name__ == "__main__":
    main(run)
