"""The organisation panel: agency profile, charter, members, board and staff."""
