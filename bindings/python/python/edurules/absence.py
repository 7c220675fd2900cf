"""``edurules.absence``: see the stub ``absence.pyi`` for the typed API."""

from __future__ import annotations

from ._edurules import absence as _native  # noqa: F401

__all__: list = []
