"""Partners in the back office."""
