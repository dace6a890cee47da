"""Ingest: read articles (txt, JSON Lines, HTML, WARC, stdin), identify the language, find site chrome.

The readers turn every input into ``Article`` records (or ``Failure`` records
for bad input, so a batch goes on); ``clean`` marks chrome without moving any
offset; ``detect_language``/``is_arabic`` let the pipeline skip other languages.
"""
from marsad.ingest.clean import clean
from marsad.ingest.language import detect_language, is_arabic
from marsad.ingest.readers import read_inputs

__all__ = ["clean", "detect_language", "is_arabic", "read_inputs"]
