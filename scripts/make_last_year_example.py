"""Write examples/drafts/ke-hoach-2025.docx: last year's Kế hoạch as a clerk finds it in the
office's folder, the file `antq import` turns into this year's plan (README, «Last year's
plan in Word»). Made from antq's own `ngay-hoi` plan for 2025 of the example profile
examples/orgs/phuong-thuc-phan.yaml, without antq's fingerprint and with two slips of
typing that the import writes as antq prints them, with a note («Lưu VT»).
No text of a real document.

    .venv/bin/python scripts/make_last_year_example.py
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from make_draft_example import with_slips

ROOT = Path(__file__).resolve().parent.parent
KIND, YEAR, PROFILE = "ngay-hoi", 2025, ROOT / "examples" / "orgs" / "phuong-thuc-phan.yaml"
SLIPS = [
    ("docProps/custom.xml", "antq-fingerprint", "origin"),
    ("word/document.xml", "- Lưu: VT", "- Lưu VT"),
]


def main() -> None:
    from antq_docs.new import write_new_plan
    from antq_docs.render import render_file

    with tempfile.TemporaryDirectory() as work:
        profile = Path(work, PROFILE.name)
        shutil.copyfile(PROFILE, profile)
        plan = Path(work, "ke-hoach-2025.yaml")
        write_new_plan(KIND, YEAR, profile, plan)
        docx = render_file(plan).docx
    path = ROOT / "examples" / "drafts" / "ke-hoach-2025.docx"
    path.write_bytes(with_slips(docx, SLIPS))
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
