"""File > Import…: the import wizard (file, columns, preview, run, result)."""
