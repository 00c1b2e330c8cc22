"""Screens of the sync module."""
