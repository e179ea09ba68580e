"""ipcoop: an open registry of intellectual-property technical cooperation."""

__version__ = "0.1.0"
