"""Benchmarks of Bashkësia (``make bench``); see ``bench/run.py``."""
