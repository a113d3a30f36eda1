"""Global search over the minutes (Ctrl+F): a dock with the query and the hits."""
