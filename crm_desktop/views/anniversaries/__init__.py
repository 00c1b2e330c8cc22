"""The anniversary calendar tab, and the custom yearly dates of a contact or an account."""
