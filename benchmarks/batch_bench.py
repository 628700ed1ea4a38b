"""Speed and memory of `antq batch`, with peers measured in the same run.

    python benchmarks/batch_bench.py [--sizes 100,1000,3321] [--shell-loop 10]

Reports, for the yearly ngày-hội plan:
- the country's xã/phường, first N rows for each size: wall time, documents per second,
  milliseconds per document and peak memory of the whole process tree (main + workers); then
  the same command again with nothing changed (median of --reruns), and its share of the
  full run (the goal: at most 5 %);
- Cao Bằng's 56 xã/phường, without and with --pdf;
- in process, per document: antq (plan -> validated -> DOCX bytes) against docxtpl filling
  an equivalent Word template made from antq's own output (docxtpl: pip install docxtpl),
  and the check of that document as the batch makes it (from the parts it has written)
  and as `antq check` makes it (from the file);
- the shell loop a clerk would otherwise write: one `antq render` process per document.
Medians where a figure is repeated. Results also go to benchmarks/results/batch.json.
Linux only (memory is read from /proc).
"""

from __future__ import annotations

import argparse
import io
import json
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import threading
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ANTQ = Path(sysconfig.get_path("scripts")) / "antq"


def _tree_rss_kb(root: int) -> int:
    """Resident memory of `root` and all its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            status = (entry / "status").read_text()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        pid = int(entry.name)
        children.setdefault(int(fields.get("PPid", "0").strip()), []).append(pid)
        rss[pid] = int(fields.get("VmRSS", "0 kB").split()[0])
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        stack += children.get(pid, [])
    return total


def timed_tree(command: list[str]) -> dict[str, float]:
    """Wall time and peak memory (sampled every 20 ms) of a command and its children."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0
    done = threading.Event()

    def sample():
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_rss_kb(process.pid))
            time.sleep(0.02)

    sampler = threading.Thread(target=sample)
    sampler.start()
    _, errors = process.communicate()
    done.set()
    sampler.join()
    wall = time.perf_counter() - start
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{errors.decode()[-2000:]}")
    return {"seconds": round(wall, 2), "peak_mb": round(peak / 1024, 1)}


def batch_sizes(sizes: list[int], work: Path, reruns: int) -> dict[int, dict[str, float]]:
    from antq_docs.batch.rows import kind_rows

    country = len(kind_rows("ngay-hoi", "all", [2026]))
    out = {}
    for size in sizes:
        folder = work / f"country-{size}"
        # The whole country is the national batch itself (its own manifest.csv), not a slice.
        rows = ["--rows", f"1-{size}"] if size < country else []
        command = [
            str(ANTQ),
            "batch",
            "ngay-hoi",
            "--year",
            "2026",
            "--province",
            "all",
            *rows,
            "-o",
            str(folder),
        ]
        figures = timed_tree(command)
        again = [timed_tree(command)["seconds"] for _ in range(reruns)]
        figures["rerun_seconds"] = round(statistics.median(again), 2)
        figures["rerun_share_percent"] = round(
            100 * figures["rerun_seconds"] / figures["seconds"], 1
        )
        figures["documents_per_second"] = round(size / figures["seconds"], 1)
        figures["ms_per_document"] = round(figures["seconds"] * 1000 / size, 1)
        out[size] = figures
    return out


def cao_bang(work: Path) -> dict[str, dict[str, float]]:
    command = [str(ANTQ), "batch", "ngay-hoi", "--year", "2026", "--province", "Cao Bằng"]
    return {
        "docx": timed_tree(command + ["-o", str(work / "cb")]),
        "docx+pdf": timed_tree(command + ["--pdf", "-o", str(work / "cb-pdf")]),
    }


def _rows_and_spec():
    from antq_docs.batch import BatchSpec
    from antq_docs.batch.rows import kind_rows

    rows = kind_rows("ngay-hoi", "Cao Bằng", [2026])
    spec = BatchSpec(output="", name_template="{unit}", kind="ngay-hoi", province="Cao Bằng")
    return rows, spec


def _antq_parts(spec, row) -> tuple[bytes, dict[str, bytes]]:
    """The row's DOCX and its parts, as the batch renders it before checking it."""
    from antq_docs.batch.job import _validated
    from antq_docs.content.build import build_document
    from antq_docs.write.docx import render_docx_parts

    validated = _validated(spec, row)
    return render_docx_parts(build_document(validated.plan, validated.source))


def _antq_document(spec, row) -> bytes:
    return _antq_parts(spec, row)[0]


def _docxtpl_template(spec, rows) -> bytes:
    """antq's own DOCX for one xã with the unit's names turned into docxtpl fields."""
    sample = next(row for row in rows if row.unit == "Xã Hòa An")
    raw = _antq_document(spec, sample)
    with zipfile.ZipFile(io.BytesIO(raw)) as package:
        entries = {info.filename: package.read(info) for info in package.infolist()}
    xml = entries["word/document.xml"].decode("utf-8")
    for text, field in (
        ("XÃ HÒA AN", "{{ upper }}"),
        ("xã Hòa An", "{{ in_text }}"),
        ("Hòa An", "{{ bare }}"),
        ("các thôn", "các {{ villages }}"),  # «Trưởng các thôn», «tất cả các thôn»
        ("Công an xã", "{{ police }}"),
    ):
        # A field antq's wording no longer has would leave the peer less to fill.
        if text not in xml:
            raise SystemExit(f"the docxtpl template: «{text}» is not in antq's document")
        xml = xml.replace(text, field)
    entries["word/document.xml"] = xml.encode("utf-8")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in entries.items():
            package.writestr(name, data)
    return out.getvalue()


def in_process(runs: int) -> dict[str, float]:
    from antq_docs.places import Unit

    from antq_docs.check import check_docx
    from antq_docs.check.run import check_written

    rows, spec = _rows_and_spec()
    _antq_document(spec, rows[0])  # warm-up: imports, templates
    antq, peer, checked, checked_file = [], [], [], []
    template = _docxtpl_template(spec, rows)
    try:
        from docxtpl import DocxTemplate
    except ImportError:
        DocxTemplate = None
    for _ in range(runs):
        for row in rows:
            start = time.perf_counter()
            docx, parts = _antq_parts(spec, row)
            antq.append(time.perf_counter() - start)
            # The batch's check, from the parts it holds; and `antq check` of the file.
            start = time.perf_counter()
            check_written(parts)
            checked.append(time.perf_counter() - start)
            start = time.perf_counter()
            check_docx(docx)
            checked_file.append(time.perf_counter() - start)
            if DocxTemplate is None:
                continue
            unit = Unit(row.unit, row.unit_type, row.code, row.file)
            start = time.perf_counter()
            document = DocxTemplate(io.BytesIO(template))
            document.render(
                {
                    "upper": unit.name.upper(),
                    "in_text": unit.in_text,
                    "bare": unit.bare,
                    "villages": unit.villages,
                    "police": unit.police,
                }
            )
            document.save(io.BytesIO())
            peer.append(time.perf_counter() - start)
    result = {
        "antq_ms": round(statistics.median(antq) * 1000, 1),
        "check_written_ms": round(statistics.median(checked) * 1000, 1),
        "check_file_ms": round(statistics.median(checked_file) * 1000, 1),
    }
    if peer:
        result["docxtpl_ms"] = round(statistics.median(peer) * 1000, 1)
        result["antq_over_docxtpl"] = round(result["antq_ms"] / result["docxtpl_ms"], 2)
    return result


def shell_loop(count: int, work: Path) -> dict[str, float]:
    """One `antq render` process per plan, as a shell loop over files would run it."""
    from antq_docs.kinds import generate_plan
    from antq_docs.validate import validate_org

    rows, spec = _rows_and_spec()
    folder = work / "loop"
    folder.mkdir()
    from antq_docs.batch.job import _render_org
    from antq_docs.load.yaml_source import load_text
    from antq_docs.places import Unit

    plans = []
    for row in rows[:count]:
        unit = Unit(row.unit, row.unit_type, row.code, row.file)
        org_text = _render_org(spec, unit)
        org_file = folder / f"org-{row.number}.yaml"
        org_file.write_text(org_text, "utf-8")
        org = validate_org(load_text(org_text, str(org_file)))
        plan = folder / f"plan-{row.number}.yaml"
        plan.write_text(generate_plan("ngay-hoi", 2026, org, org_file.name), "utf-8")
        plans.append(plan)
    walls = []
    for plan in plans:
        start = time.perf_counter()
        subprocess.run([str(ANTQ), "render", str(plan), "--force"], check=True, capture_output=True)
        walls.append(time.perf_counter() - start)
    return {"ms_per_document": round(statistics.median(walls) * 1000, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000,3321")
    parser.add_argument("--runs", type=int, default=3, help="in-process passes over 56 rows")
    parser.add_argument("--shell-loop", type=int, default=10)
    parser.add_argument("--reruns", type=int, default=3, help="re-runs with nothing changed")
    parser.add_argument(
        "--only-country", action="store_true", help="the country sizes only (no peers)"
    )
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s]
    with tempfile.TemporaryDirectory(prefix="antq-batch-bench-") as folder:
        work = Path(folder)
        results: dict = {"country": batch_sizes(sizes, work, args.reruns)}
        if not args.only_country:
            results["cao_bang_56"] = cao_bang(work)
            results["in_process"] = in_process(args.runs)
            results["shell_loop"] = shell_loop(args.shell_loop, work)
    for size, figures in results["country"].items():
        print(
            f"country, {size:>5} rows: {figures['seconds']:>6.1f} s  "
            f"{figures['documents_per_second']:>6.1f} docs/s  "
            f"{figures['ms_per_document']:>5.1f} ms/doc  peak {figures['peak_mb']:.0f} MB  "
            f"re-run {figures['rerun_seconds']:.2f} s ({figures['rerun_share_percent']} %)"
        )
    if args.only_country:
        return
    per_doc_batch = results["cao_bang_56"]["docx"]["seconds"] * 1000 / 56
    results["shell_loop"]["batch_ms_per_document"] = round(per_doc_batch, 1)
    results["shell_loop"]["loop_over_batch"] = round(
        results["shell_loop"]["ms_per_document"] / per_doc_batch, 1
    )
    for name, figures in results["cao_bang_56"].items():
        print(
            f"Cao Bằng 56, {name:<8}: {figures['seconds']:>6.1f} s  peak "
            f"{figures['peak_mb']:.0f} MB"
        )
    print(
        "in process, per document (median): "
        + ", ".join(f"{k} {v}" for k, v in results["in_process"].items())
    )
    print(
        "shell loop of `antq render`: "
        + ", ".join(f"{k} {v}" for k, v in results["shell_loop"].items())
    )
    out = ROOT / "benchmarks" / "results"
    out.mkdir(exist_ok=True)
    (out / "batch.json").write_text(json.dumps(results, indent=2), "utf-8")


if __name__ == "__main__":
    sys.exit(main())
