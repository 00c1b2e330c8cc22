"""Quotations and sales orders: their lists, forms and the lines editor they share with deals."""
