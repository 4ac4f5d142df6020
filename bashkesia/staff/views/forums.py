"""Back office: forums, KLSP requests and approvals, members."""
