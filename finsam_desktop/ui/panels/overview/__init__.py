"""The overview panel: the agency at a glance and what needs fixing."""
