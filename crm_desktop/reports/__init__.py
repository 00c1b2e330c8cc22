"""Printed documents (reportlab): the quotation PDF. Reads through queries/ and services/, never Qt."""
