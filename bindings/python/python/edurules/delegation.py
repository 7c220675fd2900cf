"""``edurules.delegation``: see the stub ``delegation.pyi`` for the typed API."""

from __future__ import annotations

from ._edurules import delegation as _native  # noqa: F401

__all__: list = []
