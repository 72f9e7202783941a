#!/usr/bin/env python3
"""End-to-end skills workflow in a real browser (headless Chromium through selenium): the city
officer sets up a contest event with its marking scheme and judges; a worker enters it from a
phone; the officer records the theory mark; two judges score on their sheets; the officer
publishes the results for public notice and records an objection; then the demo's finished 2024
contest shows a certificate, and the training and talent pages show the articles' figures.
Screenshots at desktop and phone width go to --shots.

Needs Debian's chromium and chromium-driver and `pip install selenium`, and a server with the demo
loaded (`swift run unionhall serve --demo`, default http://127.0.0.1:8080).

    python3 Tests/Browser/skills_workflow.py --base http://127.0.0.1:8080 --shots /tmp/shots
"""
import os, sys, time
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from innovation_workflow import Session, main  # noqa: E402


def run(base, shots, width, tag):
    s = Session(base, shots, width, tag)
    d = s.d
    name = f"职工技能大赛（{tag}-{int(time.time())}）"
    try:
        # The city officer sets up the contest and a 焊工 event with two judges.
        s.login("qingyang")
        d.get(base + "/competitions/new")
        d.find_element(By.ID, "name").send_keys(name)
        d.find_element(By.ID, "organizer").send_keys("庆阳市总工会")
        s.submit()
        s.sees("添加赛项", "the competition's page")
        Select(d.find_element(By.ID, "trade")).select_by_value("焊工")
        d.find_element(By.ID, "items").send_keys("平焊,50,评判\n立焊,50,测量")
        s.submit("main form.record button[type=submit]")
        s.link("焊工", "the event is listed").click()
        s.sees("裁判组", "the event's page")
        event_url = d.current_url.split("?")[0]
        for judge, chief in (("评审专家", True), ("裁判员王建华", False)):
            Select(d.find_element(By.NAME, "userId")).select_by_visible_text(judge)
            if chief:
                d.find_element(By.NAME, "chief").click()
            d.find_element(By.XPATH, "//form[contains(@action,'/judges') and not(contains(@action,'/delete'))]//button").click()
            s.sees(f"<li>{judge}", f"{judge} on the panel")
        s.shot("officer-event")

        # A worker enters from the phone.
        s.login("chenbanggui")
        d.get(base + "/me/competitions")
        s.sees(name, "the open event is offered")
        s.shot("worker-competitions")
        d.find_element(By.XPATH, f"//li[contains(., '{name}')]//button").click()
        s.sees("已报名", "entered")

        # The officer records the theory mark; the judges score.
        s.login("qingyang")
        d.get(event_url)
        d.find_element(By.NAME, "theoryMarks").send_keys("88")
        d.find_element(By.NAME, "completionSeconds").send_keys("1500")
        d.find_element(By.XPATH, "//form[contains(@action,'/theory')]//button").click()
        s.sees("88.00", "theory mark saved")
        for judge, marks in (("expert", ("45", "46.5")), ("judge1", ("44", "47"))):
            s.login(judge)
            d.get(base + "/judging")
            d.find_element(By.PARTIAL_LINK_TEXT, name).click()
            s.sees("号选手", "the sheet by entry number")
            inputs = d.find_elements(By.CSS_SELECTOR, "section.sheet input[inputmode=decimal]")
            for field, value in zip(inputs, marks):
                field.send_keys(value)
            if judge == "expert":
                s.shot("judge-sheet")
            d.find_element(By.CSS_SELECTOR, "section.sheet button[type=submit]").click()
            s.sees("已提交", f"{judge}'s sheet submitted")

        # Published for public notice, with an objection on record.
        s.login("qingyang")
        d.get(event_url)
        d.find_element(By.XPATH, "//form[contains(@action,'/publish')]//button").click()
        s.sees("公示期", "results on public notice")
        d.find_element(By.NAME, "raisedBy").send_keys("选手本人")
        d.find_element(By.NAME, "content").send_keys("请求复核立焊测量")
        d.find_element(By.XPATH, "//form[contains(@action,'/objections')]//button").click()
        s.sees("请求复核立焊测量", "objection recorded")
        s.shot("officer-results")

        # The demo's finished contest: figures, an event, a certificate.
        d.get(base + "/competitions?from=2024-01-01&to=2024-12-31")
        s.sees("技术标兵", "the contest's figures")
        s.shot("officer-competitions")
        d.find_element(By.LINK_TEXT, "庆阳市2024年职工职业技能大赛").click()
        d.find_element(By.LINK_TEXT, "保育师").click()
        s.sees("刘倩", "刘倩 in the 保育师 results")
        d.find_element(By.LINK_TEXT, "证书").click()
        s.sees("荣誉证书", "a certificate")
        s.shot("certificate")
        d.get(base + "/certifications?from=2024-01-01&to=2024-12-31")
        s.sees("新增技能人才", "the talent page")
        s.shot("officer-talents")
        d.get(base + "/training-programs")
        d.find_element(By.PARTIAL_LINK_TEXT, "长钻班").click()
        s.sees("李阳", "the 长钻班 with 李阳")
        s.shot("order-class")
        print(f"{tag}: event set up, worker entered, judges scored, results on notice; certificate, talents and 长钻班 shown")
    finally:
        d.quit()


if __name__ == "__main__":
    main(run)
