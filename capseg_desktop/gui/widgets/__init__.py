"""Small widgets shared by the features: guarded controls and read-only result tables."""
