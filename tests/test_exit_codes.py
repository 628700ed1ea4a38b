"""The README's table of commands and exit codes, command by command: every code the table
promises is reached by a real situation, and no situation reaches a code the table does not
list (exit 70, «internal error», appears nowhere)."""

from __future__ import annotations

import os
import re
import signal
import socket
import threading
import time
import urllib.error
import urllib.request

import pytest
from typer.testing import CliRunner

from antq_docs.cli import app

from .helpers import DOC, FIXTURES, ROOT, mutate

MINIMAL = FIXTURES / "minimal.yaml"


def table() -> dict[str, set[int]]:
    """{first words of the command: the exit codes its row lists}."""
    text = (ROOT / "README.md").read_text("utf-8")
    section = text[text.index("## Commands") :]
    rows = {}
    for line in section.splitlines()[4:]:
        if not line.startswith("| `antq"):
            break
        cells = [c.strip() for c in line.strip("|").split(" | ")]
        command = re.match(r"`antq ([a-z-]+(?: --[a-z]+)?)", cells[0])[1]
        rows[command] = {int(code) for code in re.findall(r"(?:^|· )(\d+)", cells[-1])} or {0}
    return rows


def _bad_plan(tmp_path):
    plan = tmp_path / "bad.yaml"
    plan.write_text(
        MINIMAL.read_text("utf-8").replace("date: 05/01/2026", "date: 31/02/2026"), "utf-8"
    )
    return plan


def _clerks_yaml(tmp_path):
    taken = tmp_path / "taken.yaml"
    taken.write_text("# a clerk's own notes\n", "utf-8")
    return taken


def _without_luu_line(tmp_path):
    """antq's render with its «- Lưu: …» line taken out: import guesses one, for a person."""
    path = tmp_path / "no-luu.docx"
    path.write_bytes(mutate(_rendered(tmp_path).read_bytes(), DOC, r"- Lưu: VT, PV05\.", ""))
    return path


def _clerks_file(tmp_path):
    taken = tmp_path / "taken.docx"
    taken.write_bytes(b"a clerk's own file")
    return taken


SITUATIONS = {
    "render": [
        (0, lambda t: ["render", MINIMAL, "-o", t / "a.docx"]),
        (2, lambda t: ["render", _bad_plan(t), "-o", t / "b.docx"]),
        (3, lambda t: ["render", MINIMAL, "-o", _clerks_file(t)]),
    ],
    "validate": [(0, lambda t: ["validate", MINIMAL]), (2, lambda t: ["validate", _bad_plan(t)])],
    "validate --strict": [
        (0, lambda t: ["validate", "--strict", ROOT / "examples/cao-bang-2022-ngay-hoi-bcd.yaml"]),
        (2, lambda t: ["validate", "--strict", _bad_plan(t)]),
    ],
    "check": [
        (0, lambda t: ["check", _rendered(t)]),
        (1, lambda t: ["check", ROOT / "examples/drafts/du-thao.docx"]),
        (2, lambda t: ["check", _clerks_file(t)]),
    ],
    "check --rules": [(0, lambda t: ["check", "--rules"])],
    "test": [
        (
            0,
            lambda t: [
                "test",
                ROOT / "examples/cao-bang-2022-ngay-hoi-bcd.yaml",
                "--snapshots",
                ROOT / "tests/snapshots",
            ],
        ),
        (
            1,
            lambda t: ["test", ROOT / "examples/cao-bang-2022-ngay-hoi-bcd.yaml", "--snapshots", t],
        ),
        (2, lambda t: ["test", _bad_plan(t), "--snapshots", t]),
    ],
    "new": [
        (
            0,
            lambda t: [
                "new",
                "ngay-hoi",
                "--year",
                "2026",
                "--org",
                ROOT / "examples/orgs/cao-bang.yaml",
                "-o",
                t / "n.yaml",
                "--no-input",
            ],
        ),
        (
            2,
            lambda t: [
                "new",
                "ngay-hoi",
                "--year",
                "1999",
                "--org",
                ROOT / "examples/orgs/cao-bang.yaml",
                "-o",
                t / "n.yaml",
                "--no-input",
            ],
        ),
        (
            3,
            lambda t: [
                "new",
                "ngay-hoi",
                "--year",
                "2026",
                "--org",
                ROOT / "examples/orgs/cao-bang.yaml",
                "-o",
                _exists(t),
                "--no-input",
            ],
        ),
    ],
    "batch": [
        (
            0,
            lambda t: [
                "batch",
                "ngay-hoi",
                "--year",
                "2026",
                "--province",
                "Cao Bằng",
                "--rows",
                "1-1",
                "-j",
                "1",
                "-o",
                t / "out",
            ],
        ),
        (
            1,
            lambda t: [
                "batch",
                "ngay-hoi",
                "--year",
                "2026",
                "--province",
                "Cao Bằng",
                "--rows",
                "1-1",
                "-j",
                "1",
                "-o",
                _blocked_batch(t),
            ],
        ),
        (
            2,
            lambda t: [
                "batch",
                "ngay-hoi",
                "--year",
                "2026",
                "--province",
                "Atlantis",
                "-o",
                t / "out",
            ],
        ),
    ],
    "places": [(0, lambda t: ["places", "Cao Bằng"]), (2, lambda t: ["places", "Atlantis"])],
    "fix": [
        (0, lambda t: ["fix", ROOT / "examples/drafts/du-thao.docx", "-o", t / "f.docx"]),
        (
            1,
            lambda t: [
                "fix",
                ROOT / "examples/drafts/du-thao.docx",
                "--only",
                "ND30-FONT",
                "-o",
                t / "g.docx",
            ],
        ),
        (2, lambda t: ["fix", _rendered(t)]),
        (3, lambda t: ["fix", ROOT / "examples/drafts/du-thao.docx", "-o", _clerks_file(t)]),
    ],
    "import": [
        (0, lambda t: ["import", _rendered(t), "-o", t / "i.yaml"]),
        (1, lambda t: ["import", _without_luu_line(t), "-o", t / "j.yaml"]),
        (2, lambda t: ["import", ROOT / "examples/drafts/du-thao.docx", "--org", _bad_plan(t)]),
        (3, lambda t: ["import", _rendered(t), "-o", _clerks_yaml(t)]),
    ],
    "schema": [(0, lambda t: ["schema"])],
    "serve": [
        (0, lambda t: ["serve", "--folder", t, "--port", _stopped_by_ctrl_c()]),
        (2, lambda t: ["serve", "--folder", t / "nowhere"]),
        (2, lambda t: ["serve", "--folder", t, "--port", _taken_port()]),
    ],
    "validate --org": [
        (0, lambda t: ["validate", "--org", ROOT / "examples/orgs/cao-bang.yaml"]),
        (2, lambda t: ["validate", "--org", _bad_plan(t)]),
    ],
    "--lang": [
        (0, lambda t: ["--lang", "en", "schema"]),
        (2, lambda t: ["--lang", "fr", "schema"]),
    ],
    "--version": [(0, lambda t: ["--version"]), (0, lambda t: ["check", "--help"])],
}


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _stopped_by_ctrl_c() -> int:
    """A port where `antq serve` will answer; once it does, Ctrl-C (SIGINT) is sent to this
    process, as a clerk's terminal sends it."""
    port = _free_port()

    def press() -> None:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:  # an answer (403 without the token) means uvicorn holds the signals now
                urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2)
            except urllib.error.HTTPError as answer:
                answer.close()
                os.kill(os.getpid(), signal.SIGINT)
                return
            except OSError:
                time.sleep(0.05)

    threading.Thread(target=press, daemon=True).start()
    return port


_HELD: list[socket.socket] = []  # the sockets that keep a port taken while the case runs


def _taken_port() -> int:
    holder = socket.socket()
    holder.bind(("127.0.0.1", 0))
    holder.listen(1)
    _HELD.append(holder)
    return holder.getsockname()[1]


def _rendered(tmp_path):
    out = tmp_path / "antq.docx"
    CliRunner().invoke(app, ["render", str(MINIMAL), "-o", str(out), "--force"])
    return out


def _exists(tmp_path):
    path = tmp_path / "exists.yaml"
    path.write_text("x: 1\n", "utf-8")
    return path


def _blocked_batch(tmp_path):
    out = tmp_path / "blocked"
    out.mkdir()
    (out / "ngay-hoi-2026-phuong-thuc-phan.docx").write_bytes(b"a clerk's own file")
    return out


def test_the_table_lists_every_command():
    assert set(table()) == set(SITUATIONS)


@pytest.mark.parametrize("command", sorted(SITUATIONS))
def test_exit_codes_of(command, tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    promised = table()[command]
    reached = set()
    for number, (code, make) in enumerate(SITUATIONS[command]):
        folder = tmp_path / f"case{number}"
        folder.mkdir()
        result = CliRunner().invoke(app, [str(a) for a in make(folder)])
        assert result.exit_code == code, (command, code, result.output[-1500:])
        assert "internal error" not in result.output
        reached.add(code)
    assert reached == promised, (command, promised)
