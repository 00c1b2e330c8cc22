"""Screens of the contacts module."""
