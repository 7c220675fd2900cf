"""``edurules.password``: see the stub ``password.pyi`` for the typed API."""

from __future__ import annotations

from ._edurules import password as _native  # noqa: F401

__all__: list = []
