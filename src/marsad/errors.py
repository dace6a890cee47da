"""The error hierarchy: one base class, a subclass per kind of cause."""


class MarsadError(Exception):
    """Base of every error Marsad raises on purpose."""


class InputError(MarsadError):
    """Bad input: unreadable file, malformed record, impossible field value."""

    def __init__(self, message: str, origin: str = "", field: str | None = None):
        self.origin = origin
        self.field = field
        where = origin + (f" field '{field}'" if field else "")
        super().__init__(f"{where}: {message}" if where else message)
        self.reason = message


class ResourceError(MarsadError):
    """A shipped data file (lexicon, actor base, gazetteer) is missing or invalid."""


class StoreError(MarsadError):
    """The database cannot be opened, read or written."""


class ConfigError(MarsadError):
    """A setting or command-line option is invalid."""
