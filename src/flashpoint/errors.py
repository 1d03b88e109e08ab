"""One catalogue of Flashpoint's errors, grouped by what the caller can do about them.

Every message has a stable code (``E001``) and says what to do. Lower-layer exceptions are
translated at the boundary into the most specific class here and re-raised ``from`` the cause.
"""

from __future__ import annotations


class FlashpointError(Exception):
    """Base class: every error Flashpoint raises on purpose derives from this."""

    code = "E000"

    def __init__(self, message: str) -> None:
        super().__init__(f"{self.code}: {message}")


class InputError(FlashpointError):
    """The input cannot be used as given (missing, unreadable, malformed). Fix the input."""

    code = "E001"


class ModelError(FlashpointError):
    """The NLP model is missing or broken. Reinstall with `make install`."""

    code = "E002"


class StoreError(FlashpointError):
    """The database cannot be opened or written (locked, corrupt, wrong schema version)."""

    code = "E003"


class ConfigError(FlashpointError):
    """A setting or data table is invalid."""

    code = "E004"
