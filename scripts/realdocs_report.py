"""How `antq check` reads the real documents of ../shared/realdocs, against expected.json.

    python scripts/realdocs_report.py [--verbose] [--fix]

Prints, per file, the type antq recognised and the (rule → verdict) pairs, then precision
(share of reported (document, rule) pairs that are true defects; debatable pairs are counted
apart) and recall (true defects found), then the same precision with the verdicts of
calibration.ADJUDICATED where this project reads a file otherwise than expected.json. The
mapping from expected.json's defect ids to rule ids is in antq_docs.check.calibration.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REALDOCS = ROOT.parent / "shared" / "realdocs"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="print every finding")
    parser.add_argument("--folder", type=Path, default=REALDOCS)
    parser.add_argument(
        "--fix",
        action="store_true",
        help="also run antq fix on each administrative document and count "
        "the findings per rule before and after (and, where LibreOffice is installed, "
        "the pages of a short document before and after)",
    )
    args = parser.parse_args()
    if not args.folder.is_dir():
        print(f"{args.folder} not found", file=sys.stderr)
        return 2
    from antq_docs.check.calibration import score_folder

    score = score_folder(args.folder)
    for name, report in score.files.items():
        print(
            f"{name:<10} {report.recognised:<28} "
            + " ".join(f"{rule}:{verdict}" for rule, verdict in sorted(report.pairs.items()))
        )
        if args.verbose:
            for finding in report.findings:
                print(f"    {finding}")
        for missed in report.missed:
            print(f"    MISSED {missed}")
    if args.fix:
        _fix_table(args.folder)
    print(
        f"pairs: {score.true_pairs} true, {score.debatable_pairs} debatable, "
        f"{score.false_pairs} false; precision {score.precision:.2f} "
        f"(debatable as false: {score.strict_precision:.2f}); true defects found "
        f"{score.found}/{score.expected}"
    )
    _adjudicated(score)
    return 0


def _adjudicated(score) -> None:
    """The pairs this project reads otherwise than expected.json, why, and the precision
    with its verdicts."""
    from antq_docs.check.calibration import ADJUDICATED

    for name, report in score.files.items():
        for rule, verdict in sorted(report.adjudicated.items()):
            print(f"adjudicated {name} {rule}: FALSE -> {verdict}: {ADJUDICATED[name, rule][1]}")
    print(f"precision with the adjudicated verdicts: {score.adjudicated_precision:.2f}")


def _fix_table(folder: Path) -> None:
    import collections
    import json

    from antq_docs.fix import fix_document

    expected = json.loads((folder / "expected.json").read_text("utf-8"))
    before: collections.Counter = collections.Counter()
    after: collections.Counter = collections.Counter()
    for name, entry in expected.items():
        if not entry["in_scope"]:
            continue
        result = fix_document((folder / name).read_bytes(), count_pages=True)
        before.update(f.rule for f in result.before)
        after.update(f.rule for f in result.after)
        if result.pages is not None:  # a short document, laid out by LibreOffice
            grew = " (grew)" if result.grew else ""
            print(f"{name:<10} pages before fix {result.pages[0]}, after {result.pages[1]}{grew}")
    print(f"{'rule':<28} before  after")
    for rule in sorted(before | after):
        print(f"{rule:<28} {before[rule]:>6} {after[rule]:>6}")
    print(f"{'all':<28} {sum(before.values()):>6} {sum(after.values()):>6}")


if __name__ == "__main__":
    sys.exit(main())
