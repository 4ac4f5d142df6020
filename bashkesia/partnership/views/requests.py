"""Citizens ask for a KLSP and follow their request."""
