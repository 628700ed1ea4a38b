"""YAML loading: positions, safety limits, encodings, Unicode normalisation."""

from __future__ import annotations

import pickle
import unicodedata

import pytest

from antq_docs.errors import PlanError, Problem
from antq_docs.load import load_source, load_text
from antq_docs.load import yaml_source
from antq_docs.validate import load_plan

from .helpers import FIXTURES


def test_positions_of_keys_and_values():
    source = load_text("a: 1\nb:\n  - x\n  - {c: 2024-04-04}\n", "p.yaml")
    assert source.positions[("b", 1, "c")] == (4, 9)
    assert source.key_positions[("b",)] == (2, 1)
    assert source.locate(("b", 1, "c", "deeper")) == (4, 9)


def test_errors_pickle_for_batch_workers():
    with pytest.raises(PlanError) as caught:
        load_text("a: 1\na: 2\n", "p.yaml")
    copy = pickle.loads(pickle.dumps(caught.value))
    assert copy.problems == caught.value.problems
    assert isinstance(copy.problems[0], Problem) and copy.problems[0].line == 2


def test_alias_bomb_is_stopped(monkeypatch):
    monkeypatch.setattr(yaml_source, "MAX_NODES", 1000)
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{k}: &{k} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n"
        for p, k in zip("abcdefg", "bcdefgh")
    )
    with pytest.raises(PlanError, match="more than 1,000 values"):
        load_text(bomb, "bomb.yaml")


def test_oversized_file_is_refused(monkeypatch):
    monkeypatch.setattr(yaml_source, "MAX_FILE_BYTES", 100)
    with pytest.raises(PlanError, match="larger than"):
        load_text("a: " + "x" * 200, "big.yaml")


def test_windows_bom_is_accepted_and_other_encodings_are_explained(tmp_path):
    plan = (FIXTURES / "minimal.yaml").read_text("utf-8")
    bom = tmp_path / "bom.yaml"
    bom.write_bytes(b"\xef\xbb\xbf" + plan.encode("utf-8"))
    assert load_plan(bom).plan.issuer.number == 5
    legacy = tmp_path / "cp1258.yaml"
    legacy.write_bytes("subject: Kế hoạch\n".encode("cp1258", "replace") + b"\xff\xfe")
    with pytest.raises(PlanError, match="not UTF-8"):
        load_source(legacy)


def test_missing_file_is_a_problem_not_a_traceback(tmp_path):
    with pytest.raises(PlanError, match="cannot read the file"):
        load_source(tmp_path / "absent.yaml")


def test_decomposed_text_is_normalised_to_nfc_with_a_warning(tmp_path):
    plan = (FIXTURES / "minimal.yaml").read_text("utf-8")
    decomposed = unicodedata.normalize("NFD", "Nâng cao ý thức")
    path = tmp_path / "nfd.yaml"
    path.write_text(plan.replace("Nâng cao ý thức", decomposed), "utf-8")
    validated = load_plan(path)
    text = validated.plan.sections[0].items[0].text
    assert text.startswith("Nâng cao ý thức") and unicodedata.is_normalized("NFC", text)
    assert [w.line for w in validated.warnings] == [15]
    assert "NFC" in validated.warnings[0].message


def test_empty_file(tmp_path):
    path = tmp_path / "empty.yaml"
    path.write_text("# nothing yet\n", "utf-8")
    with pytest.raises(PlanError, match="the file is empty"):
        load_source(path)


def test_an_impossible_iso_date_is_reported_at_its_position():
    with pytest.raises(PlanError) as caught:
        load_text("issuer:\n  date: 2026-02-30\n", "p.yaml")
    problem = caught.value.problems[0]
    assert (problem.line, problem.column) == (2, 9)
    assert "not a real date" in problem.message


def test_every_error_type_pickles():
    from antq_docs.validate.templating import TemplateProblem
    from antq_docs.errors import OutputError
    from antq_docs.write.pdf import PdfError

    for error in (TemplateProblem("x"), PdfError("y"), OutputError("a.docx", "z")):
        copy = pickle.loads(pickle.dumps(error))
        assert type(copy) is type(error) and str(copy) == str(error)


def test_absurd_nesting_is_refused_cleanly():
    with pytest.raises(PlanError, match="nested more than 64 levels"):
        load_text("a: " + "[" * 5000 + "]" * 5000 + "\n", "deep.yaml")


def test_merged_keys_override_each_other_as_in_yaml():
    """`<<: [*a, *b]` with a key in both: the first listed wins, no duplicate-key error."""
    source = load_text("a: &a {k: 1, l: 2}\nb: &b {k: 3}\nc: {<<: [*a, *b], l: 5}\n")
    assert source.data["c"] == {"k": 1, "l": 5}
    with pytest.raises(PlanError, match="duplicate key"):
        load_text("c: {k: 1, k: 2}\n")


def _profile_elsewhere(tmp_path):
    """A plan in plans/ naming a profile in shared/, a sibling folder."""
    (tmp_path / "shared").mkdir()
    (tmp_path / "plans").mkdir()
    profile = (FIXTURES.parents[1] / "examples" / "orgs" / "cao-bang.yaml").read_text("utf-8")
    (tmp_path / "shared" / "org.yaml").write_text(profile, "utf-8")
    plan = tmp_path / "plans" / "plan.yaml"
    minimal = (FIXTURES / "minimal.yaml").read_text("utf-8")
    plan.write_text("org: ../shared/org.yaml\n" + minimal, "utf-8")
    return plan


def test_a_profile_outside_the_plans_folder_needs_its_folder_given(tmp_path, monkeypatch):
    plan = _profile_elsewhere(tmp_path)
    monkeypatch.delenv("ANTQ_PROFILES", raising=False)
    with pytest.raises(PlanError, match="outside the plan's folder") as caught:
        load_plan(plan)
    assert caught.value.problems[0].file == str(plan)  # located in the plan, never the profile
    assert load_plan(plan, folders=(tmp_path / "shared",)).org is not None
    monkeypatch.setenv("ANTQ_PROFILES", str(tmp_path / "shared"))
    assert load_plan(plan).org is not None
