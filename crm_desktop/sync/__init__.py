"""File sync between offline copies (DESIGN §5): bundles out of and into the change log."""
