"""The scale of the image on screen and where it comes from: microscope profiles, a typed number, a calibration line."""
