"""Speed of the report cycle (issue 20): a 56-unit results sheet becomes 56 reports and one
summary, beside the batch's own time per row.

    python benchmarks/report_bench.py [--runs 3]

The plan is examples/bac-giang-2024-ngay-hoi-bcd.yaml with its «Tổ chức thực hiện» given to
«UBND các xã, phường», whose members are Cao Bằng's 56 xã/phường (listed in Nơi nhận). The
sheet comes from `antq new bao-cao --sheet`, is filled in by openpyxl, and is read by
`antq batch bao-cao --results … --consolidate` (each report's YAML and DOCX, checked).
Beside it: `antq batch ngay-hoi --province "Cao Bằng"`, one process (-j 1) and every core,
the same 56 units. Medians of --runs, each from a fresh output folder. Results also go to
benchmarks/results/report.json.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sysconfig
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
ANTQ = Path(sysconfig.get_path("scripts")) / "antq"
PLAN = ROOT / "examples" / "bac-giang-2024-ngay-hoi-bcd.yaml"
GROUP = "UBND các xã, phường"


def _plan(folder: Path) -> tuple[Path, list[str]]:
    """The example plan, its work given to the 56 xã/phường of Cao Bằng."""
    from antq_docs.places import units_of

    members = [f"UBND {unit.name}" for unit in units_of("Cao Bằng")]
    data = yaml.safe_load(PLAN.read_text(encoding="utf-8"))
    data["sections"][-1]["items"] = [
        {
            "unit": GROUP,
            "role": "chủ trì",
            "text": "Xây dựng kế hoạch, tổ chức Ngày hội tại địa phương.",
            "deadline": "15/5/2024",
        },
        {
            "unit": GROUP,
            "role": "chủ trì",
            "text": "Báo cáo kết quả tổ chức Ngày hội.",
            "deadline": "20/8/2024",
            "report_to": "Thường trực Ban Chỉ đạo tỉnh",
        },
    ]
    data["recipients"] = [*data["recipients"][:4], {"name": GROUP, "covers": members}]
    path = folder / "plan.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path, members


def _filled_sheet(plan: Path, folder: Path) -> tuple[Path, int]:
    import openpyxl

    sheet = folder / "ket-qua.xlsx"
    subprocess.run([ANTQ, "new", "bao-cao", "--from", plan, "--sheet", sheet], check=True)
    book = openpyxl.load_workbook(sheet)
    rows = 0
    for cells in book["Kết quả"].iter_rows(min_row=2):
        cells[6].value = f"Đã thực hiện {cells[3].value.lower()}"
        cells[7].value = "12 buổi, 1.200 lượt người"
        cells[8].value = "Hoàn thành"
        rows += 1
    book.save(sheet)
    return sheet, rows


def _timed(command: list, runs: int, folder: Path, name: str) -> float:
    """The median wall time of `command` + `-o <fresh folder>`."""
    times = []
    for run in range(runs):
        out = folder / f"{name}-{run}"
        start = time.perf_counter()
        subprocess.run([*command, "-o", out], check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        plan, members = _plan(folder)
        sheet, rows = _filled_sheet(plan, folder)
        reports = _timed(
            [ANTQ, "batch", "bao-cao", "--from", plan, "--results", sheet, "--consolidate"],
            args.runs,
            folder,
            "reports",
        )
        written = len(list((folder / "reports-0").glob("*.docx")))
        kind = [ANTQ, "batch", "ngay-hoi", "--year", "2026", "--province", "Cao Bằng"]
        one = _timed([*kind, "-j", "1"], args.runs, folder, "batch-j1")
        every = _timed(kind, args.runs, folder, "batch")
    figures = {
        "units": len(members),
        "sheet_rows": rows,
        "documents": written,  # 56 reports and the summary
        "reports_seconds": round(reports, 2),
        "reports_ms_per_document": round(1000 * reports / written, 1),
        "batch_j1_seconds": round(one, 2),
        "batch_j1_ms_per_row": round(1000 * one / len(members), 1),
        "batch_seconds": round(every, 2),
        "batch_ms_per_row": round(1000 * every / len(members), 1),
    }
    for key, value in figures.items():
        print(f"{key:<26} {value}")
    results = ROOT / "benchmarks" / "results"
    results.mkdir(exist_ok=True)
    (results / "report.json").write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
