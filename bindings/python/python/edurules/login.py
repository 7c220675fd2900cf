"""``edurules.login``: see the stub ``login.pyi`` for the typed API."""

from __future__ import annotations

from ._edurules import login as _native  # noqa: F401

__all__: list = []
