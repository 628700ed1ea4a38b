"""`antq serve` through starlette's TestClient: each safety rule attacked (no token, a wrong
token, a foreign Host or Origin, names that leave the folder, an upload past the reader's
limit, two tabs on one file, request folders left behind), then the check, fix, preview,
save, new, import and download calls held to what the command line does with the same
input."""

from __future__ import annotations

import base64
import io
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from docx import Document as open_docx
from starlette.testclient import TestClient
from typer.testing import CliRunner

from antq_docs.check import check_document
from antq_docs.cli import app as cli_app
from antq_docs.fix import fix_document
from antq_docs.render import render_file
from antq_docs.serve import Settings, create_app
from antq_docs.serve.safety import cookie_name

from .helpers import DOC, FIXTURES, ROOT, mutate, with_entry

PORT = 48123
TOKEN = "right-token-of-this-run"
ORIGIN = {"origin": f"http://127.0.0.1:{PORT}"}
EXAMPLE = "cao-bang-2022-ngay-hoi-bcd.yaml"
DRAFT = ROOT / "examples" / "drafts" / "du-thao.docx"


@pytest.fixture
def folder(tmp_path):
    plans = tmp_path / "plans"
    (plans / "orgs").mkdir(parents=True)
    shutil.copy(ROOT / "examples" / EXAMPLE, plans / EXAMPLE)
    for profile in (ROOT / "examples" / "orgs").glob("*.yaml"):
        shutil.copy(profile, plans / "orgs" / profile.name)
    (tmp_path / "secret.yaml").write_text("issuer: {name: SECRET}\n", "utf-8")
    return plans


def _settings(folder: Path, max_upload: int = 100 * 1024 * 1024) -> Settings:
    scratch = folder.parent / "scratch"
    scratch.mkdir(exist_ok=True)
    return Settings(folder, TOKEN, PORT, scratch, max_upload)


def _client(settings: Settings, *, token: str | None = TOKEN) -> TestClient:
    client = TestClient(create_app(settings), base_url=f"http://127.0.0.1:{PORT}")
    if token is not None:
        client.cookies.set(cookie_name(PORT), token)
    return client


@pytest.fixture
def client(folder):
    return _client(_settings(folder))


def _words(docx: bytes) -> str:
    """The words of a DOCX read back, the header's and the signature's tables included."""
    document = open_docx(io.BytesIO(docx))
    cells = [c.text for table in document.tables for row in table.rows for c in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def _upload(client: TestClient, url: str, data: bytes, name: str = "du-thao.docx"):
    return client.post(url, content=data, headers={**ORIGIN, "x-antq-name": name})


# -- safety ---------------------------------------------------------------------------------
@pytest.mark.parametrize("token", [None, "", "wrong", TOKEN + "x", TOKEN[:-1]])
@pytest.mark.parametrize(
    "method, url",
    [("GET", "/"), ("GET", "/api/plans"), ("GET", "/static/antq.js"), ("POST", "/api/check")],
)
def test_without_the_token_everything_is_refused(folder, token, method, url):
    client = _client(_settings(folder), token=token)
    answer = client.request(method, url, headers=ORIGIN, content=DRAFT.read_bytes())
    assert answer.status_code == 403
    assert "token" in answer.text
    assert answer.headers["content-security-policy"].startswith("default-src 'self'")


def test_a_wrong_token_in_the_address_is_refused_and_the_right_one_becomes_a_cookie(folder):
    client = _client(_settings(folder), token=None)
    assert client.get("/?token=guess", follow_redirects=False).status_code == 403
    entered = client.get(f"/check?token={TOKEN}", follow_redirects=False)
    assert entered.status_code == 303
    assert entered.headers["location"] == "/check"  # the token leaves the address bar
    cookie = entered.headers["set-cookie"]
    assert f"{cookie_name(PORT)}={TOKEN}" in cookie
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie
    assert client.get("/check").status_code == 200  # now by the cookie


@pytest.mark.parametrize(
    "host",
    [
        "evil.example",
        f"evil.example:{PORT}",
        "127.0.0.1",
        f"127.0.0.1:{PORT + 1}",
        f"0.0.0.0:{PORT}",
        f"[::1]:{PORT}",
        "",
    ],
)
def test_a_foreign_host_is_refused_even_with_the_token(client, host):
    """DNS rebinding: a page of evil.example renamed 127.0.0.1 still sends its own Host."""
    answer = client.get(f"/?token={TOKEN}", headers={"host": host})
    assert answer.status_code == 400
    assert client.get("/", headers={"host": f"localhost:{PORT}"}).status_code == 200


@pytest.mark.parametrize(
    "origin",
    [
        None,
        "null",
        "http://evil.example",
        f"http://127.0.0.1:{PORT + 1}",
        f"https://127.0.0.1:{PORT}",
        f"http://127.0.0.1:{PORT}.evil.example",
    ],
)
def test_a_post_from_another_page_is_refused_and_writes_nothing(client, folder, origin):
    headers = {"origin": origin} if origin else {}
    before = (folder / EXAMPLE).read_bytes()
    answer = client.post(
        "/api/save", json={"name": EXAMPLE, "text": "x: 1\n", "digest": None}, headers=headers
    )
    assert answer.status_code == 403
    assert (folder / EXAMPLE).read_bytes() == before
    assert not (folder / "new.yaml").exists()


def test_every_answer_carries_the_policy(client):
    for answer in (
        client.get("/"),
        client.get("/check"),
        client.get("/static/antq.css"),
        client.get("/api/plans"),
        client.get("/nothing"),
    ):
        assert answer.headers["content-security-policy"].startswith("default-src 'self';")
        assert answer.headers["x-frame-options"] == "DENY"
        assert answer.headers["referrer-policy"] == "no-referrer"
    page = client.get("/").text
    assert '<script src="/static/antq.js"' in page and "onclick" not in page
    assert " style=" not in page  # the policy forbids style attributes


@pytest.mark.parametrize(
    "name",
    [
        "../secret.yaml",
        "/etc/passwd",
        "orgs/../../secret.yaml",
        "..\\secret.yaml",
        ".hidden.yaml",
        "plan.txt",
        "C:/x.yaml",
        "orgs//cao-bang.yaml",
        "a\x00.yaml",
        "link.yaml",
        "orgs",
    ],
)
def test_names_that_leave_the_folder_are_refused(client, folder, name):
    (folder / "link.yaml").symlink_to(folder.parent / "secret.yaml")
    opened = client.get("/api/plan", params={"name": name})
    assert opened.status_code == 422 and opened.json()["status"] == 2
    assert "SECRET" not in opened.text
    saved = client.post(
        "/api/save", json={"name": name, "text": "issuer: {}\n", "digest": None}, headers=ORIGIN
    )
    assert saved.status_code == 422
    assert (folder.parent / "secret.yaml").read_text("utf-8") == "issuer: {name: SECRET}\n"
    assert (
        client.post(
            "/api/preview", json={"name": name, "text": "issuer: {}\n"}, headers=ORIGIN
        ).status_code
        == 422
    )


def test_a_plan_cannot_make_the_page_read_outside_the_folder(client):
    text = (ROOT / "examples" / EXAMPLE).read_text("utf-8") + "org: ../secret.yaml\n"
    answer = client.post("/api/preview", json={"name": EXAMPLE, "text": text}, headers=ORIGIN)
    assert answer.json()["status"] == 2
    assert "SECRET" not in answer.text
    assert any(p["path"] == "org" for p in answer.json()["problems"])


def test_an_upload_past_the_limit_is_refused_before_it_is_read(folder):
    client = _client(_settings(folder, max_upload=1000))
    assert _upload(client, "/api/check", b"x" * 1001).status_code == 413

    def chunks():  # no Content-Length: the body is counted as it comes
        for _ in range(10):
            yield b"x" * 200

    streamed = client.post("/api/fix", content=chunks(), headers={**ORIGIN, "x-antq-name": "a"})
    assert streamed.status_code == 413
    assert "1000" not in streamed.text  # said in MB, as the reader's limit is


def test_the_limit_is_the_readers():
    from antq_docs.inspect.package import MAX_DOCX_BYTES
    from antq_docs.serve import prepare

    run = prepare(ROOT, 0)
    try:
        assert run.settings.max_upload == MAX_DOCX_BYTES
        assert run.sock.getsockname()[0] == "127.0.0.1"
    finally:
        run.sock.close()
        shutil.rmtree(run.settings.scratch)


def test_two_tabs_never_overwrite_each_other(folder):
    first, second = _client(_settings(folder)), _client(_settings(folder))
    seen = first.get("/api/plan", params={"name": EXAMPLE}).json()
    other = second.get("/api/plan", params={"name": EXAMPLE}).json()
    saved = second.post(
        "/api/save",
        json={
            "name": EXAMPLE,
            "text": other["text"] + "# the second tab\n",
            "digest": other["digest"],
        },
        headers=ORIGIN,
    )
    assert saved.json()["status"] == 0
    late = first.post(
        "/api/save",
        json={
            "name": EXAMPLE,
            "text": seen["text"] + "# the first tab\n",
            "digest": seen["digest"],
        },
        headers=ORIGIN,
    )
    assert late.status_code == 409 and late.json()["status"] == 3
    assert (folder / EXAMPLE).read_text("utf-8").endswith("# the second tab\n")
    fresh = first.post(
        "/api/save", json={"name": EXAMPLE, "text": "x: 1\n", "digest": None}, headers=ORIGIN
    )
    assert fresh.json()["status"] == 3  # a new file may not replace an existing one


def test_each_request_works_in_its_own_folder_removed_after(folder, monkeypatch):
    from antq_docs.serve import plans

    settings = _settings(folder)
    client = _client(settings)
    used = []

    def pdf(folder_, name, text, work):
        used.append(work)
        (work / "x.pdf").write_bytes(b"%PDF-1.4 " + str(len(used)).encode())
        assert work.parent == settings.scratch
        return (work / "x.pdf").read_bytes()

    monkeypatch.setattr(plans, "plan_pdf", pdf)
    answers = [
        client.post("/api/pdf", json={"name": EXAMPLE, "text": ""}, headers=ORIGIN)
        for _ in range(2)
    ]
    assert [a.content for a in answers] == [b"%PDF-1.4 1", b"%PDF-1.4 2"]
    assert used[0] != used[1]
    assert not any(path.exists() for path in used)
    _upload(client, "/api/fix", DRAFT.read_bytes())
    _upload(client, "/api/check", DRAFT.read_bytes())
    assert list(settings.scratch.iterdir()) == []
    assert sorted(p.name for p in folder.iterdir()) == [EXAMPLE, "orgs"]  # nothing left


# -- check and fix ---------------------------------------------------------------------------
def test_check_gives_the_findings_of_antq_check_by_part(client):
    data = DRAFT.read_bytes()
    answer = _upload(client, "/api/check", data).json()
    expected = check_document(data)
    assert answer["status"] == 1  # as `antq check` exits: certain errors
    shown = [f for group in answer["groups"] for f in group["findings"]]
    assert [f["rule"] for f in shown] == [f.rule for f in expected.findings]
    assert [f["text"] for f in shown] == [str(f) for f in expected.findings]
    assert "ND30-MOTTO" in {f["rule"] for f in shown}
    for group in answer["groups"]:
        assert all(f["where"].startswith(group["part"]) for f in group["findings"])
    assert answer["summary"].startswith("du-thao.docx: Kế hoạch: ")


def test_check_refuses_what_antq_check_refuses(client):
    unreadable = _upload(client, "/api/check", b"plain text", "a.docx")
    assert unreadable.status_code == 422
    assert "a.docx: cannot be read: not a readable DOCX file" in unreadable.json()["error"]
    clean = mutate(
        render_file(FIXTURES / "minimal.yaml").docx,
        "docProps/custom.xml",
        "antq-fingerprint",
        "origin",
        1,
    )
    speech = _upload(client, "/api/check", mutate(clean, DOC, "Số: 05/KH-BCĐ", "", 1)).json()
    assert speech["status"] == 2 and speech["administrative"] is False
    assert "not checked against Nghị định 30" in speech["summary"]


def test_fix_is_antq_fix_and_offers_the_corrected_file(client):
    data = DRAFT.read_bytes()
    answer = _upload(client, "/api/fix", data).json()
    expected = fix_document(data, None)
    fixed = base64.b64decode(answer["docx"])
    assert fixed == expected.docx
    assert answer["status"] == (1 if any(f.counts for f in expected.after) else 0)
    assert answer["download"] == "du-thao.fixed.docx"
    assert any("[ND30-MOTTO]" in line for line in answer["changes"])
    assert "Độc lập - Tự do - Hạnh phúc" in _words(fixed)
    checked = _upload(client, "/api/check", fixed).json()
    assert "ND30-MOTTO" not in {f["rule"] for g in checked["groups"] for f in g["findings"]}


@pytest.mark.parametrize("kind", ["signed", "antq", "speech"])
def test_fix_refuses_with_the_command_lines_sentence(client, kind):
    own = render_file(FIXTURES / "minimal.yaml").docx
    clean = mutate(own, "docProps/custom.xml", "antq-fingerprint", "origin", 1)
    data, words = {
        "signed": (
            with_entry(clean, "_xmlsignatures/sig1.xml", b"<Signature/>"),
            "digital signature",
        ),
        "antq": (own, "antq wrote this document"),
        "speech": (mutate(clean, DOC, "Số: 05/KH-BCĐ", "", 1), "not an administrative document"),
    }[kind]
    answer = _upload(client, "/api/fix", data, "x.docx")
    assert answer.status_code == 422 and answer.json()["status"] == 2
    assert answer.json()["error"].startswith("x.docx: not changed: ")
    assert words in answer.json()["error"]
    assert "docx" not in answer.json()


# -- plans -------------------------------------------------------------------------------------
def test_the_listing_names_plans_and_profiles_of_the_folder_only(client):
    listing = client.get("/api/plans").json()
    assert listing["plans"] == [EXAMPLE]
    assert listing["profiles"] == [
        "orgs/bcd-cao-bang.yaml",
        "orgs/cao-bang.yaml",
        "orgs/phuong-thuc-phan.yaml",
    ]
    assert {k["name"] for k in listing["kinds"]} == {"ngay-hoi", "ky-niem", "thi-dua"}


def test_the_preview_is_the_tree_of_antq_render(client, folder):
    text = (folder / EXAMPLE).read_text("utf-8")
    answer = client.post("/api/preview", json={"name": EXAMPLE, "text": text}, headers=ORIGIN)
    result = answer.json()
    assert result["status"] == 0 and result["summary"] == f"valid {EXAMPLE}"
    html = result["html"]
    document = render_file(folder / EXAMPLE).document
    assert document.title.name in html and "Số: 1238/BCĐ-CAT-PV05" in html
    for block in document.body[:5]:
        assert block.text.split()[0] in html
    assert html.count('class="heading level-1"') == sum(
        getattr(b, "role", "") == "heading" and b.level == 1 for b in document.body
    )


def test_an_invalid_plan_gets_the_words_of_antq_validate(client, folder, tmp_path):
    text = (folder / EXAMPLE).read_text("utf-8").replace("04/4/2022", "31/02/2022")
    assert "31/02/2022" in text
    answer = client.post("/api/preview", json={"name": EXAMPLE, "text": text}, headers=ORIGIN)
    assert answer.status_code == 422
    result = answer.json()
    assert result["status"] == 2 and "html" not in result
    (folder / "copy.yaml").write_text(text, "utf-8")
    ran = CliRunner().invoke(cli_app, ["validate", str(folder / "copy.yaml")])
    assert ran.exit_code == 2
    said = [line for line in ran.output.splitlines() if "31/02/2022" in line and ": " in line]
    problem = next(p for p in result["problems"] if "31/02/2022" in p["text"])
    assert problem["path"] == "issuer.date" and problem["line"] > 0
    assert problem["text"].replace(EXAMPLE, str(folder / "copy.yaml"), 1) == said[0]


def test_the_downloaded_docx_is_antq_render_of_the_saved_plan(client, folder):
    text = (
        (folder / EXAMPLE).read_text("utf-8").replace("subject: Tổ chức", "subject: Tổ chức tốt", 1)
    )
    seen = client.get("/api/plan", params={"name": EXAMPLE}).json()["digest"]
    saved = client.post(
        "/api/save", json={"name": EXAMPLE, "text": text, "digest": seen}, headers=ORIGIN
    )
    assert saved.json()["status"] == 0
    assert (folder / EXAMPLE).read_text("utf-8") == text
    answer = client.post("/api/docx", json={"name": EXAMPLE, "text": text}, headers=ORIGIN)
    assert answer.status_code == 200
    assert "cao-bang-2022-ngay-hoi-bcd.docx" in answer.headers["content-disposition"]
    assert answer.content == render_file(folder / EXAMPLE).docx
    assert "KẾ HOẠCH" in _words(answer.content) and "Tổ chức tốt Ngày hội" in _words(answer.content)
    bad = client.post("/api/docx", json={"name": EXAMPLE, "text": "issuer: 1\n"}, headers=ORIGIN)
    assert bad.status_code == 422 and bad.json()["problems"]


def test_a_new_plan_is_antq_new_in_the_folder(client, folder):
    ask = {"kind": "ngay-hoi", "year": 2026, "org": "orgs/bcd-cao-bang.yaml", "name": "moi.yaml"}
    answer = client.post("/api/new", json=ask, headers=ORIGIN).json()
    assert answer["status"] == 0 and answer["name"] == "moi.yaml"
    assert (folder / "moi.yaml").read_text("utf-8") == answer["text"]
    assert (
        client.post(
            "/api/preview", json={"name": "moi.yaml", "text": answer["text"]}, headers=ORIGIN
        ).json()["status"]
        == 0
    )
    again = client.post("/api/new", json=ask, headers=ORIGIN)
    assert again.status_code == 409 and "already exists" in again.json()["error"]
    wrong = client.post("/api/new", json={**ask, "year": 2004, "name": "b.yaml"}, headers=ORIGIN)
    assert "antq has plans for the years 2006 to 2100" in wrong.json()["error"]
    outside = client.post(
        "/api/new", json={**ask, "org": "../secret.yaml", "name": "c.yaml"}, headers=ORIGIN
    )
    assert outside.status_code == 422 and not (folder / "c.yaml").exists()


def test_an_imported_plan_is_antq_import_and_is_not_saved_until_asked(client, folder):
    data = (ROOT / "examples" / "drafts" / "ke-hoach-2025.docx").read_bytes()
    answer = _upload(client, "/api/import", data, "ke-hoach-2025.docx").json()
    assert answer["status"] in (0, 1) and answer["name"] == "ke-hoach-2025.yaml"
    assert "KẾ HOẠCH" not in answer["text"] and "subject:" in answer["text"]
    assert not (folder / "ke-hoach-2025.yaml").exists()
    refused = _upload(client, "/api/import", b"%PDF-1.4", "scan.pdf")
    assert refused.status_code == 422 and "scan.pdf: not imported: a PDF" in refused.text


def test_a_request_the_page_never_sends_is_refused_with_a_sentence(client):
    for body in (b"not json", b"[1, 2]", b'{"name": 1, "text": "x"}'):
        answer = client.post("/api/preview", content=body, headers=ORIGIN)
        assert answer.status_code == 422
        assert "reload the page" in answer.json()["error"]


# -- the command -----------------------------------------------------------------------------
def test_serve_refuses_a_folder_that_is_not_there(tmp_path):
    ran = CliRunner().invoke(cli_app, ["serve", "--folder", str(tmp_path / "nowhere")])
    assert ran.exit_code == 2 and "there is no such folder" in ran.output


@pytest.mark.skipif(not hasattr(signal, "SIGINT") or os.name == "nt", reason="POSIX signals")
def test_serve_listens_on_127_0_0_1_with_a_token_and_stops_cleanly_on_ctrl_c(tmp_path):
    import urllib.error
    import urllib.request

    process = subprocess.Popen(
        [sys.executable, "-m", "antq_docs", "serve", "--folder", str(tmp_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "TMPDIR": str(tmp_path)},
    )
    try:
        url = ""
        deadline = time.monotonic() + 30
        while "token=" not in url and time.monotonic() < deadline:
            url = process.stdout.readline()
        url = url.split(": ", 1)[1].strip()
        assert url.startswith("http://127.0.0.1:")
        browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor())
        with browser.open(url, timeout=10) as answer:  # the 303 sets the cookie, then the page
            assert answer.status == 200
            assert answer.url.endswith("/") and "token" not in answer.url
        base = url.split("?")[0]
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(base, timeout=10)
        assert refused.value.code == 403
        refused.value.close()
        assert [p.name for p in tmp_path.iterdir() if p.name.startswith("antq-serve-")]
    finally:
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=30)
    assert process.returncode == 0, err
    assert "antq serve stopped" in out
    assert "Traceback" not in err
    assert not [p for p in tmp_path.iterdir() if p.name.startswith("antq-serve-")]
