"""Strategy and action plan in the back office."""
