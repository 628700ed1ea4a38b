"""Speed of `antq render` on the Cao Bằng 2024 example, with pandoc as a peer in the same run.

    python benchmarks/render_bench.py [--runs 50] [--cold-runs 15]

Reports medians: in-process render (and its stages), cold `antq render` wall time and peak
memory (GNU time), pandoc converting the same document (Markdown + a reference DOCX), and
two baselines for context: a bare Python start and a do-nothing typer app.
Results go to stdout and to benchmarks/results/render.json.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "examples" / "cao-bang-2024-ky-niem-80-nam-cand.yaml"
TYPER_APP = "import typer\napp = typer.Typer()\n@app.command()\ndef main(plan: str): pass\napp()\n"


def _median_ms(samples: list[float]) -> float:
    return round(statistics.median(samples) * 1000, 1)


def in_process(runs: int) -> dict[str, float]:
    from antq_docs.content.build import build_document
    from antq_docs.render import render_file
    from antq_docs.validate import load_plan
    from antq_docs.write.docx import render_docx

    render_file(PLAN)  # warm-up: imports, compiled templates, the base package
    stages: dict[str, list[float]] = {
        "load+validate": [],
        "build tree": [],
        "write docx": [],
        "total": [],
    }
    for _ in range(runs):
        start = time.perf_counter()
        validated = load_plan(PLAN)
        t1 = time.perf_counter()
        document = build_document(validated.plan, validated.source)
        t2 = time.perf_counter()
        render_docx(document)
        t3 = time.perf_counter()
        stages["load+validate"].append(t1 - start)
        stages["build tree"].append(t2 - t1)
        stages["write docx"].append(t3 - t2)
        stages["total"].append(t3 - start)
    return {name: _median_ms(values) for name, values in stages.items()}


def _timed(command: list[str], runs: int) -> dict[str, float]:
    """Median wall time and peak RSS of a command, measured by GNU time."""
    gnu_time = shutil.which("time") or "/usr/bin/time"
    walls, rss = [], []
    for _ in range(runs):
        with tempfile.NamedTemporaryFile("r", suffix=".txt") as report:
            start = time.perf_counter()
            subprocess.run(
                [gnu_time, "-f", "%M", "-o", report.name, *command],
                check=True,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            walls.append(time.perf_counter() - start)
            rss.append(int(report.read().strip().splitlines()[-1]))
    return {"median_ms": _median_ms(walls), "peak_rss_mb": round(statistics.median(rss) / 1024, 1)}


def cold(runs: int, work: Path) -> dict[str, dict[str, float]]:
    scripts = Path(sysconfig.get_path("scripts"))
    antq = scripts / "antq"  # the console script itself, not a version-manager shim
    results = {
        "python -c pass": _timed([sys.executable, "-c", "pass"], runs),
        "typer app doing nothing": _timed([sys.executable, str(work / "typer_app.py"), "x"], runs),
        "antq render": _timed(
            [str(antq), "render", str(PLAN), "-o", str(work / "antq.docx"), "--force"], runs
        ),
    }
    if shutil.which("pandoc"):
        results["pandoc (same document)"] = _timed(
            [
                "pandoc",
                str(work / "plan.md"),
                "--reference-doc",
                str(work / "reference.docx"),
                "-o",
                str(work / "pandoc.docx"),
            ],
            runs,
        )
    return results


def prepare(work: Path) -> None:
    from antq_docs.render import build_tree
    from antq_docs.write.text import render_text

    (work / "typer_app.py").write_text(TYPER_APP, "utf-8")
    document, _ = build_tree(PLAN)
    (work / "plan.md").write_text(render_text(document, markdown=True), "utf-8")
    if shutil.which("pandoc"):
        reference = subprocess.run(
            ["pandoc", "--print-default-data-file", "reference.docx"],
            check=True,
            capture_output=True,
        ).stdout
        (work / "reference.docx").write_bytes(reference)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--cold-runs", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="antq-bench-") as folder:
        work = Path(folder)
        prepare(work)
        results = {
            "plan": PLAN.name,
            "in_process_ms": in_process(args.runs),
            "cold": cold(args.cold_runs, work),
        }
    print(f"plan: {results['plan']}")
    print(f"in-process render, median of {args.runs}:")
    for stage, value in results["in_process_ms"].items():
        print(f"  {stage:<16} {value:>7.1f} ms")
    print(f"cold commands, median of {args.cold_runs} (wall, peak RSS):")
    for name, value in results["cold"].items():
        print(f"  {name:<26} {value['median_ms']:>7.1f} ms {value['peak_rss_mb']:>7.1f} MB")
    pandoc = results["cold"].get("pandoc (same document)")
    if pandoc:
        ratio = results["cold"]["antq render"]["median_ms"] / pandoc["median_ms"]
        print(f"antq render / pandoc: {ratio:.2f}×")
        results["antq_over_pandoc"] = round(ratio, 2)
    out = ROOT / "benchmarks" / "results"
    out.mkdir(exist_ok=True)
    (out / "render.json").write_text(json.dumps(results, indent=2), "utf-8")


if __name__ == "__main__":
    main()
