"""Use cases of products, quotations and sales orders."""
