"""The public events calendar and its iCalendar feeds."""
