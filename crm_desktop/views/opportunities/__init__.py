"""Screens of the opportunities module."""
