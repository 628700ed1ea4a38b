"""Mutated Word documents: real and rendered packages changed at the XML and the zip level
(tests/test_mutation_docs.py feeds them through check, fix and import)."""
