"""The Products tab and the product form."""
