"""Hostile plans and documents: each case is made here (small files, or generators for the
large ones) and run by tests/test_hostile.py in a separate process under a memory cap and a
timeout, with its expected exit code and message."""
