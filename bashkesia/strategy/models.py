"""The strategy and action plan: objectives, sub-objectives, activities,
indicators and their measurements, and the progress that rolls up."""
