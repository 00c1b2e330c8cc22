"""What an import plans, row by row: the vocabulary the file readers (exchange/), the preview (queries/)
and the write (services/) share, below all three (the source rows, their problems, the plan of each
row, the saved column mappings)."""
