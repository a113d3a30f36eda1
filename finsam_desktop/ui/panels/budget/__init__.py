"""The Budget panel (Budget): plan, follow-up, contributions, charts and texts."""
