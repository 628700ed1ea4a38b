"""Driving a batch: validate every row, then render the rows whose inputs changed, on all
cores, recording each finished row in the manifest as it lands."""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import MessageError, OutputError, Problem
from ..i18n import N_, _, language
from ..output import remove_stale_temporaries
from .inputs import InputDigests
from .job import Outcome, Prepared, prepare_row, produce_row
from .manifest import MANIFEST, Journal, Record, read_manifest, write_manifest
from .naming import file_names
from .pool import Pool, Spool
from .rows import BatchSpec, Row, Slice, select_rows, slice_label

__all__ = ["BatchResult", "Progress", "run_batch", "refuse_links"]


class Progress:
    """What the runner tells the person waiting; the CLI gives a bar or plain lines."""

    def phase(self, name: str, total: int) -> None: ...

    def advance(self, count: int = 1) -> None: ...

    def row_done(self, row: Row, outcome: Outcome, output: str) -> None: ...

    def file_done(self, path: Path) -> None:
        """One file of a phase without rows (the PDFs) is made."""
        self.advance()

    def close(self) -> None: ...


@dataclass
class BatchResult:
    rows: int = 0  # rows in this run (this slice)
    written: int = 0
    unchanged: int = 0  # skipped: inputs and output as the manifest recorded them
    failed: list[tuple[Row, Outcome]] = field(default_factory=list)
    invalid: list[tuple[Row, list[Problem]]] = field(default_factory=list)  # phase 1
    warnings: list[Problem] = field(default_factory=list)
    pdfs: int = 0
    pdf_error: str = ""
    seconds: float = 0.0
    manifest: Path | None = None
    stopped: bool = False  # --fail-fast stopped the run

    @property
    def exit_code(self) -> int:
        if self.invalid:
            return 2
        return 1 if self.failed or self.pdf_error else 0


def run_batch(
    spec: BatchSpec,
    rows: list[Row],
    *,
    jobs: int | None = None,
    chosen: Slice | None = None,
    fail_fast: bool = False,
    pdf: bool = False,
    progress: Progress | None = None,
) -> BatchResult:
    progress = progress or Progress()
    started = time.perf_counter()
    output = Path(spec.output)
    names = file_names(spec.name_template, [row.name_fields() for row in rows])
    inside = os.path.normpath(output.resolve())
    targets = {row.number: _target(output, inside, name) for row, name in zip(rows, names)}
    rows = select_rows(rows, chosen)
    label = slice_label(chosen)
    manifest_path = output / (f"manifest.{label}.csv" if label else MANIFEST)
    refuse_links(output, [output / MANIFEST, manifest_path, *(targets[r.number] for r in rows)])
    result = BatchResult(rows=len(rows), manifest=manifest_path)
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(rows) or 1))

    if output.is_dir():
        remove_stale_temporaries(output)
    # Which rows to make is known before any of them is built: from the inputs' digests.
    previous = read_manifest(output / MANIFEST) if label else {}
    previous.update(read_manifest(manifest_path))
    records = {n: r for n, r in previous.items() if n in targets}
    digests = InputDigests(spec, language())
    todo: list[tuple[Row, Record]] = []
    for row in rows:
        record = _record(row, digests.of(row), output, targets[row.number])
        kept = previous.get(row.number)
        if kept is not None and not spec.force and _unchanged(kept, record, output):
            result.unchanged += 1
            records[row.number] = kept
        else:
            records.pop(row.number, None)
            todo.append((row, record))
    if todo:
        _make(spec, todo, targets, records, manifest_path, jobs, fail_fast, progress, result)
    else:
        write_manifest(manifest_path, records)
        progress.close()
    if result.invalid:
        result.seconds = time.perf_counter() - started
        return result
    result.stopped = (
        fail_fast and bool(result.failed) and result.written + len(result.failed) < len(todo)
    )
    if pdf:
        _convert_pdfs(
            output,
            [records[n] for n in sorted(records) if n in {row.number for row in rows}],
            result,
            progress,
        )
    result.seconds = time.perf_counter() - started
    return result


def _make(
    spec: BatchSpec,
    todo: list[tuple[Row, Record]],
    targets: dict[int, Path],
    records: dict[int, Record],
    manifest_path: Path,
    jobs: int,
    fail_fast: bool,
    progress: Progress,
    result: BatchResult,
) -> None:
    """Validate every row to make, then (when all are valid) render, check and write them;
    `records` and `result` say what became of each."""
    with Pool(min(jobs, len(todo))) as pool, Spool() as spool:
        progress.phase(N_("checking"), len(todo))
        prepared: dict[int, Prepared] = {}
        to_make = [row for row, _ in todo]
        for done in pool.map(_prepare_chunk, spec, to_make, len(to_make), progress.advance):
            for item in done:
                spool.put(item.number, item.plan)
                item.plan = b""  # on disk from here: memory stays flat however many rows
                prepared[item.number] = item
        for row in to_make:
            if prepared[row.number].problems:
                result.invalid.append((row, prepared[row.number].problems))
            result.warnings += prepared[row.number].warnings
        if result.invalid:
            progress.close()
            return
        journal = Journal(manifest_path, records)

        progress.phase(N_("writing"), len(todo))
        by_number = {row.number: (row, record) for row, record in todo}
        try:
            work = ((row, str(targets[row.number]), spool.get(row.number)) for row, _ in todo)
            for outcomes in pool.map(
                _produce_chunk,
                spec,
                work,
                len(todo),
                progress.advance,
                stop=lambda: fail_fast and bool(result.failed),
            ):
                for outcome in outcomes:
                    row, record = by_number[outcome.number]
                    record.status, record.sha256 = outcome.status, outcome.sha256
                    record.message = _cut(outcome.message)
                    records[row.number] = record
                    journal.add(record)
                    progress.row_done(row, outcome, record.output)
                    if outcome.status == "ok":
                        result.written += 1
                    else:
                        result.failed.append((row, outcome))
        finally:
            journal.close(records)
            progress.close()


def _cut(message: str, limit: int = 4000) -> str:
    """A failure as the manifest keeps it: whole for the clerk, short enough for every
    spreadsheet (and for the csv module's own cell limit when the manifest is read back)."""
    return message if len(message) <= limit else message[: limit - 1] + "…"


def _target(output: Path, inside: str, name: str) -> Path:
    target = output / f"{name}.docx"
    # naming.py already makes this impossible; a second lock costs nothing (no file system
    # call per row: a re-run of 3,321 rows must cost next to nothing).
    placed = os.path.normpath(os.path.join(inside, f"{name}.docx"))
    if os.path.commonpath([inside, placed]) != inside:
        raise MessageError(_("the name '{name}' would leave the output folder").format(name=name))
    return target


def refuse_links(output: Path, paths: Iterable[Path]) -> None:
    """OutputError at the first link (symlink) at or above a file the batch would write,
    below the output folder: writing through it would reach a file elsewhere. One look per
    folder and per file, so a re-run stays cheap."""
    seen: set[Path] = set()
    for path in paths:
        for place in (path, *path.parents):
            if place == output or place in seen or output not in place.parents:
                break
            seen.add(place)
            if place.is_symlink():
                raise OutputError(
                    str(place),
                    _(
                        "it is a link (symlink), and antq writes nothing through a link in "
                        "the output folder: delete the link, or choose another -o folder"
                    ),
                )


def _record(row: Row, inputs: str, output: Path, target: Path) -> Record:
    return Record(
        row=row.number,
        unit=row.unit,
        province=row.province,
        code=str(row.code or dict(row.values).get("code", "")),
        kind=row.kind,
        year=str(row.year or ""),
        output=target.relative_to(output).as_posix(),
        sha256="",
        status="",
        message="",
        inputs=inputs,
    )


def _unchanged(kept: Record, wanted: Record, output: Path) -> bool:
    """The row was written from the same inputs, and its file is still what was written."""
    if kept.status != "ok" or kept.inputs != wanted.inputs or kept.output != wanted.output:
        return False
    try:
        return hashlib.sha256((output / kept.output).read_bytes()).hexdigest() == kept.sha256
    except OSError:
        return False


def _prepare_chunk(spec: BatchSpec, rows: list[Row]) -> list[Prepared]:
    out = []
    for row in rows:
        try:
            out.append(prepare_row(spec, row))
        except Exception as exc:  # noqa: BLE001 — one row's bug must not sink the batch
            out.append(
                Prepared(
                    row.number,
                    problems=[
                        Problem(
                            row.file,
                            row.line,
                            0,
                            "",
                            f"internal error: {type(exc).__name__}: {exc}",
                        )
                    ],
                )
            )
    return out


def _produce_chunk(spec: BatchSpec, work: list[tuple[Row, str, bytes]]) -> list[Outcome]:
    out = []
    for row, target, plan in work:
        try:
            out.append(produce_row(spec, row, target, plan))
        except Exception as exc:  # noqa: BLE001 — as above; the row is reported as failed
            out.append(
                Outcome(
                    row.number, "failed", message=f"internal error: {type(exc).__name__}: {exc}"
                )
            )
    return out


def _convert_pdfs(
    output: Path, records: list[Record], result: BatchResult, progress: Progress
) -> None:
    """One LibreOffice process for every DOCX whose PDF is missing or older; each PDF is
    reported as LibreOffice finishes it (a province's take half a minute)."""
    from ..write.pdf import PdfError, convert_many

    wanted = []
    for record in records:
        if record.status != "ok":
            continue
        docx = output / record.output
        pdf = docx.with_suffix(".pdf")
        if not pdf.exists() or pdf.stat().st_mtime < docx.stat().st_mtime:
            wanted.append(docx)
    if not wanted:
        return
    progress.phase(N_("making PDFs"), len(wanted))
    try:
        convert_many(wanted, done=lambda docx: progress.file_done(docx.with_suffix(".pdf")))
    except PdfError as exc:
        result.pdf_error = exc.message
        return
    finally:
        progress.close()
    result.pdfs = len(wanted)
