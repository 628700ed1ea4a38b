"""The «Kế hoạch» page's form in a real browser (Debian's chromium through selenium, as in
test_serve_browser.py): add a section and an item, mark a word bold, see the preview follow,
save, and read the YAML and the DOCX back; move, indent, outdent and delete items and find
the plan as it was; edit a table's grid with its merged cells; see a problem at its field in
the words of `antq validate`; and no English word on the page in Vietnamese."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

from .helpers import ROOT
from . import test_serve_browser as browsing
from .test_serve_browser import EXAMPLE, _wait

# chromium's skip and the slow mark, and the fixtures: `antq serve` started, the browser
pytestmark, served, browser = browsing.pytestmark, browsing.served, browsing.browser


def _open(browser, url: str, name: str) -> None:
    """The plan `name` opened on the «Kế hoạch» page, its form drawn and its preview shown."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    browser.get(url)
    _wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, f"#plans option[value='{name}']"))
    Select(browser.find_element(By.ID, "plans")).select_by_value(name)
    browser.find_element(By.ID, "open").click()
    _wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#preview .sheet"))
    _wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#form .node"))


def _field(browser, path: str):
    from selenium.webdriver.common.by import By

    return browser.find_element(By.CSS_SELECTOR, f'#form [data-path="{path}"]')


def _tool(browser, node_path: str, title: str):
    """A button of the outline, by the words it is titled with, on the node at `node_path`."""
    from selenium.webdriver.common.by import By

    return browser.find_element(
        By.CSS_SELECTOR, f'#form .node[data-path="{node_path}"] > .node-head [title="{title}"]'
    )


def _answered(browser, before: str):
    """Wait until the page has shown antq's answer to an edit made after `before`."""
    _wait(
        browser,
        lambda d: d.find_element("tag name", "body").get_attribute("data-previewed") != before,
    )


def _previewed(browser) -> str:
    return browser.find_element("tag name", "body").get_attribute("data-previewed") or ""


def _copy(folder: Path, name: str) -> Path:
    target = folder / name
    shutil.copy(ROOT / "examples" / EXAMPLE, target)
    return target


def test_a_section_and_an_item_added_through_the_form_are_previewed_and_saved(served, browser):
    import io

    import yaml
    from docx import Document
    from selenium.webdriver.common.by import By

    url, folder = served
    plan = _copy(folder, "form-added.yaml")
    source = yaml.safe_load(plan.read_text("utf-8"))
    _open(browser, url, plan.name)
    count = len(source["sections"])
    body = browser.find_element(By.CSS_SELECTOR, '#form fieldset[data-path="sections"]')
    body.find_element(By.XPATH, "./button[text()='Thêm phần']").click()
    title = _field(browser, f"sections[{count}].title")
    assert browser.switch_to.active_element == title  # the new section's title, ready to type
    typed = time.monotonic()
    title.send_keys("Kinh phí thực hiện")
    _wait(browser, lambda d: "KINH PHÍ THỰC HIỆN" in d.find_element(By.ID, "preview").text, 10)
    assert time.monotonic() - typed < 5
    _tool(browser, f"sections[{count}]", "Thêm mục con").click()
    text = _field(browser, f"sections[{count}].items[0].text")
    text.send_keys("Kinh phí do ngân sách tỉnh bảo đảm.")
    # «ngân sách» selected, then the bold button: the markup antq reads
    browser.execute_script(
        "const t = arguments[0], at = t.value.indexOf('ngân sách');"
        "t.focus(); t.setSelectionRange(at, at + 'ngân sách'.length);",
        text,
    )
    browser.find_element(By.CSS_SELECTOR, "#form .marks button[title^='In đậm']").click()
    assert text.get_attribute("value") == "Kinh phí do **ngân sách** tỉnh bảo đảm."
    _wait(
        browser,
        lambda d: "<b>ngân sách</b>" in d.find_element(By.ID, "preview").get_attribute("innerHTML"),
        10,
    )
    browser.find_element(By.ID, "save").click()
    _wait(browser, lambda d: d.find_element(By.ID, "state").text == "Đã lưu.")
    saved = plan.read_text("utf-8")
    assert saved == browser.find_element(By.ID, "text").get_attribute("value")
    data = yaml.safe_load(saved)
    assert data["sections"][:count] == source["sections"]  # the rest as it was
    assert data["sections"][count] == {
        "title": "Kinh phí thực hiện",
        "items": [{"text": "Kinh phí do **ngân sách** tỉnh bảo đảm."}],
    }
    assert {k: v for k, v in data.items() if k != "sections"} == {
        k: v for k, v in source.items() if k != "sections"
    }
    # the file's opening comments stay, and the command line reads what the page saved
    head = (ROOT / "examples" / EXAMPLE).read_text("utf-8").split("issuer:")[0]
    assert saved.startswith(head.rstrip("\n"))
    ran = subprocess.run(
        [sys.executable, "-m", "antq_docs", "render", str(plan), "-o", str(folder / "added.docx")],
        capture_output=True,
        text=True,
    )
    assert ran.returncode == 0, ran.stderr
    document = Document(io.BytesIO((folder / "added.docx").read_bytes()))
    runs = [r for p in document.paragraphs if "Kinh phí do" in p.text for r in p.runs]
    assert [r.text for r in runs if r.bold] == ["ngân sách"]


def test_moving_indenting_and_deleting_items_in_the_outline(served, browser):
    import yaml
    from selenium.webdriver.common.by import By

    url, folder = served
    plan = _copy(folder, "form-moved.yaml")
    source = yaml.safe_load(plan.read_text("utf-8"))
    _open(browser, url, plan.name)
    text = browser.find_element(By.ID, "text")

    def now():
        return yaml.safe_load(text.get_attribute("value"))

    def press(node: str, title: str) -> None:
        before = _previewed(browser)
        _tool(browser, node, title).click()
        _answered(browser, before)

    first, second = source["sections"][0]["items"]
    press("sections[0].items[1]", "Lùi vào: thành mục con của mục bên trên")
    assert now()["sections"][0]["items"] == [{**first, "items": [*first["items"], second]}]
    press(
        f"sections[0].items[0].items[{len(first['items'])}]", "Lùi ra: thành mục của cấp bên trên"
    )
    assert now() == source
    press("sections[0].items[0]", "Chuyển xuống")
    assert now()["sections"][0]["items"] == [second, first]
    press("sections[0].items[1]", "Chuyển lên")
    assert now() == source
    press("sections[1]", "Xóa")
    assert now()["sections"] == [source["sections"][0], *source["sections"][2:]]
    assert "NỘI DUNG THỰC HIỆN" not in browser.find_element(By.ID, "preview").text
    assert plan.read_text("utf-8") == (ROOT / "examples" / EXAMPLE).read_text("utf-8")  # unsaved


def test_a_problem_is_shown_at_its_field_in_the_words_of_antq_validate(served, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    url, folder = served
    plan = _copy(folder, "form-problem.yaml")
    _open(browser, url, plan.name)
    date = _field(browser, "issuer.date")
    date.clear()
    date.send_keys("31/02/2022")
    _wait(
        browser,
        lambda d: d.find_elements(By.CSS_SELECTOR, '#form .field-problem[data-for="issuer.date"]'),
    )
    note = browser.find_element(By.CSS_SELECTOR, '#form .field-problem[data-for="issuer.date"]')
    assert "không có ngày 31/02/2022" in note.text
    assert note.find_element(By.XPATH, "..").find_element(By.TAG_NAME, "input") == date
    listed = browser.find_element(By.ID, "problems").text
    assert note.text in listed and f"{plan.name}:" in listed  # the same words, in the list
    assert "stale" in browser.find_element(By.ID, "preview").get_attribute("class")
    symbol = _field(browser, "issuer.symbol")
    symbol.send_keys(" 2")
    _wait(
        browser,
        lambda d: d.find_elements(
            By.CSS_SELECTOR, '#form .field-problem[data-for="issuer.symbol"]'
        ),
    )
    assert (
        "BCĐ-CAT-PV052"
        in browser.find_element(
            By.CSS_SELECTOR, '#form .field-problem[data-for="issuer.symbol"]'
        ).text
    )
    symbol.send_keys(Keys.BACK_SPACE * 2)
    date.clear()
    date.send_keys("04/4/2022")
    _wait(browser, lambda d: not d.find_elements(By.CSS_SELECTOR, "#form .field-problem"))
    assert "stale" not in browser.find_element(By.ID, "preview").get_attribute("class")
    assert "không có" not in browser.find_element(By.ID, "problems").text
    # the date left out while the field was empty, then put back where the plan format has it
    import yaml

    written = yaml.safe_load(browser.find_element(By.ID, "text").get_attribute("value"))
    original = yaml.safe_load((ROOT / "examples" / EXAMPLE).read_text("utf-8"))
    assert list(written["issuer"].items()) == list(original["issuer"].items())


def test_a_table_is_a_grid_with_its_merged_cells_and_edits_reach_the_yaml(served, browser):
    import yaml
    from selenium.webdriver.common.by import By

    url, folder = served
    plan = folder / "phan-cong.yaml"
    shutil.copy(ROOT / "examples" / "mau-phan-cong-nhiem-vu.yaml", plan)
    source = yaml.safe_load(plan.read_text("utf-8"))
    _open(browser, url, plan.name)
    table = "appendices[0].table"

    def cell(path: str):
        return _field(browser, f"{table}.{path}").find_element(By.XPATH, "ancestor::td")

    assert cell("rows[1][2].text").get_attribute("rowspan") == "2"  # {text: Các thôn, rows: 2}
    assert cell("rows[3][2].text").get_attribute("colspan") == "2"
    assert _field(browser, f"{table}.rows[3][2].text").get_attribute("value") == (
        "Theo phân công tại Quyết định của Ban Chỉ đạo xã\n- Thành viên phụ trách thôn"
    )
    before = _previewed(browser)
    _field(browser, f"{table}.rows[2][1]").send_keys(" năm")
    _answered(browser, before)
    _wait(
        browser, lambda d: "Sơ kết phong trào ở thôn năm" in d.find_element(By.ID, "preview").text
    )
    grid = browser.find_element(By.CSS_SELECTOR, f'#form .grid-edit[data-path="{table}"]')
    before = _previewed(browser)
    grid.find_element(By.XPATH, "./button[text()='Thêm dòng']").click()
    _answered(browser, before)
    rows = yaml.safe_load(browser.find_element(By.ID, "text").get_attribute("value"))["appendices"][
        0
    ]["table"]["rows"]
    expected = source["appendices"][0]["table"]["rows"]
    expected[2][1] += " năm"
    assert rows == [*expected, ["", "", "", "", ""]]  # numbers stay numbers, merges stay
    assert browser.switch_to.active_element == _field(browser, f"{table}.rows[4][0]")


def test_the_plan_page_and_its_form_hold_no_english_word_in_vietnamese(served, browser):
    from selenium.webdriver.common.by import By

    from antq_docs.i18n import _, language, use_language
    from antq_docs.serve.pages import SCRIPT_WORDS

    url, folder = served
    shutil.copy(ROOT / "examples" / "mau-phan-cong-nhiem-vu.yaml", folder / "words.yaml")
    _open(browser, url, "words.yaml")  # a plan with an appendix, a table and keys not shown
    was = language()
    use_language("vi")
    try:
        english = [
            text.split("{")[0].strip()
            for text in SCRIPT_WORDS.values()
            if _(text) != text and text.split("{")[0].strip()
        ]
    finally:
        use_language(was)
    shown = browser.find_element(By.TAG_NAME, "body").text
    labels = browser.execute_script(
        "return [...document.querySelectorAll('[title], [aria-label], option')]"
        ".map((e) => [e.title, e.getAttribute('aria-label'), e.textContent].join(' ')).join(' ')"
    )
    assert not [word for word in english if word in shown or word in labels]
    # the keys the form does not show are named in the clerk's words, not as the YAML spells them
    assert "Còn có (sửa trong văn bản YAML): hướng trang" in shown and "orientation" not in shown
