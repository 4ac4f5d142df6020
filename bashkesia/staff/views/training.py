"""Training in the back office."""
