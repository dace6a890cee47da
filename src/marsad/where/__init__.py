"""Places: the gazetteer, place mentions, and the location of each event."""
from marsad.where.gazetteer import Gazetteer, load_gazetteer, shipped_gazetteer
from marsad.where.places import find_places

__all__ = ["Gazetteer", "find_places", "load_gazetteer", "shipped_gazetteer"]
