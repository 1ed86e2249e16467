"""Every write in the asb app: one transaction each, with its audit event; notifications queued on commit."""
