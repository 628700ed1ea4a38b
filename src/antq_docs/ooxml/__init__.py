"""The vocabulary of Office Open XML that antq reads and writes: namespaces and qualified
names (`names`), units of measure (`units`), the schema order of property elements
(`order`), parsing and serialising (`tree`) and the few python-docx internals the writer
reaches into (`python_docx`).

This package and the DOCX reader (`antq_docs.inspect`) alone import lxml: `tree` when it
is loaded, `python_docx` python-docx when one of its helpers runs, the other modules
neither, so that the command line starts without them.
"""
