"""The Cases tab: the list and the board by status, the case form, the SLA and routing settings."""
