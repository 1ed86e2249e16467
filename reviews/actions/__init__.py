"""Every write of the reviews app: one transaction each, with its audit event; emails queued on commit."""
