"""Back office: sector priorities."""
