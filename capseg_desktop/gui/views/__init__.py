"""The three image views and what is drawn on them: boxes, tags, measurement layers, and NumPy pictures as Qt images."""
