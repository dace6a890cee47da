"""Marsad: Arabic news in, political-event data (PLOVER/CAMEO) out."""

__version__ = "0.1.0"
