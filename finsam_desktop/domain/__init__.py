"""Pure domain: value types, rules and errors. No I/O, no SQL, no Qt."""
