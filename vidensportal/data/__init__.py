"""Reading data/: one YAML file → records with line numbers, validated by pydantic models and cross-checked."""
