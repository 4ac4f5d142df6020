"""Public pages of a forum's meetings, and their record as PDF."""
