"""`antq batch`: one plan per row — per xã/phường of a province and per year, or per line of
a table — validated, rendered, checked and written by a pool of processes.

rows.py decides what the rows are; naming.py turns a row into a file name that cannot leave
the output folder; job.py is what a worker does with one row; manifest.py records what was
written, so that a run can resume; runner.py drives the pool.
"""

from .rows import BatchSpec, Row
from .runner import BatchResult, run_batch

__all__ = ["BatchSpec", "Row", "BatchResult", "run_batch"]
