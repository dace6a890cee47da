"""The embedded database (DuckDB): schema, idempotent writes, exports."""
from marsad.store.serialize import event_to_dict, flatten


def __getattr__(name):
    # DuckDB is imported only by those who open a database (coding to a file does not need it)
    if name == "Store":
        from marsad.store.db import Store
        return Store
    raise AttributeError(name)


__all__ = ["Store", "event_to_dict", "flatten"]
