"""The «Kế hoạch» page's form through starlette's TestClient: the form antq gives of every
example and every new plan, sent back unchanged, is the same plan (validated, rendered);
an edit in the form is YAML in the document's order with long texts folded, checked with
its problems at their paths; a form the page never sends is refused with a sentence."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from antq_docs.render import render_file

from .helpers import ROOT
from . import test_serve as serve
from .test_serve import EXAMPLE, ORIGIN, _client, _settings

folder, client = serve.folder, serve.client  # the fixtures of test_serve.py


# -- the form: the plan's data and the YAML it writes ------------------------------------------
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))


def _validated(path: Path):
    from antq_docs.load.merge import load_with_inheritance
    from antq_docs.validate import validate_layers

    return validate_layers(*load_with_inheritance(path)).plan


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_the_form_of_every_example_writes_the_same_plan_back(tmp_path, example):
    """The form as the page gets it from the text, sent back unchanged: the YAML antq writes
    of it is the same plan, with the file's opening comments, and previews the same."""
    from antq_docs.load.yaml_source import load_text

    folder = tmp_path / "examples"
    shutil.copytree(ROOT / "examples", folder)
    client = _client(_settings(folder))
    text = example.read_text("utf-8")
    read = client.post(
        "/api/preview", json={"name": example.name, "text": text}, headers=ORIGIN
    ).json()
    assert read["status"] == 0 and read["form"]["data"] == load_text(text).data
    sent = client.post(
        "/api/preview", json={"name": example.name, "form": read["form"]}, headers=ORIGIN
    ).json()
    assert sent["status"] == 0 and sent["html"] == read["html"]
    written = sent["text"]
    assert written.startswith(text[: text.index("\n") + 1])  # the schema modeline
    opening = [line for line in text.splitlines() if line.startswith("#")][:3]
    assert written.splitlines()[: len(opening)] == opening
    (folder / "again.yaml").write_text(written, "utf-8")
    assert _validated(folder / "again.yaml") == _validated(example)
    assert render_file(folder / "again.yaml").docx == render_file(example).docx


def test_an_edit_in_the_form_is_yaml_in_the_documents_order_with_folded_long_texts(client):
    text = (ROOT / "examples" / EXAMPLE).read_text("utf-8")
    form = client.post("/api/preview", json={"name": EXAMPLE, "text": text}, headers=ORIGIN).json()[
        "form"
    ]
    long = "Các đơn vị, địa phương chủ động bố trí kinh phí " * 3 + "để thực hiện kế hoạch."
    form["data"]["sections"].append({"title": "Kinh phí", "items": [{"text": long}]})
    form["data"]["issuer"]["date"] = "31/02/2022"
    answer = client.post("/api/preview", json={"name": EXAMPLE, "form": form}, headers=ORIGIN)
    result = answer.json()
    assert answer.status_code == 422 and result["status"] == 2
    problem = next(p for p in result["problems"] if p["path"] == "issuer.date")
    assert "31/02/2022" in problem["message"] and problem["file"] == EXAMPLE
    written = result["text"]
    assert "  - title: Kinh phí\n    items:\n      - text: >-\n" in written  # folded, not one line
    assert max(len(line) for line in written.splitlines() if "Các đơn vị" in line) <= 92
    keys = [line.split(":")[0] for line in written.splitlines() if line and line[0].isalpha()]
    assert keys == [
        "issuer",
        "subject",
        "preamble",
        "sections",
        "recipients",
        "filing",
        "signature",
    ]


@pytest.mark.parametrize(
    "form",
    [
        None,
        "issuer: {}",
        {"data": ["a list"]},
        {"data": {}, "header": "not a list"},
        {"data": {}, "header": ["two\nlines"]},
        {"data": {}, "header": ["a comment\rissuer: {name: X}"]},
        {"data": {}, "header": ["a comment\u2028issuer: {name: X}"]},
        {"data": {}, "schema": "x\nissuer: evil"},
        {
            "data": {
                "a": [
                    [
                        [
                            [
                                [
                                    [
                                        [
                                            [
                                                [
                                                    [
                                                        [
                                                            [
                                                                [
                                                                    [
                                                                        [
                                                                            [
                                                                                [
                                                                                    [
                                                                                        [
                                                                                            [
                                                                                                [
                                                                                                    [
                                                                                                        [
                                                                                                            [
                                                                                                                [
                                                                                                                    [
                                                                                                                        [
                                                                                                                            [
                                                                                                                                [
                                                                                                                                    [
                                                                                                                                        [
                                                                                                                                            [
                                                                                                                                                [
                                                                                                                                                    [
                                                                                                                                                        [
                                                                                                                                                            [
                                                                                                                                                                [
                                                                                                                                                                    [
                                                                                                                                                                        [
                                                                                                                                                                            [
                                                                                                                                                                                [
                                                                                                                                                                                    [
                                                                                                                                                                                        [
                                                                                                                                                                                            [
                                                                                                                                                                                                [
                                                                                                                                                                                                    [
                                                                                                                                                                                                        [
                                                                                                                                                                                                            [
                                                                                                                                                                                                                [
                                                                                                                                                                                                                    [
                                                                                                                                                                                                                        [
                                                                                                                                                                                                                            [
                                                                                                                                                                                                                                [
                                                                                                                                                                                                                                    [
                                                                                                                                                                                                                                        [
                                                                                                                                                                                                                                            [
                                                                                                                                                                                                                                                [
                                                                                                                                                                                                                                                    [
                                                                                                                                                                                                                                                        [
                                                                                                                                                                                                                                                            [
                                                                                                                                                                                                                                                                [
                                                                                                                                                                                                                                                                    [
                                                                                                                                                                                                                                                                        [
                                                                                                                                                                                                                                                                            [
                                                                                                                                                                                                                                                                                [
                                                                                                                                                                                                                                                                                    [
                                                                                                                                                                                                                                                                                        [
                                                                                                                                                                                                                                                                                            []
                                                                                                                                                                                                                                                                                        ]
                                                                                                                                                                                                                                                                                    ]
                                                                                                                                                                                                                                                                                ]
                                                                                                                                                                                                                                                                            ]
                                                                                                                                                                                                                                                                        ]
                                                                                                                                                                                                                                                                    ]
                                                                                                                                                                                                                                                                ]
                                                                                                                                                                                                                                                            ]
                                                                                                                                                                                                                                                        ]
                                                                                                                                                                                                                                                    ]
                                                                                                                                                                                                                                                ]
                                                                                                                                                                                                                                            ]
                                                                                                                                                                                                                                        ]
                                                                                                                                                                                                                                    ]
                                                                                                                                                                                                                                ]
                                                                                                                                                                                                                            ]
                                                                                                                                                                                                                        ]
                                                                                                                                                                                                                    ]
                                                                                                                                                                                                                ]
                                                                                                                                                                                                            ]
                                                                                                                                                                                                        ]
                                                                                                                                                                                                    ]
                                                                                                                                                                                                ]
                                                                                                                                                                                            ]
                                                                                                                                                                                        ]
                                                                                                                                                                                    ]
                                                                                                                                                                                ]
                                                                                                                                                                            ]
                                                                                                                                                                        ]
                                                                                                                                                                    ]
                                                                                                                                                                ]
                                                                                                                                                            ]
                                                                                                                                                        ]
                                                                                                                                                    ]
                                                                                                                                                ]
                                                                                                                                            ]
                                                                                                                                        ]
                                                                                                                                    ]
                                                                                                                                ]
                                                                                                                            ]
                                                                                                                        ]
                                                                                                                    ]
                                                                                                                ]
                                                                                                            ]
                                                                                                        ]
                                                                                                    ]
                                                                                                ]
                                                                                            ]
                                                                                        ]
                                                                                    ]
                                                                                ]
                                                                            ]
                                                                        ]
                                                                    ]
                                                                ]
                                                            ]
                                                        ]
                                                    ]
                                                ]
                                            ]
                                        ]
                                    ]
                                ]
                            ]
                        ]
                    ]
                ]
            }
        },
    ],
)
def test_a_form_the_page_never_sends_is_refused_with_a_sentence(client, folder, form):
    before = (folder / EXAMPLE).read_bytes()
    answer = client.post("/api/preview", json={"name": EXAMPLE, "form": form}, headers=ORIGIN)
    assert answer.status_code == 422 and "reload the page" in answer.json()["error"]
    assert (folder / EXAMPLE).read_bytes() == before


def test_a_text_that_is_no_yaml_leaves_the_form_as_it_was(client):
    answer = client.post(
        "/api/preview", json={"name": EXAMPLE, "text": "issuer: [unclosed\n"}, headers=ORIGIN
    ).json()
    assert answer["status"] == 2 and answer["form"] is None  # the page marks the form stale
    assert answer["problems"][0]["line"] == 2


def test_the_plan_page_names_the_keys_in_the_plan_formats_order(client):
    import json
    import re

    page = client.get("/").text
    block = re.search(r'<script type="application/json" id="antq-form">(.*?)</script>', page)
    orders = json.loads(block[1])["orders"]
    assert orders["issuer"][:3] == ["parent", "name", "symbol"]
    assert orders["plan"].index("sections") < orders["plan"].index("recipients")
    assert orders["numbering"] == ["roman", "arabic", "dotted", "letter", "dash", "plus", "none"]
    for script in ("fields.js", "form.js", "antq.js"):
        assert f'<script src="/static/{script}" defer>' in page
        assert client.get(f"/static/{script}").status_code == 200


@pytest.mark.parametrize("kind", ["ngay-hoi", "ky-niem", "thi-dua"])
@pytest.mark.parametrize("org", ["bcd-cao-bang", "cao-bang", "phuong-thuc-phan"])
def test_the_form_of_every_new_plan_writes_the_same_plan_back(client, folder, kind, org):
    """`antq new` of every kind for every profile, through the form unchanged and saved."""
    ask = {"kind": kind, "year": 2026, "org": f"orgs/{org}.yaml", "name": "new.yaml"}
    made = client.post("/api/new", json=ask, headers=ORIGIN).json()
    if made["status"] == 2 and "is issued by" in made["error"]:
        pytest.skip(f"antq new writes no {kind} plan for {org}: {made['error']}")
    assert made["status"] == 0, made
    expected = _validated(folder / "new.yaml")
    read = client.post(
        "/api/preview", json={"name": "new.yaml", "text": made["text"]}, headers=ORIGIN
    ).json()
    sent = client.post(
        "/api/preview", json={"name": "new.yaml", "form": read["form"]}, headers=ORIGIN
    ).json()
    assert sent["status"] == 0 and sent["html"] == read["html"]
    saved = client.post(
        "/api/save",
        json={"name": "new.yaml", "text": sent["text"], "digest": made["digest"]},
        headers=ORIGIN,
    ).json()
    assert saved["status"] == 0
    assert _validated(folder / "new.yaml") == expected
