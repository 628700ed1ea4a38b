"""Round trip of `antq import` on the in-scope Kế hoạch of ../shared/realdocs: import ->
render -> read back, compared with the original. Prints per document the word similarity
(list labels aside, and with them), paragraph-sequence similarity, labels equal, check
findings of the render against the original's, and the time of the import.

    .venv/bin/python scripts/import_report.py [REALDOCS]
"""

from __future__ import annotations

import difflib
import json
import sys
import time
from pathlib import Path

from antq_docs.check import check_document
from antq_docs.content.build import build_document
from antq_docs.importer import import_docx
from antq_docs.importer.roundtrip import LABEL, similarity, words
from antq_docs.inspect import read_docx
from antq_docs.load.yaml_source import load_text
from antq_docs.validate import validate_source
from antq_docs.write.docx import render_docx

REALDOCS = Path(__file__).resolve().parents[1] / ".." / "shared" / "realdocs"


def paragraphs(data: bytes) -> list[str]:
    """Every paragraph with its automatic label, table cells included, footnotes last."""
    view = read_docx(data)
    out = [" ".join(((p.label or "") + " " + p.text).split()) for p in view.paragraphs()]
    out += [" ".join(p.text.split()) for paras in view.footnotes.values() for p in paras]
    return [p for p in out if p]


def labels(paras: list[str]) -> list[str]:
    return [p.split()[0] for p in paras if LABEL.match(p.split()[0])]


def report(path: Path) -> dict:
    data = path.read_bytes()
    start = time.perf_counter()
    result = import_docx(data)
    seconds = time.perf_counter() - start
    validated = validate_source(load_text(result.yaml, str(path)))
    rendered = render_docx(build_document(validated.plan, validated.source))
    theirs, mine = paragraphs(data), paragraphs(rendered)
    paragraph_ratio = difflib.SequenceMatcher(None, theirs, mine, autojunk=False).ratio()
    before = {f.rule for f in check_document(data).findings}
    after = {f.rule for f in check_document(rendered).findings}
    return {
        "file": path.name,
        "status": result.status,
        "words": similarity(words(theirs, labels=False), words(mine, labels=False)),
        "words_with_labels": similarity(words(theirs), words(mine)),
        "paragraphs": paragraph_ratio,
        "labels": similarity(labels(theirs), labels(mine)),
        "new_findings": sorted(after - before),
        "seconds": seconds,
    }


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else REALDOCS
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    names = [n for n, v in expected.items() if v["kind"] == "Kế hoạch" and v["in_scope"]]
    print(
        f"{'file':<10} {'exit':>4} {'words':>6} {'+lbl':>6} {'paras':>6} {'labels':>6} "
        f"{'sec':>5}  new findings of the render"
    )
    for name in sorted(names, key=lambda n: int(n[2:-5])):
        row = report(folder / name)
        print(
            f"{row['file']:<10} {row['status']:>4} {row['words']:>6.3f} "
            f"{row['words_with_labels']:>6.3f} {row['paragraphs']:>6.3f} "
            f"{row['labels']:>6.3f} {row['seconds']:>5.2f}  "
            f"{' '.join(row['new_findings']) or '-'}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
