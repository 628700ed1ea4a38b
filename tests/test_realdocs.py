"""`antq check` on real documents typed in Word by provincial offices (../shared/realdocs,
with what a careful reading found in each: expected.json). Skipped where the folder is absent
(a user's clone has no shared/). The files name real officials: nothing of them is copied
here; the test only reads them."""

from __future__ import annotations

from pathlib import Path

import pytest

REALDOCS = Path(__file__).resolve().parents[1] / ".." / "shared" / "realdocs"
if not (REALDOCS / "expected.json").is_file():
    pytest.skip("../shared/realdocs not available", allow_module_level=True)


@pytest.fixture(scope="module")
def score():
    from antq_docs.check.calibration import score_folder

    return score_folder(REALDOCS)


def test_precision_per_document_and_rule(score):
    """At least 9 in 10 reported (document, rule) pairs are true breaches; debatable
    matters (warnings by design) are counted apart."""
    assert score.precision >= 0.9, {name: {r: v for r, v in f.pairs.items() if v == "FALSE"}
                                    for name, f in score.files.items()}


def test_every_true_defect_is_found(score):
    missed = {name: f.missed for name, f in score.files.items() if f.missed}
    assert not missed and score.found == score.expected == 45


def test_papers_that_are_not_administrative_get_one_finding(score):
    import json

    expected = json.loads((REALDOCS / "expected.json").read_text("utf-8"))
    for name, entry in expected.items():
        pairs = score.files[name].pairs
        if not entry["in_scope"]:
            assert pairs == {"ND30-NOT-ADMINISTRATIVE": "true"}, name
        else:
            assert "ND30-NOT-ADMINISTRATIVE" not in pairs, name


def test_no_font_false_alarm_on_any_file(score):
    assert all("ND30-FONT" not in f.pairs for f in score.files.values())


def test_debatable_matters_are_warnings(score):
    from antq_docs.check import RULES

    severity = {rule.id: rule.severity for rule in RULES}
    debatable = {rule for f in score.files.values() for rule, v in f.pairs.items()
                 if v == "debatable"}
    assert debatable and all(severity[rule] == "warning" for rule in debatable)


def test_fixed_documents_still_read_the_same(score):
    """The drafts and their finals (kh1/kh2, kh25/kh26, kh27–kh29) are read alike."""
    assert score.files["kh1.docx"].recognised == score.files["kh2.docx"].recognised == \
        "Kế hoạch"
    assert score.files["kh3.docx"].recognised == "công văn"
