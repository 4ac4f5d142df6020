"""Surveys of safety perception and trust in the police: questions, public
answers (no identity kept), results by sector and municipality."""
