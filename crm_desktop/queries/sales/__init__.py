"""The read side of products, quotations and orders."""
