"""Step 3 of the pipeline: turn a validated plan into a document tree (no layout here)."""
