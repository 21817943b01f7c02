"""Open folder: the batch run and its result panel."""
