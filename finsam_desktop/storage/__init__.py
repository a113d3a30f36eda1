"""Storage: the only layer that speaks SQL. Repositories return domain dataclasses and never
commit; services own transactions through `Store.user_action()`."""
