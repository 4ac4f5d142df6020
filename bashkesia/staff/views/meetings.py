"""Back office: meetings, attendance, minutes, action items, work plans."""
