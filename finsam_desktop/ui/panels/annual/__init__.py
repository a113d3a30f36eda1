"""The Annual report panel (Årsredovisning)."""
