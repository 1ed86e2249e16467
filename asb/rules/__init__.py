"""Pure rules for antisocial behaviour work: data in, answer and the reason for it out. No request, no writes.

Every number comes from an ``asb.config.AsbConfig`` so a partnership can change it without code.
"""
