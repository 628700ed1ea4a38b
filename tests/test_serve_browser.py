"""`antq serve` in a real browser: Debian's chromium, driven by selenium through
chromium-driver, against `antq serve` started as a clerk starts it. Drop a DOCX, see the
findings, fix it and download the corrected file; open a plan, type in it and see the
preview follow; break it and see the preview marked stale (the form: test_serve_form_browser.py).
Skipped where chromium is not installed (scripts/setup-dev.sh installs it)."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from antq_docs.fix import fix_document

from .helpers import ROOT

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
DRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not (Path(CHROMIUM).exists() and Path(DRIVER).exists()),
        reason="chromium and chromium-driver are not installed (apt-get install chromium "
        "chromium-driver, or bash scripts/setup-dev.sh)",
    ),
]
EXAMPLE = "cao-bang-2022-ngay-hoi-bcd.yaml"
DRAFT = ROOT / "examples" / "drafts" / "du-thao.docx"
WAIT = 30


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """`antq serve` on a free port, in Vietnamese, over a folder with one plan."""
    folder = tmp_path_factory.mktemp("plans")
    shutil.copy(ROOT / "examples" / EXAMPLE, folder / EXAMPLE)
    env = {k: v for k, v in os.environ.items() if k not in ("ANTQ_LANG", "LANGUAGE", "LC_ALL")}
    process = subprocess.Popen(
        [sys.executable, "-m", "antq_docs", "serve", "--folder", str(folder)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**env, "LANG": "C.UTF-8"},
    )
    line, deadline = "", time.monotonic() + WAIT
    while "token=" not in line and time.monotonic() < deadline:
        line = process.stdout.readline()
    assert "token=" in line, process.stderr.read() if process.poll() is not None else line
    yield line.split(": ", 1)[1].strip(), folder
    process.send_signal(signal.SIGINT)
    process.communicate(timeout=WAIT)
    assert process.returncode == 0


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    downloads = tmp_path_factory.mktemp("downloads")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1400,1000",
        f"--user-data-dir={tmp_path_factory.mktemp('profile')}",
    ):
        options.add_argument(flag)
    options.add_experimental_option(
        "prefs",
        {"download.default_directory": str(downloads), "download.prompt_for_download": False},
    )
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    driver.downloads = downloads  # type: ignore[attr-defined]
    yield driver
    driver.quit()


def _wait(driver, condition, timeout: float = WAIT):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout, poll_frequency=0.05).until(condition)


def _choose(driver, input_id: str, path: Path) -> None:
    """A file given to the hidden <input type=file>, as the click on the drop zone does."""
    from selenium.webdriver.common.by import By

    field = driver.find_element(By.ID, input_id)
    driver.execute_script("arguments[0].style.display = 'block'", field)
    field.send_keys(str(path))


def test_check_fix_and_download_a_word_document(served, browser):
    from selenium.webdriver.common.by import By

    url, _folder = served
    browser.get(url)
    browser.get(url.split("?")[0] + "check")
    assert "Kiểm tra văn bản Word" in browser.page_source
    _choose(browser, "upload-input", DRAFT)
    _wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#findings .finding"))
    rules = {
        e.get_attribute("data-rule") for e in browser.find_elements(By.CSS_SELECTOR, ".finding")
    }
    assert "ND30-MOTTO" in rules
    assert "du-thao.docx: Kế hoạch:" in browser.find_element(By.ID, "summary").text
    fix = browser.find_element(By.ID, "fix")
    assert fix.text == "Sửa định dạng"
    fix.click()
    _wait(browser, lambda d: d.find_elements(By.ID, "download"))
    assert "[ND30-MOTTO]" in browser.find_element(By.ID, "fixed").text
    browser.find_element(By.ID, "download").click()
    target = browser.downloads / "du-thao.fixed.docx"
    _wait(browser, lambda d: target.exists() and target.stat().st_size > 0)
    time.sleep(0.3)  # the download is renamed from .crdownload once complete
    assert target.read_bytes() == fix_document(DRAFT.read_bytes()).docx
    english = ("Check a Word document", "Fix the format", "Download", "Findings", "Working")
    assert not [word for word in english if word in browser.find_element(By.TAG_NAME, "body").text]


def test_type_in_the_plan_and_see_the_preview(served, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    url, _folder = served
    browser.get(url)
    _wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#plans option"))
    Select(browser.find_element(By.ID, "plans")).select_by_value(EXAMPLE)
    browser.find_element(By.ID, "open").click()
    _wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#preview .sheet"))
    assert "Số: 1238/BCĐ-CAT-PV05" in browser.find_element(By.ID, "preview").text
    browser.find_element(By.ID, "tab-yaml").click()  # the form is shown first
    text = browser.find_element(By.ID, "text")
    # the caret at the end of the subject's line, then typed as a clerk types
    browser.execute_script(
        "const t = arguments[0]; const at = t.value.indexOf('\\n', t.value.indexOf('subject:'));"
        "t.focus(); t.setSelectionRange(at, at);",
        text,
    )
    typed = time.monotonic()
    text.send_keys(" (bổ sung)")
    _wait(browser, lambda d: "(bổ sung)" in d.find_element(By.ID, "preview").text, timeout=10)
    assert time.monotonic() - typed < 5
    # a wrong date: the Vietnamese message, and the last good preview kept, marked stale
    browser.execute_script(
        "const t = arguments[0]; t.value = t.value.replace('date: 04/4/2022', 'date: 31/02/2022');"
        "t.dispatchEvent(new Event('input'));",
        text,
    )
    _wait(browser, lambda d: "31/02/2022" in d.find_element(By.ID, "problems").text)
    assert "không có ngày 31/02/2022" in browser.find_element(By.ID, "problems").text
    assert "stale" in browser.find_element(By.ID, "preview").get_attribute("class")
    assert "(bổ sung)" in browser.find_element(By.ID, "preview").text
    assert browser.find_element(By.ID, "stale").is_displayed()
