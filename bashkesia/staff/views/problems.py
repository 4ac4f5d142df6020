"""Back office: problem-solving (SARA)."""
