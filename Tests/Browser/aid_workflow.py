#!/usr/bin/env python3
"""End-to-end 金秋助学 in a real browser (headless Chromium through selenium): 陈帮贵, who has a
verified hardship file in the demo, applies for his child's scholarship from a phone; the 西峰区
officer approves for the enterprise union (his employer has none) and for the county; the city
approves within the budget and pays the batch; 陈帮贵 then sees every step. The officers' pages
(figures, charts, the programme with its batches, the hardship files) and the public notice are
shot at desktop and phone width into --shots.

Needs Debian's chromium and chromium-driver and `pip install selenium`, and a server with the demo
loaded (`swift run unionhall serve --demo`, default http://127.0.0.1:8080).

    python3 Tests/Browser/aid_workflow.py --base http://127.0.0.1:8080 --shots /tmp/shots
"""
import os, random, sys, time
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from innovation_workflow import Session, main  # noqa: E402


def id_number(birth):
    """A valid GB 11643 resident ID for a child born on `birth` (YYYYMMDD) in 西峰区."""
    body = f"621002{birth}{random.randint(100, 999)}"
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return body + "10X98765432"[sum(int(c) * w for c, w in zip(body, weights)) % 11]


def approve(s):
    s.d.find_element(By.XPATH, "//form[contains(@action,'/approve')]//button").click()


def run(base, shots, width, tag):
    s = Session(base, shots, width, tag)
    d = s.d
    child = f"陈同学{int(time.time()) % 100000}"
    try:
        s.login("chenbanggui")
        d.get(base + "/me/aid")
        s.sees("为子女申请助学金", "the application form")
        d.find_element(By.ID, "childName").send_keys(child)
        d.find_element(By.ID, "childIdNumber").send_keys("621002200601011234")
        d.find_element(By.ID, "school").send_keys("兰州理工大学")
        Select(d.find_element(By.ID, "stage")).select_by_value("university")
        s.submit()
        s.sees("field-error", "a bad ID is refused beside its field")
        s.type("childIdNumber", id_number(f"2006{random.randint(1, 12):02d}{random.randint(1, 28):02d}"))
        d.find_element(By.ID, "payeeAccount").send_keys("6217002710000123456")
        s.submit()
        s.sees(child, "the application is listed")
        s.sees("提交申请", "its first step is shown")
        s.shot("worker-aid")

        s.login("xifeng")
        d.get(base + "/aid-applications?q=" + child)
        d.find_element(By.XPATH, f"//tr[contains(., '{child}')]//a").click()
        s.sees("审核通过", "the approval step")
        approve(s)
        s.sees("企业工会已审核", "approved for the enterprise union")
        approve(s)
        s.sees("县区工会已审核", "approved by the county")
        s.shot("officer-application")

        s.login("qingyang")
        d.get(base + "/aid-applications?q=" + child)
        d.find_element(By.XPATH, f"//tr[contains(., '{child}')]//a").click()
        approve(s)
        s.sees("市总工会已批准", "approved by the city")
        d.find_element(By.PARTIAL_LINK_TEXT, "金秋助学").click()
        s.sees("发放批次", "the programme's page")
        program_url = d.current_url.split("?")[0]
        d.find_element(By.XPATH, "//form[contains(@action,'/batches')]//button").click()
        s.sees("bank-list?format=xlsx", "the new batch with its bank list")
        s.shot("officer-program")
        # The notice is public only during its period: the city puts it up for a week from today.
        d.get(program_url + "/edit")
        today = time.strftime("%Y-%m-%d", time.gmtime(time.time() + 8 * 3600))
        week = time.strftime("%Y-%m-%d", time.gmtime(time.time() + 8 * 3600 + 6 * 86400))
        d.execute_script("document.querySelector('[name=noticeFrom]').value = arguments[0];"
                         "document.querySelector('[name=noticeUntil]').value = arguments[1];", today, week)
        d.find_element(By.XPATH, "//form[contains(@class,'record')]//button[@type='submit']").click()
        s.sees("发放批次", "the programme saved with its notice period")
        d.get(base + "/aid-applications?from=2024-01-01&to=2024-12-31")
        s.sees("<svg", "charts on the aid page")
        s.sees("¥4,545,000.00", "the article's amount")
        s.sees(">1515<", "the article's children")
        s.shot("officer-aid")
        d.get(base + "/hardship-files")
        s.sees("困难类别", "hardship files by level")
        s.shot("officer-hardship")
        d.get(base + "/dispute-cases?from=2024-01-01&to=2024-12-31")
        s.sees("¥393,600.00", "the disputes' figures")
        s.shot("officer-disputes")

        s.login("chenbanggui")
        d.get(base + "/me/aid")
        s.sees("助学金已发放", "the worker sees the payment")
        s.shot("worker-aid-paid")
        d.delete_all_cookies()
        d.get(program_url.replace("/aid-programs/", "/aid-notice/"))
        s.sees("公示名单", "the public notice opens without a login")
        s.sees("陈*贵", "names masked on the notice")
        s.shot("public-notice")
        print(f"{tag}: applied from the phone, approved by the enterprise step, county and city, paid in a batch, followed by the worker")
    finally:
        d.quit()


if __name__ == "__main__":
    main(run)
