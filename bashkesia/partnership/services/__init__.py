"""Services of the partnership app, one module per sub-domain."""
