"""The embedded database (DuckDB): schema, idempotent writes, exports."""
from marsad.store.db import Store
from marsad.store.serialize import event_to_dict, flatten

__all__ = ["Store", "event_to_dict", "flatten"]
