"""Round trip of `antq import` on the in-scope Kế hoạch of ../shared/realdocs: import ->
render -> read back, compared with the original. Prints per document the word similarity
(list labels and appendix captions aside, which antq writes itself; and with them),
line-sequence similarity, labels equal, check findings of the render against the
original's, and the CPU time of the import (antq's modules loaded once before, as in a
batch). Lines, not paragraph marks, are compared; layout
tables (header, signature) are read column by column, as a person reads them.

    .venv/bin/python scripts/import_report.py [REALDOCS]
"""

from __future__ import annotations

import difflib
import json
import re
import sys
import time
from pathlib import Path

from antq_docs.check import check_document
from antq_docs.content.build import build_document
from antq_docs.importer import import_docx
from antq_docs.importer.parts import TITLE_WORDS
from antq_docs.importer.roundtrip import LABEL, similarity, words
from antq_docs.inspect import read_docx
from antq_docs.inspect.model import DocxView, Para
from antq_docs.load.yaml_source import load_text
from antq_docs.validate import validate_source
from antq_docs.write.docx import render_docx

REALDOCS = Path(__file__).resolve().parents[1] / ".." / "shared" / "realdocs"


def _reading_order(view: DocxView) -> list[Para]:
    """The paragraphs as a reader takes them in: the layout tables (the header above the
    title, the one holding «Nơi nhận» and the signature) column by column, others row by row."""
    out: list[Para] = []
    titled = False
    for block in view.blocks:
        if isinstance(block, Para):
            out.append(block)
            titled = titled or " ".join(block.text.split()).upper() == TITLE_WORDS
        elif titled and not any(
            p.text.strip().lower().startswith("nơi nhận")
            for row in block.rows
            for cell in row
            for p in cell.paragraphs
        ):
            out += [p for row in block.rows for cell in row for p in cell.paragraphs]
        else:
            columns = max((len(row) for row in block.rows), default=0)
            out += [
                p
                for column in range(columns)
                for row in block.rows
                if column < len(row)
                for p in row[column].paragraphs
            ]
    return out


def paragraphs(data: bytes) -> list[str]:
    """Every line with its automatic label, table cells included, footnotes last. Lines, not
    paragraph marks: whether a two-line subject or «Nơi nhận:» is one paragraph with a line
    break or two paragraphs is layout (antq's, to Nghị định 30), not words. Case aside, as
    antq prints headings in capitals."""
    view = read_docx(data)
    texts = [(p.label or "") + " " + p.text for p in _reading_order(view)]
    texts += [p.text for paras in view.footnotes.values() for p in paras]
    lines = [" ".join(line.split()).casefold() for text in texts for line in text.split("\n")]
    return [line for line in lines if line]


def labels(paras: list[str]) -> list[str]:
    return [p.split()[0] for p in paras if LABEL.match(p.split()[0])]


_CAPTION = re.compile(r"^\(.*\bkèm\s+theo\b")


def without_captions(lines: list[str]) -> list[str]:
    """The lines but an appendix's «(Kèm theo Kế hoạch số …)» caption, over one line or more:
    antq writes it from the issuer (PL1 III.1.c), like the list labels, so it is no word of
    the plan's."""
    out: list[str] = []
    open_caption = False
    for line in lines:
        if _CAPTION.match(line) or open_caption:
            open_caption = not line.endswith(")")
            continue
        out.append(line)
    return out


def report(path: Path) -> dict:
    data = path.read_bytes()
    # CPU time: the figure does not depend on what else the machine runs
    start = time.process_time()
    result = import_docx(data)
    seconds = time.process_time() - start
    validated = validate_source(load_text(result.yaml, str(path)))
    rendered = render_docx(build_document(validated.plan, validated.source))
    theirs, mine = paragraphs(data), paragraphs(rendered)
    paragraph_ratio = difflib.SequenceMatcher(None, theirs, mine, autojunk=False).ratio()
    before = {f.rule for f in check_document(data).findings}
    after = {f.rule for f in check_document(rendered).findings}
    return {
        "file": path.name,
        "status": result.status,
        "words": similarity(
            words(without_captions(theirs), labels=False),
            words(without_captions(mine), labels=False),
        ),
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
    import_docx((folder / names[0]).read_bytes())  # antq's modules loaded once, as in a batch
    print(
        f"{'file':<10} {'exit':>4} {'words':>6} {'+lbl':>6} {'paras':>6} {'labels':>6} "
        f"{'cpu s':>5}  new findings of the render"
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
