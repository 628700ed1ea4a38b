"""The plan format as typed models (pydantic v2)."""
