"""The back office at /{lang}/staff/: one module per area."""
