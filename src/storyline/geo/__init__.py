"""Offline geocoding of place names: a packaged gazetteer and a context-aware resolver."""

from storyline.geo.gazetteer import Candidate, Gazetteer, Place, get_gazetteer, normalise

__all__ = ["Candidate", "Gazetteer", "Place", "get_gazetteer", "normalise"]
