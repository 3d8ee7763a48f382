"""Storyline."""
