"""Use cases: validate → one transaction → audit entry → `Changes`. The only write path."""
