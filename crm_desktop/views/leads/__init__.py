"""Screens of the leads module."""
