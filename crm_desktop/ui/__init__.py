"""Shared Qt pieces for the views (DESIGN §2): table model, tasks, forms, fonts, translations."""
