"""Public pages of the safety forums: the list and a forum's page."""
