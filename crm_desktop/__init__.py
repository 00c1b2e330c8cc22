"""crm_desktop: an offline-first desktop CRM for small Thai businesses."""

__version__ = "0.1.0"  # pyproject.toml's version, for a bundle without the package's metadata (a test keeps them equal)
