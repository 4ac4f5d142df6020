"""Training of forum members at the Community Safety Coordination Office
(Vushtrri): courses, sessions, enrolment, attendance, certificates."""
