"""Teaching the model from the user's corrections: the controller and its dialog."""
