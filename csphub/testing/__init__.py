"""Helpers shared by the browser tests and ``scripts/browser_check.py``."""
