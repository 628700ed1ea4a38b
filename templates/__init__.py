"""Plan-kind templates (YAML with Jinja); see README.md in this folder."""
