"""Speed of `antq serve` through its own endpoints, in process (starlette's TestClient: the
guard, the JSON, the engine lock included; no socket, no browser).

    python benchmarks/serve_bench.py [--keys 40] [--runs 10]

- the preview per keystroke, on every example: the subject typed one character at a time,
  each keystroke one POST /api/preview, first as the YAML text (the answer holds the form),
  then in the form (the answer holds the YAML antq writes); median and max per example;
- check and fix of a DOCX: POST /api/check then /api/fix on the two drafts of examples/drafts.

Results go to stdout and to benchmarks/results/serve.json.
"""

from __future__ import annotations

import argparse
import copy
import json
import shutil
import statistics
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PORT = 48200
ORIGIN = {"origin": f"http://127.0.0.1:{PORT}"}
TYPED = "Tổ chức thực hiện kế hoạch năm 2026 trên địa bàn toàn tỉnh, bảo đảm an toàn"


def _client(folder: Path, scratch: Path):
    from starlette.testclient import TestClient

    from antq_docs.inspect.package import MAX_DOCX_BYTES
    from antq_docs.serve import Settings, create_app
    from antq_docs.serve.safety import cookie_name

    settings = Settings(folder, "bench", PORT, scratch, MAX_DOCX_BYTES)
    client = TestClient(create_app(settings), base_url=f"http://127.0.0.1:{PORT}")
    client.cookies.set(cookie_name(PORT), "bench")
    return client


def _ms(samples: list[float]) -> dict[str, float]:
    return {
        "median_ms": round(statistics.median(samples) * 1000, 1),
        "max_ms": round(max(samples) * 1000, 1),
    }


def _timed(post, url: str, **kwargs) -> tuple[float, dict]:
    start = time.perf_counter()
    answer = post(url, headers=ORIGIN, **kwargs)
    elapsed = time.perf_counter() - start
    result = answer.json()
    if result.get("status") not in (0, 1):
        raise SystemExit(f"{url}: {result.get('error') or result.get('problems')}")
    return elapsed, result


def _subject_end(text: str) -> int:
    """Where the clerk types: the end of the subject's value (the last line of a block)."""
    lines = text.splitlines(keepends=True)
    at = next(i for i, row in enumerate(lines) if row.startswith("subject:"))
    if lines[at].rstrip().endswith((">-", ">", "|", "|-")):
        while at + 1 < len(lines) and lines[at + 1].startswith(" ") and lines[at + 1].strip():
            at += 1
    return sum(len(row) for row in lines[:at]) + len(lines[at].rstrip("\r\n"))


def keystrokes(client, name: str, text: str, keys: int) -> dict[str, dict[str, float]]:
    """The subject typed one character at a time, in the text, then in the form."""
    end = _subject_end(text)
    post = client.post
    _timed(post, "/api/preview", json={"name": name, "text": text})  # warm-up
    by_text, by_form = [], []
    form = None
    for n in range(1, keys + 1):
        typed = f"{text[:end]} {TYPED[:n]}{text[end:]}"
        elapsed, result = _timed(post, "/api/preview", json={"name": name, "text": typed})
        by_text.append(elapsed)
        form = result["form"]
    assert form is not None
    subject = form["data"]["subject"]
    for n in range(1, keys + 1):
        edited = copy.deepcopy(form)
        edited["data"]["subject"] = f"{subject} {TYPED[:n]}"
        elapsed, _result = _timed(post, "/api/preview", json={"name": name, "form": edited})
        by_form.append(elapsed)
    return {"text": _ms(by_text), "form": _ms(by_form)}


def check_and_fix(client, runs: int) -> dict[str, dict[str, float]]:
    out = {}
    for draft in sorted((ROOT / "examples" / "drafts").glob("*.docx")):
        data = draft.read_bytes()
        headers = {"x-antq-name": draft.name}
        times: dict[str, list[float]] = {"check": [], "fix": []}
        for _ in range(runs):
            for step in times:
                start = time.perf_counter()
                answer = client.post(f"/api/{step}", content=data, headers={**ORIGIN, **headers})
                times[step].append(time.perf_counter() - start)
                if answer.status_code >= 500:
                    raise SystemExit(f"/api/{step} {draft.name}: {answer.status_code}")
        out[draft.name] = {step: _ms(values) for step, values in times.items()}
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keys", type=int, default=40, help="keystrokes per example and view")
    parser.add_argument("--runs", type=int, default=10, help="check+fix runs per draft")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="serve-bench-"))
    try:
        folder, scratch = work / "examples", work / "scratch"
        shutil.copytree(ROOT / "examples", folder)
        scratch.mkdir()
        client = _client(folder, scratch)
        results: dict[str, object] = {"keystrokes": {}, "check_and_fix": {}}
        for plan in sorted(folder.glob("*.yaml")):
            text = plan.read_text("utf-8")
            figures = keystrokes(client, plan.name, text, args.keys)
            results["keystrokes"][plan.name] = {"bytes": len(text.encode()), **figures}  # type: ignore[index]
            print(
                f"{plan.name:42} {len(text.encode()) // 1024:>3} KB  per keystroke: "
                f"text {figures['text']['median_ms']} ms (max {figures['text']['max_ms']}), "
                f"form {figures['form']['median_ms']} ms (max {figures['form']['max_ms']})"
            )
        results["check_and_fix"] = check_and_fix(client, args.runs)
        for draft, steps in results["check_and_fix"].items():  # type: ignore[attr-defined]
            print(
                f"{draft:42} check {steps['check']['median_ms']} ms "
                f"(max {steps['check']['max_ms']}), fix {steps['fix']['median_ms']} ms "
                f"(max {steps['fix']['max_ms']})"
            )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    out = ROOT / "benchmarks" / "results" / "serve.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", "utf-8")


if __name__ == "__main__":
    main()
