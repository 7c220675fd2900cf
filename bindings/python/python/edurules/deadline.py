"""``edurules.deadline``: see the stub ``deadline.pyi`` for the typed API."""

from __future__ import annotations

from ._edurules import deadline as _native  # noqa: F401

__all__: list = []
