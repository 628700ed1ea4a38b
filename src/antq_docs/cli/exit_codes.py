"""The exit codes of `antq`, one name each; the README's table of commands lists which
command returns which."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    FINDINGS = 1  # a finding, a snapshot difference, a row that failed: the others are done
    INVALID = 2  # the plan (or a file or an option given) is wrong; nothing is written
    OUTPUT = 3  # the plan is fine but the output was not written
    INTERNAL = 70  # a bug in antq (EX_SOFTWARE): the clerk is asked to report it
    INTERRUPTED = 130  # Ctrl-C (128 + SIGINT): what is written is complete
