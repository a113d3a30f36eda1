"""The Decisions panel (Beslut): decision register with follow-up, and delegation."""
