"""The HTTP API (``app``) over read-only database queries (``api``) and the web UI's static files."""
from marsad.service.api import BadParameter, NotFound, connect

__all__ = ["BadParameter", "NotFound", "connect"]
