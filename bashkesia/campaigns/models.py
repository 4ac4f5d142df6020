"""Awareness campaigns: theme, target groups, period, regions, channels,
materials, linked events and reach."""
