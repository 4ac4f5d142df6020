"""Back office: community events on the public calendar."""
