"""Surveys of safety and trust in the back office."""
