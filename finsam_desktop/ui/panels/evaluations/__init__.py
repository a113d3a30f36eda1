"""The Evaluations panel (Utvärderingar): goals, indicators and evaluations."""
