"""The Activities panel (Insatser)."""
