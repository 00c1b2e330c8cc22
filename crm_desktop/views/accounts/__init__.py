"""Screens of the accounts module."""
