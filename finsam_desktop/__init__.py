"""FINSAM Desktop: board, budget and activity register for Swedish coordination agencies."""

__version__ = "0.1.0"
