"""Step 4 of the pipeline: lay the document tree out as DOCX (and PDF through LibreOffice)."""
