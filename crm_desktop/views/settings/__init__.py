"""Screens of the settings module."""
