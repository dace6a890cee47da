"""Pure text functions for Arabic: normalisation with offset maps, clitics, sentences, tokens."""
from marsad.arabic.normalize import Normalized, normalize, normalize_key

__all__ = ["Normalized", "normalize", "normalize_key"]
